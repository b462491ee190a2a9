#include "construct/cfn_element.h"

#include "base/unique_id.h"
#include "construct/stack.h"

namespace heliocloud::construct {

std::string CfnElement::logical_id() const {
  if (logical_id_override_) return *logical_id_override_;
  const auto all = path_components();
  const auto depth = stack().path_components().size();
  return base::make_unique_id({all.begin() + static_cast<std::ptrdiff_t>(depth), all.end()});
}

}  // namespace heliocloud::construct
