#include "aws_constructs/route53.h"

#include "construct/context_provider.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {

LookedUpHostedZone::LookedUpHostedZone(construct::Construct& scope, std::string id,
                                       const std::string& domain_name)
    : Construct(scope, std::move(id)) {
  // HostedZone.fromLookup({domainName}) puts only the given query fields into the key (no privateZone), so
  // the original's cached lookup in cdk.context.json answers ours too.
  const nlohmann::ordered_json props = {{"domainName", domain_name}};
  // aws-cdk-lib's placeholder until the CLI has looked the zone up.
  const nlohmann::ordered_json dummy = {{"Id", "/hostedzone/DUMMY"}, {"Name", domain_name}};
  const auto found = construct::lookup_context(stack(), "hosted-zone", props, dummy);
  zone_id_ = found.value("Id", "");
  const std::string prefix = "/hostedzone/";
  if (zone_id_.starts_with(prefix)) zone_id_ = zone_id_.substr(prefix.size());
  zone_name_ = found.value("Name", domain_name);
  if (!zone_name_.empty() && zone_name_.back() == '.') zone_name_.pop_back();
}

}  // namespace heliocloud::aws_constructs
