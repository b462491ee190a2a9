// GET /launch and POST /launch: the form, and a launch after the server's checks (launch_request.h).
#include <algorithm>

#include "portal/key_pair_actions.h"
#include "portal/launch_request.h"
#include "portal/limits.h"
#include "portal/portal_page.h"
#include "portal/portal_site.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

web::Response form(const PortalPage& page, const LaunchForm& chosen, const std::vector<FieldError>& errors,
                   const std::vector<ImageChoice>& images, const std::vector<std::string>& key_names,
                   int status) {
  const MachineActions machines(page.cloud().ec2(), page.owner());
  nlohmann::json view = {
      {"title", "Launch an Instance"},
      {"images", nlohmann::json::array()},
      {"types", nlohmann::json::array()},
      {"key_pairs", nlohmann::json::array()},
      {"has_key_pairs", !key_names.empty()},
      {"volume_max", kMaxVolumeGb},
      {"volume_size", chosen.volume_size.empty() ? std::to_string(kDefaultVolumeGb) : chosen.volume_size},
      {"instance_name", chosen.name},
      {"name_max", kMaxMachineNameLength}};
  int volume_min = kMaxVolumeGb;
  for (const auto& image : images) {
    volume_min = std::min(volume_min, image.minimum_volume_gb);
    view["images"].push_back({{"id", image.image.image_id},
                              {"label", image.label},
                              {"name", image.image.name},
                              {"minimum_gb", image.minimum_volume_gb},
                              {"checked", image.image.image_id == chosen.image_id}});
  }
  view["volume_min"] = images.empty() ? 1 : volume_min;
  for (const auto& t : page.kit().catalog.instance_types())
    view["types"].push_back({{"type", t.instance_type},
                             {"vcpus", t.vcpus},
                             {"memory", memory_text(t.memory_mib)},
                             {"price", price_text(t.usd_per_hour)},
                             {"checked", t.instance_type == chosen.instance_type}});
  for (const auto& name : key_names)
    view["key_pairs"].push_back({{"name", name}, {"selected", name == chosen.key_pair}});
  for (const auto& e : errors)
    if (!view.contains(e.field + "_error")) view[e.field + "_error"] = e.message;
  if (auto problem = machines.running_limit_problem(); !problem.empty()) view["limit_message"] = problem;
  return page.render("launch", view, status);
}

}  // namespace

web::Response launch_page(const PortalPage& page) {
  const KeyPairActions keys(page.cloud().ec2(), page.owner());
  return form(page, {}, {}, page.kit().catalog.images(), keys.names(), 200);
}

web::Response launch_post(const PortalPage& page) {
  const LaunchForm chosen = launch_form_from(page.request().form());
  const auto images = page.kit().catalog.images();
  const auto key_names = KeyPairActions(page.cloud().ec2(), page.owner()).names();
  auto checked = check_launch(chosen, images, page.kit().catalog.allowed_types(), key_names);
  if (auto* errors = std::get_if<std::vector<FieldError>>(&checked))
    return form(page, chosen, *errors, images, key_names, 400);
  const MachineActions machines(page.cloud().ec2(), page.owner());
  if (auto problem = machines.running_limit_problem(); !problem.empty())
    return form(page, chosen, {}, images, key_names, 409);
  const std::string id = machines.launch(std::get<LaunchPlan>(checked), page.kit().options.launch_target);
  if (page.kit().log) page.kit().log("launched " + id + " for " + page.owner());
  return web::Response::see_other("/?launched=" + id);
}

}  // namespace heliocloud::portal
