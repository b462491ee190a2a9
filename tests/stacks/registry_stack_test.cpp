#include <gtest/gtest.h>

#include <set>

#include "stack_test_support.h"

using nlohmann::json;

namespace {

heliocloud::config::InstanceConfig registry(const std::string& name) {
  auto config = instance(name);
  config.enabled.registry = true;
  config.registry.dataset_bucket_names = {"bucket1", "bucket2"};
  config.registry.ingest_bucket_name = "ingest";
  config.registry.catalog = {.name = "Helio", .contact = "helio@example.org"};
  return config;
}

const json& bucket_named(const Template& tpl, const std::string& name) {
  for (const auto& [id, r] : tpl.find_resources("AWS::S3::Bucket", {{"BucketName", name}}))
    return tpl.resources()[id];
  throw std::runtime_error("no bucket " + name);
}

// The actions the role of the function with `handler` has on `resource` (JSON text of the resource).
std::set<std::string> actions_on(const Template& tpl, const std::string& policy_prefix,
                                 const json& resource) {
  std::set<std::string> out;
  for (const auto& [id, policy] : tpl.find_resources("AWS::IAM::Policy")) {
    if (!id.starts_with(policy_prefix)) continue;
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
      const json resources = st["Resource"].is_array() ? st["Resource"] : json::array({st["Resource"]});
      const json actions = st["Action"].is_array() ? st["Action"] : json::array({st["Action"]});
      for (const auto& r : resources)
        if (r == resource)
          for (const auto& a : actions) out.insert(a.get<std::string>());
    }
  }
  return out;
}

json arn_of(const Template& tpl, const std::string& bucket) {
  return {{"Fn::GetAtt", {tpl.logical_id_of("AWS::S3::Bucket", {{"BucketName", bucket}}), "Arn"}}};
}

json objects_of(const Template& tpl, const std::string& bucket) {
  return {{"Fn::Join", {"", {arn_of(tpl, bucket), "/*"}}}};
}

}  // namespace

TEST(RegistryStack, IngestBucketIsDeletedDatasetBucketsRetainedByDefault) {
  const auto s = synth(registry("reg"));
  const auto& t = s.stack("reg/Registry");
  EXPECT_EQ(bucket_named(t, "ingest")["DeletionPolicy"], "Delete");
  EXPECT_EQ(bucket_named(t, "bucket1")["DeletionPolicy"], "Retain");
  EXPECT_EQ(bucket_named(t, "bucket2")["DeletionPolicy"], "Retain");
  EXPECT_EQ(t.only("AWS::DynamoDB::Table")["DeletionPolicy"], "Retain");
  // The ingest bucket is emptied by the provider before CloudFormation deletes it.
  const auto empties = t.find_resources("Custom::EmptyBucket");
  ASSERT_EQ(empties.size(), 1U);
  EXPECT_EQ(bucket_named(t, "ingest")["Properties"]["LifecycleConfiguration"]["Rules"][0]
                                     ["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"],
            7);
}

TEST(RegistryStack, DestroyOnRemovalDeletesEverything) {
  auto config = registry("regd");
  config.registry.destroy_on_removal = true;
  const auto s = synth(config);
  const auto& t = s.stack("regd/Registry");
  EXPECT_EQ(bucket_named(t, "bucket1")["DeletionPolicy"], "Delete");
  EXPECT_EQ(t.only("AWS::DynamoDB::Table")["DeletionPolicy"], "Delete");
  EXPECT_EQ(t.find_resources("Custom::EmptyBucket").size(), 3U);
}

