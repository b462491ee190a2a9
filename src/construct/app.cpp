#include "construct/app.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "base/text.h"
#include "construct/assembly_writer.h"
#include "construct/stack.h"

namespace heliocloud::construct {
namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once at startup
  return (v != nullptr && *v != '\0') ? v : nullptr;
}

nlohmann::ordered_json parse_context(const std::string& text, const std::string& origin) {
  try {
    auto j = nlohmann::ordered_json::parse(text);
    if (!j.is_object()) throw std::runtime_error("not a JSON object");
    return j;
  } catch (const std::exception& e) {
    throw std::runtime_error(origin + ": invalid CDK context: " + e.what());
  }
}

}  // namespace

AppOptions app_options_from_environment() {
  AppOptions o;
  if (const char* out = env("CDK_OUTDIR")) o.outdir = out;
  if (const char* ctx = env("CDK_CONTEXT_JSON")) o.context = parse_context(ctx, "CDK_CONTEXT_JSON");
  if (const char* overflow = env("CONTEXT_OVERFLOW_LOCATION_ENV")) {
    std::ifstream in(overflow);
    if (!in) throw std::runtime_error(std::string(overflow) + ": cannot read the CDK context overflow file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto overflow_context =
        parse_context(text, overflow);  // named: items() of a temporary would dangle
    for (const auto& [k, v] : overflow_context.items()) o.context[k] = v;
  }
  if (const char* schema = env("CDK_CLI_ASM_VERSION"))
    o.cli_assembly_major = base::leading_int(schema).value_or(0);  // 0: not known
  return o;
}

App::App(AppOptions options)
    : Construct(""),
      options_(std::move(options)),
      fingerprint_cache_(std::make_unique<FingerprintCache>(options_.fingerprint_cache_file)) {}

const nlohmann::ordered_json* App::try_get_context(const std::string& key) const {
  auto it = options_.context.find(key);
  return it == options_.context.end() ? nullptr : &*it;
}

std::string App::context_string(const std::string& key) const {
  const auto* v = try_get_context(key);
  if (v == nullptr || v->is_null()) return "";
  return v->is_string() ? v->get<std::string>() : v->dump();
}

bool App::context_flag(const std::string& key) const {
  const auto* v = try_get_context(key);
  if (v == nullptr) return false;
  if (v->is_boolean()) return v->get<bool>();
  return v->is_string() && v->get<std::string>() == "true";
}

bool App::path_metadata_enabled() const {
  return context_flag("aws:cdk:enable-path-metadata");
}
bool App::asset_metadata_enabled() const {
  return context_flag("aws:cdk:enable-asset-metadata");
}

void App::report_missing_context(const std::string& key, const std::string& provider,
                                 nlohmann::ordered_json props) {
  missing_.try_emplace(key, MissingContext{.key = key, .provider = provider, .props = std::move(props)});
}

std::vector<Stack*> App::stacks() {
  std::vector<Stack*> out;
  for_each([&](Construct& c) {
    if (auto* s = dynamic_cast<Stack*>(&c)) out.push_back(s);
  });
  return out;
}

void App::synth() {
  AssemblyWriter(*this).write();
  fingerprint_cache_->save();
}

}  // namespace heliocloud::construct
