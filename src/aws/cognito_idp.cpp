#include "aws/cognito_idp.h"

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

ServiceInfo cognito_idp_info() {
  return {.name = "CognitoIdentityProvider",
          .signing_name = "cognito-idp",
          .endpoint_prefix = "cognito-idp",
          .env_id = "COGNITO_IDENTITY_PROVIDER"};
}
constexpr const char* kCognitoIdpTarget = "AWSCognitoIdentityProviderService";

nlohmann::json call(const ServiceClient& client, const std::string& operation, const nlohmann::json& body,
                    bool idempotent) {
  return json_rpc_call(client, kCognitoIdpTarget, "1.1", operation, body, idempotent);
}

nlohmann::json attributes_json(const std::vector<UserAttribute>& attributes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : attributes) out.push_back({{"Name", a.name}, {"Value", a.value}});
  return out;
}

// AdminCreateUser names the list "Attributes", AdminGetUser "UserAttributes".
CognitoUser user_from(const nlohmann::json& j, const char* attributes_key) {
  CognitoUser user{.username = j.value("Username", std::string()),
                   .status = j.value("UserStatus", std::string()),
                   .enabled = j.value("Enabled", true),
                   .attributes = {}};
  if (j.contains(attributes_key) && j[attributes_key].is_array()) {
    for (const auto& a : j[attributes_key])
      user.attributes.push_back(
          {.name = a.value("Name", std::string()), .value = a.value("Value", std::string())});
  }
  return user;
}

nlohmann::json policy_json(const PasswordPolicy& p) {
  return {{"MinimumLength", p.minimum_length},
          {"RequireUppercase", p.require_uppercase},
          {"RequireLowercase", p.require_lowercase},
          {"RequireNumbers", p.require_numbers},
          {"RequireSymbols", p.require_symbols},
          {"TemporaryPasswordValidityDays", p.temporary_password_validity_days}};
}

// A key the answer leaves out keeps Cognito's default (PasswordPolicy's initializers).
PasswordPolicy policy_from(const nlohmann::json& pool) {
  PasswordPolicy p;
  const auto policies = pool.find("Policies");
  if (policies == pool.end() || !policies->contains("PasswordPolicy")) return p;
  const auto& j = (*policies)["PasswordPolicy"];
  p.minimum_length = j.value("MinimumLength", p.minimum_length);
  p.require_uppercase = j.value("RequireUppercase", p.require_uppercase);
  p.require_lowercase = j.value("RequireLowercase", p.require_lowercase);
  p.require_numbers = j.value("RequireNumbers", p.require_numbers);
  p.require_symbols = j.value("RequireSymbols", p.require_symbols);
  p.temporary_password_validity_days =
      j.value("TemporaryPasswordValidityDays", p.temporary_password_validity_days);
  return p;
}

UserPool pool_from(const nlohmann::json& j) {
  return {.id = j.value("Id", std::string()),
          .name = j.value("Name", std::string()),
          .arn = j.value("Arn", std::string()),
          .password_policy = policy_from(j)};
}

}  // namespace

std::string user_pool_region(const std::string& user_pool_id) {
  const auto underscore = user_pool_id.find('_');
  if (underscore == std::string::npos || underscore == 0 || underscore + 1 == user_pool_id.size()) return {};
  return user_pool_id.substr(0, underscore);
}

std::optional<std::string> CognitoUser::attribute(const std::string& name) const {
  for (const auto& a : attributes) {
    if (a.name == name) return a.value;
  }
  return std::nullopt;
}

CognitoIdpClient::CognitoIdpClient(ClientConfig config) : client_(std::move(config), cognito_idp_info()) {}

CognitoUser CognitoIdpClient::admin_create_user(const AdminCreateUserRequest& request) const {
  nlohmann::json body = {{"UserPoolId", request.user_pool_id},
                         {"Username", request.username},
                         {"UserAttributes", attributes_json(request.attributes)}};
  if (!request.message_action.empty()) body["MessageAction"] = request.message_action;
  if (!request.temporary_password.empty()) body["TemporaryPassword"] = request.temporary_password;
  const auto resp = call(client_, "AdminCreateUser", body, false);
  return user_from(resp.value("User", nlohmann::json::object()), "Attributes");
}

void CognitoIdpClient::admin_set_user_password(const std::string& user_pool_id, const std::string& username,
                                               const std::string& password, bool permanent) const {
  call(client_, "AdminSetUserPassword",
       {{"UserPoolId", user_pool_id},
        {"Username", username},
        {"Password", password},
        {"Permanent", permanent}},
       true);
}

void CognitoIdpClient::admin_disable_user(const std::string& user_pool_id,
                                          const std::string& username) const {
  call(client_, "AdminDisableUser", {{"UserPoolId", user_pool_id}, {"Username", username}}, true);
}

