// GET /keypairs, POST /keypairs (create: the private key comes back as the download, once) and
// POST /keypairs/delete.
#include "base/percent_encoding.h"
#include "portal/key_pair_actions.h"
#include "portal/key_pair_name.h"
#include "portal/limits.h"
#include "portal/portal_page.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

web::Response list_page(const PortalPage& page, const std::string& typed, const std::string& error,
                        int status) {
  const KeyPairActions keys(page.cloud().ec2(), page.owner());
  const auto names = keys.names();
  nlohmann::json view = {{"title", "Key Pairs"},
                         {"key_pairs", nlohmann::json::array()},
                         {"can_create", names.size() < static_cast<std::size_t>(kMaxKeyPairs)},
                         {"max_key_pairs", kMaxKeyPairs},
                         {"name_max", kMaxKeyPairNameLength},
                         {"keypair_name", typed}};
  for (const auto& name : names) view["key_pairs"].push_back({{"name", name}});
  if (!error.empty()) view["keypair_name_error"] = error;
  if (const auto deleted = page.request().query.get("deleted"); deleted && !key_pair_name_problem(*deleted))
    view["notice"] = "Deleted key pair " + *deleted + ".";
  return page.render("keypairs", view, status);
}

}  // namespace

web::Response key_pairs_page(const PortalPage& page) {
  return list_page(page, "", "", 200);
}

web::Response key_pair_create(const PortalPage& page) {
  const std::string name = page.request().form().get("keypair_name").value_or("");
  aws::CreatedKeyPair created;
  try {
    created = KeyPairActions(page.cloud().ec2(), page.owner()).create(name);
  } catch (const web::HttpError& e) {  // the name or the limit: show it next to the field
    return list_page(page, name, e.what(), e.status());
  }
  if (page.kit().log) page.kit().log("created key pair " + name + " for " + page.owner());  // never the key
  web::Response out = web::Response::bytes(std::move(created.key_material), "application/x-pem-file");
  // The name has passed key_pair_name_problem(): no quote, no line break, no path.
  out.headers.set("Content-Disposition", "attachment; filename=\"" + name + ".pem\"");
  return out;
}

web::Response key_pair_delete(const PortalPage& page) {
  const std::string name = page.request().form().get("delete_button").value_or("");
  if (name.empty()) throw web::HttpError(400, "delete_button: name the key pair to delete.");
  KeyPairActions(page.cloud().ec2(), page.owner()).remove(name);
  if (page.kit().log) page.kit().log("deleted key pair " + name + " of " + page.owner());
  return web::Response::see_other("/keypairs?deleted=" + base::percent_encode(name));
}

}  // namespace heliocloud::portal
