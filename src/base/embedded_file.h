#pragma once
// A file compiled into the binary by heliocloud_embed_files() (cmake/EmbedFiles.cmake): web assets and
// templates, the Daskhub deploy kit. They travel inside the executable, so a Lambda package, a local server
// or the installer never looks for a source folder at run time, and what was tested is what is used.
#include <span>
#include <string_view>

namespace heliocloud::base {

struct EmbeddedFile {
  std::string_view path;     // relative to the embedded folder, '/'-separated: "static/app.css"
  std::string_view content;  // the bytes, unchanged (may hold NULs)
};

using EmbeddedFiles = std::span<const EmbeddedFile>;

// The file at exactly `path`, or nullptr.
[[nodiscard]] const EmbeddedFile* find_embedded(EmbeddedFiles files, std::string_view path) noexcept;

}  // namespace heliocloud::base
