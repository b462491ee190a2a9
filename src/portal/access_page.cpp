// GET /access and its actions: the user's access keys (create, activate, deactivate, delete), MFA devices
// and session tokens. A new secret or session token is shown in the one answer that creates it, with the
// original's download offered from that page; it is never stored, logged or put in a cookie.
#include <ctime>
#include <utility>

#include "aws/errors.h"
#include "base/percent_encoding.h"
#include "portal/access_forms.h"
#include "portal/access_keys.h"
#include "portal/portal_page.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

constexpr int kNoIamUserStatus = 404;

// What the redirect after an action names (activated=ID, ...) and the notice it becomes.
constexpr std::pair<std::string_view, std::string_view> kDoneTexts[] = {
    {"activated", "Activated"}, {"deactivated", "Deactivated"}, {"deleted", "Deleted"}};

// IAM dates are ISO 8601; the page shows the day, as the original did (%Y-%m-%d).
std::string day_of(const std::string& iso_date) {
  return iso_date.substr(0, 10);
}

std::string utc_text(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  return {text, std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts)};
}

nlohmann::json key_row(const aws::AccessKeyMetadata& key, bool has_mfa) {
  const bool active = key.status == "Active";
  return {{"id", key.access_key_id},
          {"status", key.status},
          {"created", day_of(key.create_date)},
          {"active", active},
          {"can_request_token", active && has_mfa}};
}

// The page itself; `extra` adds what one answer shows once (a secret, a token) or an error.
web::Response render_access(const PortalPage& page, const AccessKeys& keys, nlohmann::json extra,
                            int status = 200) {
  nlohmann::json view = {{"title", "Access Keys"}};
  if (!keys.user()) {
    view["no_iam_user"] = "No IAM user " + page.owner() + "; ask an administrator to create one for you.";
    return page.render("access", view, kNoIamUserStatus);
  }
  const auto devices = keys.mfa_devices();
  const auto list = keys.list();
  view["keys"] = nlohmann::json::array();
  for (const auto& k : list) view["keys"].push_back(key_row(k, !devices.empty()));
  view["mfa_devices"] = nlohmann::json::array();
  for (const auto& d : devices)
    view["mfa_devices"].push_back({{"serial", d.serial_number}, {"enabled", day_of(d.enable_date)}});
  view["has_keys"] = !list.empty();
  view["has_mfa"] = !devices.empty();
  view["can_create"] = list.size() < static_cast<std::size_t>(kMaxAccessKeys);
  view["max_keys"] = kMaxAccessKeys;
  for (const auto& [field, value] : extra.items()) view[field] = value;
  return page.render("access", view, status);
}

AccessKeys keys_of(const PortalPage& page) {
  return AccessKeys(page.cloud().iam(), page.owner());
}

void log(const PortalPage& page, const std::string& line) {
  if (page.kit().log) page.kit().log(line);
}

nlohmann::json download_view(const Download& file) {
  return {{"file_name", file.file_name}, {"href", data_url(file)}};
}

}  // namespace

web::Response access_page(const PortalPage& page) {
  // The notice is made here from a word and a key id, so a crafted link cannot put its own text on the page.
  nlohmann::json extra = nlohmann::json::object();
  for (const auto& [done, text] : kDoneTexts)
    if (const auto id = page.request().query.get(std::string(done)); id && is_access_key_id(*id))
      extra["notice"] = std::string(text) + " access key " + *id + ".";
  return render_access(page, keys_of(page), extra);
}

web::Response access_key_create(const PortalPage& page) {
  const AccessKeys keys = keys_of(page);
  if (!keys.user()) return render_access(page, keys, {});
  aws::CreatedAccessKey created;
  try {
    created = keys.create();
  } catch (const web::HttpError& e) {
    return render_access(page, keys, {{"error", e.what()}}, e.status());
  }
  log(page,
      "created access key " + created.metadata.access_key_id + " for " + page.owner());  // never the secret
  return render_access(
      page, keys,
      {{"new_key",
        {{"id", created.metadata.access_key_id},
         {"secret", created.secret_access_key},
         {"download", download_view(secret_key_download(page.owner(), created.secret_access_key))}}}});
}

web::Response access_key_action(const PortalPage& page, std::string_view action) {
  const AccessKeys keys = keys_of(page);
  if (!keys.user()) return render_access(page, keys, {});
  const std::string id = page.request().path_params.get("id").value_or("");
  if (action == "delete") {
    keys.remove(id);
  } else {
    keys.set_active(id, action == "activate");
  }
  log(page, std::string(action) + " access key " + id + " of " + page.owner());
  return web::Response::see_other("/access?" + std::string(action) + "d=" + base::percent_encode(id));
}

web::Response session_token_create(const PortalPage& page) {
  const AccessKeys keys = keys_of(page);
  if (!keys.user()) return render_access(page, keys, {});
  const auto form = page.request().form();
  const SessionTokenForm fields{.access_key_id = form.get("access_id").value_or(""),
                                .secret_access_key = form.get("secret_key").value_or(""),
                                .mfa_serial_number = form.get("mfa_arn").value_or(""),
                                .mfa_code = form.get("mfa_code").value_or("")};
  try {
    keys.check(fields);
  } catch (const web::HttpError& e) {
    return render_access(page, keys, {{"error", e.what()}}, e.status());
  }
  aws::Credentials token;
  try {
    token = page.cloud()
                .sts_with_key(
                    {.access_key_id = fields.access_key_id, .secret_access_key = fields.secret_access_key})
                .get_session_token(
                    {.mfa_serial_number = fields.mfa_serial_number, .mfa_token_code = fields.mfa_code});
  } catch (const aws::AwsError& e) {
    const auto kind = aws::classify(e.info());
    if (kind != aws::ErrorKind::AccessDenied && kind != aws::ErrorKind::Credentials &&
        kind != aws::ErrorKind::Validation && kind != aws::ErrorKind::Generic)
      throw;  // busy or unreachable: the usual 503
    log(page, "session token refused for " + page.owner() + ": " + e.code());  // the code, never the secret
    return render_access(page, keys,
                         {{"error",
                           "AWS did not accept the secret access key or the MFA code. Check both "
                           "(a code is good for 30 seconds) and try again."}},
                         400);
  }
  log(page, "issued a session token to " + page.owner() + " with access key " + fields.access_key_id);
  nlohmann::json shown = {{"access_key_id", token.access_key_id},
                          {"secret", token.secret_access_key},
                          {"token", token.session_token},
                          {"download", download_view(session_token_download(page.owner(), token))}};
  if (token.expiration) shown["expires"] = utc_text(*token.expiration);
  return render_access(page, keys, {{"session", shown}});
}

}  // namespace heliocloud::portal
