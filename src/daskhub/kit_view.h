#pragma once
// The Mustache data ("view") the kit's templates are rendered with, built from the instance's config.
//
// Every value is offered in the forms the templates need, with a suffix saying which:
//   name        the value as is (only for values the config validator restricts to [a-z0-9.-] and the like)
//   name_sh     one shell word (quoted), for scripts
//   name_yaml   a YAML double-quoted scalar, for YAML files
// Optional values are Mustache sections: when the config leaves them out, the template's block is left out
// too, so no file ever says "None", null or "" where a value was expected.
#include <kainjow/mustache.hpp>

#include "config/instance_config.h"

namespace heliocloud::daskhub {

// Throws std::invalid_argument when the instance does not enable Daskhub, or lacks a value the kit needs
// (the config loader reports those first for a loaded instance; this guards configs built in code).
[[nodiscard]] kainjow::mustache::data build_view(const config::InstanceConfig& config);

}  // namespace heliocloud::daskhub
