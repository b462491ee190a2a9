#include "aws/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "aws/encoding.h"

namespace heliocloud::aws {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

struct Exchange {
  const HttpRequest* request = nullptr;
  CURL* curl = nullptr;
  // request body
  std::string_view mem_body;
  FilePtr in_file;
  std::uint64_t remaining = 0;
  // response
  HttpResponse response;
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
int progress_cb(void* user, curl_off_t, curl_off_t dlnow, curl_off_t, curl_off_t ulnow) {
  auto* x = static_cast<Exchange*>(user);
  const auto now = std::chrono::steady_clock::now();
  if (dlnow + ulnow != x->last_bytes) {
    x->last_bytes = dlnow + ulnow;
    x->last_progress = now;
    return 0;
  }
  if (now - x->last_progress > x->stall) {
    x->stalled = true;
    return 1;  // aborts the transfer: CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

std::size_t read_cb(char* buf, std::size_t size, std::size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const std::size_t want = std::min<std::uint64_t>(size * n, x->remaining);
  if (want == 0) return 0;
  std::size_t got = 0;
  if (x->in_file) {
    got = std::fread(buf, 1, want, x->in_file.get());
    if (got == 0) return CURL_READFUNC_ABORT;  // file shrank under us
  } else {
    got = want;
    std::copy_n(x->mem_body.data(), got, buf);
    x->mem_body.remove_prefix(got);
  }
  x->remaining -= got;
  return got;
}

std::size_t write_cb(char* data, std::size_t size, std::size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const std::size_t len = size * n;
  long status = 0;
  curl_easy_getinfo(x->curl, CURLINFO_RESPONSE_CODE, &status);
  // Only a success body goes to the file: an error document must stay readable for the error parser.
  if (x->request->response_file && status >= 200 && status < 300) {
    if (!x->out_file) {
      x->out_file.reset(std::fopen(x->request->response_file->c_str(), "wb"));
      if (!x->out_file) {
        x->out_error = "cannot open " + x->request->response_file->string() + " for writing";
        return 0;
      }
    }
    if (std::fwrite(data, 1, len, x->out_file.get()) != len) {
      x->out_error = "write to " + x->request->response_file->string() + " failed";
      return 0;
    }
  } else {
    x->response.body.append(data, len);
  }
  x->response.body_bytes += len;
  return len;
}

std::size_t header_cb(char* data, std::size_t size, std::size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {
    x->response.headers.clear();  // a new status line (after 100 Continue or a redirect) starts over
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    x->response.headers[ascii_lower(trim(line.substr(0, colon)))] = std::string(trim(line.substr(colon + 1)));
  }
  return size * n;
}

TransportFailure failure_kind(CURLcode rc) {
  switch (rc) {
    case CURLE_COULDNT_CONNECT:
      return TransportFailure::ConnectFailed;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportFailure::ResolveFailed;
    case CURLE_OPERATION_TIMEDOUT:
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

}  // namespace

std::string HttpResponse::header(const std::string& lower_name, const std::string& fallback) const {
  const auto it = headers.find(lower_name);
  return it == headers.end() ? fallback : it->second;
}

HttpClient::HttpClient() {
  global_init();
}

HttpClient::~HttpClient() {
  for (void* h : idle_) curl_easy_cleanup(static_cast<CURL*>(h));
}

void* HttpClient::acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      void* h = idle_.back();
      idle_.pop_back();
      return h;
    }
  }
  CURL* h = curl_easy_init();
  if (!h) throw std::runtime_error("curl_easy_init failed");
  return h;
}

void HttpClient::release(void* handle) {
  std::lock_guard lock(mu_);
  idle_.push_back(handle);
}

HttpResponse HttpClient::send(const HttpRequest& request, const HttpTimeouts& timeouts) {
  CURL* curl = static_cast<CURL*>(acquire());
  struct Release {
    HttpClient* self;
    CURL* h;
    ~Release() { self->release(h); }
  } release_guard{this, curl};
  curl_easy_reset(curl);  // keeps the connection cache, drops the previous call's options

  Exchange x;
  x.request = &request;
  x.curl = curl;

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // required with threads: no SIGALRM for DNS timeouts
  // A packaged Lambda carries Debian's libcurl, which looks for Debian's CA bundle; on Amazon Linux the
  // bundle lives elsewhere and the package's bootstrap says where through SSL_CERT_FILE (as OpenSSL's tools
  // honor it).
  if (const char* ca = std::getenv("SSL_CERT_FILE");
      ca != nullptr && *ca != '\0')  // NOLINT(concurrency-mt-unsafe)
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  if (timeouts.total.count() > 0)
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  if (timeouts.stall.count() > 0) {
    x.stall = timeouts.stall;
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &x);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &x);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, header_cb);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &x);

  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // No "Expect: 100-continue" round trip: AWS accepts the body straight away, and it costs latency.
  headers = curl_slist_append(headers, "Expect:");
  // curl adds "Accept: */*" by default; harmless, but unsigned extras are noise in server logs.
  headers = curl_slist_append(headers, "Accept:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  struct FreeHeaders {
    curl_slist* h;
    ~FreeHeaders() { curl_slist_free_all(h); }
  } free_headers{headers};

  const bool has_body =
      request.body_file || !request.body.empty() || request.method == "PUT" || request.method == "POST";
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (has_body) {
    if (request.body_file) {
      x.in_file.reset(std::fopen(request.body_file->path.c_str(), "rb"));
      if (!x.in_file) {
        throw TransportException(TransportFailure::Other, "cannot open " + request.body_file->path.string(),
                                 false);
      }
      if (fseeko(x.in_file.get(), static_cast<off_t>(request.body_file->offset), SEEK_SET) != 0) {
        throw TransportException(TransportFailure::Other,
                                 "cannot seek in " + request.body_file->path.string(), false);
      }
      x.remaining = request.body_file->length;
    } else {
      x.mem_body = request.body;
      x.remaining = request.body.size();
    }
    // UPLOAD + a known size gives a Content-Length body for any method (never chunked, which S3 refuses).
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(x.remaining));
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(curl, CURLOPT_READDATA, &x);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  const CURLcode rc = curl_easy_perform(curl);
  if (x.out_file) {
    if (std::fclose(x.out_file.release()) != 0 && rc == CURLE_OK) {
      throw TransportException(TransportFailure::Other,
                               "closing " + request.response_file->string() + " failed", true);
    }
  }
  if (rc != CURLE_OK) {
    const auto kind = x.stalled ? TransportFailure::Timeout : failure_kind(rc);
    std::string what = curl_easy_strerror(rc);
    if (x.stalled)
      what = "no data moved for " + std::to_string(timeouts.stall.count()) + " ms (stall timeout)";
    if (!x.out_error.empty()) what += ": " + x.out_error;
    if (kind == TransportFailure::Truncated) {
      what = "response body truncated: received " + std::to_string(x.response.body_bytes) +
             " bytes, Content-Length " + x.response.header("content-length", "?");
    }
    const bool sent = kind != TransportFailure::ConnectFailed && kind != TransportFailure::ResolveFailed;
    throw TransportException(kind, what, sent);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &x.response.status);
  if (request.response_file && x.response.status >= 200 && x.response.status < 300 &&
      x.response.body_bytes == 0) {
    FilePtr empty(std::fopen(request.response_file->c_str(), "wb"));  // an empty object is still a file
    if (!empty)
      throw TransportException(TransportFailure::Other, "cannot create " + request.response_file->string(),
                               true);
  }
  return std::move(x.response);
}

}  // namespace heliocloud::aws
