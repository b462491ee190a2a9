#include "aws_constructs/elb_load_balancer.h"

#include <gtest/gtest.h>

#include "aws_constructs/elb_lambda_target_group.h"
#include "aws_constructs/route53_alias_record.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

namespace {

constexpr const char* kCertificate = "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d";

struct Site {
  TestStack t;
  aws::Function& function = t.stack.make<aws::Function>(
      "Portal",
      aws::FunctionProps{.code_directory = HELIOCLOUD_TEST_LAMBDA_DIR "/registry", .handler = "portal"});
  aws::LambdaTargetGroup& targets =
      t.stack.make<aws::LambdaTargetGroup>("Targets", aws::LambdaTargetGroupProps{.function = &function});
  aws::ApplicationLoadBalancer& alb = t.stack.make<aws::ApplicationLoadBalancer>(
      "Alb", aws::ApplicationLoadBalancerProps{.vpc = &t.vpc(), .internet_facing = true});
};

}  // namespace

TEST(ApplicationLoadBalancer, SafeDefaults) {
  Site s;
  const auto tpl = s.t.synth();
  const auto& p = tpl.only("AWS::ElasticLoadBalancingV2::LoadBalancer")["Properties"];
  EXPECT_EQ(p["Scheme"], "internet-facing");
  EXPECT_EQ(p["Subnets"].size(), 2U);
  EXPECT_EQ(p["LoadBalancerAttributes"],
            json::parse(R"([{"Key":"deletion_protection.enabled","Value":"false"},
                            {"Key":"routing.http.drop_invalid_header_fields.enabled","Value":"true"},
                            {"Key":"idle_timeout.timeout_seconds","Value":"60"}])"));
  // Nothing is open until a listener is added.
  EXPECT_FALSE(tpl.only("AWS::EC2::SecurityGroup")["Properties"].contains("SecurityGroupIngress"));
}

TEST(ApplicationLoadBalancer, DeletionProtectionAndInternalScheme) {
  TestStack t;
  t.stack.make<aws::ApplicationLoadBalancer>(
      "Alb", aws::ApplicationLoadBalancerProps{.vpc = &t.vpc(), .deletion_protection = true});
  const auto tpl = t.synth();
  const auto& p = tpl.only("AWS::ElasticLoadBalancingV2::LoadBalancer")["Properties"];
  EXPECT_EQ(p["Scheme"], "internal");
  EXPECT_EQ(p["LoadBalancerAttributes"][0]["Value"], "true");
}

TEST(ApplicationLoadBalancer, HttpsWithModernTlsAndRedirectFromHttp) {
  Site s;
  s.alb.add_https_listener("Https", {.certificate_arn = kCertificate, .default_target_group = &s.targets});
  s.alb.add_redirect_to_https();
  const auto tpl = s.t.synth();
  const auto tg_id = tpl.logical_id_of("AWS::ElasticLoadBalancingV2::TargetGroup", json::object());
  EXPECT_TRUE(tpl.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::Listener",
      {{"Port", 443},
       {"Protocol", "HTTPS"},
       {"SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"},
       {"Certificates", {{{"CertificateArn", kCertificate}}}},
       {"DefaultActions", {{{"TargetGroupArn", {{"Ref", tg_id}}}, {"Type", "forward"}}}}}));
  EXPECT_TRUE(tpl.has_resource_properties(
      "AWS::ElasticLoadBalancingV2::Listener",
      {{"Port", 80},
       {"Protocol", "HTTP"},
       {"DefaultActions",
        {{{"RedirectConfig", {{"Port", "443"}, {"Protocol", "HTTPS"}, {"StatusCode", "HTTP_301"}}},
          {"Type", "redirect"}}}}}));
  const auto& ingress = tpl.only("AWS::EC2::SecurityGroup")["Properties"]["SecurityGroupIngress"];
  ASSERT_EQ(ingress.size(), 2U);
  EXPECT_EQ(ingress[0]["FromPort"], 443);
  EXPECT_EQ(ingress[1]["FromPort"], 80);
}

