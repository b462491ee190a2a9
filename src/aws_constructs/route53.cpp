#include "aws_constructs/route53.h"

#include "construct/context_provider.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {

LookedUpHostedZone::LookedUpHostedZone(construct::Construct& scope, std::string id,
                                       const std::string& domainName)
    : Construct(scope, std::move(id)) {
  const nlohmann::ordered_json props = {{"domainName", domainName}, {"privateZone", false}};
  // aws-cdk-lib's placeholder until the CLI has looked the zone up.
  const nlohmann::ordered_json dummy = {{"Id", "/hostedzone/DUMMY"}, {"Name", domainName}};
  const auto found = construct::lookupContext(stack(), "hosted-zone", props, dummy);
  zoneId_ = found.value("Id", "");
  const std::string prefix = "/hostedzone/";
  if (zoneId_.rfind(prefix, 0) == 0) zoneId_ = zoneId_.substr(prefix.size());
  zoneName_ = found.value("Name", domainName);
  if (!zoneName_.empty() && zoneName_.back() == '.') zoneName_.pop_back();
}

}  // namespace heliocloud::aws_constructs
