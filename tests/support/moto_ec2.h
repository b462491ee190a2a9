#pragma once
// An EC2 instance in moto, for tests of SSM Run Command: moto answers SendCommand and GetCommandInvocation
// for the instances it knows (it runs nothing on them). EC2 has no client in the library; the query
// protocol call is enough.
#include <string>

#include "aws/protocols.h"
#include "moto_support.h"

namespace heliocloud::aws::testing {

// Launches one t3.micro from moto's Amazon Linux 2023 image and returns its instance id.
inline std::string run_moto_instance() {
  const ServiceClient ec2(moto_config(),
                          {.name = "EC2", .signing_name = "ec2", .endpoint_prefix = "ec2", .env_id = "EC2"});
  const auto root = query_call(ec2, "RunInstances", "2016-11-15",
                               {{"ImageId", "ami-0ed094fb1304fd857"},
                                {"InstanceType", "t3.micro"},
                                {"MinCount", "1"},
                                {"MaxCount", "1"}},
                               false);
  const auto* id = root.find("instancesSet/item/instanceId");
  return id != nullptr ? id->text : std::string();
}

}  // namespace heliocloud::aws::testing
