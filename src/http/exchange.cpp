#include "http/exchange.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "base/text.h"
#include "http/curl_handles.h"
#include "http/transport_error.h"

namespace heliocloud::http {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const noexcept {
    if (f != nullptr) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// What curl's callbacks read and write during one exchange.
struct Transfer {
  const Request* request = nullptr;
  CURL* curl = nullptr;
  // request body
  std::string_view mem_body;
  FilePtr in_file;
  std::uint64_t remaining = 0;
  // response
  Response response;
  FilePtr out_file;
  std::string out_error;
  // stall detection
  std::chrono::milliseconds stall{0};
  curl_off_t last_bytes = -1;
  std::chrono::steady_clock::time_point last_progress = std::chrono::steady_clock::now();
  bool stalled = false;
};

// curl's own LOW_SPEED check averages over a window of several seconds, so a burst followed by silence
// goes unnoticed for that long; tracking the last byte moved gives a precise "nothing for N ms".
int on_progress(void* user, curl_off_t /*unused*/, curl_off_t dlnow, curl_off_t /*unused*/,
                curl_off_t ulnow) {
  auto* t = static_cast<Transfer*>(user);
  const auto now = std::chrono::steady_clock::now();
  if (dlnow + ulnow != t->last_bytes) {
    t->last_bytes = dlnow + ulnow;
    t->last_progress = now;
    return 0;
  }
  if (now - t->last_progress > t->stall) {
    t->stalled = true;
    return 1;  // aborts the transfer: CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

std::size_t on_read(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t want = std::min<std::uint64_t>(size * n, t->remaining);
  if (want == 0) return 0;
  std::size_t got = 0;
  if (t->in_file) {
    got = std::fread(buf, 1, want, t->in_file.get());
    if (got == 0) return CURL_READFUNC_ABORT;  // file shrank under us
  } else {
    got = want;
    std::copy_n(t->mem_body.data(), got, buf);
    t->mem_body.remove_prefix(got);
  }
  t->remaining -= got;
  return got;
}

// Only a success body goes to the file: an error document must stay readable for the caller's error parser.
bool write_to_file(Transfer& t, const char* data, std::size_t len) {
  const auto& path = t.request->response_file.value();
  if (!t.out_file) {
    t.out_file.reset(std::fopen(path.c_str(), "wb"));
    if (!t.out_file) {
      t.out_error = "cannot open " + path.string() + " for writing";
      return false;
    }
  }
  if (std::fwrite(data, 1, len, t.out_file.get()) != len) {
    t.out_error = "write to " + path.string() + " failed";
    return false;
  }
  return true;
}

std::size_t on_write(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * n;
  long status = 0;
  curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
  if (t->request->response_file && status >= 200 && status < 300) {
    if (!write_to_file(*t, data, len)) return 0;
  } else {
    t->response.body.append(data, len);
  }
  t->response.body_bytes += len;
  return len;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  if (line.starts_with("HTTP/")) {
    t->response.headers.clear();  // a new status line (after 100 Continue or a redirect) starts over
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    t->response.headers[base::to_lower(base::trim(line.substr(0, colon)))] =
        std::string(base::trim(line.substr(colon + 1)));
  }
  return size * n;
}

void set_timeouts(CURL* curl, Transfer& t, const Timeouts& timeouts) {
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  if (timeouts.total.count() > 0)
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  if (timeouts.stall.count() > 0) {
    t.stall = timeouts.stall;
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }
}

void set_connection(CURL* curl, Transfer& t, const Timeouts& timeouts) {
  curl_easy_setopt(curl, CURLOPT_URL, t.request->url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // required with threads: no SIGALRM for DNS timeouts
  // A packaged Lambda carries Debian's libcurl, which looks for Debian's CA bundle; on Amazon Linux the
  // bundle lives elsewhere and the package's bootstrap says where through SSL_CERT_FILE (as OpenSSL's tools
  // honor it).
  if (const char* ca = std::getenv("SSL_CERT_FILE");  // NOLINT(concurrency-mt-unsafe)
      ca != nullptr && *ca != '\0')
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca);
  set_timeouts(curl, t, timeouts);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
}

HeaderList header_list(const Request& request) {
  HeaderList headers;
  for (const auto& [name, value] : request.headers) {
    // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it): CloudFormation's
    // presigned ResponseURL is signed with an empty Content-Type, for one.
    headers.append(value.empty() ? name + ";" : name + ": " + value);
  }
  // No "Expect: 100-continue" round trip: servers accept the body straight away, and it costs latency.
  headers.append("Expect:");
  // curl adds "Accept: */*" by default; harmless, but unsigned extras are noise in server logs.
  headers.append("Accept:");
  return headers;
}

void open_body_file(Transfer& t, const FileRange& range) {
  t.in_file.reset(std::fopen(range.path.c_str(), "rb"));
  if (!t.in_file) throw TransportError(TransportFailure::Other, "cannot open " + range.path.string(), false);
  if (fseeko(t.in_file.get(), static_cast<off_t>(range.offset), SEEK_SET) != 0)
    throw TransportError(TransportFailure::Other, "cannot seek in " + range.path.string(), false);
  t.remaining = range.length;
}

void set_method_and_body(CURL* curl, Transfer& t) {
  const Request& request = *t.request;
  const bool has_body =
      request.body_file || !request.body.empty() || request.method == "PUT" || request.method == "POST";
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    return;
  }
  if (!has_body) {
    if (request.method != "GET") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    return;
  }
  if (request.body_file) {
    open_body_file(t, *request.body_file);
  } else {
    t.mem_body = request.body;
    t.remaining = request.body.size();
  }
  // UPLOAD + a known size gives a Content-Length body for any method (never chunked, which S3 refuses).
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(t.remaining));
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, on_read);
  curl_easy_setopt(curl, CURLOPT_READDATA, &t);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
}

TransportFailure failure_kind(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
      return TransportFailure::ConnectFailed;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportFailure::ResolveFailed;
    case CURLE_OPERATION_TIMEDOUT:  // connect or total timeout: curl does not tell them apart
      return TransportFailure::Timeout;
    case CURLE_PARTIAL_FILE:
      return TransportFailure::Truncated;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
      return TransportFailure::Reset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return TransportFailure::Tls;
    default:
      return TransportFailure::Other;
  }
}

