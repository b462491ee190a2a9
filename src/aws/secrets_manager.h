#pragma once
// AWS Secrets Manager (AWS JSON 1.1): read a secret's value (a web app's session key at cold start), and
// create and delete secrets for tests. NotFoundError (ResourceNotFoundException) for a secret that does not
// exist or is scheduled for deletion; AccessDeniedError when the caller may not read it or its KMS key.
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct SecretValue {
  std::string arn;
  std::string name;
  std::string version_id;
  // A secret holds either a string or binary bytes (already base64-decoded here).
  std::optional<std::string> secret_string;
  std::optional<std::string> secret_binary;
};

class SecretsManagerClient {
 public:
  explicit SecretsManagerClient(ClientConfig config);

  // `secret_id`: the ARN or the name. The version labelled AWSCURRENT unless `version_stage` says otherwise.
  SecretValue get_secret_value(const std::string& secret_id,
                               const std::optional<std::string>& version_stage = std::nullopt) const;
  // Returns the new secret's ARN. AlreadyExistsError (ResourceExistsException) when the name is taken.
  std::string create_secret(const std::string& name, const std::string& secret_string) const;
  // Without a recovery window: the secret is gone at once (tests clean up after themselves).
  void delete_secret_now(const std::string& secret_id) const;

  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
