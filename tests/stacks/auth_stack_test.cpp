#include <gtest/gtest.h>

#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

const char* kSites =
    "env: {account: '123456789012', region: us-east-1}\n"
    "enabled: {portal: True, registration_page: True}\n"
    "portal: {domain_url: example.org, domain_record: portal, domain_certificate_arn: "
    "'arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f'}\n"
    "registration_page: {domain_url: example.org, domain_record: register, domain_certificate_arn: "
    "'arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f'}\n";

}  // namespace

TEST(AuthStack, OnlyWhenAModuleWithUsersIsEnabled) {
  EXPECT_EQ(synth("noauth", "vpc: {type: new}\n").templates.count("noauth/Auth"), 0U);
  EXPECT_EQ(synth("auth", kSites).templates.count("auth/Auth"), 1U);
}

TEST(AuthStack, UserPoolAsTheOriginal) {
  const auto t = synth("pool", kSites).stack("pool/Auth");
  const auto& pool = firstOfType(t, "AWS::Cognito::UserPool");
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
  const auto t =
      synth("nodel", std::string(kSites) + "auth: {deletion_protection: False, removal_policy: DESTROY}\n")
          .stack("nodel/Auth");
  EXPECT_EQ(firstOfType(t, "AWS::Cognito::UserPool")["Properties"]["DeletionProtection"], "INACTIVE");
  EXPECT_EQ(firstOfType(t, "AWS::Cognito::UserPool")["DeletionPolicy"], "Delete");
}

TEST(AuthStack, DomainAndHostedUiStyle) {
  const auto t = synth("dom", std::string(kSites) + "auth: {domain_prefix: my-helio}\n").stack("dom/Auth");
  EXPECT_EQ(firstOfType(t, "AWS::Cognito::UserPoolDomain")["Properties"]["Domain"], "my-helio");
  const auto& ui = firstOfType(t, "AWS::Cognito::UserPoolUICustomizationAttachment");
  EXPECT_EQ(ui["Properties"]["ClientId"], "ALL");
  EXPECT_NE(ui["Properties"]["CSS"].get<std::string>().find(".banner-customizable"), std::string::npos);
  EXPECT_EQ(ui["DependsOn"].size(), 1U);
}

TEST(AuthStack, OneClientPerEnabledSite) {
  const auto t = synth("clients", kSites).stack("clients/Auth");
  const auto clients = ofType(t, "AWS::Cognito::UserPoolClient");
  ASSERT_EQ(clients.size(), 2U);
  std::set<std::string> callbacks;
  for (const auto& [id, c] : clients) {
    EXPECT_EQ(c["Properties"]["GenerateSecret"], true);
    EXPECT_EQ(c["Properties"]["AllowedOAuthFlows"], json({"code"}));
    callbacks.insert(c["Properties"]["CallbackURLs"][0].get<std::string>());
  }
  EXPECT_EQ(callbacks, (std::set<std::string>{"https://portal.example.org/loggedin",
                                              "https://register.example.org/loggedin"}));
}

TEST(AuthStack, CustomEmailDomainAddsIdentityAndSesSender) {
  const auto s = synth(
      "mail",
      std::string(kSites) + "email: {use_custom_email_domain: True, user: help, from_name: Helio Team}\n",
      {{"hosted-zone:account=123456789012:domainName=example.org:privateZone=false:region=us-east-1",
        {{"Id", "/hostedzone/Z123"}, {"Name", "example.org."}}}});
  const auto& identity = s.stack("mail/Identity");
  EXPECT_EQ(firstOfType(identity, "AWS::SES::EmailIdentity")["Properties"]["EmailIdentity"], "example.org");
  const auto records = ofType(identity, "AWS::Route53::RecordSet");
  ASSERT_EQ(records.size(), 3U);
  for (const auto& [id, r] : records) EXPECT_EQ(r["Properties"]["HostedZoneId"], "Z123");
  const auto& email =
      firstOfType(s.stack("mail/Auth"), "AWS::Cognito::UserPool")["Properties"]["EmailConfiguration"];
  EXPECT_EQ(email["EmailSendingAccount"], "DEVELOPER");
  EXPECT_EQ(email["From"], "Helio Team <help@example.org>");
  EXPECT_EQ(
      email["SourceArn"].dump(),
      R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":ses:us-east-1:123456789012:identity/example.org"]]})");
  // The ARN is built from names, not a reference, so the order comes from an explicit dependency.
  bool dependsOnIdentity = false;
  for (const auto& [id, a] : s.manifest["artifacts"].items())
    if (a.value("displayName", "") == "mail/Auth")
      for (const auto& d : a["dependencies"])
        dependsOnIdentity = dependsOnIdentity || d.get<std::string>().find("mailIdentity") == 0;
  EXPECT_TRUE(dependsOnIdentity);
}
