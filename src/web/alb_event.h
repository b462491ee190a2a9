#pragma once
// Front door 2: an Application Load Balancer target group invoking a Lambda function
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html).
// The event is JSON with httpMethod, path, queryStringParameters | multiValueQueryStringParameters,
// headers | multiValueHeaders, body and isBase64Encoded; which pair appears depends on the target group's
// lambda.multi_value_headers.enabled, and the response must use the same mode. ALB passes query-string
// keys and values as the client sent them (still percent-encoded), so they are decoded here.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "web/app.h"
#include "web/request.h"
#include "web/response.h"

namespace heliocloud::web {

struct AlbRequest {
  Request request;
  bool multi_value = false;  // the event used multiValueHeaders: answer with multiValueHeaders
};

class AlbEventError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws AlbEventError when the event is not an ALB request (missing or mistyped fields, bad base64).
[[nodiscard]] AlbRequest request_from_alb_event(const nlohmann::json& event);

// The Lambda response ALB expects. Bodies that are binary, or not valid UTF-8 (which JSON cannot carry), go
// base64 with isBase64Encoded. In single-value mode a header that occurs several times is joined with ", ",
// except Set-Cookie, which cannot be joined: only the first is kept and the others are dropped with a note
// on stderr, so deploy web apps with multi-value headers on (our stacks do).
[[nodiscard]] nlohmann::json alb_response(const Response& response, bool multi_value);

// The whole round trip for one invocation: event text in, response JSON text out. A malformed event gets
// a 400 response (through App::reject, so it is logged and carries the security headers), never an exception.
[[nodiscard]] std::string handle_alb_event(const App& app, std::string_view event,
                                           std::string request_id = {});

}  // namespace heliocloud::web
