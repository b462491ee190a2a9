#pragma once
// One request on one curl easy handle, start to finish (internal to the http library; use Client).
#include "http/message.h"

namespace heliocloud::http {

// Resets `curl` (its connection cache stays), sets it up for `request`, performs it and returns the response.
// Throws TransportError when no complete response arrived; any HTTP status is a response.
Response exchange(void* curl, const Request& request, const Timeouts& timeouts);

}  // namespace heliocloud::http
