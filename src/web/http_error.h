#pragma once
// What a handler throws to answer with an error page of a given status and a message meant for the user
// ("volume_size must be a number"). Unlike any other exception, whose text goes to the log only (it may
// hold AWS error details or internals), this message is shown, HTML-escaped.
#include <stdexcept>
#include <string>

namespace heliocloud::web {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& public_message)
      : std::runtime_error(public_message), status_(status) {}
  [[nodiscard]] int status() const noexcept { return status_; }

 private:
  int status_;
};

}  // namespace heliocloud::web
