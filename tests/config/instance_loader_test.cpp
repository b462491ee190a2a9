#include "config/instance_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "config/config_error.h"
#include "instance_dir.h"

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

namespace {

// The one error message of loading `yaml` as instance "t" (the test fails if it loads).
std::string error_of(const std::string& yaml) {
  return load_error("err", yaml);
}

}  // namespace

TEST(InstanceLoader, TheRepositoryExampleLoadsWithEveryModule) {
  const auto c = load_instance(HELIOCLOUD_INSTANCE_DIR, "example");
  EXPECT_TRUE(c.enabled.registry && c.enabled.portal && c.enabled.daskhub && c.enabled.registration_page);
  EXPECT_EQ(c.registry.dataset_bucket_names,
            (std::vector<std::string>{"myorganization-helio1", "myorganization-helio2"}));
  EXPECT_EQ(c.auth.domain_prefix, "edu-myorganization");
  EXPECT_EQ(c.vpc.type, VpcType::New);
  EXPECT_EQ(c.email.from_name, "My Organization");
  EXPECT_EQ(c.email.user, "no-reply");  // from default.yaml
}

TEST(InstanceLoader, DefaultsApplyToAMinimalInstance) {
  InstanceDir dir("min");
  dir.write("dev", "env: {account: '123456789012', region: us-west-2}\n");
  const auto c = load_instance(dir.path(), "dev");
  EXPECT_EQ(c.env.account, "123456789012");
  EXPECT_EQ(c.env.region, "us-west-2");
  EXPECT_TRUE(c.auth.deletion_protection);
  EXPECT_EQ(c.auth.removal_policy, RemovalPolicyName::Retain);
  EXPECT_TRUE(c.registry.requester_pays);
  EXPECT_FALSE(c.needs_auth());
}

TEST(InstanceLoader, EnumErrorsNameFileLineKeyAndChoices) {
  EXPECT_EQ(error_of("auth:\n  removal_policy: KEEP\n"),
            "instance/t.yaml:2: auth.removal_policy: \"KEEP\" is not one of RETAIN, DESTROY, SNAPSHOT");
  EXPECT_EQ(error_of("vpc:\n  type: shared\n"),
            "instance/t.yaml:2: vpc.type: \"shared\" is not one of new, existing, default");
}

TEST(InstanceLoader, TypeErrors) {
  EXPECT_EQ(error_of("enabled:\n  registry: maybe\n"),
            "instance/t.yaml:2: enabled.registry: \"maybe\" is not true or false");
  EXPECT_NE(error_of("registry:\n  datasetBucketNames: one-bucket\n").find("expected a list"),
            std::string::npos);
  EXPECT_NE(error_of("auth: [1, 2]\n").find("auth: expected a mapping of settings"), std::string::npos);
}

TEST(InstanceLoader, FormatErrors) {
  EXPECT_NE(error_of("env: {account: 12345678, region: us-east-1}\n")
                .find("env.account: \"12345678\": an AWS account id is exactly 12 digits"),
            std::string::npos);
  EXPECT_NE(error_of("env: {region: mars-1}\n").find("env.region"), std::string::npos);
  EXPECT_NE(error_of("registry: {datasetBucketNames: [Bad_Bucket]}\n")
                .find("registry.datasetBucketNames[0]: \"Bad_Bucket\""),
            std::string::npos);
  EXPECT_NE(error_of("auth: {domain_prefix: my-cognito}\n").find("auth.domain_prefix"), std::string::npos);
  EXPECT_NE(error_of("vpc: {type: existing, vpc_id: vpc-nope}\n").find("vpc.vpc_id: \"vpc-nope\""),
            std::string::npos);
}

TEST(InstanceLoader, UnknownKeysSuggestTheClosestKnownKey) {
  EXPECT_EQ(error_of("enabled:\n  regsitry: True\n"),
            "instance/t.yaml:2: enabled.regsitry: unknown key; did you mean 'registry'?");
  EXPECT_NE(error_of("surprise: 1\n").find("surprise: unknown key; known keys here: env, vpc"),
            std::string::npos);
}

TEST(InstanceLoader, RequiredWhenRules) {
  EXPECT_EQ(error_of("enabled: {registry: True}\n"),
            "instance/t.yaml: registry.datasetBucketNames: required when enabled.registry is true: list at "
            "least one "
            "public dataset bucket name");
  const auto portal = error_of("enabled: {portal: True}\n");
  EXPECT_NE(portal.find("portal.domain_url: required when enabled.portal is true"), std::string::npos);
  EXPECT_NE(portal.find("portal.domain_record"), std::string::npos);
  EXPECT_NE(portal.find("portal.domain_certificate_arn"), std::string::npos);
  EXPECT_NE(error_of("enabled: {registration_page: True}\n").find("registration_page.domain_url"),
            std::string::npos);
  EXPECT_NE(error_of("enabled: {daskhub_metrics: True}\n")
                .find("daskhub.monitoring.cost_analyzer_domain_prefix: required"),
            std::string::npos);
  EXPECT_NE(error_of("vpc: {type: existing}\n").find("vpc.vpc_id: required when vpc.type is existing"),
            std::string::npos);
}

TEST(InstanceLoader, EveryProblemIsReportedAtOnce) {
  const auto msg = error_of("auth: {removal_policy: KEEP}\nenabled: {registry: nope}\n");
  EXPECT_NE(msg.find("auth.removal_policy"), std::string::npos);
  EXPECT_NE(msg.find("enabled.registry"), std::string::npos);
}

