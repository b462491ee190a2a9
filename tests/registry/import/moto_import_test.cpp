// The import on S3 + DynamoDB (moto): the original's published bucket, imported through the real wire
// protocols, read back by the CloudCatalog client; a second import changes nothing.
#include <gtest/gtest.h>

#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "cloudcatalog_reader.h"
#include "moto_support.h"
#include "original_tree.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/import/import_service.h"

namespace heliocloud::registry {
namespace {

using heliocloud::aws::testing::moto_config;

TEST(MotoImport, OriginalBucketIsImportedReadableAndASecondImportChangesNothing) {
  aws::S3Client s3(moto_config());
  aws::DynamoDbClient dynamo(moto_config());
  S3ObjectStore objects(s3);
  const auto bucket = heliocloud::aws::testing::unique_name("helio-orig");
  const auto table = heliocloud::aws::testing::unique_name("registry");
  s3.create_bucket(bucket);
  dynamo.create_table(table, {.name = "id", .type = "S"});
  DynamoDbDatasetStore records(dynamo, table);
  test::publish_as_original(objects, bucket, {test::original_mms()});
  RegistrySettings settings;
  settings.dataset_buckets = {bucket};
  settings.requester_pays = true;

  const auto dry = ImportService(objects, records, settings, {.apply = false}).run();
  ASSERT_TRUE(dry.ok()) << dry.to_json().dump(2);
  EXPECT_EQ(dry.changes.size(), 3U);
  EXPECT_TRUE(records.list().empty());

  const auto applied =
      ImportService(objects, records, settings, {.apply = true, .now = parse_time("2026-12-02T10:00:00Z")})
          .run();
  ASSERT_TRUE(applied.ok()) << applied.to_json().dump(2);
  EXPECT_EQ(applied.changes.size(), 3U);

  test::CloudCatalogReader client(objects, bucket);
  // No name or contact in the settings: the original's are kept.
  EXPECT_EQ(client.catalog().at("name"), "Dr. Helio Cloud");
  EXPECT_EQ(client.catalog().at("egress"), "user-pays");
  const auto rows = client.request("MMS", "2016-01-01T00:00:00Z", "2017-01-01T00:00:00Z");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].filesize, 297U);
  EXPECT_TRUE(objects.get(bucket, ".heliocloud-import-backup/20261202T100000Z/catalog.json"));

  const auto second =
      ImportService(objects, records, settings, {.apply = true, .now = parse_time("2026-12-03T10:00:00Z")})
          .run();
  EXPECT_TRUE(second.ok());
  EXPECT_TRUE(second.changes.empty()) << second.to_json().dump(2);
  ASSERT_EQ(second.datasets.size(), 1U);
  EXPECT_EQ(second.datasets[0].record, "unchanged");
}

}  // namespace
}  // namespace heliocloud::registry
