#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

heliocloud::config::InstanceConfig portal(const std::string& name) {
  auto config = instance(name);
  config.env.account = "123456789012";
  config.env.region = "us-east-1";
  config.enabled.portal = true;
  config.portal = {.domain_url = "example.org",
                   .domain_record = "portal",
                   .certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f"};
  return config;
}

// Every statement of the identity pool's authenticated role.
std::vector<json> user_statements(const Template& t) {
  std::vector<json> out;
  for (const auto& [id, policy] : t.find_resources("AWS::IAM::Policy"))
    if (id.starts_with("IdentityPoolAuthenticatedRole"))
      for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) out.push_back(st);
  return out;
}

std::set<std::string> actions_of(const json& st) {
  std::set<std::string> out;
  for (const auto& a : st["Action"].is_array() ? st["Action"] : json::array({st["Action"]}))
    out.insert(a.get<std::string>());
  return out;
}

}  // namespace

TEST(PortalStack, OnlyWhenEnabledAfterBaseAndAuth) {
  EXPECT_FALSE(synth(instance("none")).has_stack("none/Portal"));
  const auto s = synth(portal("p"), example_org_zone());
  ASSERT_TRUE(s.has_stack("p/Portal"));
  EXPECT_TRUE(s.stack_construct("p/Portal").depends_on(s.stack_construct("p/Auth")));
  EXPECT_EQ(s.warnings().find("enabled.portal"), std::string::npos) << s.warnings();
}

TEST(PortalStack, IdentityPoolTagsEachSessionWithTheUserName) {
  const auto s = synth(portal("idp"), example_org_zone());
  const auto& t = s.stack("idp/Portal");
  const auto& pool = t.only("AWS::Cognito::IdentityPool")["Properties"];
  EXPECT_EQ(pool["AllowUnauthenticatedIdentities"], false);
  EXPECT_EQ(pool["AllowClassicFlow"], false);
  EXPECT_EQ(pool["CognitoIdentityProviders"][0]["ServerSideTokenCheck"], true);
  const auto& tags = t.only("AWS::Cognito::IdentityPoolPrincipalTag")["Properties"];
  EXPECT_EQ(tags["PrincipalTags"], json({{"username", "cognito:username"}}));
  EXPECT_EQ(tags["UseDefaults"], false);
  const auto& attachment = t.only("AWS::Cognito::IdentityPoolRoleAttachment")["Properties"];
  EXPECT_TRUE(attachment["Roles"].contains("authenticated"));
  EXPECT_FALSE(attachment["Roles"].contains("unauthenticated"));
  // Only this pool's signed-in identities may take the role, and pass their tags.
  std::string trust;
  for (const auto& [id, role] : t.find_resources("AWS::IAM::Role"))
    if (id.starts_with("IdentityPoolAuthenticatedRole"))
      trust = role["Properties"]["AssumeRolePolicyDocument"].dump();
  EXPECT_NE(trust.find(R"("Federated":"cognito-identity.amazonaws.com")"), std::string::npos) << trust;
  EXPECT_NE(trust.find("sts:TagSession"), std::string::npos) << trust;
  EXPECT_NE(trust.find(R"("cognito-identity.amazonaws.com:amr":"authenticated")"), std::string::npos)
      << trust;
  EXPECT_NE(trust.find("cognito-identity.amazonaws.com:aud"), std::string::npos) << trust;
}

