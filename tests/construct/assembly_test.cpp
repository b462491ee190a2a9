#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "construct/app.h"
#include "construct/assembly_writer.h"
#include "construct/asset.h"
#include "construct/cfn_resource.h"
#include "construct/stack.h"

using namespace heliocloud::construct;  // NOLINT(google-build-using-namespace)
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json read_json(const fs::path& p) {
  return nlohmann::json::parse(read(p));
}

// A small app: two stacks, a cross-stack reference, a directory asset; env-specific or agnostic.
void synth_app(const fs::path& outdir, bool env_specific) {
  AppOptions o;
  o.outdir = outdir.string();
  o.context = {{"instance", "heliocloud"}, {"aws:cdk:enable-path-metadata", true}};
  App app(o);
  auto& root = app.make<Construct>("heliocloud");
  Environment env;
  if (env_specific) env = {.account = "123456789012", .region = "us-east-1"};
  auto& base = root.make<Stack>(
      "Base", StackProps{.env = env, .description = "", .stack_name = {}, .termination_protection = false});
  auto& bucket = base.make<Construct>("DataBucket").make<CfnResource>("Resource", "AWS::S3::Bucket");
  auto& registry = root.make<Stack>(
      "Registry",
      StackProps{.env = env, .description = "", .stack_name = {}, .termination_protection = false});
  auto& code = registry.make<Asset>("Code", fs::path(HELIOCLOUD_TEST_DATA) / "asset-tree");
  registry.make<CfnResource>(
      "Fn", "AWS::Lambda::Function",
      Value::Map{
          {"Code", Value::map({{"S3Bucket", code.bucket_name()}, {"S3Key", Value(code.object_key())}})},
          {"Environment", Value::map({{"Variables", Value::map({{"B", bucket.ref()}})}})}});
  app.synth();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  return d;
}

}  // namespace

TEST(Assembly, ManifestHasTheShapeTheCliReads) {
  const auto out = fresh_dir("hc-asm-shape");
  synth_app(out, true);
  const auto m = read_json(out / "manifest.json");
  EXPECT_EQ(m["version"], "55.0.0");
  const auto& base = m["artifacts"]["heliocloudBase8F34CA3B"];
  EXPECT_EQ(base["type"], "aws:cloudformation:stack");
  EXPECT_EQ(base["environment"], "aws://123456789012/us-east-1");
  EXPECT_EQ(base["displayName"], "heliocloud/Base");
  EXPECT_EQ(base["properties"]["templateFile"], "heliocloudBase8F34CA3B.template.json");
  EXPECT_EQ(base["properties"]["assumeRoleArn"],
            "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-deploy-role-123456789012-us-east-1");
  const auto& reg = m["artifacts"]["heliocloudRegistryD345BE88"];
  EXPECT_EQ(reg["dependencies"],
            nlohmann::json({"heliocloudBase8F34CA3B", "heliocloudRegistryD345BE88.assets"}));
  EXPECT_EQ(m["artifacts"]["heliocloudRegistryD345BE88.assets"]["type"], "cdk:asset-manifest");

  // The template is itself an asset, hashed over its exact bytes.
  const auto assets = read_json(out / "heliocloudRegistryD345BE88.assets.json");
  const std::string asset_hash = "847456fa5f290c55e3e569e663bd3dde040ea60b1ebb395496f50701a9f8cf62";
  ASSERT_TRUE(assets["files"].contains(asset_hash));
  EXPECT_EQ(assets["files"][asset_hash]["source"]["packaging"], "zip");
  EXPECT_TRUE(fs::exists(out / ("asset." + asset_hash) / "sub" / "plain.txt"));
  const auto tpl = read_json(out / "heliocloudRegistryD345BE88.template.json");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Key"], asset_hash + ".zip");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Bucket"],
            "cdk-hnb659fds-assets-123456789012-us-east-1");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Metadata"]["aws:cdk:path"], "heliocloud/Registry/Fn");
  EXPECT_EQ(tpl["Parameters"]["BootstrapVersion"]["Type"], "AWS::SSM::Parameter::Value<String>");
  EXPECT_TRUE(tpl["Rules"].contains("CheckBootstrapVersion"));
}

TEST(Assembly, AgnosticStacksUsePseudoParameters) {
  const auto out = fresh_dir("hc-asm-agnostic");
  synth_app(out, false);
  const auto m = read_json(out / "manifest.json");
  EXPECT_EQ(m["artifacts"]["heliocloudBase8F34CA3B"]["environment"], "aws://unknown-account/unknown-region");
  const auto tpl = read_json(out / "heliocloudRegistryD345BE88.template.json");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Bucket"].dump(),
            R"({"Fn::Sub":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"})");
}

TEST(Assembly, OutputIsByteIdenticalForTheSameInput) {
  const auto a = fresh_dir("hc-asm-det-a");
  const auto b = fresh_dir("hc-asm-det-b");
  synth_app(a, true);
  synth_app(b, true);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(read(e.path()), read(b / fs::relative(e.path(), a))) << e.path();
  }
  EXPECT_GE(files, 6U);
}

TEST(Assembly, StaleFilesGoLocksStay) {
  const auto out = fresh_dir("hc-asm-stale");
  synth_app(out, true);
  std::ofstream(out / "oldStack.template.json") << "{}";
  std::ofstream(out / "synth.lock") << "";
  synth_app(out, true);
  EXPECT_FALSE(fs::exists(out / "oldStack.template.json"));
  EXPECT_TRUE(fs::exists(out / "synth.lock"));
  EXPECT_TRUE(fs::exists(out / "manifest.json"));
}

TEST(Assembly, RefusesToClearADirectoryThatIsNotAnAssembly) {
  const auto out = fresh_dir("hc-asm-foreign");
  fs::create_directories(out);
  std::ofstream(out / "precious.txt") << "keep me";
  EXPECT_THROW(synth_app(out, true), std::runtime_error);
  EXPECT_TRUE(fs::exists(out / "precious.txt"));
}

TEST(Assembly, VersionFollowsAnOlderCli) {
  EXPECT_EQ(assembly_version(0), "55.0.0");
  EXPECT_EQ(assembly_version(55), "55.0.0");
  EXPECT_EQ(assembly_version(60), "55.0.0");
  EXPECT_EQ(assembly_version(48), "48.0.0");
}