TransportError transport_error(CURLcode rc, const Transfer& t, const Timeouts& timeouts) {
  const auto kind = t.stalled ? TransportFailure::Timeout : failure_kind(rc);
  std::string what = curl_easy_strerror(rc);
  if (t.stalled) what = "no data moved for " + std::to_string(timeouts.stall.count()) + " ms (stall timeout)";
  if (!t.out_error.empty()) what += ": " + t.out_error;
  if (kind == TransportFailure::Truncated) {
    what = "response body truncated: received " + std::to_string(t.response.body_bytes) +
           " bytes, Content-Length " + t.response.header("content-length", "?");
  }
  const bool sent = kind != TransportFailure::ConnectFailed && kind != TransportFailure::ResolveFailed;
  return {kind, what, sent};
}

// The response file is complete only once closed; an empty 2xx body still creates it (an empty object is a
// file too).
void finish_response_file(Transfer& t, bool transfer_ok) {
  const auto& path = t.request->response_file;
  if (t.out_file) {
    if (std::fclose(t.out_file.release()) != 0 && transfer_ok)
      throw TransportError(TransportFailure::Other, "closing " + path.value().string() + " failed", true);
  }
  if (!transfer_ok || !path || t.response.status < 200 || t.response.status >= 300 ||
      t.response.body_bytes != 0)
    return;
  const FilePtr empty(std::fopen(path->c_str(), "wb"));
  if (!empty) throw TransportError(TransportFailure::Other, "cannot create " + path->string(), true);
}

}  // namespace

Response exchange(void* curl, const Request& request, const Timeouts& timeouts) {
  curl_easy_reset(curl);  // keeps the connection cache, drops the previous call's options
  Transfer t;
  t.request = &request;
  t.curl = curl;
  set_connection(curl, t, timeouts);
  const HeaderList headers = header_list(request);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  set_method_and_body(curl, t);

  const CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &t.response.status);
  finish_response_file(t, rc == CURLE_OK);
  if (rc != CURLE_OK) throw transport_error(rc, t, timeouts);
  return std::move(t.response);
}

}  // namespace heliocloud::http