void CognitoIdpClient::admin_enable_user(const std::string& user_pool_id, const std::string& username) const {
  call(client_, "AdminEnableUser", {{"UserPoolId", user_pool_id}, {"Username", username}}, true);
}

std::vector<CognitoUser> CognitoIdpClient::list_users(const std::string& user_pool_id,
                                                      const std::string& filter) const {
  std::vector<CognitoUser> out;
  std::string token;
  do {
    nlohmann::json body = {{"UserPoolId", user_pool_id}};
    if (!filter.empty()) body["Filter"] = filter;
    if (!token.empty()) body["PaginationToken"] = token;
    const auto resp = call(client_, "ListUsers", body, true);
    for (const auto& u : resp.value("Users", nlohmann::json::array()))
      out.push_back(user_from(u, "Attributes"));
    token = resp.value("PaginationToken", std::string());
  } while (!token.empty());
  return out;
}

void CognitoIdpClient::admin_delete_user(const std::string& user_pool_id, const std::string& username) const {
  call(client_, "AdminDeleteUser", {{"UserPoolId", user_pool_id}, {"Username", username}}, true);
}

CognitoUser CognitoIdpClient::admin_get_user(const std::string& user_pool_id,
                                             const std::string& username) const {
  return user_from(
      call(client_, "AdminGetUser", {{"UserPoolId", user_pool_id}, {"Username", username}}, true),
      "UserAttributes");
}

UserPool CognitoIdpClient::describe_user_pool(const std::string& user_pool_id) const {
  const auto resp = call(client_, "DescribeUserPool", {{"UserPoolId", user_pool_id}}, true);
  return pool_from(resp.value("UserPool", nlohmann::json::object()));
}

UserPoolClient CognitoIdpClient::describe_user_pool_client(const std::string& user_pool_id,
                                                           const std::string& client_id) const {
  const auto resp =
      call(client_, "DescribeUserPoolClient", {{"UserPoolId", user_pool_id}, {"ClientId", client_id}}, true);
  const auto client = resp.value("UserPoolClient", nlohmann::json::object());
  return {.client_id = client.value("ClientId", std::string()),
          .client_name = client.value("ClientName", std::string()),
          .client_secret = client.value("ClientSecret", std::string())};
}

UserPool CognitoIdpClient::create_user_pool(const CreateUserPoolRequest& request) const {
  nlohmann::json schema = nlohmann::json::array();
  for (const auto& a : request.custom_attributes) {
    schema.push_back({{"Name", a.name},
                      {"AttributeDataType", "String"},
                      {"Mutable", a.is_mutable},
                      // The API takes the constraint as a string.
                      {"StringAttributeConstraints", {{"MaxLength", std::to_string(a.max_length)}}}});
  }
  nlohmann::json body = {{"PoolName", request.name},
                         {"Policies", {{"PasswordPolicy", policy_json(request.password_policy)}}}};
  if (!schema.empty()) body["Schema"] = schema;
  const auto resp = call(client_, "CreateUserPool", body, false);
  return pool_from(resp.value("UserPool", nlohmann::json::object()));
}

void CognitoIdpClient::delete_user_pool(const std::string& user_pool_id) const {
  call(client_, "DeleteUserPool", {{"UserPoolId", user_pool_id}}, true);
}

std::string CognitoIdpClient::create_user_pool_client(const std::string& user_pool_id,
                                                      const std::string& name) const {
  const auto resp = call(client_, "CreateUserPoolClient",
                         {{"UserPoolId", user_pool_id},
                          {"ClientName", name},
                          {"GenerateSecret", false},
                          {"ExplicitAuthFlows", {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}}},
                         false);
  return resp.value("UserPoolClient", nlohmann::json::object()).value("ClientId", std::string());
}

AuthResult CognitoIdpClient::initiate_password_auth(const std::string& client_id, const std::string& username,
                                                    const std::string& password) const {
  const auto resp = call(client_, "InitiateAuth",
                         {{"ClientId", client_id},
                          {"AuthFlow", "USER_PASSWORD_AUTH"},
                          {"AuthParameters", {{"USERNAME", username}, {"PASSWORD", password}}}},
                         true);
  AuthResult out{.challenge_name = resp.value("ChallengeName", std::string())};
  if (resp.contains("AuthenticationResult")) {
    const auto& r = resp["AuthenticationResult"];
    out.access_token = r.value("AccessToken", std::string());
    out.id_token = r.value("IdToken", std::string());
    out.refresh_token = r.value("RefreshToken", std::string());
  }
  return out;
}

}  // namespace heliocloud::aws
