#include "construct/stack.h"

#include <algorithm>
#include <stdexcept>

#include "construct/cfn_element.h"
#include "construct/context_provider.h"
#include "construct/fn.h"
#include "construct/logical_id.h"
#include "construct/resolver.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {

Stack::Stack(Construct& scope, std::string id, StackProps props)
    : Construct(scope, std::move(id)),
      props_(std::move(props)),
      synthesizer_(std::make_unique<StackSynthesizer>(*this)) {}

Stack::~Stack() = default;

std::string Stack::artifactId() const {
  return makeUniqueId(pathComponents());
}

std::string Stack::stackName() const {
  return props_.stackName.value_or(artifactId());
}

std::string Stack::environmentUri() const {
  return "aws://" + props_.env.account.value_or("unknown-account") + "/" +
         props_.env.region.value_or("unknown-region");
}

Value Stack::account() const {
  return props_.env.account ? Value(*props_.env.account) : pseudo::accountId();
}
Value Stack::region() const {
  return props_.env.region ? Value(*props_.env.region) : pseudo::region();
}

std::vector<Value> Stack::availabilityZones(std::size_t count) {
  std::vector<Value> zones;
  if (isEnvSpecific()) {
    const auto found = lookupContext(*this, "availability-zones", nlohmann::ordered_json::object(),
                                     {"dummy1a", "dummy1b", "dummy1c"});
    for (const auto& z : found) {
      if (zones.size() == count) break;
      zones.emplace_back(z.get<std::string>());
    }
    return zones;
  }
  for (std::size_t i = 0; i < count; ++i)
    zones.push_back(fn::select(static_cast<int>(i), fn::getAzs(Value(""))));
  return zones;
}

bool Stack::dependsOn(const Stack& other) const {
  for (const Stack* d : dependencies_)
    if (d == &other || d->dependsOn(other)) return true;
  return false;
}

void Stack::addDependency(Stack& producer, const std::string& reason) {
  if (&producer == this) return;
  if (std::find(dependencies_.begin(), dependencies_.end(), &producer) != dependencies_.end()) return;
  if (producer.dependsOn(*this))
    throw std::runtime_error("stack dependency cycle: " + path() + " would depend on " + producer.path() +
                             " (" + reason + "), which already depends on " + path());
  dependencies_.push_back(&producer);
}

std::string Stack::exportValue(const nlohmann::ordered_json& resolvedValue) {
  const std::string outputId = makeUniqueId({"Exports", "Output" + resolvedValue.dump()});
  auto it = exports_.find(outputId);
  if (it == exports_.end())
    it = exports_.emplace(outputId, std::make_pair(stackName() + ":" + outputId, resolvedValue)).first;
  return it->second.first;
}

TemplateSections Stack::render() {
  TemplateSections sections;
  if (!props_.description.empty()) sections.description = props_.description;
  Resolver resolver(*this);
  forEach([&](Construct& c) {
    if (&c != this && c.tryStack() != this) return;  // a nested stack renders itself
    if (auto* element = dynamic_cast<CfnElement*>(&c)) element->render(sections, resolver);
  });
  synthesizer_->contributeToTemplate(sections);
  return sections;
}

void Stack::renderExports(TemplateSections& sections) const {
  for (const auto& [outputId, export_] : exports_)
    sections.outputs[outputId] = {{"Value", export_.second}, {"Export", {{"Name", export_.first}}}};
}

}  // namespace heliocloud::construct