TEST(PortalStack, UsersReachOnlyWhatIsTaggedWithTheirName) {
  const auto s = synth(portal("own"), example_org_zone());
  const auto statements = user_statements(s.stack("own/Portal"));
  ASSERT_FALSE(statements.empty());
  for (const auto& st : statements) {
    const auto actions = actions_of(st);
    const std::string text = st.dump();
    if (st["Resource"] == "*") {
      for (const auto& a : actions)
        EXPECT_EQ(a.rfind("ec2:Describe", 0), 0U) << "only Describe* on *: " << text;
      continue;
    }
    for (const char* changing :
         {"ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances", "ec2:DeleteKeyPair"}) {
      if (actions.contains(changing)) {
        EXPECT_NE(text.find(R"({"StringEquals":{"aws:ResourceTag/Owner":"${aws:PrincipalTag/username}"}})"),
                  std::string::npos)
            << text;
      }
    }
    if (actions.contains("ec2:CreateKeyPair")) {
      EXPECT_NE(text.find(R"("aws:RequestTag/Owner":"${aws:PrincipalTag/username}")"), std::string::npos)
          << text;
    }
    if (actions.contains("iam:PassRole")) {
      EXPECT_TRUE(st["Resource"].contains("Fn::GetAtt")) << "PassRole of the machines' role only: " << text;
      EXPECT_NE(text.find("iam:PassedToService"), std::string::npos) << text;
    }
    if (actions.contains("iam:CreateAccessKey")) {
      EXPECT_NE(text.find("user/${aws:PrincipalTag/username}"), std::string::npos) << text;
    }
    for (const auto& a : actions) {
      EXPECT_NE(a, "iam:*");
      EXPECT_EQ(a.rfind("cognito-identity:", 0), std::string::npos) << text;
    }
  }
  // A launch: instance and volume only with Owner = the caller in the request.
  bool launch_checked = false;
  for (const auto& st : statements)
    if (actions_of(st) == std::set<std::string>{"ec2:RunInstances"} &&
        st.dump().find("instance/*") != std::string::npos) {
      EXPECT_NE(st.dump().find(R"("aws:RequestTag/Owner":"${aws:PrincipalTag/username}")"),
                std::string::npos);
      launch_checked = true;
    }
  EXPECT_TRUE(launch_checked);
}

TEST(PortalStack, MachinesSecurityGroupOpensOnlyTheConfiguredPorts) {
  auto config = portal("sg");
  config.portal_machines = {.ingress_cidrs = {"203.0.113.0/24"}, .ingress_ports = {"22", "8888"}};
  const auto s = synth(config, example_org_zone());
  const auto& t = s.stack("sg/Portal");
  const auto groups = t.find_resources(
      "AWS::EC2::SecurityGroup", {{"GroupDescription", "Machines launched from the HelioCloud portal"}});
  ASSERT_EQ(groups.size(), 1U);
  const auto& ingress = groups.begin()->second["Properties"]["SecurityGroupIngress"];
  ASSERT_EQ(ingress.size(), 2U);
  for (const auto& rule : ingress) EXPECT_EQ(rule["CidrIp"], "203.0.113.0/24");
  std::set<int> ports;
  for (const auto& rule : ingress) ports.insert(rule["FromPort"].get<int>());
  EXPECT_EQ(ports, (std::set<int>{22, 8888}));
}

TEST(PortalStack, FunctionEnvironmentAndOutputs) {
  auto config = portal("fn");
  config.registry.dataset_bucket_names = {"helio-a", "helio-b"};
  const auto s = synth(config, example_org_zone());
  const auto& t = s.stack("fn/Portal");
  const auto& variables = t.only("AWS::Lambda::Function")["Properties"]["Environment"]["Variables"];
  EXPECT_EQ(variables.size(), 10U) << variables.dump();
  EXPECT_EQ(variables["SITE_URL"], "https://portal.example.org");
  EXPECT_EQ(variables["DATASET_BUCKETS"], "helio-a,helio-b");
  EXPECT_NE(variables["COGNITO_DOMAIN"].dump().find(".amazoncognito.com"), std::string::npos);
  EXPECT_EQ(t.outputs()["PortalUrl"]["Value"], "https://portal.example.org");
  EXPECT_TRUE(t.outputs().contains("IdentityPoolId"));
  // No secret in the template: the client secret is read at cold start, the session key is generated.
  EXPECT_EQ(t.json().dump().find("ClientSecret"), std::string::npos);
  // The portal client signs out to the site itself too.
  const auto& client = s.stack("fn/Auth").only("AWS::Cognito::UserPoolClient")["Properties"];
  EXPECT_EQ(client["LogoutURLs"], json({"https://portal.example.org/logout", "https://portal.example.org/"}));
}

