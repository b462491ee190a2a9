#pragma once
// The launch form's fields (the original's names, webapps doc §A4.3) and the server's checks of them. The
// original trusted the client for the image, its minimum volume, the type and the key pair (§9.2); here
// each is checked against what the portal offers this user: an offered image (its minimum from
// DescribeImages), an offered type, a volume in [image minimum, 256] GB, one of the user's own key pairs,
// and a name that fits in a tag.
#include <string>
#include <variant>
#include <vector>

#include "portal/catalog.h"
#include "web/params.h"

namespace heliocloud::portal {

inline constexpr std::size_t kMaxMachineNameLength = 128;

struct LaunchForm {
  std::string image_id;       // image_output
  std::string instance_type;  // instance_type
  std::string volume_size;    // volume_size (GB, as typed)
  std::string key_pair;       // key_pair
  std::string name;           // instance_name_for_custom (optional)
};

[[nodiscard]] LaunchForm launch_form_from(const web::Params& form);

struct FieldError {
  std::string field;  // the form field's name
  std::string message;
};

struct LaunchPlan {
  ImageChoice image;
  std::string instance_type;
  int volume_gb = 0;
  std::string key_name;
  std::string name;
};

// The plan, or one message per field that is wrong (in form order).
[[nodiscard]] std::variant<LaunchPlan, std::vector<FieldError>> check_launch(
    const LaunchForm& form, const std::vector<ImageChoice>& images,
    const std::vector<std::string>& instance_types, const std::vector<std::string>& own_key_names);

}  // namespace heliocloud::portal
