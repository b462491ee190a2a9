#pragma once
// The User Portal as a web app on the web core, for signed-in users only:
//   GET  /                              the user's machines (running + the last 5 stopped) and costs
//   POST /instances/{id}/start|stop|terminate   (CSRF; owner-checked; the running limit on start)
//   GET  /launch, POST /launch          the launch form; errors re-show it next to their field
//   GET  /keypairs                      the user's key pairs
//   POST /keypairs                      create one: the answer is the private key as <name>.pem, once
//   POST /keypairs/delete               delete one of the user's (field delete_button = its name)
//   GET  /access                        the user's IAM access keys and MFA devices
//   POST /access/keys                   create a key: its secret is shown (and offered as a file) once
//   POST /access/keys/{id}/activate|deactivate|delete   only the user's own keys (403 otherwise)
//   POST /access/session-token          temporary credentials with MFA, shown once
//   GET  /quickstart                    how to use the portal, with the limits the server enforces
//   GET  /approvals                     disabled users waiting for approval (group admins only, else 403)
//   POST /approvals/approve|reject      enable or delete one (field username), with the function's role
//   GET  /datasets                      every dataset of the Registry buckets, with a coverage timeline
//   GET  /datasets/{bucket}/{id}        one dataset: metadata, the index rows of ?start=&stop= linked
//   GET  /health                        {"status": "healthy"} for the load balancer
// plus sign-in (/auth/sign-in, /loggedin, /logout) from web/sign_in. Everything about the user's machines,
// key pairs and costs goes to AWS with the user's own credentials (UserCloud); the catalogue of images and
// types with the function's. An AWS failure is a 503 (busy, unreachable) or 502 page that names no AWS
// detail; the details go to the log.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "portal/catalog.h"
#include "portal/credentials_cache.h"
#include "portal/dataset_catalogs.h"
#include "portal/machine_actions.h"
#include "portal/user_cloud.h"
#include "web/access_log.h"
#include "web/app.h"
#include "web/sign_in/sign_in.h"
#include "web/templates.h"

namespace heliocloud::portal {

class PortalPage;

struct PortalOptions {
  std::string csrf_key;  // ≥ 32 bytes, also the sign-in cookies' key
  bool secure_cookies = true;
  aws::ClientConfig aws;  // region, endpoint; the function's credentials (Cognito Identity, the catalogue)
  IdentityPool identity;
  LaunchTarget launch_target;
  web::sign_in::SignInOptions sign_in;  // secret_key is set from csrf_key
  CatalogOptions catalog;
  std::vector<std::string> dataset_buckets;  // the Registry's (DATASET_BUCKETS): the datasets pages
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
  web::AccessLogSink access_log = web::log_to_stderr;
  std::function<void(std::string_view)> log;  // stderr when empty
};

class PortalSite {
 public:
  explicit PortalSite(PortalOptions options);
  ~PortalSite();
  PortalSite(const PortalSite&) = delete;
  PortalSite& operator=(const PortalSite&) = delete;

  [[nodiscard]] const web::App& app() const noexcept { return *app_; }

 private:
  using UserHandler = std::function<web::Response(const web::Request&, const PortalPage&)>;
  [[nodiscard]] web::Handler signed_in(UserHandler handler) const;
  void add_routes();

  PortalOptions options_;
  std::function<void(std::string_view)> log_;
  web::Templates templates_;
  std::string bootstrap_css_;
  Catalog catalog_;
  DatasetCatalogs datasets_;
  mutable CredentialsCache credentials_;           // the users' identity-pool credentials, across requests
  std::unique_ptr<web::sign_in::SignIn> sign_in_;  // outlives app_
  std::unique_ptr<web::App> app_;
};

}  // namespace heliocloud::portal
