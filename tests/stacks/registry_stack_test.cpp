#include <gtest/gtest.h>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

const char* kRegistry =
    "enabled: {registry: True}\n"
    "registry:\n  datasetBucketNames: [bucket1, bucket2]\n  ingestBucketName: ingest\n"
    "  catalog: {name: Helio, contact: helio@example.org}\n";

const json& bucketNamed(const json& tpl, const std::string& name) {
  for (const auto& [id, r] : tpl["Resources"].items())
    if (r["Type"] == "AWS::S3::Bucket" && r["Properties"].value("BucketName", "") == name) return r;
  throw std::runtime_error("no bucket " + name);
}

// Every IAM statement of the template (inline and managed policies).
std::vector<json> statements(const json& tpl) {
  std::vector<json> out;
  for (const auto& type : {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"})
    for (const auto& [id, r] : ofType(tpl, type))
      for (const auto& st : r["Properties"]["PolicyDocument"]["Statement"]) out.push_back(st);
  return out;
}

}  // namespace

TEST(RegistryStack, IngestBucketIsDeletedDatasetBucketsRetainedByDefault) {
  const auto t = synth("reg", kRegistry).stack("reg/Registry");
  EXPECT_EQ(bucketNamed(t, "ingest")["DeletionPolicy"], "Delete");
  EXPECT_EQ(bucketNamed(t, "bucket1")["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucketNamed(t, "bucket2")["DeletionPolicy"], "Retain");
  EXPECT_EQ(firstOfType(t, "AWS::DynamoDB::Table")["DeletionPolicy"], "Retain");
  // The ingest bucket is emptied by the provider before CloudFormation deletes it.
  const auto empties = ofType(t, "Custom::EmptyBucket");
  ASSERT_EQ(empties.size(), 1U);
  EXPECT_EQ(bucketNamed(t, "ingest")["Properties"]["LifecycleConfiguration"]["Rules"][0]
                                    ["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"],
            7);
}

TEST(RegistryStack, DestroyOnRemovalDeletesEverything) {
  const auto t = synth("regd", std::string(kRegistry) + "  destroyOnRemoval: True\n").stack("regd/Registry");
  EXPECT_EQ(bucketNamed(t, "bucket1")["DeletionPolicy"], "Delete");
  EXPECT_EQ(firstOfType(t, "AWS::DynamoDB::Table")["DeletionPolicy"], "Delete");
  EXPECT_EQ(ofType(t, "Custom::EmptyBucket").size(), 3U);
}

TEST(RegistryStack, OnlyDatasetBucketsAreAnonymouslyReadable) {
  const auto t = synth("pub", kRegistry).stack("pub/Registry");
  std::size_t anonymousGets = 0;
  for (const auto& [id, policy] : ofType(t, "AWS::S3::BucketPolicy")) {
    const std::string bucketRef = policy["Properties"]["Bucket"]["Ref"];
    const std::string bucketName = t["Resources"][bucketRef]["Properties"].value("BucketName", "");
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
      if (st["Effect"] == "Allow" && st["Principal"] == json({{"AWS", "*"}})) {
        EXPECT_EQ(st["Action"], "s3:GetObject");
        EXPECT_NE(bucketName, "ingest");
        ++anonymousGets;
      }
    }
  }
  EXPECT_EQ(anonymousGets, 2U);
  EXPECT_EQ(bucketNamed(t, "bucket1")["Properties"]["OwnershipControls"]["Rules"][0]["ObjectOwnership"],
            "BucketOwnerEnforced");
  EXPECT_EQ(bucketNamed(t, "ingest")["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicPolicy"],
            true);
}

TEST(RegistryStack, NoIamStatementUsesAWildcardResource) {
  const auto t = synth("iam", kRegistry).stack("iam/Registry");
  const auto all = statements(t);
  EXPECT_GE(all.size(), 5U);
  for (const auto& st : all) {
    EXPECT_NE(st["Resource"], "*") << st.dump();
    if (st["Resource"].is_array()) {
      for (const auto& r : st["Resource"]) EXPECT_NE(r, "*") << st.dump();
    }
  }
}

TEST(RegistryStack, FunctionsAsTheOriginalWithOurRuntime) {
  const auto t = synth("fn", kRegistry).stack("fn/Registry");
  int ingesters = 0;
  for (const auto& [id, f] : ofType(t, "AWS::Lambda::Function")) {
    const auto& p = f["Properties"];
    EXPECT_EQ(p["Runtime"], "provided.al2023");
    EXPECT_EQ(p["Timeout"], 900);
    EXPECT_TRUE(p.contains("LoggingConfig"));
    if (p["Handler"] == "ingest") {
      ++ingesters;
      EXPECT_EQ(p["MemorySize"], 1024);
      EXPECT_EQ(p["Environment"]["Variables"]["DATASET_BUCKETS"], "bucket1,bucket2");
      EXPECT_EQ(p["Environment"]["Variables"]["CATALOG_NAME"], "Helio");
    }
  }
  EXPECT_EQ(ingesters, 1);
  EXPECT_EQ(countType(t, "AWS::Logs::LogGroup"), 3U);  // ingester, cataloger, provider
  for (const char* out : {"IngesterFunctionName", "CatalogerFunctionName", "IngestBucketName",
                          "DatasetBucketNames", "DatasetTableName"})
    EXPECT_TRUE(t["Outputs"].contains(out)) << out;
}

TEST(RegistryStack, RequesterPaysFollowsTheConfig) {
  const auto on = synth("rp1", kRegistry).stack("rp1/Registry");
  for (const auto& [id, r] : ofType(on, "Custom::RequesterPays"))
    EXPECT_EQ(r["Properties"]["Enabled"], "true");
  EXPECT_EQ(ofType(on, "Custom::RequesterPays").size(), 2U);
  const auto off = synth("rp0", std::string(kRegistry) + "  requesterPays: False\n").stack("rp0/Registry");
  for (const auto& [id, r] : ofType(off, "Custom::RequesterPays"))
    EXPECT_EQ(r["Properties"]["Enabled"], "false");
}

TEST(RegistryStack, IgnoredOriginalKeysAreWarnedAbout) {
  const auto s =
      synth("ign", std::string(kRegistry) + "  layers: {pandas: 'arn:aws:lambda:us-east-1:1:layer:p:6'}\n");
  EXPECT_NE(s.manifest.dump().find("registry.layers.pandas configured the original"), std::string::npos);
}
