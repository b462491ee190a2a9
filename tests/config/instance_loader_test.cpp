#include "config/instance_loader.h"

#include <gtest/gtest.h>

#include "config/config_error.h"
#include "instance_dir.h"

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

namespace {

// The one error message of loading `yaml` as instance "t" (the test fails if it loads).
std::string errorOf(const std::string& yaml) {
  InstanceDir dir("err");
  dir.write("t", yaml);
  try {
    (void)loadInstance(dir.path(), "t");
  } catch (const std::exception& e) {
    std::string msg = e.what();
    const auto prefix = dir.path() + "/";
    for (auto p = msg.find(prefix); p != std::string::npos; p = msg.find(prefix))
      msg.replace(p, prefix.size(), "instance/");
    return msg;
  }
  ADD_FAILURE() << "expected an error for:\n" << yaml;
  return "";
}

}  // namespace

TEST(InstanceLoader, TheRepositoryExampleLoadsWithEveryModule) {
  const auto c = loadInstance(HELIOCLOUD_INSTANCE_DIR, "example");
  EXPECT_TRUE(c.enabled.registry && c.enabled.portal && c.enabled.daskhub && c.enabled.registrationPage);
  EXPECT_EQ(c.registry.datasetBucketNames,
            (std::vector<std::string>{"myorganization-helio1", "myorganization-helio2"}));
  EXPECT_EQ(c.auth.domainPrefix, "edu-myorganization");
  EXPECT_EQ(c.vpc.type, VpcType::New);
  EXPECT_EQ(c.email.fromName, "My Organization");
  EXPECT_EQ(c.email.user, "no-reply");  // from default.yaml
}

TEST(InstanceLoader, DefaultsApplyToAMinimalInstance) {
  InstanceDir dir("min");
  dir.write("dev", "env: {account: '123456789012', region: us-west-2}\n");
  const auto c = loadInstance(dir.path(), "dev");
  EXPECT_EQ(c.env.account, "123456789012");
  EXPECT_EQ(c.env.region, "us-west-2");
  EXPECT_TRUE(c.auth.deletionProtection);
  EXPECT_EQ(c.auth.removalPolicy, RemovalPolicyName::Retain);
  EXPECT_TRUE(c.registry.requesterPays);
  EXPECT_FALSE(c.needsAuth());
}

TEST(InstanceLoader, EnumErrorsNameFileLineKeyAndChoices) {
  EXPECT_EQ(errorOf("auth:\n  removal_policy: KEEP\n"),
            "instance/t.yaml:2: auth.removal_policy: \"KEEP\" is not one of RETAIN, DESTROY, SNAPSHOT");
  EXPECT_EQ(errorOf("vpc:\n  type: shared\n"),
            "instance/t.yaml:2: vpc.type: \"shared\" is not one of new, existing, default");
}

TEST(InstanceLoader, TypeErrors) {
  EXPECT_EQ(errorOf("enabled:\n  registry: maybe\n"),
            "instance/t.yaml:2: enabled.registry: \"maybe\" is not true or false");
  EXPECT_NE(errorOf("registry:\n  datasetBucketNames: one-bucket\n").find("expected a list"),
            std::string::npos);
  EXPECT_NE(errorOf("auth: [1, 2]\n").find("auth: expected a mapping of settings"), std::string::npos);
}

TEST(InstanceLoader, FormatErrors) {
  EXPECT_NE(errorOf("env: {account: 12345678, region: us-east-1}\n")
                .find("env.account: \"12345678\": an AWS account id is exactly 12 digits"),
            std::string::npos);
  EXPECT_NE(errorOf("env: {region: mars-1}\n").find("env.region"), std::string::npos);
  EXPECT_NE(errorOf("registry: {datasetBucketNames: [Bad_Bucket]}\n")
                .find("registry.datasetBucketNames[0]: \"Bad_Bucket\""),
            std::string::npos);
  EXPECT_NE(errorOf("auth: {domain_prefix: my-cognito}\n").find("auth.domain_prefix"), std::string::npos);
  EXPECT_NE(errorOf("vpc: {type: existing, vpc_id: vpc-nope}\n").find("vpc.vpc_id: \"vpc-nope\""),
            std::string::npos);
}

