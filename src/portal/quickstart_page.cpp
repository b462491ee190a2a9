// GET /quickstart: how to use the portal, with the numbers this portal really enforces. The original's page
// was prose with its own figures (an 8 GB volume where the form offered 64, 5 running machines where the code
// allowed 3; webapps doc §A8); here every figure comes from the constants and settings the server checks.
#include "portal/limits.h"
#include "portal/portal_page.h"
#include "portal/portal_site.h"

namespace heliocloud::portal {

web::Response quickstart_page(const PortalPage& page) {
  std::string images;  // "A, B or C"
  const auto& sources = page.kit().options.catalog.images;
  for (std::size_t i = 0; i < sources.size(); ++i)
    images += (i == 0 ? "" : i + 1 == sources.size() ? " or " : ", ") + sources[i].label;
  return page.render("quickstart", {{"title", "Quickstart"},
                                    {"max_running", kMaxRunningMachines},
                                    {"max_key_pairs", kMaxKeyPairs},
                                    {"default_volume_gb", kDefaultVolumeGb},
                                    {"max_volume_gb", kMaxVolumeGb},
                                    {"stopped_shown", kStoppedMachinesShown},
                                    {"images", images}});
}

}  // namespace heliocloud::portal
