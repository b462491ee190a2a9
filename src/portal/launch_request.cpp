#include "portal/launch_request.h"

#include <algorithm>
#include <charconv>

#include "portal/limits.h"

namespace heliocloud::portal {
namespace {

std::string field(const web::Params& form, std::string_view name) {
  return form.get(name).value_or("");
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::ranges::find(list, value) != list.end();
}

std::optional<int> whole_number(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

LaunchForm launch_form_from(const web::Params& form) {
  return {.image_id = field(form, "image_output"),
          .instance_type = field(form, "instance_type"),
          .volume_size = field(form, "volume_size"),
          .key_pair = field(form, "key_pair"),
          .name = field(form, "instance_name_for_custom")};
}

std::variant<LaunchPlan, std::vector<FieldError>> check_launch(
    const LaunchForm& form, const std::vector<ImageChoice>& images,
    const std::vector<std::string>& instance_types, const std::vector<std::string>& own_key_names) {
  std::vector<FieldError> errors;
  LaunchPlan plan;
  const auto image =
      std::ranges::find_if(images, [&](const ImageChoice& c) { return c.image.image_id == form.image_id; });
  if (form.image_id.empty()) {
    errors.push_back({.field = "image_output", .message = "Image: choose one of the images."});
  } else if (image == images.end()) {
    errors.push_back({.field = "image_output",
                      .message = "Image: " + form.image_id + " is not one of the images offered here."});
  } else {
    plan.image = *image;
  }

  if (form.instance_type.empty()) {
    errors.push_back({.field = "instance_type", .message = "Instance type: choose one of the types."});
  } else if (!contains(instance_types, form.instance_type)) {
    errors.push_back({.field = "instance_type",
                      .message = "Instance type: " + form.instance_type + " is not offered here."});
  } else {
    plan.instance_type = form.instance_type;
  }

  const int minimum = image == images.end() ? 1 : std::max(image->minimum_volume_gb, 1);
  const auto volume = whole_number(form.volume_size);
  if (!volume) {
    errors.push_back({.field = "volume_size", .message = "Volume size: enter a whole number of GB."});
  } else if (*volume < minimum) {
    errors.push_back({.field = "volume_size",
                      .message = "Volume size: the selected image needs at least " + std::to_string(minimum) +
                                 " GB; you asked for " + std::to_string(*volume) + " GB."});
  } else if (*volume > kMaxVolumeGb) {
    errors.push_back(
        {.field = "volume_size", .message = "Volume size: at most " + std::to_string(kMaxVolumeGb) + " GB."});
  } else {
    plan.volume_gb = *volume;
  }

  if (form.key_pair.empty()) {
    errors.push_back({.field = "key_pair",
                      .message = own_key_names.empty() ? "Key pair: create a key pair first, then launch."
                                                       : "Key pair: choose one of your key pairs."});
  } else if (!contains(own_key_names, form.key_pair)) {
    errors.push_back(
        {.field = "key_pair", .message = "Key pair: " + form.key_pair + " is not one of your key pairs."});
  } else {
    plan.key_name = form.key_pair;
  }

  if (form.name.size() > kMaxMachineNameLength) {
    errors.push_back(
        {.field = "instance_name_for_custom",
         .message = "Instance name: at most " + std::to_string(kMaxMachineNameLength) + " characters."});
  } else if (std::ranges::any_of(form.name,
                                 [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    errors.push_back({.field = "instance_name_for_custom",
                      .message = "Instance name: no control characters (line breaks, tabs)."});
  } else {
    plan.name = form.name;
  }

  if (!errors.empty()) return errors;
  return plan;
}

}  // namespace heliocloud::portal
