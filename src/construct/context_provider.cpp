#include "construct/context_provider.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "construct/annotations.h"
#include "construct/app.h"
#include "construct/stack.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {
namespace {

// aws-cdk-lib's colonQuote is `xs.replace('$', '$$').replace(':', '$:')`: JavaScript's replace with a string
// pattern changes only the first match, and "$$" in a replacement means one '$'. So the first ':' becomes
// "$:" and nothing else changes; the keys in an operator's cdk.context.json were written that way.
std::string colon_quote(const std::string& s) {
  std::string out = s;
  if (const auto colon = out.find(':'); colon != std::string::npos) out.insert(colon, "$");
  return out;
}

// propsToArray: arrays are objects to JavaScript, so their elements are flattened under "name.0", "name.1".
void flatten(const nlohmann::ordered_json& props, const std::string& prefix, std::vector<std::string>& out) {
  for (const auto& [key, value] : props.items()) {
    if (value.is_null()) continue;
    if (value.is_structured())
      flatten(value, prefix + key + ".", out);
    else if (value.is_string())
      out.push_back(prefix + key + "=" + colon_quote(value.get<std::string>()));
    else
      out.push_back(prefix + key + "=" + value.dump());
  }
}

}  // namespace

std::string context_key(const std::string& provider, const nlohmann::ordered_json& props) {
  std::vector<std::string> parts;
  flatten(props, "", parts);
  std::ranges::sort(parts);
  std::string key = provider;
  for (const auto& p : parts) key += ":" + p;
  return key;
}

nlohmann::ordered_json lookup_context(Stack& stack, const std::string& provider, nlohmann::ordered_json props,
                                      nlohmann::ordered_json dummy) {
  if (!stack.is_env_specific()) {
    // An error on the stack, not an exception: the CLI then refuses to synthesize or deploy this stack with
    // the message, while `cdk ls` and the other stacks still work without credentials (the placeholder
    // never reaches a template that is deployed).
    annotations::add_error(stack,
                           "cannot look up " + provider + " (" + props.dump() +
                               ") because the stack has no account and region; set env.account and "
                               "env.region in the instance file, or run the CDK CLI with AWS credentials");
    return dummy;
  }
  nlohmann::ordered_json key_props = nlohmann::ordered_json::object();
  key_props["account"] = stack.env().account.value();
  key_props["region"] = stack.env().region.value();
  for (const auto& [k, v] : props.items()) key_props[k] = v;
  const std::string key = context_key(provider, key_props);

  App& app = stack.app();
  if (const auto* found = app.try_get_context(key)) {
    if (found->is_object() && found->contains("$providerError"))
      throw std::runtime_error(stack.path() + ": the CDK CLI could not look up " + provider + " (" + key +
                               "): " + found->at("$providerError").dump());
    return *found;
  }
  nlohmann::ordered_json missing_props = key_props;
  missing_props["lookupRoleArn"] = stack.synthesizer().lookup_role_arn();
  app.report_missing_context(key, provider, missing_props);
  return dummy;
}

}  // namespace heliocloud::construct
