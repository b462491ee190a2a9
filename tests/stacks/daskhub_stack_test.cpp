// The Daskhub stack as a whole: which stacks and resources, their key properties, the outputs the kit reads,
// DNS, and that the template is the same on every synth and holds no secret.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "contracts/daskhub.h"
#include "daskhub_test_config.h"

using daskhub_test::hub_instance;
using daskhub_test::synth_hub;
using nlohmann::json;
namespace outputs = heliocloud::contracts::daskhub::outputs;

namespace {

std::set<std::string> ids_of(const json& object) {
  std::set<std::string> ids;
  for (const auto& [id, value] : object.items()) ids.insert(id);
  return ids;
}

std::string import_of(const json& value) {
  return value.at("Fn::ImportValue").get<std::string>();
}

}  // namespace

TEST(DaskhubStack, OnlyWhenEnabledAfterBaseAndAuthWithTheOriginalsIdAndTags) {
  auto off = hub_instance("hub");
  off.enabled.daskhub = false;
  EXPECT_FALSE(synth_hub(off).has_stack("hub/Daskhub"));

  const auto s = synth_hub(hub_instance("example"));
  auto& stack = s.stack_construct("example/Daskhub");
  EXPECT_EQ(stack.artifact_id(), "exampleDaskhub14203985");
  EXPECT_EQ(stack.stack_tags(), (std::map<std::string, std::string>{
                                    {"Application ID", "example"}, {"Product", "heliocloud-daskhub-admin"}}));
  std::set<std::string> dependencies;
  for (const auto* d : stack.dependencies()) dependencies.insert(d->path());
  EXPECT_EQ(dependencies, (std::set<std::string>{"example/Base", "example/Auth"}));
  EXPECT_EQ(s.stack("example/Daskhub").json()["Description"], "Daskhub for a HelioCloud instance.");
  // Not warned about as a missing module any more.
  EXPECT_EQ(s.warnings().find("enabled.daskhub"), std::string::npos) << s.warnings();
}

// The original's resources keep their logical ids (the EFS above all: it is retained, and a new id would
// orphan the users' homes); its EFS mount targets and their security group are gone on purpose (the kit makes
// mount targets in the cluster's VPC), as is the custom resource that deleted an existing DNS record.
TEST(DaskhubStack, TheOriginalsResourcesUnderTheirLogicalIds) {
  const auto t = synth_hub(hub_instance("ids")).stack("ids/Daskhub");
  const std::map<std::string, std::string> original = {
      {"EC2AdminRoleB230CBD9", "AWS::IAM::Role"},
      {"EC2AdminRoleDefaultPolicy61FE02BB", "AWS::IAM::Policy"},
      {"DaskhubInstanceInstanceSecurityGroupB3CB9674", "AWS::EC2::SecurityGroup"},
      {"DaskhubInstanceInstanceProfileCB18ECAE", "AWS::IAM::InstanceProfile"},
      {"DaskhubInstance8C66E676", "AWS::EC2::Instance"},
      {"AllowExternalDNSUpdates745D9756", "AWS::IAM::ManagedPolicy"},
      {"K8AutoScalingManagedPolicyD4C9010C", "AWS::IAM::ManagedPolicy"},
      {"EfsMountManagedPolicy6ED03503", "AWS::IAM::ManagedPolicy"},
      {"DaskhubEFSDDAFDBE4", "AWS::EFS::FileSystem"},
      {"CnameRecord2351B7B9", "AWS::Route53::RecordSet"},
      {"Daskhubkey4465FB27", "AWS::KMS::Key"}};
  for (const auto& [id, type] : original) {
    ASSERT_TRUE(t.resources().contains(id)) << id;
    EXPECT_EQ(t.resources()[id]["Type"], type) << id;
  }
  EXPECT_EQ(t.count("AWS::EFS::MountTarget"), 0U);
  EXPECT_EQ(t.count("AWS::EC2::SecurityGroup"), 1U);  // the admin host's only
  EXPECT_EQ(t.count("AWS::Lambda::Function"), 0U);
  // Ours besides: the API tokens, eksctl's two policies, the IMDSv2 launch template.
  EXPECT_EQ(t.count("AWS::SecretsManager::Secret"), 2U);
  EXPECT_EQ(t.count("AWS::IAM::ManagedPolicy"), 5U);
  EXPECT_EQ(t.count("AWS::EC2::LaunchTemplate"), 1U);
  EXPECT_EQ(t.resources().size(), original.size() + 2 + 2 + 1);
}

