#pragma once
// AWS IAM (query protocol, API 2010-05-08): a user's access keys and MFA devices, for the User Portal. IAM
// is a global service: one endpoint per partition, signed for its home region, whatever the client's
// region is (an endpoint override, such as a local emulator, is used as it is).
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct IamUser {
  std::string user_name;
  std::string user_id;
  std::string arn;
  std::string create_date;
};

struct AccessKeyMetadata {
  std::string access_key_id;
  std::string status;  // Active | Inactive
  std::string create_date;
};

struct CreatedAccessKey {
  AccessKeyMetadata metadata;
  std::string secret_access_key;  // shown once, in this answer only
};

struct MfaDevice {
  std::string serial_number;  // an ARN for a virtual device
  std::string enable_date;
};

class IamClient {
 public:
  explicit IamClient(const ClientConfig& config);

  // NotFoundError (NoSuchEntity) when there is no such user.
  IamUser get_user(const std::string& user_name) const;
  std::vector<AccessKeyMetadata> list_access_keys(const std::string& user_name) const;
  CreatedAccessKey create_access_key(const std::string& user_name) const;
  // status: Active or Inactive.
  void update_access_key(const std::string& user_name, const std::string& access_key_id,
                         const std::string& status) const;
  void delete_access_key(const std::string& user_name, const std::string& access_key_id) const;
  std::vector<MfaDevice> list_mfa_devices(const std::string& user_name) const;

  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

// IAM's endpoint and signing region for the partition of `region`: https://iam.amazonaws.com and us-east-1
// for the commercial regions.
struct GlobalEndpoint {
  std::string url;
  std::string signing_region;
};
GlobalEndpoint iam_endpoint_for(const std::string& region);

}  // namespace heliocloud::aws
