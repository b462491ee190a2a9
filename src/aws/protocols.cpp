#include "aws/protocols.h"

#include "base/percent_encoding.h"
#include "base/text.h"

namespace heliocloud::aws {

nlohmann::json json_rpc_call(const ServiceClient& client, std::string_view target_prefix,
                             std::string_view json_version, const std::string& operation,
                             const nlohmann::json& body, bool idempotent) {
  const std::string payload = body.is_null() ? std::string("{}") : body.dump();
  ServiceRequest req;
  req.operation = operation;
  req.method = "POST";
  req.path = "/";
  req.headers = {{"Content-Type", "application/x-amz-json-" + std::string(json_version)},
                 {"X-Amz-Target", std::string(target_prefix) + "." + operation}};
  req.body = payload;
  req.idempotent = idempotent;
  const http::Response resp = client.send(req);
  if (base::trim(resp.body).empty()) return nlohmann::json::object();
  return nlohmann::json::parse(resp.body);
}

std::string form_encode(const sigv4::QueryParams& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out.push_back('&');
    out += base::percent_encode(k) + "=" + base::percent_encode(v);
  }
  return out;
}

xml::Node query_call(const ServiceClient& client, const std::string& action, const std::string& version,
                     const sigv4::QueryParams& params, bool idempotent) {
  sigv4::QueryParams all{{"Action", action}, {"Version", version}};
  all.insert(all.end(), params.begin(), params.end());
  const std::string payload = form_encode(all);
  ServiceRequest req;
  req.operation = action;
  req.method = "POST";
  req.path = "/";
  req.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  req.body = payload;
  req.idempotent = idempotent;
  const http::Response resp = client.send(req);
  return xml::parse(resp.body);
}

}  // namespace heliocloud::aws
