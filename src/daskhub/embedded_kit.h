#pragma once
// The deploy kit's source files (src/daskhub/kit), compiled into the library by heliocloud_embed_files()
// (cmake/EmbedFiles.cmake), which generates daskhub_kit.h.
#include "daskhub_kit.h"

namespace heliocloud::daskhub {

// Paths relative to kit/ ("eksctl/cluster-config.yaml.mustache"), sorted.
inline base::EmbeddedFiles embedded_kit() {
  return embedded::daskhub_kit();
}

}  // namespace heliocloud::daskhub
