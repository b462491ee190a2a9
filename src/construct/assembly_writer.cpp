#include "construct/assembly_writer.h"

#include <fstream>
#include <stdexcept>
#include <vector>

#include "base/digest.h"
#include "construct/app.h"
#include "construct/cfn_element.h"
#include "construct/cfn_resource.h"
#include "construct/stack.h"
#include "construct/synthesis.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {
namespace fs = std::filesystem;
namespace {

constexpr int kSchemaMajor = 55;

void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
  out << text;
  if (!out.flush()) throw std::runtime_error(file.string() + ": write failed");
}

// Annotations and logical ids of the constructs of one stack, keyed "/<construct path>" as the CLI expects.
nlohmann::ordered_json stack_metadata(Stack& stack) {
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  stack.for_each([&](Construct& c) {
    if (c.try_stack() != &stack) return;
    auto entries = nlohmann::ordered_json::array();
    for (const auto& m : c.metadata()) entries.push_back({{"type", m.type}, {"data", m.data}});
    if (const auto* r = dynamic_cast<const CfnResource*>(&c))
      entries.push_back({{"type", "aws:cdk:logicalId"}, {"data", r->logical_id()}});
    if (!entries.empty()) meta["/" + c.path()] = entries;
  });
  return meta;
}

nlohmann::ordered_json tree_node(const Construct& c) {
  nlohmann::ordered_json n = nlohmann::ordered_json::object();
  n["id"] = c.scope() == nullptr ? "App" : c.id();
  n["path"] = c.path();
  if (!c.children().empty()) {
    nlohmann::ordered_json children = nlohmann::ordered_json::object();
    for (const auto& child : c.children()) children[child->id()] = tree_node(*child);
    n["children"] = children;
  }
  if (const auto* r = dynamic_cast<const CfnResource*>(&c))
    n["attributes"] = {{"aws:cdk:cloudformation:type", r->type()}};
  return n;
}

void stage_asset(const FileAssetSource& asset, const fs::path& outdir) {
  const fs::path target = outdir / asset.staged_name;
  if (fs::exists(target)) return;  // same hash, same content
  // Hard links when the assembly is on the same file system: a Lambda package is tens of megabytes and is
  // staged on every synth. The package script replaces files rather than editing them, so the links keep the
  // content this synth hashed. Elsewhere, a plain copy.
  const auto recursive = asset.directory ? fs::copy_options::recursive : fs::copy_options::none;
  std::error_code ec;
  fs::copy(asset.source, target,
           recursive | fs::copy_options::copy_symlinks | fs::copy_options::create_hard_links, ec);
  if (!ec) return;
  fs::remove_all(target);
  fs::copy(asset.source, target, recursive | fs::copy_options::copy_symlinks);
}

}  // namespace

std::string assembly_version(int cli_assembly_major) {
  const int major =
      (cli_assembly_major > 0 && cli_assembly_major < kSchemaMajor) ? cli_assembly_major : kSchemaMajor;
  return std::to_string(major) + ".0.0";
}

void AssemblyWriter::prepare_outdir(const fs::path& outdir) {
  fs::create_directories(outdir);
  bool empty = fs::is_empty(outdir);
  bool is_assembly = fs::exists(outdir / "manifest.json") || fs::exists(outdir / "cdk.out");
  bool only_locks = true;
  for (const auto& e : fs::directory_iterator(outdir))
    only_locks = only_locks && e.path().extension() == ".lock";
  if (!empty && !is_assembly && !only_locks)
    throw std::runtime_error(
        outdir.string() +
        ": not empty and not a cloud assembly; refusing to delete its files (choose another "
        "output directory with cdk -o)");
  // Files of earlier runs (templates of stacks that are gone, old assets) would confuse the CLI. The CLI's
  // own lock files stay: it holds them while the app runs.
  for (const auto& e : fs::directory_iterator(outdir))
    if (e.path().extension() != ".lock") fs::remove_all(e.path());
}

nlohmann::ordered_json AssemblyWriter::tree() const {
  return {{"version", "tree-0.1"}, {"tree", tree_node(app_)}};
}

void AssemblyWriter::write() {
  const std::string version = assembly_version(app_.options().cli_assembly_major);
  const fs::path outdir = app_.options().outdir;
  const auto rendered = render_templates(app_);

  prepare_outdir(outdir);
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::object();
  for (const auto& [stack_ptr, template_json] : rendered) {
    Stack& stack = *stack_ptr;
    const std::string id = stack.artifact_id();
    if (artifacts.contains(id)) throw std::runtime_error("two stacks have the artifact id " + id);
    const std::string template_file = id + ".template.json";
    const std::string text = template_json.dump(1);
    write_file(outdir / template_file, text);
    const std::string template_hash = base::sha256_hex(text);

    auto& synth = stack.synthesizer();
    for (const auto& asset : synth.file_assets()) stage_asset(asset, outdir);
    const std::string assets_file = id + ".assets.json";
    write_file(outdir / assets_file, synth.asset_manifest(template_file, template_hash, version).dump(2));

    artifacts[id + ".assets"] = StackSynthesizer::asset_manifest_artifact(assets_file);

    nlohmann::ordered_json artifact = nlohmann::ordered_json::object();
    artifact["type"] = "aws:cloudformation:stack";
    artifact["environment"] = stack.environment_uri();
    auto properties = synth.artifact_properties(template_file, template_hash);
    const auto stack_tags = stack.stack_tags();
    if (!stack_tags.empty()) properties["tags"] = stack_tags;
    artifact["properties"] = properties;
    auto deps = nlohmann::ordered_json::array();
    for (const Stack* d : stack.dependencies()) deps.push_back(d->artifact_id());
    deps.push_back(id + ".assets");
    artifact["dependencies"] = deps;
    auto meta = stack_metadata(stack);
    if (!meta.empty()) artifact["metadata"] = meta;
    artifact["displayName"] = stack.path();
    artifacts[id] = artifact;
  }
  artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  write_file(outdir / "tree.json", tree().dump(2));

  nlohmann::ordered_json manifest = nlohmann::ordered_json::object();
  manifest["version"] = version;
  manifest["artifacts"] = artifacts;
  if (!app_.missing_context().empty()) {
    auto missing = nlohmann::ordered_json::array();
    for (const auto& [key, m] : app_.missing_context())
      missing.push_back({{"key", m.key}, {"provider", m.provider}, {"props", m.props}});
    manifest["missing"] = missing;
  }
  write_file(outdir / "manifest.json", manifest.dump(2));
  write_file(outdir / "cdk.out", nlohmann::ordered_json({{"version", version}}).dump());
}

}  // namespace heliocloud::construct
