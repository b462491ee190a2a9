// The import of what the original platform published, on the local-directory store and SQLite: dry run,
// apply, the CloudCatalog client's read-back, idempotence, backups, and every line it cannot convert.
#include "registry/import/import_service.h"

#include <gtest/gtest.h>

#include "cloudcatalog_reader.h"
#include "local_world.h"
#include "original_tree.h"
#include "registry/catalog_service.h"
#include "test_data.h"

namespace heliocloud::registry {
namespace {

using test::LocalWorld;

class Import : public ::testing::Test {
 protected:
  void SetUp() override { test::publish_as_original(*w_.objects, "helio-public", {test::original_mms()}); }

  ImportResult run(bool apply, const std::string& stamp = "2026-12-02T10:00:00Z") const {
    ImportService service(*w_.objects, *w_.records, w_.settings, {.apply = apply, .now = parse_time(stamp)});
    return service.run();
  }

  // Every object of the bucket and its bytes.
  std::map<std::string, std::string> snapshot(const std::string& bucket = "helio-public") const {
    std::map<std::string, std::string> out;
    for (const auto& o : w_.objects->list(bucket, "")) out[o.key] = *w_.objects->get(bucket, o.key);
    return out;
  }

  LocalWorld w_;
};

TEST_F(Import, DryRunWritesNothingAndSaysWhatItWouldChange) {
  const auto before = snapshot();
  const auto result = run(false);
  EXPECT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_FALSE(result.applied);
  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(w_.records->list().empty());
  std::vector<std::string> objects;
  for (const auto& c : result.changes) {
    objects.push_back(c.uri);
    EXPECT_EQ(c.action, "rewrite");
    EXPECT_TRUE(c.backup.starts_with("s3://helio-public/.heliocloud-import-backup/20261202T100000Z/"))
        << c.backup;
  }
  EXPECT_EQ(objects, (std::vector<std::string>{"s3://helio-public/MMS/MMS_2015.csv",
                                               "s3://helio-public/MMS/MMS_2016.csv",
                                               "s3://helio-public/catalog.json"}));
  ASSERT_EQ(result.datasets.size(), 1U);
  EXPECT_EQ(result.datasets[0].record, "created");
  EXPECT_EQ(result.datasets[0].rows, 4U);
}

TEST_F(Import, ApplyRewritesInCloudCatalog11ThatTheClientReads) {
  const auto before = snapshot();
  const auto result = run(true);
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);

  test::CloudCatalogReader client(*w_.objects, "helio-public");
  const auto& entry = client.entry("MMS");
  EXPECT_EQ(entry.at("index"), "s3://helio-public/MMS/");
  EXPECT_EQ(entry.at("start"), "2015-09-01T12:11:14Z");
  EXPECT_EQ(entry.at("stop"), "2016-09-01T17:45:00Z");
  EXPECT_EQ(entry.at("filetype"), "cdf");
  EXPECT_EQ(entry.at("about"), "https://www.nasa.gov");
  EXPECT_EQ(entry.at("creation"), "2015-09-01T00:00:00Z");
  EXPECT_FALSE(entry.contains("dataset_id"));
  EXPECT_FALSE(entry.contains("verified"));                   // nulls are omitted
  EXPECT_EQ(client.catalog().at("name"), "Test HelioCloud");  // the instance's settings win
  const auto rows = client.request("MMS", "2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].datakey,
            "s3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf");
  EXPECT_EQ(rows[0].filesize, 4641U);
  EXPECT_EQ(rows[0].stop, rows[0].start);  // the original wrote no stop column
  EXPECT_EQ(client.headers(), (std::set<std::string>{"# start, stop, datakey, filesize"}));

  // Each rewritten object's old bytes are kept under the run's backup folder.
  for (const std::string key : {"catalog.json", "MMS/MMS_2015.csv", "MMS/MMS_2016.csv"}) {
    EXPECT_EQ(*w_.objects->get("helio-public", ".heliocloud-import-backup/20261202T100000Z/" + key),
              before.at(key))
        << key;
  }
  const auto stored = w_.records->get("MMS");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->record.modification, parse_time("2026-12-02T10:00:00Z"));  // the original never set one
  EXPECT_EQ(stored->record.file_types, std::vector<std::string>{"cdf"});
}

TEST_F(Import, ASecondImportChangesNothing) {
  ASSERT_TRUE(run(true).ok());
  const auto after_first = snapshot();
  const auto version = w_.records->get("MMS")->version;
  const auto second = run(true, "2026-12-03T10:00:00Z");
  EXPECT_TRUE(second.ok()) << second.to_json().dump(2);
  EXPECT_TRUE(second.changes.empty()) << second.to_json().dump(2);
  ASSERT_EQ(second.datasets.size(), 1U);
  EXPECT_EQ(second.datasets[0].record, "unchanged");
  EXPECT_EQ(snapshot(), after_first);
  EXPECT_EQ(w_.records->get("MMS")->version, version);
  // And our own cataloger agrees with the imported catalog.json byte for byte.
  EXPECT_TRUE(CatalogService(*w_.objects, *w_.records, w_.settings).update().ok());
  EXPECT_EQ(snapshot(), after_first);
}

