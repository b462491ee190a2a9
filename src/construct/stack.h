#pragma once
// A stack: one CloudFormation template and one deployable artifact of the cloud assembly.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "construct/construct.h"
#include "construct/template_sections.h"
#include "construct/value.h"

namespace heliocloud::construct {

class StackSynthesizer;

// Where a stack deploys. Unset parts make the stack environment-agnostic in that part: the template then uses
// the pseudo parameters and lookups (which need both) are not possible.
struct Environment {
  std::optional<std::string> account;
  std::optional<std::string> region;
};

struct StackProps {
  Environment env;
  std::string description;
  std::optional<std::string> stack_name;
  bool termination_protection = false;
};

class Stack : public Construct {
 public:
  Stack(Construct& scope, std::string id, StackProps props = {});
  ~Stack() override;

  // The artifact id and default stack name: the path from the app, made unique (heliocloudBase8F34CA3B).
  std::string artifact_id() const;
  std::string stack_name() const;
  const StackProps& props() const { return props_; }
  const Environment& env() const { return props_.env; }
  bool is_env_specific() const { return props_.env.account.has_value() && props_.env.region.has_value(); }
  // "aws://123456789012/us-east-1", with unknown-account / unknown-region for agnostic parts.
  std::string environment_uri() const;
  // Literal when the environment says so, else the pseudo parameter.
  Value account() const;
  Value region() const;

  // The first `count` availability zones: looked up (context provider "availability-zones") in an
  // env-specific stack, Fn::Select over Fn::GetAZs otherwise.
  std::vector<Value> availability_zones(std::size_t count);

  // Deploy `producer` first. A dependency that closes a cycle is an error naming the stacks.
  void add_dependency(Stack& producer, const std::string& reason);
  const std::vector<Stack*>& dependencies() const { return dependencies_; }
  bool depends_on(const Stack& other) const;  // transitively

  // Makes sure this stack exports `resolvedValue` (JSON resolved in this stack) and returns the export name.
  std::string export_value(const nlohmann::ordered_json& resolved_value);

  // The tags of the stack itself (its own and its scopes', deeper ones winning): the CLI tags the
  // CloudFormation stack with them.
  std::map<std::string, std::string> stack_tags() const;

  StackSynthesizer& synthesizer() { return *synthesizer_; }
  const StackSynthesizer& synthesizer() const { return *synthesizer_; }

  // Resolves every element of the stack into template sections (may add exports to other stacks).
  TemplateSections render();
  // Adds this stack's exports to its rendered outputs; call after every stack was rendered.
  void render_exports(TemplateSections& sections) const;

 private:
  StackProps props_;
  std::unique_ptr<StackSynthesizer> synthesizer_;
  std::vector<Stack*> dependencies_;
  std::map<std::string, std::pair<std::string, nlohmann::ordered_json>>
      exports_;  // output id -> (name, value)
};

}  // namespace heliocloud::construct
