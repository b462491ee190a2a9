#include "stack_test_support.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "config/instance_loader.h"
#include "construct/app.h"
#include "instance_dir.h"
#include "stacks/heliocloud_app.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
json readJson(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}
}  // namespace

const json& Synthesized::stack(const std::string& displayName) const {
  auto it = templates.find(displayName);
  if (it == templates.end()) throw std::runtime_error("no stack " + displayName);
  return it->second;
}

Synthesized synth(const std::string& name, const std::string& yaml, json context) {
  InstanceDir dir("stack-" + name);
  dir.write(name, yaml);
  const auto config = heliocloud::config::loadInstance(dir.path(), name);
  heliocloud::construct::AppOptions o;
  o.outdir = (fs::temp_directory_path() / ("hc-stack-out-" + name)).string();
  fs::remove_all(o.outdir);
  o.context = nlohmann::ordered_json(context);
  o.context["instance"] = name;
  heliocloud::construct::App app(o);
  std::string note;
  heliocloud::stacks::buildInstance(app, config,
                                    heliocloud::stacks::resolveEnvironment(config, nullptr, nullptr, note),
                                    HELIOCLOUD_TEST_LAMBDA_DIR);
  app.synth();
  Synthesized s;
  s.manifest = readJson(fs::path(o.outdir) / "manifest.json");
  for (const auto& [id, a] : s.manifest["artifacts"].items())
    if (a["type"] == "aws:cloudformation:stack")
      s.templates[a["displayName"]] =
          readJson(fs::path(o.outdir) / a["properties"]["templateFile"].get<std::string>());
  s.base = s.stack(name + "/Base");
  return s;
}

std::size_t countType(const json& tpl, const std::string& type) {
  return ofType(tpl, type).size();
}

const json& firstOfType(const json& tpl, const std::string& type) {
  for (const auto& [id, r] : tpl["Resources"].items())
    if (r["Type"] == type) return r;
  throw std::runtime_error("no " + type);
}

std::map<std::string, json> ofType(const json& tpl, const std::string& type) {
  std::map<std::string, json> out;
  for (const auto& [id, r] : tpl["Resources"].items())
    if (r["Type"] == type) out[id] = r;
  return out;
}