TEST(InstanceLoader, UnknownKeysSuggestTheClosestKnownKey) {
  EXPECT_EQ(errorOf("enabled:\n  regsitry: True\n"),
            "instance/t.yaml:2: enabled.regsitry: unknown key; did you mean 'registry'?");
  EXPECT_NE(errorOf("surprise: 1\n").find("surprise: unknown key; known keys here: env, vpc"),
            std::string::npos);
}

TEST(InstanceLoader, RequiredWhenRules) {
  EXPECT_EQ(errorOf("enabled: {registry: True}\n"),
            "instance/t.yaml: registry.datasetBucketNames: required when enabled.registry is true: list at "
            "least one "
            "public dataset bucket name");
  const auto portal = errorOf("enabled: {portal: True}\n");
  EXPECT_NE(portal.find("portal.domain_url: required when enabled.portal is true"), std::string::npos);
  EXPECT_NE(portal.find("portal.domain_record"), std::string::npos);
  EXPECT_NE(portal.find("portal.domain_certificate_arn"), std::string::npos);
  EXPECT_NE(errorOf("enabled: {registration_page: True}\n").find("registration_page.domain_url"),
            std::string::npos);
  EXPECT_NE(errorOf("enabled: {daskhub_metrics: True}\n")
                .find("daskhub.monitoring.cost_analyzer_domain_prefix: required"),
            std::string::npos);
  EXPECT_NE(errorOf("vpc: {type: existing}\n").find("vpc.vpc_id: required when vpc.type is existing"),
            std::string::npos);
}

TEST(InstanceLoader, EveryProblemIsReportedAtOnce) {
  const auto msg = errorOf("auth: {removal_policy: KEEP}\nenabled: {registry: nope}\n");
  EXPECT_NE(msg.find("auth.removal_policy"), std::string::npos);
  EXPECT_NE(msg.find("enabled.registry"), std::string::npos);
}

TEST(InstanceLoader, BothBucketListNamesAccepted) {
  InstanceDir dir("names");
  dir.write("old", "enabled: {registry: True}\nregistry: {bucketNames: [helio-a, helio-b]}\n");
  EXPECT_EQ(loadInstance(dir.path(), "old").registry.datasetBucketNames,
            (std::vector<std::string>{"helio-a", "helio-b"}));
  dir.write("new", "enabled: {registry: True}\nregistry: {datasetBucketNames: [helio-c]}\n");
  EXPECT_EQ(loadInstance(dir.path(), "new").registry.datasetBucketNames,
            (std::vector<std::string>{"helio-c"}));
  EXPECT_NE(errorOf("registry: {bucketNames: [helio-a], datasetBucketNames: [helio-b]}\n")
                .find("keep only datasetBucketNames"),
            std::string::npos);
}

TEST(InstanceLoader, TheOriginalsBadFiles) {
  // test_app_config's invalid.yaml: a plain scalar line.
  EXPECT_NE(errorOf("This is not a valid yaml file.\n").find("not a YAML mapping of settings"),
            std::string::npos);
  EXPECT_NE(errorOf("").find("the file is empty"), std::string::npos);
  EXPECT_NE(errorOf("# only a comment\n").find("the file is empty"), std::string::npos);
  InstanceDir dir("missing");
  try {
    (void)loadInstance(dir.path(), "nope");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.yaml: no such instance file"), std::string::npos);
  }
}

TEST(InstanceLoader, NullReplacingASectionFallsBackToDefaults) {
  InstanceDir dir("null");
  dir.write("n", "auth:\n");
  const auto c = loadInstance(dir.path(), "n");
  EXPECT_EQ(c.auth.domainPrefix, "apl-helio");  // the code default, since the whole section is null
}

TEST(InstanceLoader, IgnoredOriginalKeysAreRemembered) {
  InstanceDir dir("ignored");
  dir.write("i",
            "registry:\n  catalog: {masterUser: admin}\n  layers: {pandas: "
            "'arn:aws:lambda:us-east-1:1:layer:x:1'}\n");
  const auto c = loadInstance(dir.path(), "i");
  EXPECT_EQ(c.registry.ignoredKeys,
            (std::vector<std::string>{"registry.catalog.masterUser", "registry.layers.pandas"}));
}

TEST(InstanceLoader, ListsInstancesButNotDefault) {
  const auto names = listInstances(HELIOCLOUD_INSTANCE_DIR);
  EXPECT_NE(std::find(names.begin(), names.end(), "example"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "default"), names.end());
}
