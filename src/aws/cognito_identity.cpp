#include "aws/cognito_identity.h"

#include <chrono>
#include <stdexcept>

#include "aws/cognito_idp.h"
#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kCognitoIdentityTarget = "AWSCognitoIdentityService";

ServiceInfo cognito_identity_info() {
  return {.name = "Cognito Identity",
          .signing_name = "cognito-identity",
          .endpoint_prefix = "cognito-identity",
          .env_id = "COGNITO_IDENTITY"};
}

nlohmann::json logins(const std::string& user_pool_id, const std::string& id_token) {
  return {{user_pool_provider_name(user_pool_id), id_token}};
}

}  // namespace

std::string user_pool_provider_name(const std::string& user_pool_id) {
  const std::string region = user_pool_region(user_pool_id);
  if (region.empty())
    throw std::invalid_argument("\"" + user_pool_id + "\" is not a user pool id (<region>_<id>)");
  return "cognito-idp." + region + ".amazonaws.com/" + user_pool_id;
}

CognitoIdentityClient::CognitoIdentityClient(ClientConfig config)
    : client_(std::move(config), cognito_identity_info()) {}

std::string CognitoIdentityClient::get_id(const std::string& identity_pool_id,
                                          const std::string& user_pool_id,
                                          const std::string& id_token) const {
  const auto answer =
      json_rpc_call(client_, kCognitoIdentityTarget, "1.1", "GetId",
                    {{"IdentityPoolId", identity_pool_id}, {"Logins", logins(user_pool_id, id_token)}}, true);
  const std::string id = answer.value("IdentityId", std::string());
  if (id.empty()) throw std::runtime_error("Cognito Identity GetId: the answer has no IdentityId");
  return id;
}

Credentials CognitoIdentityClient::get_credentials_for_identity(const std::string& identity_id,
                                                                const std::string& user_pool_id,
                                                                const std::string& id_token) const {
  const auto answer =
      json_rpc_call(client_, kCognitoIdentityTarget, "1.1", "GetCredentialsForIdentity",
                    {{"IdentityId", identity_id}, {"Logins", logins(user_pool_id, id_token)}}, true);
  const auto found = answer.find("Credentials");
  if (found == answer.end() || !found->is_object())
    throw std::runtime_error("Cognito Identity GetCredentialsForIdentity: the answer has no Credentials");
  Credentials out{.access_key_id = found->value("AccessKeyId", std::string()),
                  .secret_access_key = found->value("SecretKey", std::string()),
                  .session_token = found->value("SessionToken", std::string())};
  // Expiration is epoch seconds (a JSON number, possibly fractional).
  if (const auto e = found->find("Expiration"); e != found->end() && e->is_number())
    out.expiration =
        std::chrono::system_clock::time_point(std::chrono::seconds(static_cast<long long>(e->get<double>())));
  if (out.empty()) throw std::runtime_error("Cognito Identity GetCredentialsForIdentity: empty credentials");
  return out;
}

}  // namespace heliocloud::aws
