#include <gtest/gtest.h>

#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

heliocloud::config::WebsiteConfig site(const std::string& record) {
  return {.domain_url = "example.org",
          .domain_record = record,
          .certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f"};
}

// An env-specific instance with the portal and the registration page: both sign users in.
heliocloud::config::InstanceConfig sites(const std::string& name) {
  auto config = instance(name);
  config.env.account = "123456789012";
  config.env.region = "us-east-1";
  config.enabled.portal = true;
  config.enabled.registration_page = true;
  config.portal = site("portal");
  config.registration_page = site("register");
  return config;
}

}  // namespace

TEST(AuthStack, OnlyWhenAModuleWithUsersIsEnabled) {
  EXPECT_FALSE(synth(instance("noauth")).has_stack("noauth/Auth"));
  EXPECT_TRUE(synth(sites("auth")).has_stack("auth/Auth"));
}

TEST(AuthStack, UserPoolAsTheOriginal) {
  const auto s = synth(sites("pool"));
  const auto& pool = s.stack("pool/Auth").only("AWS::Cognito::UserPool");
  const auto& p = pool["Properties"];
  EXPECT_EQ(p["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"], true);
  EXPECT_EQ(p["UsernameConfiguration"]["CaseSensitive"], false);
  EXPECT_EQ(p["AutoVerifiedAttributes"], json({"email"}));
  EXPECT_EQ(p["AccountRecoverySetting"]["RecoveryMechanisms"][0]["Name"], "verified_email");
  EXPECT_EQ(p["DeletionProtection"], "ACTIVE");
  EXPECT_EQ(pool["DeletionPolicy"], "Retain");
  const std::string schema = p["Schema"].dump();
  EXPECT_NE(schema.find(R"("Mutable":true,"Name":"affiliation")"), std::string::npos) << schema;
  EXPECT_NE(schema.find(R"("Mutable":false,"Name":"access_code")"), std::string::npos) << schema;
  EXPECT_EQ(p["EmailConfiguration"]["EmailSendingAccount"], "COGNITO_DEFAULT");
  EXPECT_EQ(p["UserPoolTags"]["Application ID"], "pool");
}

TEST(AuthStack, DeletionProtectionAndRemovalFollowTheConfig) {
  auto config = sites("nodel");
  config.auth.deletion_protection = false;
  config.auth.removal_policy = heliocloud::config::RemovalPolicyName::Destroy;
  const auto s = synth(config);
  const auto& pool = s.stack("nodel/Auth").only("AWS::Cognito::UserPool");
  EXPECT_EQ(pool["Properties"]["DeletionProtection"], "INACTIVE");
  EXPECT_EQ(pool["DeletionPolicy"], "Delete");
}

TEST(AuthStack, DomainAndHostedUiStyle) {
  auto config = sites("dom");
  config.auth.domain_prefix = "my-helio";
  const auto s = synth(config);
  const auto& t = s.stack("dom/Auth");
  EXPECT_TRUE(t.has_resource_properties("AWS::Cognito::UserPoolDomain", {{"Domain", "my-helio"}}));
  const auto& ui = t.only("AWS::Cognito::UserPoolUICustomizationAttachment");
  EXPECT_EQ(ui["Properties"]["ClientId"], "ALL");
  EXPECT_NE(ui["Properties"]["CSS"].get<std::string>().find(".banner-customizable"), std::string::npos);
  EXPECT_EQ(ui["DependsOn"].size(), 1U);
}

TEST(AuthStack, OneClientPerSiteThatSignsUsersIn) {
  // The portal signs users in; the registration page does not, so it has no client (the original's was
  // never used).
  const auto s = synth(sites("clients"));
  const auto clients = s.stack("clients/Auth").find_resources("AWS::Cognito::UserPoolClient");
  ASSERT_EQ(clients.size(), 1U);
  const auto& client = clients.begin()->second;
  EXPECT_EQ(client["Properties"]["GenerateSecret"], true);
  EXPECT_EQ(client["Properties"]["AllowedOAuthFlows"], json({"code"}));
  EXPECT_EQ(client["Properties"]["CallbackURLs"], json({"https://portal.example.org/loggedin"}));
}

TEST(AuthStack, CustomEmailDomainAddsIdentityAndSesSender) {
  auto config = sites("mail");
  config.email = {.use_custom_email_domain = true, .user = "help", .from_name = "Helio Team"};
  const auto s = synth(config, {{"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
                                 {{"Id", "/hostedzone/Z123"}, {"Name", "example.org."}}}});
  const auto& identity = s.stack("mail/Identity");
  EXPECT_TRUE(
      identity.has_resource_properties("AWS::SES::EmailIdentity", {{"EmailIdentity", "example.org"}}));
  const auto records = identity.find_resources("AWS::Route53::RecordSet");
  ASSERT_EQ(records.size(), 3U);
  for (const auto& [id, r] : records) EXPECT_EQ(r["Properties"]["HostedZoneId"], "Z123");
  const auto& email = s.stack("mail/Auth").only("AWS::Cognito::UserPool")["Properties"]["EmailConfiguration"];
  EXPECT_EQ(email["EmailSendingAccount"], "DEVELOPER");
  EXPECT_EQ(email["From"], "Helio Team <help@example.org>");
  EXPECT_EQ(
      email["SourceArn"].dump(),
      R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":ses:us-east-1:123456789012:identity/example.org"]]})");
  // The ARN is built from names, not a reference, so the order comes from an explicit dependency.
  bool depends_on_identity = false;
  for (const auto* d : s.stack_construct("mail/Auth").dependencies())
    depends_on_identity = depends_on_identity || d->artifact_id().starts_with("mailIdentity");
  EXPECT_TRUE(depends_on_identity);
}
