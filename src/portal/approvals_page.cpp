// GET /approvals and POST /approvals/approve|reject (field `username`), for administrators only. Every
// decision is logged with who decided and about whom; the form carries no password, and none is logged.
#include "aws/cognito_idp.h"
#include "base/percent_encoding.h"
#include "portal/approvals.h"
#include "portal/portal_page.h"
#include "portal/portal_site.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

// With the function's credentials: the users' role has no rights on the user pool.
aws::CognitoIdpClient pool_client(const PortalPage& page) {
  return aws::CognitoIdpClient(page.kit().options.aws);
}

const std::string& pool_id(const PortalPage& page) {
  return page.kit().options.identity.user_pool_id;
}

// A name from the redirect's query, shown only when it could be a user name (one word, at most 128
// characters, Cognito's limit), so a crafted link cannot put a sentence of its own on the page.
bool could_be_username(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (const char c : name)
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') return false;
  return true;
}

nlohmann::json row(const aws::CognitoUser& user) {
  return {{"username", user.username},
          {"email", user.attribute("email").value_or("")},
          {"affiliation", user.attribute("custom:affiliation").value_or("")},
          {"status", user.status}};
}

}  // namespace

web::Response approvals_page(const PortalPage& page) {
  require_admin(page.user());
  const auto client = pool_client(page);
  nlohmann::json view = {{"title", "Registration Approvals"}, {"waiting", nlohmann::json::array()}};
  for (const auto& user : Approvals(client, pool_id(page)).waiting()) view["waiting"].push_back(row(user));
  const auto& query = page.request().query;
  if (const auto name = query.get("approved"); name && could_be_username(*name))
    view["notice"] = "Approved " + *name + ": they can sign in now.";
  if (const auto name = query.get("rejected"); name && could_be_username(*name))
    view["notice"] = "Rejected " + *name + ": the registration is deleted.";
  return page.render("approvals", view);
}

web::Response approval_decision(const PortalPage& page, std::string_view decision) {
  require_admin(page.user());
  const std::string username = page.request().form().get("username").value_or("");
  const auto client = pool_client(page);
  const Approvals approvals(client, pool_id(page));
  if (decision == "approve") {
    approvals.approve(username);
  } else {
    approvals.reject(username);
  }
  const std::string done = decision == "approve" ? "approved" : "rejected";
  if (page.kit().log)
    page.kit().log("approvals: " + page.owner() + " " + done + " the registration of " + username);
  return web::Response::see_other("/approvals?" + done + "=" + base::percent_encode(username));
}

}  // namespace heliocloud::portal
