#pragma once
// AWS client errors as the registry's StoreError. The client has already retried; what is still worth a
// registry-level retry (throttling, 5xx, transport) is marked transient.
#include <string>

#include "aws/errors.h"
#include "registry/object_store.h"

namespace heliocloud::registry {

[[noreturn]] inline void throw_store_error(const aws::AwsError& e, const std::string& what) {
  const bool transient = dynamic_cast<const aws::ThrottledError*>(&e) != nullptr ||
                         dynamic_cast<const aws::ServiceUnavailableError*>(&e) != nullptr ||
                         dynamic_cast<const aws::TransportError*>(&e) != nullptr;
  throw StoreError(what + ": " + e.what(), transient);
}

}  // namespace heliocloud::registry
