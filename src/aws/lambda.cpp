#include "aws/lambda.h"

#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/percent_encoding.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kApiVersion = "/2015-03-31";
ServiceInfo lambda_info() {
  return {.name = "Lambda", .signing_name = "lambda", .endpoint_prefix = "lambda", .env_id = "LAMBDA"};
}

}  // namespace

LambdaClient::LambdaClient(ClientConfig config) : client_(std::move(config), lambda_info()) {}

InvokeResult LambdaClient::invoke(const std::string& function_name, std::string_view payload,
                                  const InvokeOptions& opts) const {
  ServiceRequest r;
  r.operation = "Invoke";
  r.method = "POST";
  r.path = std::string(kApiVersion) + "/functions/" + base::percent_encode(function_name) + "/invocations";
  if (!opts.qualifier.empty()) r.query = {{"Qualifier", opts.qualifier}};
  r.headers = {{"Content-Type", "application/json"},
               {"X-Amz-Invocation-Type", opts.asynchronous ? "Event" : "RequestResponse"}};
  if (opts.log_tail) r.headers.emplace_back("X-Amz-Log-Type", "Tail");
  r.body = payload;
  r.idempotent = false;
  const http::Response resp = client_.send(r);
  InvokeResult out;
  out.status_code = resp.status;
  out.payload = resp.body;
  out.function_error = resp.header("x-amz-function-error");
  out.executed_version = resp.header("x-amz-executed-version");
  // The log tail is diagnostic: one that is not base64 is left out rather than failing the invocation's
  // result.
  if (const auto log = base::base64_decode(resp.header("x-amz-log-result")); log) out.log_tail = *log;
  return out;
}

std::string LambdaClient::create_function(const CreateFunctionRequest& req) const {
  const nlohmann::json body{{"FunctionName", req.name},
                            {"Runtime", req.runtime},
                            {"Role", req.role_arn},
                            {"Handler", req.handler},
                            {"Code", {{"ZipFile", base::base64_encode(req.zip_file)}}},
                            {"Timeout", req.timeout_seconds},
                            {"MemorySize", req.memory_mb}};
  const std::string payload = body.dump();
  ServiceRequest r;
  r.operation = "CreateFunction";
  r.method = "POST";
  r.path = std::string(kApiVersion) + "/functions";
  r.headers = {{"Content-Type", "application/json"}};
  r.body = payload;
  r.idempotent = false;
  return nlohmann::json::parse(client_.send(r).body).value("FunctionArn", std::string());
}

void LambdaClient::delete_function(const std::string& function_name) const {
  ServiceRequest r;
  r.operation = "DeleteFunction";
  r.method = "DELETE";
  r.path = std::string(kApiVersion) + "/functions/" + base::percent_encode(function_name);
  client_.send(r);
}

}  // namespace heliocloud::aws
