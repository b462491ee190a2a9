#pragma once
// The signed-in user's IAM user (named exactly like the Cognito user, as in the original, webapps doc
// §A5.1): its access keys and MFA devices. Every change first finds the key or device in the user's own
// lists, so a made-up or another user's id is a 403 with nothing changed (the original acted on any id it
// was sent). The limit of kMaxAccessKeys is checked before IAM is asked to create one.
#include <optional>
#include <string>
#include <vector>

#include "aws/iam.h"

namespace heliocloud::portal {

struct SessionTokenForm {
  std::string access_key_id;  // one of the user's active keys
  std::string secret_access_key;
  std::string mfa_serial_number;  // one of the user's MFA devices
  std::string mfa_code;
};

class AccessKeys {
 public:
  AccessKeys(const aws::IamClient& iam, std::string user_name);

  // nullopt when there is no IAM user of that name.
  [[nodiscard]] std::optional<aws::IamUser> user() const;
  [[nodiscard]] std::vector<aws::AccessKeyMetadata> list() const;
  [[nodiscard]] std::vector<aws::MfaDevice> mfa_devices() const;
  // HttpError 409 at the limit.
  [[nodiscard]] aws::CreatedAccessKey create() const;
  // HttpError 403 when the key is not the user's.
  void set_active(const std::string& access_key_id, bool active) const;
  void remove(const std::string& access_key_id) const;
  // HttpError 400 for a bad field, 403 for a key or device not the user's, 409 for an inactive key. The
  // key and device are checked against the user's own lists before STS is asked.
  void check(const SessionTokenForm& form) const;

 private:
  [[nodiscard]] aws::AccessKeyMetadata own_key(const std::string& access_key_id) const;

  const aws::IamClient& iam_;
  std::string user_name_;
};

}  // namespace heliocloud::portal
