#include "aws_constructs/wafv2_web_acl.h"

#include <gtest/gtest.h>

#include "aws_constructs/elb_load_balancer.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

TEST(WebAcl, AllowsByDefaultAndBlocksAnAddressOverItsRateWith429) {
  TestStack t;
  auto& alb = t.stack.make<aws::ApplicationLoadBalancer>(
      "Alb", aws::ApplicationLoadBalancerProps{.vpc = &t.vpc(), .internet_facing = true});
  auto& acl = t.stack.make<aws::WebAcl>(
      "Acl", aws::WebAclProps{.description = "test",
                              .rate_limits = {{.name = "per-ip", .requests_per_five_minutes = 100},
                                              {.name = "burst_guard", .requests_per_five_minutes = 2000}}});
  acl.protect(alb);
  const auto tpl = t.synth();
  const auto& p = tpl.only("AWS::WAFv2::WebACL")["Properties"];
  EXPECT_EQ(p["Scope"], "REGIONAL");
  EXPECT_EQ(p["Description"], "test");
  EXPECT_EQ(p["DefaultAction"], json({{"Allow", json::object()}}));
  ASSERT_EQ(p["Rules"].size(), 2U);
  EXPECT_EQ(p["Rules"][0]["Priority"], 0);
  EXPECT_EQ(p["Rules"][1]["Priority"], 1);
  EXPECT_EQ(p["Rules"][1]["Statement"]["RateBasedStatement"]["Limit"], 2000);
  EXPECT_EQ(
      p["Rules"][0]["VisibilityConfig"],
      json({{"CloudWatchMetricsEnabled", true}, {"MetricName", "per-ip"}, {"SampledRequestsEnabled", true}}));
  // The ACL's own metric name is the construct's unique id: stable, and only characters WAF accepts.
  const std::string metric = p["VisibilityConfig"]["MetricName"];
  EXPECT_NE(metric.find("Acl"), std::string::npos) << metric;
  EXPECT_EQ(metric.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            std::string::npos);
  const auto& association = tpl.only("AWS::WAFv2::WebACLAssociation")["Properties"];
  EXPECT_EQ(association["WebACLArn"],
            json({{"Fn::GetAtt", {tpl.logical_id_of("AWS::WAFv2::WebACL", json::object()), "Arn"}}}));
  EXPECT_EQ(association["ResourceArn"],
            json({{"Ref", tpl.logical_id_of("AWS::ElasticLoadBalancingV2::LoadBalancer", json::object())}}));
}

TEST(WebAcl, RefusesLimitsAndNamesWafWouldReject) {
  TestStack t;
  try {
    t.stack.make<aws::WebAcl>(
        "Low", aws::WebAclProps{.rate_limits = {{.name = "r", .requests_per_five_minutes = 9}}});
    FAIL() << "a limit under 10 was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("a rate limit of 9 is outside WAF's 10 .. 2000000000"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(
      t.stack.make<aws::WebAcl>(
          "High",
          aws::WebAclProps{.rate_limits = {{.name = "r", .requests_per_five_minutes = 2'000'000'001}}}),
      std::invalid_argument);
  EXPECT_THROW(t.stack.make<aws::WebAcl>("Name", aws::WebAclProps{.rate_limits = {{.name = "per ip"}}}),
               std::invalid_argument);
  EXPECT_THROW(t.stack.make<aws::WebAcl>("Parens", aws::WebAclProps{.description = "site (prod)"}),
               std::invalid_argument);
  EXPECT_THROW(t.stack.make<aws::WebAcl>("Empty", aws::WebAclProps{.rate_limits = {{.name = ""}}}),
               std::invalid_argument);
}