TEST(PortalStack, TheFunctionMayRunApprovalsOnThisPoolOnly) {
  const auto s = synth(portal("appr"), example_org_zone());
  std::set<std::string> on_pool;
  for (const auto& [id, policy] : s.stack("appr/Portal").find_resources("AWS::IAM::Policy")) {
    if (!id.starts_with("FunctionServiceRole")) continue;
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"])
      if (st["Resource"].contains("Fn::ImportValue"))  // the Auth stack's pool ARN
        for (const auto& a : actions_of(st)) on_pool.insert(a);
  }
  EXPECT_EQ(on_pool, (std::set<std::string>{"cognito-idp:AdminDeleteUser", "cognito-idp:AdminEnableUser",
                                            "cognito-idp:AdminGetUser", "cognito-idp:DescribeUserPoolClient",
                                            "cognito-idp:ListUsers"}));
}

// The datasets pages read catalog.json and the index files of exactly the instance's Registry buckets.
TEST(PortalStack, TheFunctionReadsExactlyTheDatasetBuckets) {
  auto config = portal("ds");
  config.registry.dataset_bucket_names = {"helio-a", "helio-b"};
  const auto s = synth(config, example_org_zone());
  const auto& t = s.stack("ds/Portal");
  std::vector<json> s3_statements;
  for (const auto& [id, policy] : t.find_resources("AWS::IAM::Policy")) {
    if (!id.starts_with("FunctionServiceRole")) continue;
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
      const auto actions = actions_of(st);
      if (std::ranges::any_of(actions, [](const std::string& a) { return a.starts_with("s3:"); }))
        s3_statements.push_back(st);
    }
  }
  ASSERT_EQ(s3_statements.size(), 2U) << json(s3_statements).dump();
  std::set<std::string> all_actions;
  for (const auto& st : s3_statements) {
    EXPECT_EQ(st["Effect"], "Allow");
    EXPECT_NE(st["Resource"], "*");
    const auto actions = actions_of(st);
    all_actions.insert(actions.begin(), actions.end());
    const std::string resources = st["Resource"].dump();
    for (const char* bucket : {"helio-a", "helio-b"})
      EXPECT_NE(resources.find(std::string(":s3:::") + bucket), std::string::npos) << resources;
    EXPECT_EQ(st["Resource"].size(), 2U) << resources;  // the two buckets, nothing more
    if (actions == std::set<std::string>{"s3:GetObject"}) {
      EXPECT_NE(resources.find("helio-a/*"), std::string::npos) << resources;
    } else {
      EXPECT_EQ(resources.find("/*"), std::string::npos) << resources;  // ListBucket on the buckets only
    }
  }
  EXPECT_EQ(all_actions, (std::set<std::string>{"s3:GetObject", "s3:ListBucket"}));
  EXPECT_EQ(t.only("AWS::Lambda::Function")["Properties"]["Environment"]["Variables"]["DATASET_BUCKETS"],
            "helio-a,helio-b");
}

TEST(PortalStack, WithoutDatasetBucketsTheFunctionGetsNoS3Rights) {
  auto config = portal("nods");
  config.registry.dataset_bucket_names = {};
  const auto s = synth(config, example_org_zone());
  for (const auto& [id, policy] : s.stack("nods/Portal").find_resources("AWS::IAM::Policy")) {
    if (!id.starts_with("FunctionServiceRole")) continue;
    EXPECT_EQ(policy.dump().find("\"s3:"), std::string::npos) << policy.dump();
  }
}
