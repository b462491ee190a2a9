#pragma once
// heliocloud::http::Client: one HTTP exchange per call over libcurl, with a pool of handles so that
// connections are reused across calls and threads. No retries, no signing: callers (the AWS service layer,
// the Lambda runtime loop, the custom-resource provider) add those.
#include <cstddef>
#include <mutex>
#include <vector>

#include "http/curl_handles.h"
#include "http/message.h"
#include "http/transport_error.h"

namespace heliocloud::http {

// Thread-safe.
class Client {
 public:
  Client() = default;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Throws TransportError when no complete response arrived. Any HTTP status is a response.
  Response send(const Request& request, const Timeouts& timeouts);

  // Handles waiting in the pool (each may hold an open connection).
  [[nodiscard]] std::size_t idle_handles() const;

 private:
  EasyHandle acquire();
  void release(EasyHandle handle);

  mutable std::mutex mu_;
  std::vector<EasyHandle> idle_;
};

}  // namespace heliocloud::http
