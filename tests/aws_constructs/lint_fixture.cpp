// Writes a template that uses every L2 construct to the file named by argv[1], for cfn-lint (cfn_lint.sh):
// property names and types are CloudFormation's, checked by its own schemas rather than by our reading of
// them.
#include <fstream>
#include <iostream>

#include "aws_constructs/cognito.h"
#include "aws_constructs/custom_resource_provider.h"
#include "aws_constructs/dynamodb_table.h"
#include "aws_constructs/ec2_instance.h"
#include "aws_constructs/efs_file_system.h"
#include "aws_constructs/elb_lambda_target_group.h"
#include "aws_constructs/elb_load_balancer.h"
#include "aws_constructs/kms_key.h"
#include "aws_constructs/route53_alias_record.h"
#include "aws_constructs/route53_cname_record.h"
#include "aws_constructs/s3_bucket.h"
#include "aws_constructs/secret.h"
#include "aws_constructs/wafv2_web_acl.h"
#include "construct/app.h"
#include "construct/removal_policy.h"
#include "construct/synthesis.h"

namespace aws = heliocloud::aws_constructs;
namespace construct = heliocloud::construct;

namespace {

void build(construct::Stack& stack) {
  auto& vpc = stack.make<aws::Vpc>("Vpc");
  auto& key = stack.make<aws::Key>("Key", aws::KeyProps{.description = "fixture", .alias = "fixture"});
  auto& secret =
      stack.make<aws::Secret>("Secret", aws::SecretProps{.secret_string_template = R"({"user":"hub"})",
                                                         .generate_string_key = "password",
                                                         .encryption_key = &key});
  auto& bucket = stack.make<aws::Bucket>(
      "Bucket",
      aws::BucketProps{.removal_policy = construct::RemovalPolicy::Destroy, .auto_delete_objects = true});
  auto& table = stack.make<aws::Table>("Table", aws::TableProps{.partition_key = "id", .sort_key = "at"});
  auto& site = stack.make<aws::Function>(
      "Site",
      aws::FunctionProps{.code_directory = HELIOCLOUD_TEST_LAMBDA_DIR "/registry", .handler = "site"});
  bucket.grant_read_write(site);
  table.grant_read_data(site);
  secret.grant_read(site);
  auto& targets =
      stack.make<aws::LambdaTargetGroup>("SiteTargets", aws::LambdaTargetGroupProps{.function = &site});
  auto& alb = stack.make<aws::ApplicationLoadBalancer>(
      "Alb",
      aws::ApplicationLoadBalancerProps{.vpc = &vpc, .internet_facing = true, .deletion_protection = true});
  alb.add_https_listener(
      "Https", {.certificate_arn =
                    "arn:aws:acm:us-east-1:123456789012:certificate/0f2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d",
                .default_target_group = &targets});
  alb.add_redirect_to_https();
  stack.make<aws::WebAcl>("Acl", aws::WebAclProps{.rate_limits = {{.name = "per-address"}}}).protect(alb);
  auto& zone = stack.make<aws::LookedUpHostedZone>("Zone", "example.org");
  stack.make<aws::LoadBalancerAliasRecord>(
      "SiteRecord", aws::AliasRecordProps{.zone = &zone, .record_name = "portal", .load_balancer = &alb});
  stack.make<aws::CnameRecord>(
      "HubRecord",
      aws::CnameRecordProps{
          .zone = &zone, .record_name = "hub", .domain_name = "0.0.0.0", .comment = "placeholder"});
  stack.make<aws::CnameRecord>("HubRecordByName", aws::CnameRecordProps{.zone_name = "example.org",
                                                                        .record_name = "hub2",
                                                                        .domain_name = "hub.example.org"});
  auto& pool = stack.make<aws::UserPool>("Pool", aws::UserPoolProps{});
  pool.add_client("SiteClient", {.client_name = "site",
                                 .callback_urls = {"https://portal.example.org/loggedin"},
                                 .logout_urls = {"https://portal.example.org/logout"}});
  auto& host = stack.make<aws::Instance>(
      "Admin", aws::InstanceProps{
                   .vpc = &vpc,
                   .root_volume_key = &key,
                   .init_prepare_commands = {{.name = "user", .command = "id -u helio || useradd helio"}},
                   .init_files = {{.path = "/etc/helio/admin.conf", .content = "mode=admin\n"}},
                   .init_commands = {{.name = "hello", .command = "echo ready"}},
                   .apply_metadata_updates = true});
  auto& home = stack.make<aws::FileSystem>(
      "Home", aws::FileSystemProps{.vpc = &vpc, .encryption_key = &key, .transition_to_ia = "AFTER_30_DAYS"});
  home.allow_access_from(host.security_group());
  stack.make<aws::FileSystem>("Shared", aws::FileSystemProps{.mount_targets = false});
  auto& db =
      stack.make<aws::SecurityGroup>("Db", aws::SecurityGroupProps{.vpc = &vpc, .allow_all_outbound = false});
  db.allow_from(host.security_group(), aws::Port::tcp(5432));
  db.allow_to(alb.security_group(), aws::Port::tcp(443));
  key.grant_encrypt_decrypt(host);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: aws_constructs_lint_fixture <template file>\n";
    return 2;
  }
  construct::AppOptions options;
  options.context = {
      {"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1",
       {{"Id", "/hostedzone/Z0123456789ABCDEFGHIJ"}, {"Name", "example.org."}}},
      {"availability-zones:account=123456789012:region=us-east-1", {"us-east-1a", "us-east-1b"}}};
  construct::App app(options);
  aws::CustomResourceProvider::use_package(app, HELIOCLOUD_TEST_LAMBDA_DIR "/custom-resource");
  auto& stack = app.make<construct::Stack>(
      "Fixture", construct::StackProps{.env = {.account = "123456789012", .region = "us-east-1"}});
  build(stack);
  std::ofstream(argv[1]) << construct::render_templates(app).at(0).template_json.dump(1) << "\n";
  return 0;
}
