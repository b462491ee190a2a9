#pragma once
// The Registration page as a web app (the original's routes, webapps doc §B2):
//   GET  /                the form
//   GET  /user_agreement  what to sign and where to send it
//   POST /register        a registration: the original's JSON contract ({"username", "email", "affiliation",
//                         "password"} → {"message"} or {"error"}, plus "field" and "errors" naming the
//                         fields) for scripts, or an ordinary form post answered with a page
//   GET  /health          {"status": "healthy"} for the load balancer
// Every POST carries the CSRF token: forms in the csrf_token field, JSON clients in the X-CSRF-Token header
// (the token is in the form page, for the session of the hc_csrf cookie that page sets).
#include <functional>
#include <string>
#include <string_view>

#include "aws/cognito_idp.h"
#include "registration/registrar.h"
#include "web/access_log.h"
#include "web/app.h"
#include "web/templates.h"

namespace heliocloud::registration {

// Where the signed user agreements go (the original's address).
inline constexpr std::string_view kAdminEmail = "gsfc-dl-hsdcloud-admin@mail.nasa.gov";
inline constexpr std::string_view kAgreementPdf =
    "https://s3.amazonaws.com/heliocloud.org/2022_SMCE_User_Agreement.pdf";

struct SiteOptions {
  // ≥ 32 bytes, the same for every instance (Secrets Manager deployed, random locally).
  std::string csrf_key;
  // Only the local development server on http://127.0.0.1 turns this off.
  bool secure_cookies = true;
  std::string admin_email = std::string(kAdminEmail);
  web::AccessLogSink access_log = web::log_to_stderr;
  // Registrations, failures and roll-backs; stderr (CloudWatch Logs on Lambda) when empty.
  std::function<void(std::string_view line)> log;
};

class RegistrationSite {
 public:
  // `directory` must outlive the site; `policy` is the user pool's (DescribeUserPool at start).
  RegistrationSite(UserDirectory& directory, aws::PasswordPolicy policy, SiteOptions options);

  [[nodiscard]] const web::App& app() const noexcept { return app_; }

 private:
  web::AppOptions app_options();
  void add_routes();
  web::Response register_post(const web::Request& request) const;
  [[nodiscard]] nlohmann::json page_view(std::string title) const;
  [[nodiscard]] web::Response form_page(const web::Request& request, const RegistrationForm& form,
                                        const std::vector<FieldError>& errors, int status) const;
  [[nodiscard]] std::string mailto(std::string_view username) const;

  aws::PasswordPolicy policy_;
  SiteOptions options_;
  web::Templates templates_;
  std::string bootstrap_css_;
  Registrar registrar_;
  web::App app_;
};

}  // namespace heliocloud::registration