TEST(RegistryStack, EmptyingResourcesKeepTheLogicalIdsOfDeployedStacks) {
  // The ids the stack gave them before buckets emptied themselves: deleting the old resource under a new id
  // would empty the bucket during an update.
  auto config = registry("ids");
  config.registry.destroy_on_removal = true;
  const auto s = synth(config);
  std::set<std::string> ids;
  for (const auto& [id, r] : s.stack("ids/Registry").find_resources("Custom::EmptyBucket")) ids.insert(id);
  EXPECT_EQ(ids, (std::set<std::string>{"IngestBucketEmptyF3F05EBA", "bucket1emptyondeleteA7482579",
                                        "bucket2emptyondeleteBDE52629"}));
}

TEST(RegistryStack, OnlyDatasetBucketsAreAnonymouslyReadable) {
  const auto s = synth(registry("pub"));
  const auto& t = s.stack("pub/Registry");
  std::size_t anonymous_gets = 0;
  for (const auto& [id, policy] : t.find_resources("AWS::S3::BucketPolicy")) {
    const std::string bucket_ref = policy["Properties"]["Bucket"]["Ref"];
    const std::string bucket_name = t.resources()[bucket_ref]["Properties"].value("BucketName", "");
    for (const auto& st : policy["Properties"]["PolicyDocument"]["Statement"]) {
      if (st["Effect"] == "Allow" && st["Principal"] == json({{"AWS", "*"}})) {
        EXPECT_EQ(st["Action"], "s3:GetObject");
        EXPECT_NE(bucket_name, "ingest");
        ++anonymous_gets;
      }
    }
  }
  EXPECT_EQ(anonymous_gets, 2U);
  EXPECT_EQ(bucket_named(t, "bucket1")["Properties"]["OwnershipControls"]["Rules"][0]["ObjectOwnership"],
            "BucketOwnerEnforced");
  EXPECT_EQ(bucket_named(t, "ingest")["Properties"]["PublicAccessBlockConfiguration"]["BlockPublicPolicy"],
            true);
}

TEST(RegistryStack, NoIamStatementUsesAWildcardResource) {
  const auto s = synth(registry("iam"));
  const auto all = policy_statements(s.stack("iam/Registry"));
  EXPECT_GE(all.size(), 5U);
  for (const auto& st : all) {
    EXPECT_NE(st["Resource"], "*") << st.dump();
    if (st["Resource"].is_array()) {
      for (const auto& r : st["Resource"]) EXPECT_NE(r, "*") << st.dump();
    }
  }
}

