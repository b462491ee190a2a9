// The Daskhub admin host and its role: Amazon Linux 2023 with IMDSv2 and an encrypted root volume in a
// private subnet, the deploy kit delivered by cfn-init (and again by cfn-hup on updates), and a role that EC2
// alone may assume, with "*" only where the service cannot name a resource.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "contracts/daskhub.h"
#include "daskhub/kit_renderer.h"
#include "daskhub_test_config.h"

using daskhub_test::hub_instance;
using daskhub_test::synth_hub;
using nlohmann::json;
namespace kit_contract = heliocloud::contracts::daskhub;

namespace {

const json& instance_of(const Template& t) {
  return t.resources().at("DaskhubInstance8C66E676");
}
const json& init_of(const Template& t) {
  return instance_of(t)["Metadata"]["AWS::CloudFormation::Init"];
}

std::vector<std::string> as_list(const json& value) {
  if (value.is_array()) return value.get<std::vector<std::string>>();
  return {value.get<std::string>()};
}

bool has_resource(const json& statement, const json& resource) {
  const auto& r = statement["Resource"];
  if (r.is_array()) return std::ranges::find(r, resource) != r.end();
  return r == resource;
}

// The statements that allow `action` (exactly, not through a wildcard).
std::vector<json> allowing(const Template& t, const std::string& action) {
  std::vector<json> out;
  for (const auto& s : policy_statements(t)) {
    const auto actions = as_list(s["Action"]);
    if (std::ranges::find(actions, action) != actions.end()) out.push_back(s);
  }
  return out;
}

}  // namespace

TEST(DaskhubAdminHost, Al2023ImdsV2EncryptedRootInAPrivateSubnetWithoutInbound) {
  const auto s = synth_hub(hub_instance("host"));
  const auto& t = s.stack("host/Daskhub");
  const auto& p = instance_of(t)["Properties"];
  const std::string image = p["ImageId"]["Ref"];
  EXPECT_EQ(t.json()["Parameters"][image]["Default"],
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
  const std::string launch_template = p["LaunchTemplate"]["LaunchTemplateId"]["Ref"];
  EXPECT_EQ(
      t.resources()[launch_template]["Properties"]["LaunchTemplateData"]["MetadataOptions"]["HttpTokens"],
      "required");
  EXPECT_EQ(p["BlockDeviceMappings"][0]["Ebs"]["Encrypted"], true);
  EXPECT_EQ(p["SubnetId"]["Fn::ImportValue"],
            s.stack_construct("host/Base").artifact_id() +
                ":ExportsOutputRefHelioCloudVPCPrivateSubnet1Subnet19EEB3D424E68FC5");
  EXPECT_EQ(p["IamInstanceProfile"], json({{"Ref", "DaskhubInstanceInstanceProfileCB18ECAE"}}));
  EXPECT_EQ(t.resources()["DaskhubInstanceInstanceProfileCB18ECAE"]["Properties"]["Roles"],
            json({{{"Ref", "EC2AdminRoleB230CBD9"}}}));
  const auto& group = t.only("AWS::EC2::SecurityGroup")["Properties"];
  EXPECT_FALSE(group.contains("SecurityGroupIngress"));  // operators come in through SSM
  EXPECT_EQ(t.count("AWS::EC2::SecurityGroupIngress"), 0U);
  EXPECT_NE(p["Tags"].dump().find(R"({"Key":"Name","Value":"host/Daskhub/DaskhubInstance"})"),
            std::string::npos)
      << p["Tags"];
  // CloudFormation waits for cfn-init's result.
  EXPECT_EQ(instance_of(t)["CreationPolicy"]["ResourceSignal"]["Count"], 1);
}

TEST(DaskhubAdminHost, EveryKitFileIsDeliveredUnderTheKitDirectoryOwnedByTheSessionUser) {
  for (bool metrics : {false, true}) {
    const auto config = hub_instance("kit", metrics);
    const auto t = synth_hub(config).stack("kit/Daskhub");
    const auto& files = init_of(t)["config"]["files"];
    const auto kit = heliocloud::daskhub::render_kit(config);
    ASSERT_FALSE(kit.empty());
    std::size_t delivered = 0;
    for (const auto& f : kit) {
      const std::string path = std::string(kit_contract::kKitDirectory) + "/" + f.path;
      ASSERT_TRUE(files.contains(path)) << path;
      const auto& entry = files[path];
      EXPECT_EQ(entry["content"], f.content) << path;
      EXPECT_EQ(entry["mode"], f.executable ? "000700" : "000600") << path;
      EXPECT_EQ(entry["owner"], kit_contract::kKitOwner) << path;
      EXPECT_EQ(entry["group"], kit_contract::kKitOwner) << path;
      ++delivered;
    }
    std::size_t under_kit = 0;
    for (const auto& [path, entry] : files.items())
      if (path.starts_with(std::string(kit_contract::kKitDirectory) + "/")) ++under_kit;
    EXPECT_EQ(under_kit, delivered);  // nothing else in the kit directory
    EXPECT_EQ(files.contains(std::string(kit_contract::kKitDirectory) + "/04-deploy-monitoring.sh"), metrics);
  }
}

// cfn-init writes files before it runs commands, so the owner is created in a config that runs first; the
// kit's directories go to the owner afterwards; the tools are installed as root.
TEST(DaskhubAdminHost, OwnerCreatedBeforeTheFilesThenOwnershipStateAndTools) {
  const auto t = synth_hub(hub_instance("order")).stack("order/Daskhub");
  const auto& init = init_of(t);
  EXPECT_EQ(init["configSets"]["default"], json({"prepare", "config"}));
  const std::string create = init["prepare"]["commands"]["010_create-kit-owner"]["command"];
  EXPECT_NE(create.find("id -u ssm-user"), std::string::npos) << create;
  EXPECT_NE(create.find("useradd --create-home --shell /bin/bash ssm-user"), std::string::npos) << create;
  EXPECT_NE(create.find("install -d -m 0700 -o ssm-user -g ssm-user /home/ssm-user/daskhub"),
            std::string::npos)
      << create;
  const auto& commands = init["config"]["commands"];
  std::vector<std::string> names;
  for (const auto& [name, command] : commands.items()) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"010_own-kit", "020_reset-filled-copies", "030_install-tools",
                                             "040_enable-cfn-hup"}));
  EXPECT_EQ(commands["010_own-kit"]["command"],
            "chown -R ssm-user:ssm-user /home/ssm-user/daskhub && find /home/ssm-user/daskhub -type d -exec "
            "chmod 0700 {} +");
  EXPECT_EQ(commands["020_reset-filled-copies"]["command"], "rm -rf /home/ssm-user/daskhub/.kit/pristine");
  EXPECT_EQ(commands["030_install-tools"]["command"], "/home/ssm-user/daskhub/00-tools.sh");
}

