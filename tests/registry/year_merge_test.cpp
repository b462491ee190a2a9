// The index merge runs year by year: an ingest reads, merges and writes one year file before it reads the
// next, so its memory holds one year of the dataset; the result is the same as merging the whole dataset at
// once.
#include <gtest/gtest.h>

#include <mutex>

#include "forwarding_store.h"
#include "local_world.h"
#include "registry/ingest_service.h"

namespace heliocloud::registry {
namespace {

using test::LocalWorld;

// Records the GETs and PUTs of index files ("get MMS_2015.csv", "put MMS_2015.csv"), in order.
class RecordingStore final : public test::ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  std::vector<std::string> log;

  std::optional<std::string> get(const std::string& b, const std::string& k) override {
    note("get", k);
    return ForwardingStore::get(b, k);
  }
  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& ct) override {
    note("put", k);
    ForwardingStore::put(b, k, body, ct);
  }

 private:
  void note(const char* op, const std::string& key) {
    if (!key.ends_with(".csv") || key.find("/MMS_") == std::string::npos) return;
    std::scoped_lock lock(mutex_);
    log.push_back(std::string(op) + " " + key.substr(key.rfind('/') + 1));
  }
  std::mutex mutex_;
};

void job(const LocalWorld& w, const std::string& name, const std::string& rows) {
  w.text_file("uploads", name + "/entries.json",
              "[" + test::entry_json("MMS", "s3://helio-public/MMS/", "MMS") + "]");
  w.upload_manifest_and_files(name, "MMS", "#time, s3key, filesize\n" + rows);
}

TEST(YearByYearMerge, OneYearFileInMemoryAtATime) {
  LocalWorld w;
  job(w, "job1",
      "2015-03-01T00:00:00Z,a.cdf,3\n2016-03-01T00:00:00Z,b.cdf,4\n2017-03-01T00:00:00Z,c.cdf,5\n");
  ASSERT_TRUE(
      IngestService(*w.objects, *w.records, w.settings).ingest(parse_job_location("uploads/job1")).ok());

  // b.cdf moves from 2016 to 2017; 2015 gains a file.
  job(w, "job2", "2015-01-01T00:00:00Z,z.cdf,6\n2017-01-01T00:00:00Z,b.cdf,4\n");
  RecordingStore recording(*w.objects);
  const auto r = IngestService(recording, *w.records, w.settings).ingest(parse_job_location("uploads/job2"));
  ASSERT_TRUE(r.ok()) << r.to_json().dump(2);
  EXPECT_EQ(recording.log,
            (std::vector<std::string>{"get MMS_2015.csv", "put MMS_2015.csv", "get MMS_2016.csv",
                                      "put MMS_2016.csv", "get MMS_2017.csv", "put MMS_2017.csv"}));
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2016.csv"), "# start, stop, datakey, filesize\n");
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2017.csv"),
            "# start, stop, datakey, filesize\n"
            "2017-01-01T00:00:00Z,2017-01-01T00:00:00Z,s3://helio-public/MMS/b.cdf,4\n"
            "2017-03-01T00:00:00Z,2017-03-01T00:00:00Z,s3://helio-public/MMS/c.cdf,5\n");

  // Re-ingesting the same rows changes no file: nothing is written.
  job(w, "job3", "2017-01-01T00:00:00Z,b.cdf,4\n");
  RecordingStore again(*w.objects);
  ASSERT_TRUE(IngestService(again, *w.records, w.settings).ingest(parse_job_location("uploads/job3")).ok());
  EXPECT_EQ(again.log,
            (std::vector<std::string>{"get MMS_2015.csv", "get MMS_2016.csv", "get MMS_2017.csv"}));
}

TEST(YearByYearMerge, FilesWithoutARecordKeepTheirPrecision) {
  LocalWorld w;
  job(w, "job1", "2015-03-01T00:00:00.250Z,a.cdf,3\n");
  ASSERT_TRUE(
      IngestService(*w.objects, *w.records, w.settings).ingest(parse_job_location("uploads/job1")).ok());
  // The records are lost (a recreated table); the next ingest must not shorten the published times.
  w.records = std::make_unique<SqliteDatasetStore>(w.dir / "fresh.sqlite3");
  job(w, "job2", "2016-01-01T00:00:00Z,b.cdf,4\n");
  ASSERT_TRUE(
      IngestService(*w.objects, *w.records, w.settings).ingest(parse_job_location("uploads/job2")).ok());
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"),
            "# start, stop, datakey, filesize\n"
            "2015-03-01T00:00:00.250Z,2015-03-01T00:00:00.250Z,s3://helio-public/MMS/a.cdf,3\n");
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2016.csv"),
            "# start, stop, datakey, filesize\n"
            "2016-01-01T00:00:00.000Z,2016-01-01T00:00:00.000Z,s3://helio-public/MMS/b.cdf,4\n");
}

}  // namespace
}  // namespace heliocloud::registry
