#include "construct/logical_id.h"

#include <gtest/gtest.h>

using heliocloud::construct::makeUniqueId;

// Expected values are aws-cdk-lib 2.276 output (../shared/docs/cdk-cloud-assembly.md §1).
TEST(LogicalId, StackArtifactIdsMatchAwsCdkLib) {
  EXPECT_EQ(makeUniqueId({"heliocloud", "Base"}), "heliocloudBase8F34CA3B");
  EXPECT_EQ(makeUniqueId({"heliocloud", "Registry"}), "heliocloudRegistryD345BE88");
}

TEST(LogicalId, ResourceIdsHideResourceButHashIt) {
  EXPECT_EQ(makeUniqueId({"DataBucket", "Resource"}), "DataBucketE3889A50");
  EXPECT_EQ(makeUniqueId({"RegistryFn", "ServiceRole", "DefaultPolicy", "Resource"}),
            "RegistryFnServiceRoleDefaultPolicy1CDCEC45");
}

TEST(LogicalId, ExportOutputIds) {
  EXPECT_EQ(makeUniqueId({"Exports", R"(Output{"Fn::GetAtt":["DataBucketE3889A50","Arn"]})"}),
            "ExportsOutputFnGetAttDataBucketE3889A50Arn98F8399F");
}

TEST(LogicalId, SingleComponentIsUsedAsIs) {
  EXPECT_EQ(makeUniqueId({"CDKMetadata"}), "CDKMetadata");
  EXPECT_EQ(makeUniqueId({"My-Output_1"}), "MyOutput1");
}

TEST(LogicalId, DefaultIsInvisible) {
  EXPECT_EQ(makeUniqueId({"CDKMetadata", "Default"}), "CDKMetadata");
  EXPECT_EQ(makeUniqueId({"DataBucket", "Default", "Resource"}), makeUniqueId({"DataBucket", "Resource"}));
}

TEST(LogicalId, RepeatedSuffixComponentsAreDroppedFromTheHumanPart) {
  const auto id = makeUniqueId({"Bucket", "Bucket", "Resource"});
  EXPECT_EQ(id.substr(0, id.size() - 8), "Bucket");
  EXPECT_NE(id, makeUniqueId({"Bucket", "Resource"}));  // the hash still sees both
}

TEST(LogicalId, HumanPartIsCutAt240) {
  const std::string longId(300, 'a');
  EXPECT_EQ(makeUniqueId({longId, "x"}).size(), 248U);
}

TEST(LogicalId, EmptyPathIsAnError) {
  EXPECT_THROW(makeUniqueId({"Default"}), std::invalid_argument);
}