// A stack update that changes the kit reaches the running host: cfn-hup (a systemd timer) runs cfn-init again
// when this instance's init metadata changed. The UserData does not change with the kit, so an update never
// stops the instance.
TEST(DaskhubAdminHost, CfnHupAppliesKitUpdates) {
  auto config = hub_instance("hup");
  const auto before = synth_hub(config).stack("hup/Daskhub");
  const auto& files = init_of(before)["config"]["files"];
  const std::string hook = files["/etc/cfn/hooks.d/cfn-auto-reloader.conf"]["content"]["Fn::Sub"];
  EXPECT_NE(hook.find("triggers=post.update"), std::string::npos) << hook;
  EXPECT_NE(hook.find("path=Resources.DaskhubInstance8C66E676.Metadata.AWS::CloudFormation::Init"),
            std::string::npos)
      << hook;
  EXPECT_NE(hook.find("--resource DaskhubInstance8C66E676 -c default"), std::string::npos) << hook;
  EXPECT_NE(
      files["/etc/cfn/cfn-hup.conf"]["content"]["Fn::Sub"].get<std::string>().find("stack=${AWS::StackId}"),
      std::string::npos);
  EXPECT_NE(files["/etc/systemd/system/cfn-hup.service"]["content"].get<std::string>().find(
                "ExecStart=/opt/aws/bin/cfn-hup --no-daemon"),
            std::string::npos);
  EXPECT_NE(files["/etc/systemd/system/cfn-hup.timer"]["content"].get<std::string>().find("OnUnitActiveSec="),
            std::string::npos);
  EXPECT_EQ(init_of(before)["config"]["commands"]["040_enable-cfn-hup"]["command"],
            "systemctl daemon-reload && systemctl enable --now cfn-hup.timer");

  config.daskhub.hub.contact_email = "someone-else@example.org";
  const auto after = synth_hub(config).stack("hup/Daskhub");
  EXPECT_NE(init_of(before).dump(), init_of(after).dump());
  EXPECT_EQ(instance_of(before)["Properties"], instance_of(after)["Properties"]);
}

