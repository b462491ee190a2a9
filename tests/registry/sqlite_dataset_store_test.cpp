#include "registry/sqlite_dataset_store.h"

#include <gtest/gtest.h>

#include "local_world.h"

namespace heliocloud::registry {
namespace {

DatasetRecord record(const std::string& id, const std::string& title) {
  DatasetRecord r;
  r.id = id;
  r.index = {.bucket = "helio-public", .folder = id};
  r.title = title;
  r.start = parse_time("2015-09-01T12:11:14.5Z");
  r.stop = parse_time("2016-09-01T00:00:00Z");
  r.modification = now_utc();
  r.file_types = {"cdf"};
  r.fraction_digits = 3;
  r.extra_columns = {"checksum"};
  r.metadata = nlohmann::ordered_json::parse(R"({"about": "https://x", "zeta": [1, 2]})");
  return r;
}

TEST(SqliteDatasetStore, ConditionalPutsAreVersioned) {
  test::LocalWorld w;
  auto& s = *w.records;
  EXPECT_FALSE(s.get("MMS"));
  EXPECT_TRUE(s.put_if_version(record("MMS", "v1"), 0));
  EXPECT_FALSE(s.put_if_version(record("MMS", "again"), 0));  // already exists
  auto got = s.get("MMS");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 1U);
  auto expected = record("MMS", "v1");
  expected.modification = got->record.modification;
  EXPECT_EQ(got->record, expected);  // every field survives the round trip
  EXPECT_EQ(got->record.title, "v1");
  EXPECT_EQ(got->record.metadata["zeta"][1], 2);
  EXPECT_TRUE(s.put_if_version(record("MMS", "v2"), 1));
  EXPECT_FALSE(s.put_if_version(record("MMS", "stale"), 1));  // lost the race: nothing written
  EXPECT_EQ(s.get("MMS")->record.title, "v2");
  EXPECT_EQ(s.get("MMS")->version, 2U);
  EXPECT_TRUE(s.put_if_version(record("ABC", "a"), 0));
  const auto all = s.list();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].record.id, "ABC");
}

TEST(SqliteDatasetStore, LeasesExcludeOthersUntilReleasedOrExpired) {
  test::LocalWorld w;
  SqliteDatasetStore other(w.db_path());  // a second process
  auto& s = *w.records;
  EXPECT_TRUE(s.try_acquire_lease("MMS", "a", std::chrono::seconds(60)));
  EXPECT_TRUE(s.try_acquire_lease("MMS", "a", std::chrono::seconds(60)));  // re-entrant for its owner
  EXPECT_FALSE(other.try_acquire_lease("MMS", "b", std::chrono::seconds(60)));
  EXPECT_TRUE(other.try_acquire_lease("ABC", "b", std::chrono::seconds(60)));  // per dataset
  other.release_lease("MMS", "b");                                             // not b's: no effect
  EXPECT_FALSE(other.try_acquire_lease("MMS", "b", std::chrono::seconds(60)));
  s.release_lease("MMS", "a");
  EXPECT_TRUE(other.try_acquire_lease("MMS", "b", std::chrono::seconds(-5)));  // taken, already expired
  EXPECT_TRUE(s.try_acquire_lease("MMS", "a", std::chrono::seconds(60)));      // so it can be taken over
}

TEST(SqliteDatasetStore, JobsAreKeptListedNewestFirstAndRoundTrip) {
  test::LocalWorld w;
  JobProgress a;
  a.job = "s3://uploads/a/";
  a.state = JobState::Waiting;
  a.started = parse_time("2026-01-01T00:00:00.5Z");
  a.updated = parse_time("2026-01-01T00:01:00Z");
  a.runs = 2;
  a.datasets.push_back({.id = "MMS",
                        .manifest_hash = manifest_hash("x"),
                        .files_total = 10,
                        .rows_done = 4,
                        .bytes_total = 100,
                        .bytes_done = 40,
                        .error = "oops"});
  JobProgress b = a;
  b.job = "s3://uploads/b/";
  b.state = JobState::Published;
  b.updated = parse_time("2026-01-02T00:00:00Z");
  b.finished = b.updated;
  w.records->put_job(a);
  w.records->put_job(b);
  EXPECT_EQ(w.records->get_job("s3://uploads/a/"), a);
  EXPECT_FALSE(w.records->get_job("s3://uploads/c/"));
  const auto jobs = w.records->list_jobs();
  ASSERT_EQ(jobs.size(), 2U);
  EXPECT_EQ(jobs[0], b);
  EXPECT_EQ(jobs[1].files_done(), 4U);
  a.runs = 3;
  w.records->put_job(a);  // replaced, not added
  EXPECT_EQ(w.records->get_job("s3://uploads/a/")->runs, 3);
  EXPECT_EQ(w.records->list_jobs().size(), 2U);
  EXPECT_NE(manifest_hash("x"), manifest_hash("y"));
  EXPECT_EQ(manifest_hash(""), "cbf29ce484222325");  // FNV-1a's offset basis: the same in every build
}

TEST(SqliteDatasetStore, LeaseHolderNamesTheOwner) {
  test::LocalWorld w;
  EXPECT_FALSE(w.records->lease_holder("MMS"));
  ASSERT_TRUE(w.records->try_acquire_lease("MMS", "me", std::chrono::seconds(60)));
  EXPECT_EQ(w.records->lease_holder("MMS"), "me");
  w.records->release_lease("MMS", "me");
  EXPECT_FALSE(w.records->lease_holder("MMS"));
}

}  // namespace
}  // namespace heliocloud::registry
