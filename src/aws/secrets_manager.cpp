#include "aws/secrets_manager.h"

#include "aws/errors.h"
#include "aws/protocols.h"
#include "base/base64.h"

namespace heliocloud::aws {
namespace {

ServiceInfo secrets_manager_info() {
  return {.name = "SecretsManager",
          .signing_name = "secretsmanager",
          .endpoint_prefix = "secretsmanager",
          .env_id = "SECRETS_MANAGER"};
}
constexpr const char* kSecretsManagerTarget = "secretsmanager";

}  // namespace

SecretsManagerClient::SecretsManagerClient(ClientConfig config)
    : client_(std::move(config), secrets_manager_info()) {}

SecretValue SecretsManagerClient::get_secret_value(const std::string& secret_id,
                                                   const std::optional<std::string>& version_stage) const {
  nlohmann::json body = {{"SecretId", secret_id}};
  if (version_stage) body["VersionStage"] = *version_stage;
  const auto resp = json_rpc_call(client_, kSecretsManagerTarget, "1.1", "GetSecretValue", body, true);
  SecretValue out{.arn = resp.value("ARN", std::string()),
                  .name = resp.value("Name", std::string()),
                  .version_id = resp.value("VersionId", std::string())};
  if (resp.contains("SecretString") && resp["SecretString"].is_string())
    out.secret_string = resp["SecretString"].get<std::string>();
  if (resp.contains("SecretBinary") && resp["SecretBinary"].is_string()) {
    // The JSON protocol carries blobs as base64.
    auto bytes = base::base64_decode(resp["SecretBinary"].get<std::string>());
    if (!bytes) {
      throw AwsError({.service = "SecretsManager",
                      .operation = "GetSecretValue",
                      .http_status = 200,
                      .code = "InvalidResponse",
                      .message = "SecretBinary of " + secret_id + " is not valid base64"});
    }
    out.secret_binary = std::move(*bytes);
  }
  return out;
}

std::string SecretsManagerClient::create_secret(const std::string& name,
                                                const std::string& secret_string) const {
  const auto resp = json_rpc_call(client_, kSecretsManagerTarget, "1.1", "CreateSecret",
                                  {{"Name", name}, {"SecretString", secret_string}}, false);
  return resp.value("ARN", std::string());
}

void SecretsManagerClient::delete_secret_now(const std::string& secret_id) const {
  json_rpc_call(client_, kSecretsManagerTarget, "1.1", "DeleteSecret",
                {{"SecretId", secret_id}, {"ForceDeleteWithoutRecovery", true}}, true);
}

}  // namespace heliocloud::aws