// The original's role trusted the account root as well as EC2 (any principal allowed to assume roles became
// an administrator) and had AdministratorAccess.
TEST(DaskhubAdminRole, AssumedByEc2OnlyWithoutAdministratorAccess) {
  const auto s = synth_hub(hub_instance("role"));
  const auto& t = s.stack("role/Daskhub");
  const auto& role = t.resources()["EC2AdminRoleB230CBD9"]["Properties"];
  EXPECT_EQ(role["AssumeRolePolicyDocument"]["Statement"],
            json::parse(R"([{"Action": "sts:AssumeRole", "Effect": "Allow",
                            "Principal": {"Service": "ec2.amazonaws.com"}}])"));
  const std::string managed = role["ManagedPolicyArns"].dump();
  EXPECT_EQ(managed.find("AdministratorAccess"), std::string::npos) << managed;
  EXPECT_NE(managed.find(":iam::aws:policy/AmazonSSMManagedInstanceCore"), std::string::npos) << managed;
  // The Base stack's S3 policy, imported.
  EXPECT_NE(managed.find(s.stack_construct("role/Base").artifact_id() +
                         ":ExportsOutputRefS3ManagedPolicy988D4D4CF274B03B"),
            std::string::npos)
      << managed;
  // The account root appears only where KMS needs it: the key policy that delegates the key to IAM.
  for (const auto& [id, resource] : t.resources().items())
    if (resource["Type"] != "AWS::KMS::Key") {
      EXPECT_EQ(resource.dump().find(":root"), std::string::npos) << id;
    }
  for (const auto& st : policy_statements(t)) {
    EXPECT_NE(st["Action"], "*") << st;
    EXPECT_FALSE(st.contains("Principal")) << st;
  }
}

TEST(DaskhubAdminRole, ReadsExactlyTheTwoTokensAndThisStacksOutputs) {
  const auto t = synth_hub(hub_instance("reads")).stack("reads/Daskhub");
  const auto readers = allowing(t, "secretsmanager:GetSecretValue");
  ASSERT_EQ(readers.size(), 1U);
  std::set<std::string> secrets;
  for (const auto& r : readers[0]["Resource"]) secrets.insert(r.at("Ref").get<std::string>());
  std::set<std::string> expected;
  for (const auto& [id, secret] : t.find_resources("AWS::SecretsManager::Secret")) expected.insert(id);
  EXPECT_EQ(secrets, expected);
  for (const auto& st : policy_statements(t))
    for (const auto& action : as_list(st["Action"]))
      if (action.starts_with("secretsmanager:")) {
        EXPECT_EQ(st, readers[0]);
      }

  const auto describe = allowing(t, "cloudformation:DescribeStacks");
  ASSERT_EQ(describe.size(), 1U);
  EXPECT_EQ(describe[0]["Resource"], json({{"Ref", "AWS::StackId"}}));
  const auto clients = allowing(t, "cognito-idp:DescribeUserPoolClient");
  ASSERT_EQ(clients.size(), 1U);
  EXPECT_NE(clients[0]["Resource"]["Fn::ImportValue"].get<std::string>().find("Arn"), std::string::npos);
}

// "*" appears only for calls the service authorizes against "*" alone (descriptions, listings), and for
// eksctl's network resources, which do not exist before the call (limited to the stack's region).
TEST(DaskhubAdminRole, ResourceStarOnlyWhereTheServiceAllowsNothingNarrower) {
  const std::set<std::string> read_only_star = {"autoscaling:Describe*",
                                                "ec2:Describe*",
                                                "elasticloadbalancing:Describe*",
                                                "autoscaling:DescribeAutoScalingGroups",
                                                "autoscaling:DescribeAutoScalingInstances",
                                                "autoscaling:DescribeLaunchConfigurations",
                                                "autoscaling:DescribeScalingActivities",
                                                "autoscaling:DescribeTags",
                                                "ec2:DescribeImages",
                                                "ec2:DescribeInstanceTypes",
                                                "ec2:DescribeLaunchTemplateVersions",
                                                "ec2:GetInstanceTypesFromInstanceRequirements",
                                                "ec2:DescribeAvailabilityZones",
                                                "ec2:DescribeNetworkInterfaces",
                                                "ec2:DescribeSubnets",
                                                "eks:DescribeAddonConfiguration",
                                                "eks:DescribeAddonVersions",
                                                "eks:ListClusters",
                                                "cloudformation:ListStacks",
                                                "iam:ListOpenIDConnectProviders",
                                                "route53:ListHostedZones",
                                                "route53:ListHostedZonesByName"};
  const auto t = synth_hub(hub_instance("star", true)).stack("star/Daskhub");
  std::size_t star_statements = 0;
  for (const auto& st : policy_statements(t)) {
    if (!has_resource(st, "*")) continue;
    ++star_statements;
    const auto actions = as_list(st["Action"]);
    const bool region_limited =
        st.contains("Condition") && st["Condition"].dump().find("aws:RequestedRegion") != std::string::npos;
    if (region_limited) {
      for (const auto& a : actions) EXPECT_EQ(a.rfind("ec2:", 0), 0U) << a;
      continue;
    }
    for (const auto& a : actions) EXPECT_TRUE(read_only_star.count(a)) << a << " on *";
  }
  EXPECT_GT(star_statements, 0U);
}

