#include "base/embedded_file.h"

namespace heliocloud::base {

const EmbeddedFile* find_embedded(EmbeddedFiles files, std::string_view path) noexcept {
  for (const auto& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace heliocloud::base
