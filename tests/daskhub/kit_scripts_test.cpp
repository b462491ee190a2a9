// Runs the rendered kit's scripts against stand-ins for curl (IMDSv2), the AWS CLI, helm, kubectl and eksctl:
// 00-bootstrap.sh fills every placeholder (safe for any character in a value), can run again after an output
// changes, names every missing output and stops when a node group's instance type is not offered;
// 03-deploy-daskhub.sh hands the secrets to helm without writing or printing them; 99-delete-daskhub.sh tears
// down in order.
#include <gtest/gtest.h>

#include "kit_test_support.h"

namespace heliocloud::daskhub {
namespace {

using namespace heliocloud::daskhub::testing;  // NOLINT(google-build-using-namespace): test helpers

// The stand-ins: curl answers IMDSv2 for a host in us-west-2; aws answers describe-tags, describe-stacks
// (from $FAKE_OUTPUTS) and describe-instance-type-offerings (every type in $FAKE_ZONES, each query logged).
const char* const kFakeMetadataCurl = R"sh(#!/usr/bin/env bash
for arg in "$@"; do url="$arg"; done
case "$url" in
*/api/token) printf 'token' ;;
*/placement/region) printf 'us-west-2' ;;
*/instance-id) printf 'i-0123456789abcdef0' ;;
*) exit 22 ;;
esac
)sh";

const char* const kFakeAws = R"sh(#!/usr/bin/env bash
echo "aws $*" >>"$FAKE_CALLS"
case "$1 $2" in
"ec2 describe-tags") echo "full-Daskhub" ;;
"cloudformation describe-stacks") cat "$FAKE_OUTPUTS" ;;
"ec2 describe-instance-type-offerings")
  for arg in "$@"; do
    case "$arg" in Name=instance-type,Values=*) echo "${arg#*Values=}" >>"$FAKE_LOG" ;; esac
  done
  printf '%s\n' "$FAKE_ZONES" | tr ' ' '\t' ;;
"eks describe-cluster") case "$*" in *vpcId*) echo vpc-1 ;; *) echo '{}' ;; esac ;;
"efs describe-mount-targets") case "$*" in *MountTargetId,VpcId*) printf 'fsmt-1\tvpc-1\n' ;; *) echo 0 ;; esac ;;
"efs delete-mount-target") ;;
"route53 list-hosted-zones-by-name") echo "/hostedzone/Z0123" ;;
"route53 list-resource-record-sets")
  printf '{"Name": "%s", "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": "lb.example"}]}\n' "${6}" ;;
"route53 change-resource-record-sets") ;;
"eks update-kubeconfig") ;;
"cognito-idp describe-user-pool-client") printf 'cognito-client-secret-0123456789\n' ;;
"secretsmanager get-secret-value")
  case "$*" in
  *secret:hub-*) printf 'hub-api-key-0123456789abcdef\n' ;;
  *secret:gw-*) printf 'gateway-api-key-0123456789abcdef\n' ;;
  *) exit 254 ;;
  esac ;;
*) echo "unexpected: aws $*" >&2; exit 2 ;;
esac
)sh";

