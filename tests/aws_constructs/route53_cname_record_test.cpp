#include "aws_constructs/route53_cname_record.h"

#include <gtest/gtest.h>

#include "construct/app.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;
namespace construct = heliocloud::construct;

TEST(CnameRecord, InTheLookedUpZoneByIdWithAStringTtl) {
  construct::AppOptions options;
  options.context = {{"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
                      {{"Id", "/hostedzone/Z123"}, {"Name", "example.org."}}}};
  construct::App app(options);
  auto& stack = app.make<construct::Stack>(
      "Dns", construct::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  const auto& zone = stack.make<aws::LookedUpHostedZone>("Zone", "example.org");
  const auto& record = stack.make<aws::CnameRecord>(
      "Hub",
      aws::CnameRecordProps{
          .zone = &zone, .record_name = "hub", .domain_name = "lb.example.net", .comment = "placeholder"});
  EXPECT_EQ(record.fqdn(), "hub.example.org.");
  const auto tpl = heliocloud::testing::Template::from_stack(stack);
  const auto& r = tpl.only("AWS::Route53::RecordSet");
  EXPECT_EQ(r["Properties"], json({{"Comment", "placeholder"},
                                   {"HostedZoneId", "Z123"},
                                   {"Name", "hub.example.org."},
                                   {"ResourceRecords", {"lb.example.net"}},
                                   {"TTL", "300"},
                                   {"Type", "CNAME"}}));
  EXPECT_EQ(r["DeletionPolicy"], "Delete");
}

// A stack without account and region cannot look zones up; CloudFormation finds the zone by name instead.
TEST(CnameRecord, ByZoneNameWhenNotLookedUp) {
  TestStack t;
  t.stack.make<aws::CnameRecord>("Hub",
                                 aws::CnameRecordProps{.zone_name = "example.org",
                                                       .record_name = "hub",
                                                       .domain_name = "0.0.0.0",
                                                       .ttl_seconds = 60,
                                                       .removal_policy = construct::RemovalPolicy::Retain});
  const auto tpl = t.synth();
  const auto& r = tpl.only("AWS::Route53::RecordSet");
  EXPECT_EQ(r["Properties"]["HostedZoneName"], "example.org.");
  EXPECT_FALSE(r["Properties"].contains("HostedZoneId"));
  EXPECT_EQ(r["Properties"]["TTL"], "60");
  EXPECT_EQ(r["DeletionPolicy"], "Retain");
  EXPECT_THROW(
      t.stack.make<aws::CnameRecord>("Bad", aws::CnameRecordProps{.record_name = "x", .domain_name = "y"}),
      std::invalid_argument);
}
