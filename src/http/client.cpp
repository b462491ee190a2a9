#include "http/client.h"

#include "http/exchange.h"

namespace heliocloud::http {

Response Client::send(const Request& request, const Timeouts& timeouts) {
  EasyHandle handle = acquire();
  // Only a handle that got an HTTP response goes back to the pool. After a timeout, a reset or a TLS failure
  // its connection may be half-used or dead; reusing it would hand the next caller the same failure. On an
  // exception the handle is simply destroyed here.
  Response response = exchange(handle.get(), request, timeouts);
  release(std::move(handle));
  return response;
}

std::size_t Client::idle_handles() const {
  const std::scoped_lock lock(mu_);
  return idle_.size();
}

EasyHandle Client::acquire() {
  {
    const std::scoped_lock lock(mu_);
    if (!idle_.empty()) {
      EasyHandle handle = std::move(idle_.back());
      idle_.pop_back();
      return handle;
    }
  }
  return new_easy_handle();
}

void Client::release(EasyHandle handle) {
  const std::scoped_lock lock(mu_);
  idle_.push_back(std::move(handle));
}

}  // namespace heliocloud::http
