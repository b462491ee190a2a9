#include "construct/cfn_element.h"

#include "construct/logical_id.h"
#include "construct/stack.h"

namespace heliocloud::construct {

std::string CfnElement::logicalId() const {
  if (logicalIdOverride_) return *logicalIdOverride_;
  const auto all = pathComponents();
  const auto depth = stack().pathComponents().size();
  return makeUniqueId({all.begin() + static_cast<std::ptrdiff_t>(depth), all.end()});
}

}  // namespace heliocloud::construct
