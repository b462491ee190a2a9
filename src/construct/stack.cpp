#include "construct/stack.h"

#include <algorithm>
#include <stdexcept>

#include "base/unique_id.h"
#include "construct/cfn_element.h"
#include "construct/context_provider.h"
#include "construct/fn.h"
#include "construct/resolver.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {

Stack::Stack(Construct& scope, std::string id, StackProps props)
    : Construct(scope, std::move(id)),
      props_(std::move(props)),
      synthesizer_(std::make_unique<StackSynthesizer>(*this)) {}

Stack::~Stack() = default;

std::string Stack::artifact_id() const {
  return base::make_unique_id(path_components());
}

std::string Stack::stack_name() const {
  return props_.stack_name.value_or(artifact_id());
}

std::string Stack::environment_uri() const {
  return "aws://" + props_.env.account.value_or("unknown-account") + "/" +
         props_.env.region.value_or("unknown-region");
}

Value Stack::account() const {
  return props_.env.account ? Value(*props_.env.account) : pseudo::account_id();
}
Value Stack::region() const {
  return props_.env.region ? Value(*props_.env.region) : pseudo::region();
}

std::vector<Value> Stack::availability_zones(std::size_t count) {
  std::vector<Value> zones;
  if (is_env_specific()) {
    const auto found = lookup_context(*this, "availability-zones", nlohmann::ordered_json::object(),
                                      {"dummy1a", "dummy1b", "dummy1c"});
    for (const auto& z : found) {
      if (zones.size() == count) break;
      zones.emplace_back(z.get<std::string>());
    }
    return zones;
  }
  for (std::size_t i = 0; i < count; ++i)
    zones.push_back(fn::select(static_cast<int>(i), fn::get_azs(Value(""))));
  return zones;
}

bool Stack::depends_on(const Stack& other) const {
  for (const Stack* d : dependencies_)
    if (d == &other || d->depends_on(other)) return true;
  return false;
}

void Stack::add_dependency(Stack& producer, const std::string& reason) {
  if (&producer == this) return;
  if (std::ranges::find(dependencies_, &producer) != dependencies_.end()) return;
  if (producer.depends_on(*this))
    throw std::runtime_error("stack dependency cycle: " + path() + " would depend on " + producer.path() +
                             " (" + reason + "), which already depends on " + path());
  dependencies_.push_back(&producer);
}

std::string Stack::export_value(const nlohmann::ordered_json& resolved_value) {
  const std::string output_id = base::make_unique_id({"Exports", "Output" + resolved_value.dump()});
  auto it = exports_.find(output_id);
  if (it == exports_.end())
    it = exports_.emplace(output_id, std::make_pair(stack_name() + ":" + output_id, resolved_value)).first;
  return it->second.first;
}

std::map<std::string, std::string> Stack::stack_tags() const {
  std::map<std::string, std::string> tags;
  for (const Construct* c = this; c != nullptr; c = c->scope())
    for (const auto& [k, v] : c->tags()) tags.try_emplace(k, v);  // the deeper scope came first and wins
  return tags;
}

TemplateSections Stack::render() {
  TemplateSections sections;
  if (!props_.description.empty()) sections.description = props_.description;
  Resolver resolver(*this);
  for_each([&](Construct& c) {
    if (&c != this && c.try_stack() != this) return;  // a nested stack renders itself
    if (auto* element = dynamic_cast<CfnElement*>(&c)) element->render(sections, resolver);
  });
  StackSynthesizer::contribute_to_template(sections);
  return sections;
}

void Stack::render_exports(TemplateSections& sections) const {
  for (const auto& [outputId, export_] : exports_)
    sections.outputs[outputId] = {{"Value", export_.second}, {"Export", {{"Name", export_.first}}}};
}

}  // namespace heliocloud::construct
