#include "base/unique_id.h"

#include <gtest/gtest.h>

using heliocloud::base::make_unique_id;
using heliocloud::base::remove_non_alphanumeric;

// Expected values are aws-cdk-lib 2.276 output (../shared/docs/cdk-cloud-assembly.md §1).
TEST(UniqueId, StackArtifactIdsMatchAwsCdkLib) {
  EXPECT_EQ(make_unique_id({"heliocloud", "Base"}), "heliocloudBase8F34CA3B");
  EXPECT_EQ(make_unique_id({"heliocloud", "Registry"}), "heliocloudRegistryD345BE88");
}

TEST(UniqueId, ResourceIdsHideResourceButHashIt) {
  EXPECT_EQ(make_unique_id({"DataBucket", "Resource"}), "DataBucketE3889A50");
  EXPECT_EQ(make_unique_id({"RegistryFn", "ServiceRole", "DefaultPolicy", "Resource"}),
            "RegistryFnServiceRoleDefaultPolicy1CDCEC45");
}

TEST(UniqueId, ExportOutputIds) {
  EXPECT_EQ(make_unique_id({"Exports", R"(Output{"Fn::GetAtt":["DataBucketE3889A50","Arn"]})"}),
            "ExportsOutputFnGetAttDataBucketE3889A50Arn98F8399F");
}

TEST(UniqueId, SingleComponentIsUsedAsIs) {
  EXPECT_EQ(make_unique_id({"CDKMetadata"}), "CDKMetadata");
  EXPECT_EQ(make_unique_id({"My-Output_1"}), "MyOutput1");
}

TEST(UniqueId, DefaultIsInvisible) {
  EXPECT_EQ(make_unique_id({"CDKMetadata", "Default"}), "CDKMetadata");
  EXPECT_EQ(make_unique_id({"DataBucket", "Default", "Resource"}),
            make_unique_id({"DataBucket", "Resource"}));
}

TEST(UniqueId, RepeatedSuffixComponentsAreDroppedFromTheHumanPart) {
  const auto id = make_unique_id({"Bucket", "Bucket", "Resource"});
  EXPECT_EQ(id.substr(0, id.size() - 8), "Bucket");
  EXPECT_NE(id, make_unique_id({"Bucket", "Resource"}));  // the hash still sees both
}

TEST(UniqueId, HumanPartIsCutAt240) {
  const std::string long_id(300, 'a');
  EXPECT_EQ(make_unique_id({long_id, "x"}).size(), 248U);
}

TEST(UniqueId, EmptyPathIsAnError) {
  EXPECT_THROW((void)make_unique_id({"Default"}), std::invalid_argument);
}

TEST(UniqueId, RemoveNonAlphanumericKeepsAsciiLettersAndDigitsOnly) {
  EXPECT_EQ(remove_non_alphanumeric(""), "");
  EXPECT_EQ(remove_non_alphanumeric("Registry Page-2_x"), "RegistryPage2x");
  EXPECT_EQ(remove_non_alphanumeric("caf\xC3\xA9"), "caf");  // UTF-8 letters are not ASCII
}
