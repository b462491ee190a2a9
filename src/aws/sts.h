#pragma once
// STS: who am I, and temporary credentials for a role.
#include <chrono>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct CallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
};

struct AssumedRole {
  Credentials credentials;  // with expiration
  std::string arn;          // arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION
  std::string assumed_role_id;
};

struct AssumeRoleRequest {
  std::string role_arn;
  std::string session_name;  // 2-64 characters
  std::chrono::seconds duration{3600};
  std::optional<std::string> external_id;
};

struct SessionTokenRequest {
  std::chrono::seconds duration{43200};  // 900 s .. 36 h for an IAM user
  std::optional<std::string> mfa_serial_number;
  std::optional<std::string> mfa_token_code;  // the 6 digits the device shows now
};

class StsClient {
 public:
  explicit StsClient(ClientConfig config);
  CallerIdentity get_caller_identity() const;
  AssumedRole assume_role(const AssumeRoleRequest& request) const;
  // Temporary credentials of the calling IAM user, MFA-authenticated when a serial number and code are given.
  Credentials get_session_token(const SessionTokenRequest& request) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

// Credentials of a role, assumed with the credentials of `config` and renewed before they expire.
class AssumeRoleCredentialsProvider final : public CredentialsProvider {
 public:
  AssumeRoleCredentialsProvider(ClientConfig config, AssumeRoleRequest request);
  Credentials get() override;

 private:
  StsClient sts_;
  AssumeRoleRequest request_;
};

}  // namespace heliocloud::aws
