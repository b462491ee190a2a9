// The ingest and catalog services on S3 + DynamoDB (moto): the issue's scenarios against the real wire
// protocols.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <thread>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "cloudcatalog_reader.h"
#include "failing_store.h"
#include "moto_support.h"
#include "registry/aws/dynamodb_dataset_store.h"
#include "registry/aws/s3_object_store.h"
#include "registry/catalog_service.h"
#include "registry/ingest_service.h"
#include "test_data.h"

namespace heliocloud::registry {
namespace {

using heliocloud::aws::testing::moto_config;
const auto kUnique = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

// Fresh buckets and table per test: uploads, one dataset bucket, one empty dataset bucket.
class MotoRegistry : public ::testing::Test {
 protected:
  MotoRegistry() : s3_(moto_config()), dynamo_(moto_config()), objects_(s3_) {}

  void SetUp() override {
    uploads_ = kUnique("uploads");
    pub_ = kUnique("helio-pub");
    empty_ = kUnique("helio-empty");
    table_ = kUnique("registry");
    for (const auto& b : {uploads_, pub_, empty_}) s3_.create_bucket(b);
    dynamo_.create_table(table_, {.name = "id", .type = "S"});
    records_ = std::make_unique<DynamoDbDatasetStore>(dynamo_, table_);
    settings_.dataset_buckets = {pub_, empty_};
    settings_.ingest_bucket = uploads_;
    settings_.catalog_name = "moto HelioCloud";
    settings_.catalog_contact = "ops@example.com";
  }

  void put(const std::string& key, const std::string& body) { s3_.put_object(uploads_, key, body); }

  void upload_job(const std::string& job, const std::string& mms_manifest) {
    put(job + "/entries.json", R"([{"id": "MMS", "index": "s3://)" + pub_ + R"(/MMS", "title": "MMS"},
                                  {"id": "ABC", "index": "s3://)" +
                                   pub_ + R"(/abc/data/", "title": "ABC"}])");
    upload_dataset(job, "MMS", mms_manifest);
    upload_dataset(
        job, "ABC",
        "#time, s3key, filesize\n2016-12-31T23:00:00-02:00,abc/x1.FTS,10\n2016-06-01,abc/x0.fits,20\n");
  }

  // Manifest rows are "time,key,size": each file is uploaded with `size` bytes.
  void upload_dataset(const std::string& job, const std::string& id, const std::string& manifest) {
    put(job + "/" + id + "/manifest.csv", manifest);
    std::istringstream lines(manifest);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      const auto c1 = line.find(',');
      const auto c2 = line.rfind(',');
      put(job + "/" + id + "/" + line.substr(c1 + 1, c2 - c1 - 1),
          std::string(std::stoull(line.substr(c2 + 1)), 'x'));
    }
  }

  IngestResult ingest(const std::string& job, ObjectStore* store = nullptr) {
    IngestService service(store != nullptr ? *store : objects_, *records_, settings_);
    return service.ingest(JobLocation{.bucket = uploads_, .folder = job, .label = ""});
  }

  std::string index(const std::string& key) { return s3_.get_object(pub_, key).body; }

  aws::S3Client s3_;
  aws::DynamoDbClient dynamo_;
  S3ObjectStore objects_;
  std::unique_ptr<DynamoDbDatasetStore> records_;
  RegistrySettings settings_;
  std::string uploads_, pub_, empty_, table_;
};

const std::string kMms =
    "#time, s3key, filesize\n"
    "2015-09-01T12:11:14Z,mms1/a.cdf,46\n"
    "2015-09-01T12:20:54Z,mms1/b.cdf,43\n"
    "2016-09-01T12:30:44Z,mms1/c.cdf,34\n"
    "2016-09-01T17:45:00Z,mms1/d.cdf,29\n";

