#pragma once
// Why no HTTP response could be had. The AWS client maps the kinds to its error codes and retry classes.
#include <stdexcept>
#include <string>

namespace heliocloud::http {

enum class TransportFailure { ConnectFailed, ResolveFailed, Timeout, Truncated, Reset, Tls, Other };

class TransportError : public std::runtime_error {
 public:
  TransportError(TransportFailure kind, const std::string& what, bool request_sent)
      : std::runtime_error(what), kind_(kind), sent_(request_sent) {}

  [[nodiscard]] TransportFailure kind() const noexcept { return kind_; }
  // False when the request never reached the server (always safe to repeat).
  [[nodiscard]] bool request_sent() const noexcept { return sent_; }

 private:
  TransportFailure kind_;
  bool sent_;
};

}  // namespace heliocloud::http
