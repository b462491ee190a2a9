// The daskhub: section: typed values, and one clear error per bad or missing key (file:line and key path).
#include <gtest/gtest.h>

#include <string>

#include "config/config_error.h"
#include "config/instance_loader.h"
#include "instance_dir.h"

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

namespace {

// An instance with Daskhub enabled and every required key set; tests append or replace lines.
const std::string kHub = R"(env: {account: '123456789012', region: us-east-1}
enabled: {daskhub: True}
daskhub:
  daskhub:
    contact_email: helio.cloud@example.org
    domain_url: example.org
)";

InstanceConfig load(const std::string& yaml) {
  InstanceDir dir("dh-ok");
  dir.write("t", yaml);
  return load_instance(dir.path(), "t");
}

// The error message of loading `yaml`, with the temporary directory shown as instance/.
std::string daskhub_error_of(const std::string& yaml) {
  return load_error("dh-err", yaml);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(DaskhubSection, TypedValuesWithDefaultsFromDefaultYaml) {
  const auto c = load(kHub);
  const auto& d = c.daskhub;
  EXPECT_EQ(d.eksctl.cluster_name, "eks-helio");
  EXPECT_EQ(d.eksctl.region, "us-east-1");  // env.region fills the cluster's region
  EXPECT_TRUE(d.eksctl.availability_zones.empty());
  EXPECT_EQ(d.storage_size, "10000Gi");
  EXPECT_EQ(d.hub.kubernetes_namespace, "daskhub");
  EXPECT_EQ(d.hub.host_name(), "daskhub.example.org");
  EXPECT_EQ(d.hub.contact_email, "helio.cloud@example.org");
  EXPECT_EQ(d.hub.generic_image.reference(),
            "public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-core:2025.01.29");
  EXPECT_EQ(d.hub.ml_tensorflow_image.location, "public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-mltf");
  EXPECT_EQ(d.hub.ml_pytorch_image.location, "public.ecr.aws/q3h7b4o8/heliocloud/helio-daskhub-mltrch");
  EXPECT_TRUE(d.monitoring.cost_analyzer_domain_prefix.empty());
}

TEST(DaskhubSection, TheRepositoryExampleIsComplete) {
  const auto c = load_instance(HELIOCLOUD_INSTANCE_DIR, "example");
  EXPECT_EQ(c.daskhub.eksctl.availability_zones, (std::vector<std::string>{"us-east-1a", "us-east-1b"}));
  EXPECT_EQ(c.daskhub.hub.admin_users, (std::vector<std::string>{"admin"}));
  EXPECT_EQ(c.daskhub.hub.host_name(), "daskhub.example.org");
}

TEST(DaskhubSection, ClusterSettingsAndMappingsAreRead) {
  const auto c = load(kHub + R"(  eksctl:
    metadata: {name: helio-prod, region: us-east-1}
    availabilityZones: [us-east-1a, us-east-1c]
    iamIdentityMappings:
      - arn: arn:aws:iam::123456789012:role/Admins
        groups: [system:masters]
      - arn: arn:aws:iam::123456789012:user/ada
        groups: [daskhub-admin-access-group, monitoring-admin-access-group]
        username: ada
  daskhub_storage: {efs-persist: {storage: 500Gi}}
)");
  const auto& e = c.daskhub.eksctl;
  EXPECT_EQ(e.cluster_name, "helio-prod");
  EXPECT_EQ(e.availability_zones, (std::vector<std::string>{"us-east-1a", "us-east-1c"}));
  ASSERT_EQ(e.iam_identity_mappings.size(), 2U);
  EXPECT_EQ(e.iam_identity_mappings[0].arn, "arn:aws:iam::123456789012:role/Admins");
  EXPECT_FALSE(e.iam_identity_mappings[0].username.has_value());
  EXPECT_EQ(e.iam_identity_mappings[1].groups.size(), 2U);
  EXPECT_EQ(e.iam_identity_mappings[1].username, "ada");
  EXPECT_EQ(c.daskhub.storage_size, "500Gi");
}

TEST(DaskhubSection, RequiredKeysWhenEnabledNameTheKey) {
  const auto msg = daskhub_error_of("enabled: {daskhub: True}\n");
  EXPECT_TRUE(has(msg, "daskhub.daskhub.domain_url: required when enabled.daskhub is true")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.daskhub.contact_email: required when enabled.daskhub is true")) << msg;
}

TEST(DaskhubSection, AnExplicitNullIsAMissingValueNotTheTextNone) {
  const auto msg = daskhub_error_of(kHub + "    domain_record: null\n");
  EXPECT_TRUE(has(msg, "daskhub.daskhub.domain_record: required when enabled.daskhub is true")) << msg;
  EXPECT_FALSE(has(msg, "None"));
}

TEST(DaskhubSection, NothingIsRequiredWhenDaskhubIsOff) {
  const auto c = load("env: {region: eu-west-2}\n");
  EXPECT_FALSE(c.enabled.daskhub);
  EXPECT_EQ(c.daskhub.eksctl.region, "eu-west-2");
}

TEST(DaskhubSection, BadValuesNameFileLineAndKey) {
  const auto msg = daskhub_error_of(R"(enabled: {daskhub: True}
daskhub:
  daskhub:
    domain_url: example.org
    contact_email: not-an-address
  daskhub_storage: {efs-persist: {storage: 10 TB}}
)");
  EXPECT_TRUE(has(msg, "instance/t.yaml:5")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.daskhub.contact_email")) << msg;
  EXPECT_TRUE(has(msg, "not an e-mail address")) << msg;
  EXPECT_TRUE(has(msg, "instance/t.yaml:6")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.daskhub_storage.efs-persist.storage")) << msg;
  EXPECT_TRUE(has(msg, "Kubernetes storage quantity")) << msg;
}

TEST(DaskhubSection, ClusterRegionMustBeTheInstanceRegion) {
  const auto msg = daskhub_error_of(kHub + "  eksctl: {metadata: {region: us-west-2}}\n");
  EXPECT_TRUE(has(msg, "daskhub.eksctl.metadata.region: \"us-west-2\" differs from env.region \"us-east-1\""))
      << msg;
}

TEST(DaskhubSection, AvailabilityZonesAreChecked) {
  EXPECT_TRUE(has(daskhub_error_of(kHub + "  eksctl: {availabilityZones: [us-east-1a, us-west-2b]}\n"),
                  "daskhub.eksctl.availabilityZones[1]: \"us-west-2b\": not a zone of region us-east-1"));
  EXPECT_TRUE(has(daskhub_error_of(kHub + "  eksctl: {availabilityZones: [us-east-1a]}\n"), "at least two"));
  EXPECT_TRUE(has(daskhub_error_of(kHub + "  eksctl: {availabilityZones: [us-east-1a, us-east-1a]}\n"),
                  "listed twice"));
  EXPECT_TRUE(has(daskhub_error_of(kHub + "  eksctl: {availabilityZones: us-east-1a}\n"), "expected a list"));
}

TEST(DaskhubSection, IdentityMappingsAreChecked) {
  const auto msg = daskhub_error_of(kHub + R"(  eksctl:
    iamIdentityMappings:
      - arn: arn:aws:iam::123:role/x
        groups: [system:masters]
      - groups: []
      - just-a-string
)");
  EXPECT_TRUE(has(msg, "daskhub.eksctl.iamIdentityMappings[0].arn")) << msg;
  EXPECT_TRUE(has(msg, "IAM role or user ARN")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.eksctl.iamIdentityMappings[1].arn: required")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.eksctl.iamIdentityMappings[1].groups: required")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.eksctl.iamIdentityMappings[2]: expected a mapping")) << msg;
}

TEST(DaskhubSection, ApiKeysCannotBeLiteralSecrets) {
  const auto msg = daskhub_error_of(kHub + "    api_key1: 0123456789abcdef\n");
  EXPECT_TRUE(has(msg, "daskhub.daskhub.api_key1: must be auto")) << msg;
  EXPECT_FALSE(has(msg, "0123456789abcdef")) << "the rejected secret must not be echoed: " << msg;
}

TEST(DaskhubSection, ImagesAreContainerReferences) {
  const auto msg = daskhub_error_of(kHub +
                                    "    GENERIC_DOCKER_LOCATION: Public.ECR.aws/Org/Image:tag\n"
                                    "    MLTF_DOCKER_VERSION: 'bad tag'\n");
  EXPECT_TRUE(
      has(msg,
          "daskhub.daskhub.GENERIC_DOCKER_LOCATION: \"Public.ECR.aws/Org/Image:tag\": not a container image"))
      << msg;
  EXPECT_TRUE(has(msg, "daskhub.daskhub.MLTF_DOCKER_VERSION: \"bad tag\": not an image tag")) << msg;
}

TEST(DaskhubSection, MetricsNeedTheMonitoringKeysAndDaskhub) {
  const auto with_metrics =
      std::string(kHub).replace(kHub.find("{daskhub: True}"), 15, "{daskhub: True, daskhub_metrics: True}");
  const auto msg = daskhub_error_of(with_metrics);
  EXPECT_TRUE(has(msg, "daskhub.monitoring.cost_analyzer_domain_prefix: required")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.monitoring.grafana_domain_prefix: required")) << msg;
  EXPECT_TRUE(has(msg, "daskhub.monitoring.AWS_LOAD_BALANCER_SSL_CERT: required")) << msg;

  const auto c = load(with_metrics + R"(  monitoring:
    cost_analyzer_domain_prefix: kubecost
    grafana_domain_prefix: grafana
    AWS_LOAD_BALANCER_SSL_CERT: arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d
)");
  EXPECT_EQ(c.daskhub.monitoring.cost_analyzer_domain_prefix, "kubecost");

  EXPECT_TRUE(has(daskhub_error_of("enabled: {daskhub_metrics: True}\n"),
                  "enabled.daskhub_metrics: Kubecost monitors the Daskhub cluster"));
}

TEST(DaskhubSection, UnknownKeysSuggestTheClosestOne) {
  EXPECT_TRUE(has(daskhub_error_of(kHub + "    contact_mail: a@example.org\n"),
                  "daskhub.daskhub.contact_mail: unknown key; did you mean 'contact_email'?"));
}