TEST(DaskhubStack, EfsEncryptedBackedUpAndRetainedKmsRotatedAndDeleted) {
  const auto t = synth_hub(hub_instance("store")).stack("store/Daskhub");
  const auto& efs = t.only("AWS::EFS::FileSystem");
  EXPECT_EQ(efs["Properties"]["Encrypted"], true);
  EXPECT_EQ(efs["Properties"]["BackupPolicy"]["Status"], "ENABLED");
  EXPECT_EQ(efs["DeletionPolicy"], "Retain");
  EXPECT_EQ(efs["UpdateReplacePolicy"], "Retain");

  const auto& key = t.only("AWS::KMS::Key");
  EXPECT_EQ(key["Properties"]["EnableKeyRotation"], true);
  EXPECT_EQ(key["DeletionPolicy"], "Delete");  // as the original; KMS keeps it recoverable for 30 days
  EXPECT_EQ(key["Properties"]["PendingWindowInDays"], 30);
}

TEST(DaskhubStack, ApiTokensAreGeneratedAtDeployAs64HexCharacters) {
  const auto t = synth_hub(hub_instance("tokens")).stack("tokens/Daskhub");
  const auto secrets = t.find_resources("AWS::SecretsManager::Secret");
  ASSERT_EQ(secrets.size(), 2U);
  for (const auto& [id, secret] : secrets) {
    const auto& p = secret["Properties"];
    EXPECT_FALSE(p.contains("SecretString")) << id;
    const auto& generate = p["GenerateSecretString"];
    EXPECT_EQ(generate["PasswordLength"], 64) << id;
    EXPECT_EQ(generate["ExcludePunctuation"], true) << id;
    EXPECT_EQ(generate["ExcludeUppercase"], true) << id;
    EXPECT_FALSE(generate.contains("IncludeSpace")) << id;
    // Of digits and lower case letters, everything but 0-9 and a-f is excluded: hex, as the original's
    // secrets.token_hex(32).
    std::string allowed;
    for (char c = '0'; c <= 'z'; ++c)
      if (generate["ExcludeCharacters"].get<std::string>().find(c) == std::string::npos &&
          ((std::isdigit(c) != 0) || (std::islower(c) != 0)))
        allowed += c;
    EXPECT_EQ(allowed, "0123456789abcdef") << id;
  }
}

