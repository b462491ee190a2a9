#include "portal/portal_page.h"

#include "portal/approvals.h"

namespace heliocloud::portal {

nlohmann::json layout_view(const std::string& bootstrap_css, std::string title) {
  return {{"bootstrap_css", bootstrap_css}, {"title", std::move(title)}};
}

web::Response PortalPage::render(std::string_view page, nlohmann::json view, int status) const {
  const nlohmann::json layout = layout_view(kit_.bootstrap_css, view.value("title", std::string()));
  for (const auto& [key, value] : layout.items()) view[key] = value;
  view["user"] = user_.username;
  view["csrf_token"] = request_.csrf_token;
  view["is_admin"] = user_.in_group(kAdminsGroup);  // the menu's link only; the routes check for themselves
  return kit_.templates.page("layout", page, view, status);
}

}  // namespace heliocloud::portal
