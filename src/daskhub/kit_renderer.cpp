#include "daskhub/kit_renderer.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "daskhub/embedded_kit.h"
#include "daskhub/kit_view.h"

namespace heliocloud::daskhub {
namespace {

constexpr std::string_view kTemplateSuffix = ".mustache";

// Files that only make sense with Kubecost's Cognito client, which the stack creates only with metrics (P22).
bool metrics_only(std::string_view path) {
  return path.starts_with("monitoring/") || path == "04-deploy-monitoring.sh.mustache" ||
         path == "04-deploy-monitoring.sh";
}

// A line holding only a section tag ({{#x}}, {{^x}}, {{/x}}) is "standalone" in Mustache and must leave no
// trace in the output. kainjow's renderer gets this wrong for a section that is skipped (false or an empty
// list): it keeps one line break, so a YAML list that is left out becomes a blank line (yamllint rejects it).
// Joining such a line with the next one gives the standalone result in both cases, so the templates can keep
// one tag per line.
std::string join_standalone_section_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? text.size() : end;
    const std::string_view line = text.substr(start, stop - start);
    out += line;
    const bool section_tag = line.size() > 5 && line.starts_with("{{") && line.ends_with("}}") &&
                             (line[2] == '#' || line[2] == '^' || line[2] == '/') &&
                             line.find("}}") == line.size() - 2;
    if (end != std::string_view::npos && !section_tag) out += '\n';
    start = stop + 1;
  }
  return out;
}

}  // namespace

std::string render_template(std::string_view path, std::string_view text,
                            const kainjow::mustache::data& view) {
  kainjow::mustache::mustache tmpl{join_standalone_section_tags(text)};
  // Mustache's default escaping is for HTML ("&" -> "&amp;", quotes -> "&quot;"), which would corrupt YAML
  // and shell. The view already quotes each value for its target (name_sh, name_yaml), so the escaper is the
  // identity and {{x}} and {{{x}}} mean the same.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  if (!tmpl.is_valid())
    throw std::runtime_error("deploy kit template " + std::string(path) + ": " + tmpl.error_message());
  std::string out = tmpl.render(view);
  if (!tmpl.is_valid())
    throw std::runtime_error("deploy kit template " + std::string(path) + ": " + tmpl.error_message());
  return out;
}

std::vector<KitFile> render_kit(const config::InstanceConfig& config) {
  const auto view = build_view(config);
  std::vector<KitFile> files;
  for (const auto& source : embedded_kit()) {
    if (!config.enabled.daskhub_metrics && metrics_only(source.path)) continue;
    KitFile file;
    if (source.path.ends_with(kTemplateSuffix)) {
      file.path = std::string(source.path.substr(0, source.path.size() - kTemplateSuffix.size()));
      file.content = render_template(source.path, source.content, view);
    } else {
      file.path = std::string(source.path);
      file.content = std::string(source.content);
    }
    file.executable = file.path.ends_with(".sh");
    files.push_back(std::move(file));
  }
  std::ranges::sort(files, [](const KitFile& a, const KitFile& b) { return a.path < b.path; });
  return files;
}

void write_kit(const std::vector<KitFile>& files, const std::filesystem::path& out_dir) {
  namespace fs = std::filesystem;
  for (const auto& file : files) {
    const fs::path target = out_dir / fs::path(file.path);
    fs::create_directories(target.parent_path());
    // Only the kit's own directories: out_dir and those below it on the way to the file.
    fs::path dir = out_dir;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    for (const auto& part : fs::path(file.path).parent_path()) {
      dir /= part;
      fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
    }
    // Restrict before writing, so the content is never readable by others even for a moment.
    if (!fs::exists(target)) std::ofstream(target, std::ios::binary).close();
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    out.close();
    if (!out) throw fs::filesystem_error("cannot write", target, std::make_error_code(std::errc::io_error));
    const auto mode = file.executable ? fs::perms::owner_all : fs::perms::owner_read | fs::perms::owner_write;
    fs::permissions(target, mode, fs::perm_options::replace);
  }
}

}  // namespace heliocloud::daskhub