TEST_F(Import, LinesItCannotConvertAreReportedByLineAndLeftAsTheyAre) {
  const std::string bad =
      "# startDate, key, size\n"
      "'2015-09-01 12:11:14+00:00','s3://helio-public/MMS/a.cdf','1'\n"
      "'yesterday','s3://helio-public/MMS/b.cdf','2'\n"
      "'2015-09-02 00:00:00+00:00','s3://helio-public/MMS/c.cdf','many'\n";
  w_.objects->put("helio-public", "MMS/MMS_2015.csv", bad, "text/csv");
  const auto before = snapshot();
  const auto result = run(true);
  EXPECT_FALSE(result.ok());
  std::vector<std::string> where;
  for (const auto& p : result.unconverted) where.push_back(p.where);
  EXPECT_EQ(where, (std::vector<std::string>{"s3://helio-public/MMS/MMS_2015.csv:3",
                                             "s3://helio-public/MMS/MMS_2015.csv:4",
                                             "s3://helio-public/catalog.json"}));
  EXPECT_NE(result.unconverted[1].message.find("filesize"), std::string::npos);
  EXPECT_EQ(snapshot(), before);  // nothing of a dataset with unreadable lines is rewritten
  EXPECT_FALSE(w_.records->get("MMS"));
}

TEST_F(Import, FilesOurIngestWouldRejectAreReportedAndKept) {
  w_.objects->put("helio-public", "MMS/MMS_2015.csv",
                  "# startDate, key, size\n"
                  "'2015-09-01 12:11:14+00:00','s3://helio-public/MMS/gone.cdf','1'\n"
                  "'2015-09-01 13:00:00+00:00','s3://helio-public/MMS/short.cdf','10'\n"
                  "'2015-09-01 14:00:00+00:00','s3://helio-public/MMS/notes.docx','3'\n"
                  "'2015-09-01 14:00:00+00:00','s3://helio-public/MMS/notes.docx','3'\n",
                  "text/csv");
  w_.objects->put("helio-public", "MMS/short.cdf", "12345", "application/octet-stream");
  w_.objects->put("helio-public", "MMS/notes.docx", "abc", "application/octet-stream");
  const auto result = run(true);
  EXPECT_TRUE(result.ok()) << result.to_json().dump(2);
  std::vector<std::string> rejected;
  for (const auto& p : result.rejected) rejected.push_back(p.where + " " + p.message);
  EXPECT_EQ(
      rejected,
      (std::vector<std::string>{
          "s3://helio-public/MMS/MMS_2015.csv:2 MMS/gone.cdf: no such object in the bucket",
          "s3://helio-public/MMS/MMS_2015.csv:3 MMS/short.cdf: size 10 in the index, 5 in the bucket",
          "s3://helio-public/MMS/MMS_2015.csv:4 MMS/notes.docx: the extension is not a CloudCatalog file "
          "type",
          "s3://helio-public/MMS/MMS_2015.csv:5 s3://helio-public/MMS/notes.docx is listed again "
          "(first at s3://helio-public/MMS/MMS_2015.csv:4)"}));
  // Kept (once) in the rewritten index.
  EXPECT_EQ(*w_.objects->get("helio-public", "MMS/MMS_2015.csv"),
            "# start, stop, datakey, filesize\n"
            "2015-09-01T12:11:14Z,2015-09-01T12:11:14Z,s3://helio-public/MMS/gone.cdf,1\n"
            "2015-09-01T13:00:00Z,2015-09-01T13:00:00Z,s3://helio-public/MMS/short.cdf,10\n"
            "2015-09-01T14:00:00Z,2015-09-01T14:00:00Z,s3://helio-public/MMS/notes.docx,3\n");
}

TEST_F(Import, PruneBackupsListsThenDeletesOnlyTheBackups) {
  ASSERT_TRUE(run(true).ok());
  const auto with_backups = snapshot();
  ImportService dry(*w_.objects, *w_.records, w_.settings, {.apply = false});
  const auto listed = dry.prune_backups();
  EXPECT_EQ(listed.changes.size(), 3U);
  EXPECT_EQ(snapshot(), with_backups);
  ImportService apply(*w_.objects, *w_.records, w_.settings, {.apply = true});
  EXPECT_TRUE(apply.prune_backups().ok());
  auto expected = with_backups;
  std::erase_if(expected, [](const auto& kv) { return kv.first.starts_with(kImportBackupPrefix); });
  EXPECT_EQ(snapshot(), expected);
}

// The original's 0.1-era test catalog (platform-registry/registry/catalog.json: `loc`, `startdate`, no index)
// cannot be converted: every entry is reported, nothing is written.
TEST_F(Import, TheOriginalsOlderCatalogFormatIsReportedEntryByEntry) {
  w_.objects->put("helio-empty", "catalog.json", test::fixture("original/catalog-0.1.json"),
                  "application/json");
  const auto before = snapshot("helio-empty");
  const auto result = run(true);
  EXPECT_FALSE(result.ok());
  std::size_t about_empty = 0;
  for (const auto& p : result.unconverted) {
    if (p.where.find("helio-empty") != std::string::npos) ++about_empty;
  }
  EXPECT_GT(about_empty, 10U);
  EXPECT_EQ(snapshot("helio-empty"), before);
  EXPECT_TRUE(w_.records->get("MMS"));  // the other bucket was imported
}

}  // namespace
}  // namespace heliocloud::registry