// helm records each --set-file: the file's mode and content, and whether it lies inside the kit.
const char* const kFakeHelm = R"sh(#!/usr/bin/env bash
echo "helm $*" >>"$FAKE_CALLS"
[[ "$1" == upgrade ]] || exit 0
while (($#)); do
  if [[ "$1" == --set-file ]]; then
    path="${2#*=}"
    case "$path" in "$KIT"/*) inside=inside ;; *) inside=outside ;; esac
    printf '%s %s %s %s\n' "${2%%=*}" "$(stat -c %a "$path")" "$inside" "$(cat "$path")" >>"$FAKE_LOG"
    echo "$path" >>"$FAKE_LOG.paths"
    shift
  fi
  shift
done
)sh";

class KitScriptTest : public ::testing::Test {
 protected:
  KitScriptTest() : kit_(load("full", kFullInstance), "bootstrap"), fake_(kit_.dir().string() + "-fake") {
    fs::create_directories(fake_ / "bin");
    write(fake_ / "bin" / "curl", kFakeMetadataCurl);
    write(fake_ / "bin" / "aws", kFakeAws);
    fs::permissions(fake_ / "bin" / "curl", fs::perms::owner_all);
    fs::permissions(fake_ / "bin" / "aws", fs::perms::owner_all);
    write(fake_ / "bin" / "helm", kFakeHelm);
    // The others only log their calls (kubectl's `get svc` thus lists no load balancers).
    for (const char* tool : {"kubectl", "kustomize", "eksctl"})
      write(fake_ / "bin" / tool,
            std::string("#!/usr/bin/env bash\necho \"") + tool + " $*\" >>\"$FAKE_CALLS\"\n");
    for (const char* tool : {"helm", "kubectl", "kustomize", "eksctl"})
      fs::permissions(fake_ / "bin" / tool, fs::perms::owner_all);
    write_outputs(sample_outputs());
  }
  ~KitScriptTest() override { fs::remove_all(fake_); }

  static void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
  }

  void write_outputs(std::map<std::string, std::string> outputs) const {
    outputs.erase("Region");  // not a stack output: the bootstrap adds it from IMDS
    std::string tsv;
    for (const auto& [key, value] : outputs) tsv += key + "\t" + value + "\n";
    write(fake_ / "outputs.tsv", tsv);
  }

  CommandResult run_script(const std::string& script, const std::string& log,
                           const std::string& zones = "us-west-2a us-west-2b us-west-2c") const {
    return run("cd " + quote(kit_.dir().string()) + " && PATH=" + quote((fake_ / "bin").string()) +
               ":\"$PATH\" KIT=" + quote(kit_.dir().string()) +
               " FAKE_OUTPUTS=" + quote((fake_ / "outputs.tsv").string()) +
               " FAKE_CALLS=" + quote((fake_ / "calls.log").string()) +
               " FAKE_LOG=" + quote((fake_ / log).string()) + " FAKE_ZONES=" + quote(zones) + " ./" + script);
  }
  CommandResult bootstrap(const std::string& zones = "us-west-2a us-west-2b us-west-2c") const {
    return run_script("00-bootstrap.sh", "offerings.log", zones);
  }

  std::string file(const std::string& rel) const { return read(kit_.dir() / rel); }

  RenderedKit kit_;
  fs::path fake_;
};

TEST_F(KitScriptTest, FillsEveryPlaceholderAndCanRunAgain) {
  const auto first = bootstrap();
  ASSERT_EQ(first.status, 0) << first.output;
  const std::regex placeholder("<<CNF_OUTPUT_[A-Za-z0-9]+>>");
  for (const auto& f : kit_.files())
    EXPECT_FALSE(std::regex_search(file(f.path), placeholder)) << f.path << " still has a placeholder";
  const std::string eksctl = file("eksctl/cluster-config.yaml");
  EXPECT_NE(eksctl.find(R"(attachPolicyARNs: ["arn:aws:iam::123456789012:policy/asg#1&x\"q\\b"])"),
            std::string::npos);
  EXPECT_NE(eksctl.find("  region: \"us-west-2\"\n"), std::string::npos);
  if (have_tool("yamllint", "yamllint")) {
    const auto lint = run("yamllint -s -c " + quote(HELIOCLOUD_YAMLLINT_CONFIG) + " " +
                          quote((kit_.dir() / "eksctl/cluster-config.yaml").string()));
    EXPECT_EQ(lint.status, 0) << lint.output;
  }
  // Every node group's instance type was checked (10 types in 6 groups).
  std::set<std::string> checked;
  std::istringstream log(read(fake_ / "offerings.log"));
  for (std::string line; std::getline(log, line);) checked.insert(line);
  EXPECT_EQ(checked, (std::set<std::string>{"t3a.medium", "m5.2xlarge", "m5.4xlarge", "g4dn.2xlarge",
                                            "m5.8xlarge", "r5n.8xlarge", "m5n.8xlarge", "m5dn.8xlarge",
                                            "r5dn.8xlarge", "g4dn.xlarge"}));

  // A changed output reaches the files on the next run (the pristine copies are filled again).
  auto outputs = sample_outputs();
  outputs["KMSArn"] = "arn:aws:kms:us-west-2:123456789012:key/changed";
  write_outputs(outputs);
  const auto second = bootstrap();
  ASSERT_EQ(second.status, 0) << second.output;
  EXPECT_NE(file("eksctl/cluster-config.yaml").find("key/changed"), std::string::npos);
  EXPECT_NE(file(".kit/stack-outputs.tsv").find("secret:hub-AbCdEf"), std::string::npos);
}

TEST_F(KitScriptTest, NamesEveryMissingOutputAndChangesNothing) {
  auto outputs = sample_outputs();
  outputs.erase("EFSId");
  outputs.erase("HubApiKeySecretArn");
  outputs.erase("CognitoClientIdKubeCost");
  write_outputs(outputs);
  const auto r = bootstrap();
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("lacks the outputs EFSId HubApiKeySecretArn CognitoClientIdKubeCost"),
            std::string::npos)
      << r.output;
  EXPECT_NE(file("eksctl/cluster-config.yaml").find("<<CNF_OUTPUT_KMSArn>>"), std::string::npos);
}

TEST_F(KitScriptTest, StopsWhenAnInstanceTypeIsNotOfferedInAZone) {
  const auto r = bootstrap("us-west-2a us-west-2b");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("g4dn.xlarge in us-west-2c"), std::string::npos) << r.output;
}

// The hub's secrets reach helm only through 0600 files outside the kit, which are gone afterwards, and are
// never printed.
TEST_F(KitScriptTest, DeployHandsSecretsToHelmWithoutWritingOrPrintingThem) {
  ASSERT_EQ(bootstrap().status, 0);
  const auto r = run_script("03-deploy-daskhub.sh", "helm.log");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string log = read(fake_ / "helm.log");
  EXPECT_NE(log.find("daskhub.jupyterhub.hub.config.GenericOAuthenticator.client_secret 600 outside "
                     "cognito-client-secret-0123456789\n"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("daskhub.jupyterhub.proxy.secretToken 600 outside hub-api-key-0123456789abcdef\n"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("daskhub.dask-gateway.gateway.auth.jupyterhub.apiToken 600 outside "
                     "gateway-api-key-0123456789abcdef\n"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("daskhub.jupyterhub.hub.services.dask-gateway.apiToken 600 outside "
                     "gateway-api-key-0123456789abcdef\n"),
            std::string::npos)
      << log;
  std::istringstream paths(read(fake_ / "helm.log.paths"));
  for (std::string path; std::getline(paths, path);)
    EXPECT_FALSE(fs::exists(path)) << path << " was left behind";
  for (const char* secret : {"cognito-client-secret-0123456789", "hub-api-key-0123456789abcdef",
                             "gateway-api-key-0123456789abcdef"}) {
    EXPECT_EQ(r.output.find(secret), std::string::npos) << "printed: " << r.output;
    const auto grep = run("grep -rl " + quote(secret) + " " + quote(kit_.dir().string()));
    EXPECT_NE(grep.status, 0) << "written into the kit: " << grep.output;
  }
}

// Teardown order: the releases (and with them the load balancers), the hub namespace (the users' volumes),
// the EFS mount targets in the cluster's VPC, the cluster, then DNS: the hub's record back to the stack's
// placeholder (CloudFormation deletes a record only with the values it gave it), the monitoring records gone.
TEST_F(KitScriptTest, TeardownRemovesThingsInOrder) {
  ASSERT_EQ(bootstrap().status, 0);
  const auto r = run_script("99-delete-daskhub.sh", "teardown.log");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string calls = read(fake_ / "calls.log");
  std::size_t previous = 0;
  for (const char* step :
       {"helm uninstall heliocloud-monitoring --namespace monitoring",
        "helm uninstall daskhub --namespace science", "kubectl delete namespace science",
        "aws efs delete-mount-target --mount-target-id fsmt-1",
        "eksctl delete cluster --name eks-full --region us-west-2",
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one JSON fragment over two lines
        R"(UPSERT","ResourceRecordSet":{"Name":"hub.example.org.","Type":"CNAME","TTL":300,)"
        R"("ResourceRecords":[{"Value":"0.0.0.0"}]})",
        R"(DELETE","ResourceRecordSet":{"Name": "kubecost.example.org.")",
        R"(DELETE","ResourceRecordSet":{"Name": "grafana.example.org.")"}) {
    const auto at = calls.find(step);
    ASSERT_NE(at, std::string::npos) << step << " not called:\n" << calls;
    EXPECT_GE(at, previous) << step << " out of order:\n" << calls;
    previous = at;
  }
}

TEST_F(KitScriptTest, StopsWhenAConfiguredZoneIsInAnotherRegion) {
  InstanceDir dir("zones-" + std::to_string(::getpid()));
  dir.write("zones", R"(
enabled:
  daskhub: True
daskhub:
  eksctl:
    availabilityZones: [eu-west-1a, eu-west-1b]
  daskhub:
    contact_email: ops@example.org
    domain_url: example.org
)");
  RenderedKit other(config::load_instance(dir.path(), "zones"), "zones");
  const auto r = run("cd " + quote(other.dir().string()) + " && PATH=" + quote((fake_ / "bin").string()) +
                     ":\"$PATH\" FAKE_OUTPUTS=" + quote((fake_ / "outputs.tsv").string()) +
                     " FAKE_CALLS=/dev/null FAKE_LOG=/dev/null FAKE_ZONES=us-west-2a ./00-bootstrap.sh");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("availability zone eu-west-1a (daskhub.eksctl.availabilityZones) is not in this "
                          "host's region us-west-2"),
            std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace heliocloud::daskhub
