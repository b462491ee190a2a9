#include <gtest/gtest.h>

#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

const char* const kCertificate = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f";

heliocloud::config::InstanceConfig registration(const std::string& name) {
  auto config = instance(name);
  config.env.account = "123456789012";
  config.env.region = "us-east-1";
  config.enabled.registration_page = true;
  config.registration_page = {
      .domain_url = "example.org", .domain_record = "register", .certificate_arn = kCertificate};
  return config;
}

std::set<std::string> as_set(const json& value) {
  std::set<std::string> out;
  for (const auto& v : value.is_array() ? value : json::array({value})) out.insert(v.get<std::string>());
  return out;
}

}  // namespace

TEST(RegistrationPageStack, OnlyWhenEnabledAndAfterBaseAndAuth) {
  EXPECT_FALSE(synth(instance("none")).has_stack("none/Registration Page"));
  const auto s = synth(registration("reg"), example_org_zone());
  ASSERT_TRUE(s.has_stack("reg/Registration Page"));
  auto& page = s.stack_construct("reg/Registration Page");
  EXPECT_TRUE(page.depends_on(s.stack_construct("reg/Base")));
  EXPECT_TRUE(page.depends_on(s.stack_construct("reg/Auth")));
  EXPECT_EQ(s.warnings().find("registration_page"), std::string::npos) << s.warnings();
}

TEST(RegistrationPageStack, FunctionOnOurRuntimeWithTheContractsEnvironment) {
  const auto s = synth(registration("fn"), example_org_zone());
  const auto& t = s.stack("fn/Registration Page");
  const auto& fn = t.only("AWS::Lambda::Function")["Properties"];
  EXPECT_EQ(fn["Runtime"], "provided.al2023");
  const auto& variables = fn["Environment"]["Variables"];
  EXPECT_EQ(variables.size(), 2U) << variables.dump();
  // The pool comes from the Auth stack; the key is this stack's secret, by ARN (its value is never here).
  EXPECT_TRUE(variables["USER_POOL_ID"].contains("Fn::ImportValue")) << variables.dump();
  EXPECT_EQ(variables["SESSION_KEY_SECRET_ARN"],
            json({{"Ref", t.logical_id_of("AWS::SecretsManager::Secret", json::object())}}));
  const auto& secret = t.only("AWS::SecretsManager::Secret")["Properties"];
  EXPECT_EQ(secret["GenerateSecretString"]["PasswordLength"], 64);
  EXPECT_FALSE(secret.contains("SecretString"));
  EXPECT_TRUE(t.has_resource_properties("AWS::Logs::LogGroup", {{"RetentionInDays", 90}}));
}

TEST(RegistrationPageStack, TheRoleMayRegisterUsersInThisPoolOnly) {
  const auto s = synth(registration("iam"), example_org_zone());
  const auto& t = s.stack("iam/Registration Page");
  std::set<std::string> cognito;
  for (const auto& [id, policy] : t.find_resources("AWS::IAM::Policy"))
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
      EXPECT_NE(st["Resource"], "*") << st.dump();
      const auto actions = as_set(st["Action"]);
      if (!actions.begin()->starts_with("cognito-idp:")) continue;
      cognito = actions;
      EXPECT_TRUE(st["Resource"].contains("Fn::ImportValue")) << st.dump();  // the Auth stack's pool ARN
    }
  EXPECT_EQ(cognito,
            (std::set<std::string>{"cognito-idp:AdminCreateUser", "cognito-idp:AdminDeleteUser",
                                   "cognito-idp:AdminDisableUser", "cognito-idp:AdminSetUserPassword",
                                   "cognito-idp:DescribeUserPool"}));
}

