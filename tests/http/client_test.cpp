// http::Client against a scripted local server: the handle pool, header parsing, file bodies and streamed
// responses, and what a transport failure looks like.
#include "http/client.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fake_http_server.h"

namespace http = heliocloud::http;
namespace fs = std::filesystem;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using namespace std::chrono_literals;

namespace {

http::Request get(const FakeHttpServer& server, const std::string& path = "/") {
  http::Request r;
  r.url = server.url() + path;
  return r;
}

http::Timeouts quick() {
  http::Timeouts t;
  t.connect = 1000ms;
  t.total = 5000ms;
  t.stall = 1000ms;
  return t;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The TransportError that sending `request` throws; fails the test when it does not throw one.
http::TransportError failure_of(http::Client& client, const http::Request& request,
                                const http::Timeouts& timeouts) {
  try {
    (void)client.send(request, timeouts);
  } catch (const http::TransportError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a TransportError from " << request.method << " " << request.url;
  return {http::TransportFailure::Other, "no error", true};
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("http_test_" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(HttpClient, AHandleThatGotAnyResponseGoesBackToThePool) {
  FakeHttpServer server([](const RecordedRequest& req) {
    return req.index == 0 ? CannedResponse{200, {}, "first"} : CannedResponse{500, {}, "broken"};
  });
  http::Client client;
  EXPECT_EQ(client.idle_handles(), 0U);
  EXPECT_EQ(client.send(get(server), quick()).body, "first");
  EXPECT_EQ(client.idle_handles(), 1U);
  const auto error = client.send(get(server), quick());  // an HTTP error is still a response
  EXPECT_EQ(error.status, 500);
  EXPECT_EQ(error.body, "broken");
  EXPECT_EQ(client.idle_handles(), 1U);  // the same handle, taken and given back
}

TEST(HttpClient, AHandleWhoseExchangeFailedIsDiscarded) {
  FakeHttpServer server([](const RecordedRequest& req) {
    return CannedResponse{200, {}, "ok", req.index == 1};  // the second request gets no answer
  });
  http::Client client;
  (void)client.send(get(server), quick());
  ASSERT_EQ(client.idle_handles(), 1U);
  const auto e = failure_of(client, get(server), quick());
  EXPECT_EQ(e.kind(), http::TransportFailure::Reset);  // closed without an answer
  EXPECT_TRUE(e.request_sent());
  EXPECT_EQ(client.idle_handles(), 0U);
  EXPECT_EQ(client.send(get(server), quick()).status, 200);  // a fresh handle
  EXPECT_EQ(client.idle_handles(), 1U);
}

// AWS keeps connections open; a TCP (and TLS) handshake per request would cost more than the request.
TEST(HttpClient, AConnectionTheServerKeepsOpenCarriesTheNextRequests) {
  FakeHttpServer server([](const RecordedRequest& req) {
    CannedResponse r{200, {}, "ok"};
    r.keep_alive = req.index != 2;  // the third answer says "Connection: close"
    return r;
  });
  http::Client client;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.send(get(server), quick()).status, 200);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 5U);
  EXPECT_EQ(requests[0].connection, 0U);
  EXPECT_EQ(requests[1].connection, 0U);
  EXPECT_EQ(requests[2].connection, 0U);
  EXPECT_EQ(requests[3].connection, 1U);  // the client honoured the close and connected anew
  EXPECT_EQ(requests[4].connection, 1U);
}

TEST(HttpClient, ConnectionRefusedSaysTheRequestNeverLeft) {
  int port = 0;
  {
    FakeHttpServer gone([](const RecordedRequest&) { return CannedResponse{}; });
    port = gone.port();
  }
  http::Client client;
  http::Request r;
  r.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  const auto e = failure_of(client, r, quick());
  EXPECT_EQ(e.kind(), http::TransportFailure::ConnectFailed);
  EXPECT_FALSE(e.request_sent());
  EXPECT_EQ(client.idle_handles(), 0U);
}

TEST(HttpClient, HeadersAreLowerCasedTrimmedAndTheLastValueWins) {
  FakeHttpServer server([](const RecordedRequest&) {
    CannedResponse r;
    r.raw =
        "HTTP/1.1 100 Continue\r\nX-Early: dropped\r\n\r\n"
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Mixed-Case:   spaced value \t\r\nX-Twice: one\r\n"
        "X-Twice: two\r\nX-Empty:\r\n\r\nok";
    return r;
  });
  http::Client client;
  const auto resp = client.send(get(server), quick());
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.header("x-mixed-case"), "spaced value");
  EXPECT_EQ(resp.header("x-twice"), "two");
  EXPECT_EQ(resp.header("x-empty", "absent"), "");
  EXPECT_EQ(resp.header("x-early", "absent"), "absent");  // a new status line starts over
  EXPECT_EQ(resp.header("x-missing", "fallback"), "fallback");
}

TEST(HttpClient, RequestHeadersGoAsGivenAndAnEmptyValueIsSentEmpty) {
  FakeHttpServer server([](const RecordedRequest&) { return CannedResponse{200}; });
  http::Client client;
  http::Request r = get(server);
  r.method = "PUT";
  r.body = "{}";
  r.headers = {{"X-Custom", "v"}, {"Content-Type", ""}};
  EXPECT_EQ(client.send(r, quick()).status, 200);
  const auto seen = server.requests().at(0);
  EXPECT_EQ(seen.method, "PUT");
  EXPECT_EQ(seen.header("x-custom"), "v");
  EXPECT_TRUE(seen.has_header("content-type"));
  EXPECT_EQ(seen.header("content-type"), "");
  EXPECT_FALSE(seen.has_header("expect"));  // no 100-continue round trip
  EXPECT_EQ(seen.body, "{}");
}

TEST(HttpClient, AFileRangeIsSentAsTheBody) {
  const TempDir dir;
  const auto file = dir.path() / "part.bin";
  std::ofstream(file, std::ios::binary) << "0123456789";
  FakeHttpServer server([](const RecordedRequest&) { return CannedResponse{200}; });
  http::Client client;
  http::Request r = get(server, "/part");
  r.method = "PUT";
  r.body_file = http::FileRange{.path = file, .offset = 3, .length = 4};
  (void)client.send(r, quick());
  const auto seen = server.requests().at(0);
  EXPECT_EQ(seen.body, "3456");
  EXPECT_EQ(seen.header("content-length"), "4");

  r.body_file = http::FileRange{.path = dir.path() / "missing.bin", .offset = 0, .length = 1};
  const auto e = failure_of(client, r, quick());
  EXPECT_EQ(e.kind(), http::TransportFailure::Other);
  EXPECT_FALSE(e.request_sent());
}

TEST(HttpClient, ASuccessBodyIsStreamedToTheResponseFileAndAnErrorBodyIsNot) {
  const TempDir dir;
  FakeHttpServer server([](const RecordedRequest& req) {
    if (req.target == "/object") return CannedResponse{200, {}, "object bytes"};
    if (req.target == "/empty") return CannedResponse{200, {}, ""};
    return CannedResponse{404, {}, "<Error>NoSuchKey</Error>"};
  });
  http::Client client;
  http::Request r = get(server, "/object");
  r.response_file = dir.path() / "object";
  const auto ok = client.send(r, quick());
  EXPECT_EQ(ok.body, "");
  EXPECT_EQ(ok.body_bytes, 12U);
  EXPECT_EQ(read_file(dir.path() / "object"), "object bytes");

  r = get(server, "/empty");
  r.response_file = dir.path() / "empty";
  (void)client.send(r, quick());
  EXPECT_TRUE(fs::exists(dir.path() / "empty"));  // an empty object is still a file

  r = get(server, "/missing");
  r.response_file = dir.path() / "missing";
  const auto missing = client.send(r, quick());
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "<Error>NoSuchKey</Error>");
  EXPECT_FALSE(fs::exists(dir.path() / "missing"));
}

TEST(HttpClient, ASilentServerIsAStallTimeout) {
  FakeHttpServer server([](const RecordedRequest&) {
    CannedResponse r{200, {}, "late"};
    r.stall_before = 3000ms;
    return r;
  });
  http::Client client;
  http::Timeouts t = quick();
  t.stall = 300ms;
  const auto e = failure_of(client, get(server), t);
  EXPECT_EQ(e.kind(), http::TransportFailure::Timeout);
  EXPECT_NE(std::string(e.what()).find("stall timeout"), std::string::npos) << e.what();
  EXPECT_EQ(client.idle_handles(), 0U);
}

}  // namespace