// Each write is scoped: DNS changes to the hub's (and Kubecost's, Grafana's) CNAMEs in the zone; scaling to
// the cluster's tagged groups; mount targets, keys and eksctl's roles and stacks by name.
TEST(DaskhubAdminRole, WritesAreScopedToTheirResources) {
  const auto t = synth_hub(hub_instance("scoped", true)).stack("scoped/Daskhub");
  const json zone = {
      {"Fn::Join",
       {"", {"arn:", {{"Ref", "AWS::Partition"}}, ":route53:::hostedzone/Z0123456789ABCDEFGHIJ"}}}};
  const auto changes = allowing(t, "route53:ChangeResourceRecordSets");
  ASSERT_EQ(changes.size(), 3U);  // external-dns; the teardown's upsert of the hub's record and its deletes
  std::set<std::string> upserted;
  for (const auto& st : changes) {
    EXPECT_EQ(st["Resource"], zone) << st;
    const auto& c = st["Condition"]["ForAllValues:StringEquals"];
    const auto actions = c["route53:ChangeResourceRecordSetsActions"].get<std::set<std::string>>();
    if (actions.contains("DELETE")) {
      EXPECT_EQ(actions.size(), 1U);
      EXPECT_EQ(c["route53:ChangeResourceRecordSetsNormalizedRecordNames"],
                json({"kubecost.example.org", "grafana.example.org"}));
    } else {
      for (const auto& n : c["route53:ChangeResourceRecordSetsNormalizedRecordNames"]) upserted.insert(n);
      EXPECT_EQ(c["route53:ChangeResourceRecordSetsRecordTypes"], json({"CNAME"}));
    }
  }
  EXPECT_EQ(upserted,
            (std::set<std::string>{"hub.example.org", "kubecost.example.org", "grafana.example.org"}));

  const auto scaling = allowing(t, "autoscaling:SetDesiredCapacity");
  ASSERT_EQ(scaling.size(), 1U);
  EXPECT_EQ(scaling[0]["Condition"]["StringEquals"]["aws:ResourceTag/k8s.io/cluster-autoscaler/eks-test"],
            "owned");

  const json file_system = {{"Fn::Join",
                             {"",
                              {"arn:",
                               {{"Ref", "AWS::Partition"}},
                               ":elasticfilesystem:us-east-1:123456789012:file-system/",
                               {{"Ref", "DaskhubEFSDDAFDBE4"}}}}}};
  for (const auto& st : allowing(t, "elasticfilesystem:CreateMountTarget"))
    EXPECT_EQ(st["Resource"], file_system);
  EXPECT_EQ(allowing(t, "elasticfilesystem:CreateMountTarget").size(), 2U);  // the admin's and the original's

  for (const auto& st : allowing(t, "kms:CreateGrant")) {
    EXPECT_EQ(st["Resource"], json({{"Fn::GetAtt", {"Daskhubkey4465FB27", "Arn"}}}));
    EXPECT_EQ(st["Condition"]["Bool"]["kms:GrantIsForAWSResource"], "true");
  }
  const auto roles = allowing(t, "iam:CreateRole");
  ASSERT_EQ(roles.size(), 1U);
  EXPECT_NE(roles[0]["Resource"].dump().find(":role/eksctl-eks-test-*"), std::string::npos) << roles[0];
  const auto pass = allowing(t, "iam:PassRole");
  ASSERT_EQ(pass.size(), 1U);
  EXPECT_EQ(pass[0], roles[0]);
  const auto stacks = allowing(t, "cloudformation:*");
  ASSERT_EQ(stacks.size(), 1U);
  EXPECT_NE(stacks[0]["Resource"].dump().find(":stack/eksctl-eks-test-*/*"), std::string::npos) << stacks[0];
}

// A VPC without private subnets (vpc.type default): the host goes to one of its public subnets.
TEST(DaskhubAdminHost, DefaultVpcPutsTheHostInItsPublicSubnet) {
  auto config = hub_instance("defvpc");
  config.vpc.type = heliocloud::config::VpcType::Default;
  auto context = daskhub_test::zone_context();
  context
      ["vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:returnAsymmetricSubnets="
       "true"] = {{"vpcId", "vpc-0abc"},
                  {"subnetGroups",
                   {{{"name", "Public"},
                     {"type", "Public"},
                     {"subnets", {{{"subnetId", "subnet-1"}, {"availabilityZone", "us-east-1a"}}}}}}}};
  const auto s = synth(config, context);
  EXPECT_EQ(instance_of(s.stack("defvpc/Daskhub"))["Properties"]["SubnetId"], "subnet-1");
}