TEST(InstanceLoader, BothBucketListNamesAccepted) {
  InstanceDir dir("names");
  dir.write("old", "enabled: {registry: True}\nregistry: {bucketNames: [helio-a, helio-b]}\n");
  EXPECT_EQ(load_instance(dir.path(), "old").registry.dataset_bucket_names,
            (std::vector<std::string>{"helio-a", "helio-b"}));
  dir.write("new", "enabled: {registry: True}\nregistry: {datasetBucketNames: [helio-c]}\n");
  EXPECT_EQ(load_instance(dir.path(), "new").registry.dataset_bucket_names,
            (std::vector<std::string>{"helio-c"}));
  EXPECT_NE(error_of("registry: {bucketNames: [helio-a], datasetBucketNames: [helio-b]}\n")
                .find("keep only datasetBucketNames"),
            std::string::npos);
}

TEST(InstanceLoader, TheOriginalsBadFiles) {
  // test_app_config's invalid.yaml: a plain scalar line.
  EXPECT_NE(error_of("This is not a valid yaml file.\n").find("not a YAML mapping of settings"),
            std::string::npos);
  EXPECT_NE(error_of("").find("the file is empty"), std::string::npos);
  EXPECT_NE(error_of("# only a comment\n").find("the file is empty"), std::string::npos);
  InstanceDir dir("missing");
  try {
    (void)load_instance(dir.path(), "nope");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.yaml: no such instance file"), std::string::npos);
  }
}

TEST(InstanceLoader, NullReplacingASectionFallsBackToDefaults) {
  InstanceDir dir("null");
  dir.write("n", "auth:\n");
  const auto c = load_instance(dir.path(), "n");
  EXPECT_EQ(c.auth.domain_prefix, "apl-helio");  // the code default, since the whole section is null
}

TEST(InstanceLoader, IgnoredOriginalKeysAreRemembered) {
  InstanceDir dir("ignored");
  dir.write("i",
            "registry:\n  catalog: {masterUser: admin}\n  layers: {pandas: "
            "'arn:aws:lambda:us-east-1:1:layer:x:1'}\n");
  const auto c = load_instance(dir.path(), "i");
  EXPECT_EQ(c.registry.ignored_keys,
            (std::vector<std::string>{"registry.catalog.masterUser", "registry.layers.pandas"}));
}

TEST(InstanceLoader, ListsInstancesButNotDefault) {
  const auto names = list_instances(HELIOCLOUD_INSTANCE_DIR);
  EXPECT_NE(std::ranges::find(names, "example"), names.end());
  EXPECT_EQ(std::ranges::find(names, "default"), names.end());
}

TEST(InstanceLoader, RateLimitIsAWholeNumberInWafsBounds) {
  EXPECT_EQ(load_instance(HELIOCLOUD_INSTANCE_DIR, "example").registration_page.rate_limit, 100);
  InstanceDir dir("rate");
  dir.write("set", "registration_page: {rate_limit: 250}\nportal: {rate_limit: +20}\n");
  const auto c = load_instance(dir.path(), "set");
  EXPECT_EQ(c.registration_page.rate_limit, 250);
  EXPECT_EQ(c.portal.rate_limit, 20);
  EXPECT_EQ(error_of("registration_page:\n  rate_limit: 5\n"),
            "instance/t.yaml:2: registration_page.rate_limit: \"5\" is not a whole number from 10 to "
            "2000000000");
  EXPECT_EQ(error_of("registration_page:\n  rate_limit: 1e3\n"),
            "instance/t.yaml:2: registration_page.rate_limit: \"1e3\" is not a whole number from 10 to "
            "2000000000");
  EXPECT_NE(error_of("portal:\n  rate_limit: '100'\n").find("portal.rate_limit: expected a whole number"),
            std::string::npos);
  EXPECT_NE(error_of("portal:\n  rate_limit: [1]\n").find("portal.rate_limit: expected a whole number"),
            std::string::npos);
}

TEST(InstanceLoader, PortalMachinesOpenOnlyWhatIsConfigured) {
  const auto defaults = load_instance(HELIOCLOUD_INSTANCE_DIR, "example").portal_machines;
  EXPECT_EQ(defaults.ingress_cidrs, (std::vector<std::string>{"0.0.0.0/0"}));
  EXPECT_EQ(defaults.ingress_ports, (std::vector<std::string>{"22"}));
  InstanceDir dir("machines");
  dir.write("set",
            "portal:\n  machines:\n    ingress_cidrs: [203.0.113.0/24, 198.51.100.7/32]\n"
            "    ingress_ports: [22, 8888]\n");
  const auto c = load_instance(dir.path(), "set").portal_machines;
  EXPECT_EQ(c.ingress_cidrs, (std::vector<std::string>{"203.0.113.0/24", "198.51.100.7/32"}));
  EXPECT_EQ(c.ingress_ports, (std::vector<std::string>{"22", "8888"}));
  EXPECT_EQ(
      error_of("portal:\n  machines:\n    ingress_cidrs: [10.0.0.0/33]\n"),
      "instance/t.yaml:3: portal.machines.ingress_cidrs[0]: \"10.0.0.0/33\": not an IPv4 network in CIDR "
      "notation (like 203.0.113.0/24, or 0.0.0.0/0 for anywhere)");
  EXPECT_NE(error_of("portal:\n  machines:\n    ingress_ports: [22, 70000]\n")
                .find("portal.machines.ingress_ports[1]: \"70000\": not a port number from 1 to 65535"),
            std::string::npos);
  EXPECT_NE(error_of("registration_page:\n  machines: {}\n").find("registration_page.machines: unknown key"),
            std::string::npos);
}