// Nothing secret in the template: no secret value or dynamic reference to one, no client secret, no
// token-like hex string (the original wrote both API keys into an asset).
TEST(DaskhubStack, TemplateHoldsNoSecret) {
  for (bool metrics : {false, true}) {
    const auto t = synth_hub(hub_instance("nosecret", metrics)).stack("nosecret/Daskhub");
    const std::string text = t.json().dump();
    // (The kit's scripts name the attribute they read at run time, UserPoolClient.ClientSecret, unquoted.)
    for (const char* needle :
         {"\"SecretString\"", "resolve:secretsmanager", "\"ClientSecret\"", "CognitoClientSecret"})
      EXPECT_EQ(text.find(needle), std::string::npos) << needle;
    std::smatch found;
    EXPECT_FALSE(std::regex_search(text, found, std::regex("[0-9a-fA-F]{32,}"))) << found.str();
    // A token or client secret set in a kit file (YAML) rather than passed to helm from a file at run time.
    EXPECT_FALSE(std::regex_search(
        text, found, std::regex(R"((secretToken|apiToken|client_secret|clientSecret)\s*:\s*[^\s\\"])")))
        << found.str();
  }
}

TEST(DaskhubStack, OutputsAreExactlyTheKitsContract) {
  const auto s = synth_hub(hub_instance("out"));
  const auto& o = s.stack("out/Daskhub").outputs();
  std::set<std::string> expected(heliocloud::contracts::daskhub::kRequiredOutputs.begin(),
                                 heliocloud::contracts::daskhub::kRequiredOutputs.end());
  EXPECT_EQ(ids_of(o), expected);
  for (const auto& [key, output] : o.items()) {
    // Plain key and value: 00-bootstrap.sh reads them as such (and the original had neither).
    EXPECT_EQ(ids_of(output), std::set<std::string>{"Value"}) << key;
  }
  EXPECT_EQ(o[outputs::kCognitoDomainPrefix]["Value"], "edu-hub");
  EXPECT_EQ(o[outputs::kInstanceId]["Value"], json({{"Ref", "DaskhubInstance8C66E676"}}));
  EXPECT_EQ(o[outputs::kKmsArn]["Value"], json({{"Fn::GetAtt", {"Daskhubkey4465FB27", "Arn"}}}));
  EXPECT_EQ(o[outputs::kAdminRoleArn]["Value"], json({{"Fn::GetAtt", {"EC2AdminRoleB230CBD9", "Arn"}}}));
  EXPECT_EQ(o[outputs::kRoute53PolicyArn]["Value"], json({{"Ref", "AllowExternalDNSUpdates745D9756"}}));
  EXPECT_EQ(o[outputs::kAutoscalingPolicyArn]["Value"],
            json({{"Ref", "K8AutoScalingManagedPolicyD4C9010C"}}));
  EXPECT_EQ(o[outputs::kEfsMountPolicyArn]["Value"], json({{"Ref", "EfsMountManagedPolicy6ED03503"}}));
  EXPECT_EQ(o[outputs::kEfsId]["Value"], json({{"Ref", "DaskhubEFSDDAFDBE4"}}));
  EXPECT_EQ(o[outputs::kHubApiKeySecretArn]["Value"]["Ref"].get<std::string>().rfind("HubApiKey", 0), 0U);
  EXPECT_EQ(o[outputs::kGatewayApiKeySecretArn]["Value"]["Ref"].get<std::string>().rfind("GatewayApiKey", 0),
            0U);
  // From the other stacks, imported as the original did (the same export names).
  const std::string base = s.stack_construct("out/Base").artifact_id();
  const std::string auth = s.stack_construct("out/Auth").artifact_id();
  EXPECT_EQ(import_of(o[outputs::kS3PolicyArn]["Value"]),
            base + ":ExportsOutputRefS3ManagedPolicy988D4D4CF274B03B");
  EXPECT_EQ(import_of(o[outputs::kCognitoUserPoolId]["Value"]),
            auth + ":ExportsOutputRefPoolD3F588B86FF122B2");
  EXPECT_EQ(import_of(o[outputs::kCognitoClientId]["Value"]),
            auth + ":ExportsOutputRefPoolhelioclouddaskhub6E4DEA6DD29B84B8");
}

TEST(DaskhubStack, KubecostClientIdOnlyWithMetrics) {
  EXPECT_FALSE(synth_hub(hub_instance("nometrics"))
                   .stack("nometrics/Daskhub")
                   .outputs()
                   .contains(outputs::kCognitoClientIdKubecost));
  const auto s = synth_hub(hub_instance("metrics", true));
  const auto& o = s.stack("metrics/Daskhub").outputs();
  ASSERT_TRUE(o.contains(outputs::kCognitoClientIdKubecost));
  EXPECT_EQ(import_of(o[outputs::kCognitoClientIdKubecost]["Value"]),
            s.stack_construct("metrics/Auth").artifact_id() +
                ":ExportsOutputRefPoolheliocloudkubecostA36013EE80D11D9F");
  EXPECT_EQ(o.size(), heliocloud::contracts::daskhub::kRequiredOutputs.size() + 1);
}

TEST(DaskhubStack, HubRecordIsAPlaceholderInTheLookedUpZone) {
  const auto t = synth_hub(hub_instance("dns")).stack("dns/Daskhub");
  const auto& record = t.only("AWS::Route53::RecordSet");
  EXPECT_EQ(record["Properties"],
            json::parse(R"({"Comment": "Initial provisioning from CDK, updated via external-dns.",
      "HostedZoneId": "Z0123456789ABCDEFGHIJ", "Name": "hub.example.org.", "ResourceRecords": ["0.0.0.0"],
      "TTL": "300", "Type": "CNAME"})"));
  EXPECT_EQ(record["DeletionPolicy"], "Delete");
}

// Offline, or without credentials, the CLI makes environment-agnostic stacks: no lookup is possible, so the
// record names the zone and the DNS permissions name the records (in any zone), and synth says so.
TEST(DaskhubStack, EnvironmentAgnosticStackNamesTheZoneAndWarns) {
  auto config = hub_instance("agnostic");
  config.env = {};
  const auto s = synth(config);
  for (const auto& [key, missing] : s.app->missing_context())
    EXPECT_NE(missing.provider, "hosted-zone") << key;
  const auto& t = s.stack("agnostic/Daskhub");
  const auto& record = t.only("AWS::Route53::RecordSet")["Properties"];
  EXPECT_EQ(record["HostedZoneName"], "example.org.");
  EXPECT_FALSE(record.contains("HostedZoneId"));
  EXPECT_NE(s.warnings().find("hosted zone of example.org is not looked up"), std::string::npos)
      << s.warnings();
  const std::string dns = t.resources()["AllowExternalDNSUpdates745D9756"].dump();
  EXPECT_NE(dns.find(":route53:::hostedzone/*"), std::string::npos) << dns;
  EXPECT_NE(dns.find(R"("route53:ChangeResourceRecordSetsNormalizedRecordNames":["hub.example.org"])"),
            std::string::npos)
      << dns;
}

TEST(DaskhubStack, EnvSpecificStackAsksTheCliForTheZone) {
  const auto s = synth(hub_instance("ask"));
  bool asked = false;
  for (const auto& [key, missing] : s.app->missing_context())
    asked = asked ||
            (missing.provider == "hosted-zone" && key.find("domainName=example.org") != std::string::npos);
  EXPECT_TRUE(asked);
}

// Same input, same bytes: nothing random or time-dependent at synth (the original's keys changed every
// synth).
TEST(DaskhubStack, TwoSynthsAreByteIdentical) {
  for (bool metrics : {false, true}) {
    const auto a = synth_hub(hub_instance("same", metrics));
    const auto b = synth_hub(hub_instance("same", metrics));
    ASSERT_EQ(a.templates.size(), b.templates.size());
    for (const auto& [path, tpl] : a.templates)
      EXPECT_EQ(tpl.json().dump(1), b.stack(path).json().dump(1)) << path;
  }
}