TEST(LambdaTargetGroup, PermissionForElbFirstThenTheTargetGroup) {
  Site s;
  const auto tpl = s.t.synth();
  const auto fn_id = tpl.logical_id_of("AWS::Lambda::Function", json::object());
  const auto permission_id = tpl.logical_id_of("AWS::Lambda::Permission", json::object());
  const auto& permission = tpl.resources()[permission_id]["Properties"];
  EXPECT_EQ(permission["Action"], "lambda:InvokeFunction");
  EXPECT_EQ(permission["Principal"], "elasticloadbalancing.amazonaws.com");
  EXPECT_EQ(permission["FunctionName"], json({{"Fn::GetAtt", {fn_id, "Arn"}}}));
  const std::string name = s.targets.target_group_name();
  EXPECT_LE(name.size(), 32U);
  EXPECT_EQ(
      permission["SourceArn"].dump(),
      R"({"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":elasticloadbalancing:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":targetgroup/)" +
          name + R"(/*"]]})");
  EXPECT_TRUE(tpl.has_resource("AWS::ElasticLoadBalancingV2::TargetGroup",
                               {{"DependsOn", {permission_id}},
                                {"Properties",
                                 {{"Name", name},
                                  {"TargetType", "lambda"},
                                  {"Targets", {{{"Id", {{"Fn::GetAtt", {fn_id, "Arn"}}}}}}}}}}));
}

TEST(LambdaTargetGroup, NamesAreShortStableAndDistinct) {
  EXPECT_EQ(aws::target_group_name_for("Test", "Test/Targets"), "TestTestTargets");
  const auto a = aws::target_group_name_for("heliocloudPortal0123ABCD", "heliocloud/Portal/SiteTargets");
  const auto b = aws::target_group_name_for("heliocloudPortal0123ABCD", "heliocloud/Portal/HubTargets");
  EXPECT_EQ(a.size(), 32U);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, aws::target_group_name_for("heliocloudPortal0123ABCD", "heliocloud/Portal/SiteTargets"));
}

TEST(LoadBalancerAliasRecord, AliasARecordToTheLoadBalancer) {
  // The hosted-zone lookup needs an env-specific stack and the CLI's answer in the context.
  heliocloud::construct::AppOptions options;
  options.context = {{"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
                      {{"Id", "/hostedzone/Z123"}, {"Name", "example.org."}}}};
  heliocloud::construct::App app(options);
  auto& stack = app.make<heliocloud::construct::Stack>(
      "Site", heliocloud::construct::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  auto& vpc = stack.make<aws::Vpc>("Vpc");
  auto& alb = stack.make<aws::ApplicationLoadBalancer>(
      "Alb", aws::ApplicationLoadBalancerProps{.vpc = &vpc, .internet_facing = true});
  auto& zone = stack.make<aws::LookedUpHostedZone>("Zone", "example.org");
  auto& record = stack.make<aws::LoadBalancerAliasRecord>(
      "Record", aws::AliasRecordProps{.zone = &zone, .record_name = "portal", .load_balancer = &alb});
  EXPECT_EQ(record.fqdn(), "portal.example.org.");
  const auto tpl = heliocloud::testing::Template::from_stack(stack);
  const auto alb_id = tpl.logical_id_of("AWS::ElasticLoadBalancingV2::LoadBalancer", json::object());
  EXPECT_TRUE(tpl.has_resource_properties(
      "AWS::Route53::RecordSet",
      {{"HostedZoneId", "Z123"},
       {"Name", "portal.example.org."},
       {"Type", "A"},
       {"AliasTarget",
        {{"DNSName", {{"Fn::Join", {"", {"dualstack.", {{"Fn::GetAtt", {alb_id, "DNSName"}}}}}}}},
         {"EvaluateTargetHealth", false},
         {"HostedZoneId", {{"Fn::GetAtt", {alb_id, "CanonicalHostedZoneID"}}}}}}}));
}