TEST(RegistrationPageStack, HttpsLoadBalancerWithRedirectAndMultiValueLambdaTarget) {
  const auto s = synth(registration("lb"), example_org_zone());
  const auto& t = s.stack("lb/Registration Page");
  EXPECT_TRUE(t.has_resource_properties("AWS::ElasticLoadBalancingV2::LoadBalancer",
                                        {{"Scheme", "internet-facing"}, {"Type", "application"}}));
  EXPECT_TRUE(t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                                        {{"Port", 443},
                                         {"Protocol", "HTTPS"},
                                         {"SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"},
                                         {"Certificates", {{{"CertificateArn", kCertificate}}}}}));
  EXPECT_TRUE(t.has_resource_properties("AWS::ElasticLoadBalancingV2::Listener",
                                        {{"Port", 80}, {"DefaultActions", {{{"Type", "redirect"}}}}}));
  const auto& group = t.only("AWS::ElasticLoadBalancingV2::TargetGroup")["Properties"];
  EXPECT_EQ(group["TargetType"], "lambda");
  EXPECT_NE(group["TargetGroupAttributes"].dump().find("lambda.multi_value_headers.enabled"),
            std::string::npos);
  EXPECT_NE(group["TargetGroupAttributes"].dump().find(R"("Value":"true")"), std::string::npos)
      << group.dump();
  EXPECT_EQ(t.count("AWS::Lambda::Permission"), 1U);
}

TEST(RegistrationPageStack, RateLimitPerClientAddressFromTheConfig) {
  auto config = registration("waf");
  config.registration_page.rate_limit = 250;
  const auto s = synth(config, example_org_zone());
  const auto& t = s.stack("waf/Registration Page");
  const auto& acl = t.only("AWS::WAFv2::WebACL")["Properties"];
  EXPECT_EQ(acl["Scope"], "REGIONAL");
  EXPECT_EQ(acl["DefaultAction"], json({{"Allow", json::object()}}));
  ASSERT_EQ(acl["Rules"].size(), 1U);
  const auto& rule = acl["Rules"][0];
  EXPECT_EQ(rule["Statement"]["RateBasedStatement"],
            json({{"AggregateKeyType", "IP"}, {"EvaluationWindowSec", 300}, {"Limit", 250}}));
  EXPECT_EQ(rule["Action"]["Block"]["CustomResponse"]["ResponseCode"], 429);
  const auto& association = t.only("AWS::WAFv2::WebACLAssociation")["Properties"];
  EXPECT_EQ(association["ResourceArn"],
            json({{"Ref", t.logical_id_of("AWS::ElasticLoadBalancingV2::LoadBalancer", json::object())}}));
  EXPECT_EQ(association["WebACLArn"]["Fn::GetAtt"][1], "Arn");
}

TEST(RegistrationPageStack, AliasRecordAndOutputs) {
  const auto s = synth(registration("dns"), example_org_zone());
  const auto& t = s.stack("dns/Registration Page");
  EXPECT_TRUE(t.has_resource_properties(
      "AWS::Route53::RecordSet",
      {{"Name", "register.example.org."}, {"Type", "A"}, {"HostedZoneId", "Z0123"}}));
  EXPECT_EQ(t.outputs()["RegistrationPageUrl"]["Value"], "https://register.example.org");
  EXPECT_EQ(t.outputs()["RegistrationFunctionName"]["Value"],
            json({{"Ref", t.logical_id_of("AWS::Lambda::Function", json::object())}}));
}

TEST(RegistrationPageStack, NoUnusedClientOrSecretsOfTheOriginal) {
  const auto s = synth(registration("lean"), example_org_zone());
  EXPECT_EQ(s.stack("lean/Auth").count("AWS::Cognito::UserPoolClient"), 0U);
  EXPECT_EQ(s.stack("lean/Registration Page").count("AWS::SecretsManager::Secret"), 1U);  // the CSRF key
  EXPECT_EQ(s.stack("lean/Registration Page").count("AWS::EC2::SecurityGroup"), 1U);  // the load balancer's
}

TEST(RegistrationPageStack, WithoutAccountAndRegionTheRecordNamesTheZone) {
  auto config = registration("agnostic");
  config.env = {};
  const auto s = synth(config);
  const auto& record = s.stack("agnostic/Registration Page").only("AWS::Route53::RecordSet")["Properties"];
  EXPECT_EQ(record["HostedZoneName"], "example.org.");
  EXPECT_FALSE(record.contains("HostedZoneId"));
  EXPECT_NE(s.warnings().find("the hosted zone of example.org is not looked up"), std::string::npos)
      << s.warnings();
}