TEST(RegistryStack, EachRoleHasExactlyTheActionsItsServiceUses) {
  const auto s = synth(registry("least"));
  const auto& t = s.stack("least/Registry");
  using Actions = std::set<std::string>;
  const Actions ingest{"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"};
  const Actions datasets{"s3:GetObject",
                         "s3:PutObject",
                         "s3:ListBucket",
                         "s3:GetBucketLocation",
                         "s3:AbortMultipartUpload",
                         "s3:ListMultipartUploadParts"};
  for (const auto& r : {arn_of(t, "ingest"), objects_of(t, "ingest")})
    EXPECT_EQ(actions_on(t, "IngesterServiceRole", r), ingest) << r.dump();
  for (const auto* b : {"bucket1", "bucket2"})
    for (const auto& r : {arn_of(t, b), objects_of(t, b)}) {
      EXPECT_EQ(actions_on(t, "IngesterServiceRole", r), datasets) << r.dump();
      EXPECT_EQ(actions_on(t, "CatalogerServiceRole", r),
                (Actions{"s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"}))
          << r.dump();
    }
  const json table = {{"Fn::GetAtt", {t.logical_id_of("AWS::DynamoDB::Table", json::object()), "Arn"}}};
  EXPECT_EQ(actions_on(t, "IngesterServiceRole", table),
            (Actions{"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                     "dynamodb:ConditionCheckItem"}));
  EXPECT_EQ(actions_on(t, "CatalogerServiceRole", table), (Actions{"dynamodb:Scan", "dynamodb:GetItem"}));
  EXPECT_TRUE(actions_on(t, "CatalogerServiceRole", arn_of(t, "ingest")).empty());
  // The provider empties the ingest bucket and switches requester pays on the dataset buckets.
  EXPECT_EQ(actions_on(t, "CustomResourceProviderServiceRole", objects_of(t, "ingest")),
            (Actions{"s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads",
                     "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectVersion"}));
  EXPECT_EQ(actions_on(t, "CustomResourceProviderServiceRole", arn_of(t, "bucket1")),
            (Actions{"s3:PutBucketRequestPayment", "s3:GetBucketRequestPayment"}));
  EXPECT_TRUE(actions_on(t, "CustomResourceProviderServiceRole", objects_of(t, "bucket1")).empty());
}

TEST(RegistryStack, FunctionsAsTheOriginalWithOurRuntime) {
  const auto s = synth(registry("fn"));
  const auto& t = s.stack("fn/Registry");
  int ingesters = 0;
  for (const auto& [id, f] : t.find_resources("AWS::Lambda::Function")) {
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
  EXPECT_EQ(t.count("AWS::Logs::LogGroup"), 3U);  // ingester, cataloger, provider
  for (const char* out : {"IngesterFunctionName", "CatalogerFunctionName", "IngestBucketName",
                          "DatasetBucketNames", "DatasetTableName"})
    EXPECT_TRUE(t.outputs().contains(out)) << out;
}

TEST(RegistryStack, TheIngesterMayInvokeItselfAndNothingElse) {
  const auto s = synth(registry("cont"));
  const auto& t = s.stack("cont/Registry");
  std::string ingester_name;
  for (const auto& [id, f] : t.find_resources("AWS::Lambda::Function")) {
    if (f["Properties"]["Handler"] == "ingest")
      ingester_name = f["Properties"]["FunctionName"].get<std::string>();
  }
  ASSERT_FALSE(ingester_name.empty()) << "the Ingester needs a name of its own for its ARN";
  EXPECT_LE(ingester_name.size(), 64U);
  // The ARN is written from the name and pseudo parameters: a Ref or GetAtt of the function would make the
  // function depend on its own role's policy and the policy on the function.
  const json own_arn = {{"Fn::Join",
                         {"",
                          {"arn:",
                           {{"Ref", "AWS::Partition"}},
                           ":lambda:",
                           {{"Ref", "AWS::Region"}},
                           ":",
                           {{"Ref", "AWS::AccountId"}},
                           ":function:" + ingester_name}}}};
  EXPECT_EQ(actions_on(t, "IngesterServiceRole", own_arn), (std::set<std::string>{"lambda:InvokeFunction"}));
  for (const auto& st : policy_statements(t)) {
    const auto text = st.dump();
    if (text.find("lambda:InvokeFunction") == std::string::npos) continue;
    EXPECT_EQ(st["Resource"], own_arn) << text;
  }
  EXPECT_TRUE(actions_on(t, "CatalogerServiceRole", own_arn).empty());
}

TEST(RegistryStack, RequesterPaysFollowsTheConfig) {
  const auto on = synth(registry("rp1"));
  for (const auto& [id, r] : on.stack("rp1/Registry").find_resources("Custom::RequesterPays"))
    EXPECT_EQ(r["Properties"]["Enabled"], "true");
  EXPECT_EQ(on.stack("rp1/Registry").find_resources("Custom::RequesterPays").size(), 2U);
  auto config = registry("rp0");
  config.registry.requester_pays = false;
  const auto off = synth(config);
  for (const auto& [id, r] : off.stack("rp0/Registry").find_resources("Custom::RequesterPays"))
    EXPECT_EQ(r["Properties"]["Enabled"], "false");
}

TEST(RegistryStack, IgnoredOriginalKeysAreWarnedAbout) {
  auto config = registry("ign");
  config.registry.ignored_keys = {"registry.layers.pandas"};
  EXPECT_NE(synth(config).warnings().find("registry.layers.pandas configured the original"),
            std::string::npos);
}
