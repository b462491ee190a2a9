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

nlohmann::json readJson(const fs::path& p) {
  return nlohmann::json::parse(read(p));
}

// A small app: two stacks, a cross-stack reference, a directory asset; env-specific or agnostic.
void synthApp(const fs::path& outdir, bool envSpecific) {
  AppOptions o;
  o.outdir = outdir.string();
  o.context = {{"instance", "heliocloud"}, {"aws:cdk:enable-path-metadata", true}};
  App app(o);
  auto& root = app.make<Construct>("heliocloud");
  Environment env;
  if (envSpecific) env = {"123456789012", "us-east-1"};
  auto& base = root.make<Stack>("Base", StackProps{env, "", {}, false});
  auto& bucket = base.make<Construct>("DataBucket").make<CfnResource>("Resource", "AWS::S3::Bucket");
  auto& registry = root.make<Stack>("Registry", StackProps{env, "", {}, false});
  auto& code = registry.make<Asset>("Code", fs::path(HELIOCLOUD_TEST_DATA) / "asset-tree");
  registry.make<CfnResource>(
      "Fn", "AWS::Lambda::Function",
      Value::Map{{"Code", Value::map({{"S3Bucket", code.bucketName()}, {"S3Key", Value(code.objectKey())}})},
                 {"Environment", Value::map({{"Variables", Value::map({{"B", bucket.ref()}})}})}});
  app.synth();
}

fs::path freshDir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / name;
  fs::remove_all(d);
  return d;
}

}  // namespace

TEST(Assembly, ManifestHasTheShapeTheCliReads) {
  const auto out = freshDir("hc-asm-shape");
  synthApp(out, true);
  const auto m = readJson(out / "manifest.json");
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
  const auto assets = readJson(out / "heliocloudRegistryD345BE88.assets.json");
  const std::string assetHash = "847456fa5f290c55e3e569e663bd3dde040ea60b1ebb395496f50701a9f8cf62";
  ASSERT_TRUE(assets["files"].contains(assetHash));
  EXPECT_EQ(assets["files"][assetHash]["source"]["packaging"], "zip");
  EXPECT_TRUE(fs::exists(out / ("asset." + assetHash) / "sub" / "plain.txt"));
  const auto tpl = readJson(out / "heliocloudRegistryD345BE88.template.json");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Key"], assetHash + ".zip");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Bucket"],
            "cdk-hnb659fds-assets-123456789012-us-east-1");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Metadata"]["aws:cdk:path"], "heliocloud/Registry/Fn");
  EXPECT_EQ(tpl["Parameters"]["BootstrapVersion"]["Type"], "AWS::SSM::Parameter::Value<String>");
  EXPECT_TRUE(tpl["Rules"].contains("CheckBootstrapVersion"));
}

TEST(Assembly, AgnosticStacksUsePseudoParameters) {
  const auto out = freshDir("hc-asm-agnostic");
  synthApp(out, false);
  const auto m = readJson(out / "manifest.json");
  EXPECT_EQ(m["artifacts"]["heliocloudBase8F34CA3B"]["environment"], "aws://unknown-account/unknown-region");
  const auto tpl = readJson(out / "heliocloudRegistryD345BE88.template.json");
  EXPECT_EQ(tpl["Resources"]["Fn"]["Properties"]["Code"]["S3Bucket"].dump(),
            R"({"Fn::Sub":"cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"})");
}

TEST(Assembly, OutputIsByteIdenticalForTheSameInput) {
  const auto a = freshDir("hc-asm-det-a");
  const auto b = freshDir("hc-asm-det-b");
  synthApp(a, true);
  synthApp(b, true);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(read(e.path()), read(b / fs::relative(e.path(), a))) << e.path();
  }
  EXPECT_GE(files, 6U);
}

TEST(Assembly, StaleFilesGoLocksStay) {
  const auto out = freshDir("hc-asm-stale");
  synthApp(out, true);
  std::ofstream(out / "oldStack.template.json") << "{}";
  std::ofstream(out / "synth.lock") << "";
  synthApp(out, true);
  EXPECT_FALSE(fs::exists(out / "oldStack.template.json"));
  EXPECT_TRUE(fs::exists(out / "synth.lock"));
  EXPECT_TRUE(fs::exists(out / "manifest.json"));
}

TEST(Assembly, RefusesToClearADirectoryThatIsNotAnAssembly) {
  const auto out = freshDir("hc-asm-foreign");
  fs::create_directories(out);
  std::ofstream(out / "precious.txt") << "keep me";
  EXPECT_THROW(synthApp(out, true), std::runtime_error);
  EXPECT_TRUE(fs::exists(out / "precious.txt"));
}

TEST(Assembly, VersionFollowsAnOlderCli) {
  EXPECT_EQ(assemblyVersion(0), "55.0.0");
  EXPECT_EQ(assemblyVersion(55), "55.0.0");
  EXPECT_EQ(assemblyVersion(60), "55.0.0");
  EXPECT_EQ(assemblyVersion(48), "48.0.0");
}
