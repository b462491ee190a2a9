#include "aws/error_parser.h"

#include <nlohmann/json.hpp>

#include "aws/xml.h"
#include "base/text.h"

namespace heliocloud::aws {
namespace {

// "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException" and
// "ResourceNotFoundException:http://internal.amazon.com/..." both name the code in the middle.
std::string bare_code(std::string code) {
  if (const auto hash = code.rfind('#'); hash != std::string::npos) code = code.substr(hash + 1);
  if (const auto colon = code.find(':'); colon != std::string::npos) code = code.substr(0, colon);
  return code;
}

std::string status_code_name(long status) {
  switch (status) {
    case 301:
      return "PermanentRedirect";
    case 304:
      return "NotModified";
    case 400:
      return "BadRequest";
    case 403:
      return "AccessDenied";
    case 404:
      return "NotFound";
    case 412:
      return "PreconditionFailed";
    case 429:
      return "TooManyRequestsException";
    case 500:
      return "InternalError";
    case 502:
      return "BadGateway";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "GatewayTimeout";
    default:
      return "HTTP" + std::to_string(status);
  }
}

}  // namespace

bool is_s3_error_document(const std::string& body) {
  const auto start = body.find('<', body.rfind("?>") == std::string::npos ? 0 : body.find("?>") + 2);
  return start != std::string::npos && body.compare(start, 7, "<Error>") == 0;
}

ErrorInfo parse_error_response(const http::Response& response, const std::string& service,
                               const std::string& operation) {
  ErrorInfo info;
  info.service = service;
  info.operation = operation;
  info.http_status = response.status;
  info.request_id = response.header("x-amz-request-id", response.header("x-amzn-requestid"));
  const std::string_view body = base::trim(response.body);
  if (!body.empty() && body.front() == '<') {
    try {
      const xml::Node root = xml::parse(body);
      const xml::Node* err = root.name == "Error" ? &root : root.child("Error");
      if (err == nullptr) {
        for (const auto& c : root.children) {  // <Response><Errors><Error> (EC2-style)
          if (const auto* e = c.child("Error")) err = e;
        }
      }
      if (err != nullptr) {
        info.code = err->child_text("Code");
        info.message = err->child_text("Message");
      }
      std::string rid =
          root.child_text("RequestId", (err != nullptr) ? err->child_text("RequestId") : std::string());
      if (!rid.empty()) info.request_id = rid;
    } catch (const std::exception&) {
      info.message = std::string(body.substr(0, 200));  // an HTML error page from a proxy, say
    }
  } else if (!body.empty() && body.front() == '{') {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object()) {
      for (const char* k : {"__type", "code", "Code"}) {
        if (j.contains(k) && j[k].is_string()) {
          info.code = j[k].get<std::string>();
          break;
        }
      }
      for (const char* k : {"message", "Message", "errorMessage"}) {
        if (j.contains(k) && j[k].is_string()) {
          info.message = j[k].get<std::string>();
          break;
        }
      }
      if (j.contains("CancellationReasons") && j["CancellationReasons"].is_array()) {
        for (const auto& r : j["CancellationReasons"])
          info.reasons.push_back(r.value("Code", std::string("None")));
      }
    } else {
      info.message = std::string(body.substr(0, 200));
    }
  } else if (!body.empty()) {
    info.message = std::string(body.substr(0, 200));
  }
  if (const auto t = response.header("x-amzn-errortype"); !t.empty() && info.code.empty()) info.code = t;
  info.code = bare_code(info.code);
  if (info.code.empty()) info.code = status_code_name(response.status);
  return info;
}

}  // namespace heliocloud::aws