TEST_F(MotoRegistry, TwoDatasetsTwoYearsThenRerunThenCatalog) {
  upload_job("job1", kMms);
  auto r = ingest("job1");
  ASSERT_TRUE(r.ok()) << r.to_json().dump(2);
  const auto mms2015 =
      "# start, stop, datakey, filesize\n"
      "2015-09-01T12:11:14Z,2015-09-01T12:11:14Z,s3://" +
      pub_ +
      "/MMS/mms1/a.cdf,46\n"
      "2015-09-01T12:20:54Z,2015-09-01T12:20:54Z,s3://" +
      pub_ + "/MMS/mms1/b.cdf,43\n";
  EXPECT_EQ(index("MMS/MMS_2015.csv"), mms2015);
  EXPECT_EQ(s3_.head_object(pub_, "abc/data/abc/x1.fits").size, 10U);
  EXPECT_TRUE(s3_.list_all_objects(uploads_, "job1/").empty());
  EXPECT_EQ(s3_.head_object(pub_, "MMS/MMS_2016.csv").content_type, "text/csv");

  // The same job again, and a later job adding to 2015: merged, no duplicates.
  upload_job("job1", kMms);
  ASSERT_TRUE(ingest("job1").ok());
  EXPECT_EQ(index("MMS/MMS_2015.csv"), mms2015);
  put("job2/entries.json", R"([{"id": "MMS", "index": "s3://)" + pub_ + R"(/MMS/", "title": "MMS"}])");
  upload_dataset("job2", "MMS", "#time, s3key, filesize\n2015-01-01T00:00:00Z,mms1/early.cdf,5\n");
  ASSERT_TRUE(ingest("job2").ok());
  const auto merged = index("MMS/MMS_2015.csv");
  EXPECT_EQ(merged.rfind("# start, stop, datakey, filesize\n2015-01-01T00:00:00Z,", 0), 0U) << merged;
  EXPECT_EQ(std::count(merged.begin(), merged.end(), '\n'), 4);
  const auto rec = records_->get("MMS");
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->version, 3U);
  EXPECT_EQ(format_time(rec->record.start, 0), "2015-01-01T00:00:00Z");
  EXPECT_EQ(format_time(rec->record.stop, 0), "2016-09-01T17:45:00Z");

  const auto c = CatalogService(objects_, *records_, settings_).update();
  ASSERT_TRUE(c.ok()) << c.to_json().dump(2);
  EXPECT_EQ(s3_.head_object(pub_, "catalog.json").content_type, "application/json");
  test::CloudCatalogReader client(objects_, pub_);
  EXPECT_EQ(client.entry("ABC")["index"], "s3://" + pub_ + "/abc/data/");
  const auto rows = client.request("MMS", "2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z");
  ASSERT_EQ(rows.size(), 5U);
  for (const auto& row : rows) {
    EXPECT_EQ(s3_.head_object(pub_, row.datakey.substr(5 + pub_.size() + 1)).size, row.filesize)
        << row.datakey;
  }
  EXPECT_TRUE(test::CloudCatalogReader(objects_, empty_).catalog()["catalog"].empty());
}

TEST_F(MotoRegistry, BadDatasetStaysGoodOneLands) {
  const auto manifest = kMms + "2016-10-01T00:00:00Z,mms1/missing.cdf,3\n";
  upload_job("job1", manifest);
  s3_.delete_object(uploads_, "job1/MMS/mms1/missing.cdf");
  const auto r = ingest("job1");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.datasets[0].error, "MMS/manifest.csv:6: mms1/missing.cdf: not found in s3://" + uploads_ +
                                     "/job1/MMS/ (fix: upload it to s3://" + uploads_ +
                                     "/job1/MMS/mms1/missing.cdf or remove its row from the manifest)");
  EXPECT_TRUE(r.datasets[1].ok());
  EXPECT_EQ(index("abc/data/ABC_2017.csv"),
            "# start, stop, datakey, filesize\n"
            "2017-01-01T01:00:00Z,2017-01-01T01:00:00Z,s3://" +
                pub_ + "/abc/data/abc/x1.fits,10\n");
  EXPECT_EQ(s3_.get_object(uploads_, "job1/MMS/manifest.csv").body, manifest);  // kept for the fix and rerun
  EXPECT_EQ(s3_.head_object(uploads_, "job1/MMS/mms1/a.cdf").size, 46U);
  const auto entries = nlohmann::json::parse(s3_.get_object(uploads_, "job1/entries.json").body);
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["id"], "MMS");
}

TEST_F(MotoRegistry, FailureBetweenCopyAndIndexThenRerun) {
  upload_job("job1", kMms);
  test::FailingStore failing(objects_);
  failing.fail_index_puts = true;
  const auto broken = ingest("job1", &failing);
  EXPECT_FALSE(broken.ok());
  EXPECT_EQ(s3_.head_object(pub_, "MMS/mms1/a.cdf").size, 46U);  // copied
  EXPECT_FALSE(records_->get("MMS"));
  const auto r = ingest("job1");
  ASSERT_TRUE(r.ok()) << r.to_json().dump(2);
  const auto y2016 = index("MMS/MMS_2016.csv");
  EXPECT_EQ(std::count(y2016.begin(), y2016.end(), '\n'), 3);
}

