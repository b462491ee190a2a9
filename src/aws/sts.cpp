#include "aws/sts.h"

#include <stdexcept>

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kVersion = "2011-06-15";

ServiceInfo sts_info() {
  return {.name = "STS", .signing_name = "sts", .endpoint_prefix = "sts", .env_id = "STS"};
}

const xml::Node& result_of(const xml::Node& root, const std::string& action) {
  const xml::Node* r = root.child(action + "Result");
  if (r == nullptr) throw std::runtime_error("STS " + action + ": response has no " + action + "Result");
  return *r;
}

Credentials credentials_of(const xml::Node& result, const std::string& action) {
  Credentials out;
  if (const xml::Node* c = result.child("Credentials")) {
    out.access_key_id = c->child_text("AccessKeyId");
    out.secret_access_key = c->child_text("SecretAccessKey");
    out.session_token = c->child_text("SessionToken");
    if (const auto exp = c->child_text("Expiration"); !exp.empty()) out.expiration = parse_iso8601(exp);
  }
  if (out.empty()) throw std::runtime_error("STS " + action + ": response carries no credentials");
  return out;
}

}  // namespace

StsClient::StsClient(ClientConfig config) : client_(std::move(config), sts_info()) {}

CallerIdentity StsClient::get_caller_identity() const {
  const xml::Node root = query_call(client_, "GetCallerIdentity", kVersion, {}, true);
  const xml::Node& r = result_of(root, "GetCallerIdentity");
  return {.account = r.child_text("Account"), .arn = r.child_text("Arn"), .user_id = r.child_text("UserId")};
}

AssumedRole StsClient::assume_role(const AssumeRoleRequest& request) const {
  if (request.session_name.size() < 2 || request.session_name.size() > 64) {
    throw std::invalid_argument("AssumeRole: RoleSessionName must be 2-64 characters");
  }
  sigv4::QueryParams params{{"RoleArn", request.role_arn},
                            {"RoleSessionName", request.session_name},
                            {"DurationSeconds", std::to_string(request.duration.count())}};
  if (request.external_id) params.emplace_back("ExternalId", *request.external_id);
  const xml::Node root = query_call(client_, "AssumeRole", kVersion, params, true);
  const xml::Node& r = result_of(root, "AssumeRole");
  AssumedRole out;
  out.credentials = credentials_of(r, "AssumeRole");
  if (const xml::Node* u = r.child("AssumedRoleUser")) {
    out.arn = u->child_text("Arn");
    out.assumed_role_id = u->child_text("AssumedRoleId");
  }
  return out;
}

Credentials StsClient::get_session_token(const SessionTokenRequest& request) const {
  if (request.duration.count() < 900 || request.duration.count() > 129600)
    throw std::invalid_argument("GetSessionToken: DurationSeconds must be 900-129600");
  if (request.mfa_serial_number.has_value() != request.mfa_token_code.has_value())
    throw std::invalid_argument("GetSessionToken: an MFA serial number and a token code go together");
  sigv4::QueryParams params{{"DurationSeconds", std::to_string(request.duration.count())}};
  if (request.mfa_serial_number) {
    params.emplace_back("SerialNumber", *request.mfa_serial_number);
    params.emplace_back("TokenCode", *request.mfa_token_code);
  }
  const xml::Node root = query_call(client_, "GetSessionToken", kVersion, params, true);
  return credentials_of(result_of(root, "GetSessionToken"), "GetSessionToken");
}

AssumeRoleCredentialsProvider::AssumeRoleCredentialsProvider(ClientConfig config, AssumeRoleRequest request)
    : sts_(std::move(config)), request_(std::move(request)) {}

Credentials AssumeRoleCredentialsProvider::get() {
  return sts_.assume_role(request_).credentials;
}

}  // namespace heliocloud::aws
