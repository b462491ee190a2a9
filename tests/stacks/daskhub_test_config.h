#pragma once
// The Daskhub instances the stack tests synthesize: env-specific (so the hosted zone is looked up, with the
// answer below in the context), with or without Kubecost (daskhub_metrics).

#include <nlohmann/json.hpp>
#include <string>

#include "stack_test_support.h"

namespace daskhub_test {

inline constexpr const char* kAccount = "123456789012";
inline constexpr const char* kZoneId = "Z0123456789ABCDEFGHIJ";

inline heliocloud::config::InstanceConfig hub_instance(const std::string& name, bool metrics = false) {
  auto config = instance(name);
  config.env.account = kAccount;
  config.env.region = "us-east-1";
  config.auth.domain_prefix = "edu-hub";
  config.enabled.daskhub = true;
  auto& hub = config.daskhub.hub;
  hub.contact_email = "ops@example.org";
  hub.domain_url = "example.org";
  hub.domain_record = "hub";
  hub.admin_users = {"jane"};
  for (auto* image : {&hub.generic_image, &hub.ml_tensorflow_image, &hub.ml_pytorch_image})
    *image = {.location = "public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-core", .version = "2025.01.29"};
  config.daskhub.eksctl.cluster_name = "eks-test";
  config.daskhub.eksctl.availability_zones = {"us-east-1a", "us-east-1b"};
  if (metrics) {
    config.enabled.daskhub_metrics = true;
    config.daskhub.monitoring = {
        .grafana_domain_prefix = "grafana",
        .cost_analyzer_domain_prefix = "kubecost",
        .load_balancer_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d"};
  }
  return config;
}

// What the CDK CLI answers for the zone lookup of example.org.
inline nlohmann::json zone_context() {
  return {{"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
           {{"Id", std::string("/hostedzone/") + kZoneId}, {"Name", "example.org."}}}};
}

inline SynthesizedInstance synth_hub(const heliocloud::config::InstanceConfig& config) {
  return synth(config, zone_context());
}

}  // namespace daskhub_test