TEST_F(MotoRegistry, ConcurrentIngestsIntoOneDataset) {
  constexpr int kJobs = 3;
  for (int j = 0; j < kJobs; ++j) {
    const auto job = "c" + std::to_string(j);
    put(job + "/entries.json", R"([{"id": "SOHO", "index": "s3://)" + pub_ + R"(/SOHO", "title": "SOHO"}])");
    std::string m = "#time, s3key, filesize\n";
    for (int f = 0; f < 5; ++f) {
      m += "2020-0" + std::to_string(j + 1) + "-1" + std::to_string(f) + "T00:00:00Z,j" + std::to_string(j) +
           "/f" + std::to_string(f) + ".fits,4\n";
    }
    upload_dataset(job, "SOHO", m);
  }
  std::vector<IngestResult> results(kJobs);
  {
    std::vector<std::jthread> threads;
    threads.reserve(kJobs);
    for (int j = 0; j < kJobs; ++j) {
      threads.emplace_back([&, j] {
        aws::S3Client s3c(moto_config());
        aws::DynamoDbClient ddb(moto_config());
        S3ObjectStore store(s3c);
        DynamoDbDatasetStore recs(ddb, table_);
        IngestService service(store, recs, settings_);
        results[static_cast<std::size_t>(j)] =
            service.ingest(JobLocation{.bucket = uploads_, .folder = "c" + std::to_string(j), .label = ""});
      });
    }
  }
  for (const auto& r : results) EXPECT_TRUE(r.ok()) << r.to_json().dump(2);
  const auto body = index("SOHO/SOHO_2020.csv");
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 1 + (kJobs * 5)) << body;
  EXPECT_EQ(records_->get("SOHO")->version, static_cast<std::uint64_t>(kJobs));
}

TEST_F(MotoRegistry, RangesOfOneVersionAndListingInPages) {
  put("r/m.csv", "0123456789");
  const auto first = objects_.get_range(uploads_, "r/m.csv", 0, 4, "");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "0123");
  EXPECT_EQ(objects_.get_range(uploads_, "r/m.csv", 8, 4, first->version)->body, "89");
  EXPECT_EQ(objects_.get_range(uploads_, "r/m.csv", 10, 4, first->version)->body, "");  // past the end: 416
  EXPECT_FALSE(objects_.get_range(uploads_, "r/none.csv", 0, 4, ""));
  put("r/m.csv", "9876543210");  // replaced: the next piece of the old version is refused
  try {
    (void)objects_.get_range(uploads_, "r/m.csv", 4, 4, first->version);
    FAIL() << "read a piece of another version";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("was replaced while it was being read"), std::string::npos)
        << e.what();
  }
  put("r/empty.csv", "");
  EXPECT_EQ(objects_.get_range(uploads_, "r/empty.csv", 0, 4, "")->body, "");

  for (int i = 0; i < 1001; ++i) put("p/f" + std::to_string(i), "x");
  std::vector<std::size_t> pages;
  objects_.list_pages(uploads_, "p/", [&](std::vector<ObjectInfo>& page) { pages.push_back(page.size()); });
  EXPECT_EQ(pages, (std::vector<std::size_t>{1000, 1}));
}

TEST_F(MotoRegistry, DynamoLeaseAndConditionalPut) {
  EXPECT_TRUE(records_->try_acquire_lease("X", "a", std::chrono::seconds(60)));
  EXPECT_FALSE(records_->try_acquire_lease("X", "b", std::chrono::seconds(60)));
  records_->release_lease("X", "b");
  EXPECT_FALSE(records_->try_acquire_lease("X", "b", std::chrono::seconds(60)));
  records_->release_lease("X", "a");
  EXPECT_TRUE(records_->try_acquire_lease("X", "b", std::chrono::seconds(60)));
  DatasetRecord r;
  r.id = "X";
  r.index = {.bucket = pub_, .folder = "x"};
  r.title = "t";
  EXPECT_TRUE(records_->put_if_version(r, 0));
  EXPECT_FALSE(records_->put_if_version(r, 0));
  EXPECT_TRUE(records_->put_if_version(r, 1));
  EXPECT_FALSE(records_->put_if_version(r, 1));
  ASSERT_EQ(records_->list().size(), 1U);  // leases are not records
  EXPECT_EQ(records_->list()[0].version, 2U);
}

}  // namespace
}  // namespace heliocloud::registry
