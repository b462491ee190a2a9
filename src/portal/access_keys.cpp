#include "portal/access_keys.h"

#include <algorithm>

#include "aws/errors.h"
#include "portal/access_forms.h"
#include "web/http_error.h"

namespace heliocloud::portal {

AccessKeys::AccessKeys(const aws::IamClient& iam, std::string user_name)
    : iam_(iam), user_name_(std::move(user_name)) {}

std::optional<aws::IamUser> AccessKeys::user() const {
  try {
    return iam_.get_user(user_name_);
  } catch (const aws::NotFoundError&) {
    return std::nullopt;
  }
}

std::vector<aws::AccessKeyMetadata> AccessKeys::list() const {
  return iam_.list_access_keys(user_name_);
}

std::vector<aws::MfaDevice> AccessKeys::mfa_devices() const {
  return iam_.list_mfa_devices(user_name_);
}

aws::CreatedAccessKey AccessKeys::create() const {
  if (list().size() >= static_cast<std::size_t>(kMaxAccessKeys))
    throw web::HttpError(409, "You have " + std::to_string(kMaxAccessKeys) +
                                  " access keys, the most IAM allows. Delete one before creating another.");
  return iam_.create_access_key(user_name_);
}

aws::AccessKeyMetadata AccessKeys::own_key(const std::string& access_key_id) const {
  const auto keys = list();
  const auto it = std::ranges::find_if(keys, [&](const auto& k) { return k.access_key_id == access_key_id; });
  if (access_key_id.empty() || it == keys.end())
    throw web::HttpError(403, "Access key " + access_key_id + " is not one of your access keys.");
  return *it;
}

void AccessKeys::set_active(const std::string& access_key_id, bool active) const {
  (void)own_key(access_key_id);
  iam_.update_access_key(user_name_, access_key_id, active ? "Active" : "Inactive");
}

void AccessKeys::remove(const std::string& access_key_id) const {
  (void)own_key(access_key_id);
  iam_.delete_access_key(user_name_, access_key_id);
}

void AccessKeys::check(const SessionTokenForm& form) const {
  if (auto problem = secret_key_problem(form.secret_access_key)) throw web::HttpError(400, *problem);
  if (auto problem = mfa_code_problem(form.mfa_code)) throw web::HttpError(400, *problem);
  if (own_key(form.access_key_id).status != "Active")
    throw web::HttpError(409, "Access key " + form.access_key_id + " is inactive: set it active first.");
  const auto devices = mfa_devices();
  if (std::ranges::none_of(devices, [&](const auto& d) { return d.serial_number == form.mfa_serial_number; }))
    throw web::HttpError(403, "That MFA device is not one of yours.");
}

}  // namespace heliocloud::portal
