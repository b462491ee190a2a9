#pragma once
// One signed-in request's view of the portal: the user, their AWS (made on first use), and how to draw a
// page in the portal's layout. The route handlers (home_page, launch_page, key_pairs_page) take it.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "portal/catalog.h"
#include "portal/dataset_catalogs.h"
#include "portal/machine_actions.h"
#include "portal/user_cloud.h"
#include "web/request.h"
#include "web/response.h"
#include "web/sign_in/signed_in_user.h"
#include "web/templates.h"

namespace heliocloud::portal {

struct PortalOptions;

// What every page shares, owned by the PortalSite.
struct PageKit {
  const web::Templates& templates;
  const std::string& bootstrap_css;
  const Catalog& catalog;
  const PortalOptions& options;
  const std::function<void(std::string_view)>& log;
  const DatasetCatalogs& datasets;  // the Registry buckets' catalogs (cached for the whole site)
};

class PortalPage {
 public:
  PortalPage(const web::Request& request, const web::sign_in::SignedInUser& user, UserCloud& cloud,
             const PageKit& kit)
      : request_(request), user_(user), cloud_(cloud), kit_(kit) {}

  [[nodiscard]] const web::Request& request() const noexcept { return request_; }
  [[nodiscard]] const std::string& owner() const noexcept { return user_.username; }
  [[nodiscard]] const web::sign_in::SignedInUser& user() const noexcept { return user_; }
  [[nodiscard]] UserCloud& cloud() const noexcept { return cloud_; }
  [[nodiscard]] const PageKit& kit() const noexcept { return kit_; }

  // `page` in the layout, with the user, the CSRF token and the stylesheet added to `view`.
  [[nodiscard]] web::Response render(std::string_view page, nlohmann::json view, int status = 200) const;

 private:
  const web::Request& request_;
  const web::sign_in::SignedInUser& user_;
  UserCloud& cloud_;
  const PageKit& kit_;
};

// The layout's fields for any page (also the error pages, which have no user).
[[nodiscard]] nlohmann::json layout_view(const std::string& bootstrap_css, std::string title);

web::Response home_page(const PortalPage& page);
web::Response machine_action(const PortalPage& page, std::string_view action);
web::Response launch_page(const PortalPage& page);
web::Response launch_post(const PortalPage& page);
web::Response key_pairs_page(const PortalPage& page);
web::Response key_pair_create(const PortalPage& page);
web::Response key_pair_delete(const PortalPage& page);
web::Response access_page(const PortalPage& page);
web::Response access_key_create(const PortalPage& page);
// action: activate, deactivate or delete (the key id is the path's {id}).
web::Response access_key_action(const PortalPage& page, std::string_view action);
web::Response session_token_create(const PortalPage& page);
web::Response approvals_page(const PortalPage& page);
web::Response datasets_page(const PortalPage& page);
// The path's {bucket} (one of the configured dataset buckets, else 404) and {id}; ?start=&stop=.
web::Response dataset_page(const PortalPage& page);
web::Response quickstart_page(const PortalPage& page);
// decision: approve or reject (the form's field `username`).
web::Response approval_decision(const PortalPage& page, std::string_view decision);

}  // namespace heliocloud::portal
