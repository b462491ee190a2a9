#include "construct/assembly_writer.h"

#include <fstream>
#include <stdexcept>
#include <vector>

#include "construct/app.h"
#include "construct/cfn_element.h"
#include "construct/cfn_resource.h"
#include "construct/sha256.h"
#include "construct/stack.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {
namespace fs = std::filesystem;
namespace {

constexpr int kSchemaMajor = 55;

void writeFile(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(file.string() + ": cannot write");
  out << text;
  if (!out.flush()) throw std::runtime_error(file.string() + ": write failed");
}

// Annotations and logical ids of the constructs of one stack, keyed "/<construct path>" as the CLI expects.
nlohmann::ordered_json stackMetadata(Stack& stack) {
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  stack.forEach([&](Construct& c) {
    if (c.tryStack() != &stack) return;
    auto entries = nlohmann::ordered_json::array();
    for (const auto& m : c.metadata()) entries.push_back({{"type", m.type}, {"data", m.data}});
    if (const auto* r = dynamic_cast<const CfnResource*>(&c))
      entries.push_back({{"type", "aws:cdk:logicalId"}, {"data", r->logicalId()}});
    if (!entries.empty()) meta["/" + c.path()] = entries;
  });
  return meta;
}

nlohmann::ordered_json treeNode(const Construct& c) {
  nlohmann::ordered_json n = nlohmann::ordered_json::object();
  n["id"] = c.scope() == nullptr ? "App" : c.id();
  n["path"] = c.path();
  if (!c.children().empty()) {
    nlohmann::ordered_json children = nlohmann::ordered_json::object();
    for (const auto& child : c.children()) children[child->id()] = treeNode(*child);
    n["children"] = children;
  }
  if (const auto* r = dynamic_cast<const CfnResource*>(&c))
    n["attributes"] = {{"aws:cdk:cloudformation:type", r->type()}};
  return n;
}

void stageAsset(const FileAssetSource& asset, const fs::path& outdir) {
  const fs::path target = outdir / asset.stagedName;
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

std::string assemblyVersion(int cliAssemblyMajor) {
  const int major =
      (cliAssemblyMajor > 0 && cliAssemblyMajor < kSchemaMajor) ? cliAssemblyMajor : kSchemaMajor;
  return std::to_string(major) + ".0.0";
}

void AssemblyWriter::prepareOutdir(const fs::path& outdir) const {
  fs::create_directories(outdir);
  bool empty = fs::is_empty(outdir);
  bool isAssembly = fs::exists(outdir / "manifest.json") || fs::exists(outdir / "cdk.out");
  bool onlyLocks = true;
  for (const auto& e : fs::directory_iterator(outdir))
    onlyLocks = onlyLocks && e.path().extension() == ".lock";
  if (!empty && !isAssembly && !onlyLocks)
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
  return {{"version", "tree-0.1"}, {"tree", treeNode(app_)}};
}

void AssemblyWriter::write() {
  const std::string version = assemblyVersion(app_.options().cliAssemblyMajor);
  const fs::path outdir = app_.options().outdir;
  std::vector<Stack*> stacks = app_.stacks();

  std::vector<TemplateSections> rendered;
  rendered.reserve(stacks.size());
  for (Stack* s : stacks) rendered.push_back(s->render());
  for (std::size_t i = 0; i < stacks.size(); ++i) stacks[i]->renderExports(rendered[i]);

  prepareOutdir(outdir);
  nlohmann::ordered_json artifacts = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    Stack& stack = *stacks[i];
    const std::string id = stack.artifactId();
    if (artifacts.contains(id)) throw std::runtime_error("two stacks have the artifact id " + id);
    const std::string templateFile = id + ".template.json";
    const std::string text = rendered[i].toTemplate().dump(1);
    writeFile(outdir / templateFile, text);
    const std::string templateHash = sha256Hex(text);

    auto& synth = stack.synthesizer();
    for (const auto& asset : synth.fileAssets()) stageAsset(asset, outdir);
    const std::string assetsFile = id + ".assets.json";
    writeFile(outdir / assetsFile, synth.assetManifest(templateFile, templateHash, version).dump(2));

    artifacts[id + ".assets"] = StackSynthesizer::assetManifestArtifact(assetsFile);

    nlohmann::ordered_json artifact = nlohmann::ordered_json::object();
    artifact["type"] = "aws:cloudformation:stack";
    artifact["environment"] = stack.environmentUri();
    auto properties = synth.artifactProperties(templateFile, templateHash);
    std::map<std::string, std::string> stackTags;
    for (const Construct* c = &stack; c != nullptr; c = c->scope())
      for (const auto& [k, v] : c->tags()) stackTags.try_emplace(k, v);  // deeper scope wins
    if (!stackTags.empty()) properties["tags"] = stackTags;
    artifact["properties"] = properties;
    auto deps = nlohmann::ordered_json::array();
    for (const Stack* d : stack.dependencies()) deps.push_back(d->artifactId());
    deps.push_back(id + ".assets");
    artifact["dependencies"] = deps;
    auto meta = stackMetadata(stack);
    if (!meta.empty()) artifact["metadata"] = meta;
    artifact["displayName"] = stack.path();
    artifacts[id] = artifact;
  }
  artifacts["Tree"] = {{"type", "cdk:tree"}, {"properties", {{"file", "tree.json"}}}};
  writeFile(outdir / "tree.json", tree().dump(2));

  nlohmann::ordered_json manifest = nlohmann::ordered_json::object();
  manifest["version"] = version;
  manifest["artifacts"] = artifacts;
  if (!app_.missingContext().empty()) {
    auto missing = nlohmann::ordered_json::array();
    for (const auto& [key, m] : app_.missingContext())
      missing.push_back({{"key", m.key}, {"provider", m.provider}, {"props", m.props}});
    manifest["missing"] = missing;
  }
  writeFile(outdir / "manifest.json", manifest.dump(2));
  writeFile(outdir / "cdk.out", nlohmann::ordered_json({{"version", version}}).dump());
}

}  // namespace heliocloud::construct
