#include "stack_test_support.h"

#include <stdexcept>

#include "construct/synthesis.h"
#include "stacks/heliocloud_app.h"

using nlohmann::json;
namespace construct = heliocloud::construct;

heliocloud::config::InstanceConfig instance(const std::string& name) {
  heliocloud::config::InstanceConfig config;  // its member defaults are default.yaml's
  config.name = name;
  return config;
}

const Template& SynthesizedInstance::stack(const std::string& path) const {
  auto it = templates.find(path);
  if (it == templates.end()) throw std::runtime_error("no stack " + path);
  return it->second;
}

construct::Stack& SynthesizedInstance::stack_construct(const std::string& path) const {
  auto it = stacks.find(path);
  if (it == stacks.end()) throw std::runtime_error("no stack " + path);
  return *it->second;
}

const Template& SynthesizedInstance::base() const {
  for (const auto& [path, tpl] : templates)
    if (path.size() > 5 && path.ends_with("/Base")) return tpl;
  throw std::runtime_error("no Base stack");
}

std::string SynthesizedInstance::warnings() const {
  std::string out;
  app->for_each([&](construct::Construct& c) {
    for (const auto& m : c.metadata())
      if (m.type == "aws:cdk:warning") out += m.data.get<std::string>() + "\n";
  });
  return out;
}

SynthesizedInstance synth(const heliocloud::config::InstanceConfig& config, const json& context) {
  construct::AppOptions options;
  options.context = nlohmann::ordered_json(context);
  options.context["instance"] = config.name;
  SynthesizedInstance s{.app = std::make_unique<construct::App>(options), .templates = {}, .stacks = {}};
  std::string note;
  heliocloud::stacks::build_instance(*s.app, config,
                                     heliocloud::stacks::resolve_environment(config, nullptr, nullptr, note),
                                     HELIOCLOUD_TEST_LAMBDA_DIR);
  for (auto& [stack, template_json] : construct::render_templates(*s.app)) {
    s.templates.emplace(stack->path(), Template(json(template_json)));
    s.stacks.emplace(stack->path(), stack);
  }
  return s;
}

nlohmann::json example_org_zone() {
  return {{"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
           {{"Id", "/hostedzone/Z0123"}, {"Name", "example.org."}}}};
}

std::vector<nlohmann::json> policy_statements(const Template& t) {
  std::vector<nlohmann::json> out;
  for (const char* type : {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"})
    for (const auto& [id, policy] : t.find_resources(type))
      for (const auto& s : policy["Properties"]["PolicyDocument"]["Statement"]) out.push_back(s);
  return out;
}
