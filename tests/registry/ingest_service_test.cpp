// The ingest and catalog services over the local-directory store and SQLite: the issue's scenarios.
#include "registry/ingest_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "failing_store.h"
#include "local_world.h"
#include "registry/catalog_service.h"
#include "registry/index_file.h"

namespace heliocloud::registry {
namespace {

using test::entry_json;
using test::FailingStore;
using test::fixture;
using test::LocalWorld;

const std::string kAbcManifest =
    "#time, s3key, filesize\n"
    "2016-12-31T23:00:00-02:00,abc/x1.FTS,10\n"  // 2017-01-01T01:00Z: a 2017 row
    "2016-06-01T00:00:00Z,abc/x0.fits,20\n";

void upload_two_dataset_job(const LocalWorld& w, const std::string& job) {
  w.text_file("uploads", job + "/entries.json",
              "[" + entry_json("MMS", "s3://helio-public/MMS", "MMS data") + "," +
                  entry_json("ABC", "s3://helio-public/ABC/", "ABC data") + "]");
  w.upload_manifest_and_files(job, "MMS", fixture("manifest/valid_multiple_years.csv"));
  w.upload_manifest_and_files(job, "ABC", kAbcManifest);
}

const std::string kMms2015 =
    "# start, stop, datakey, filesize\n"
    "2015-09-01T12:11:14Z,2015-09-01T12:11:14Z,s3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/"
    "mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf,4641642\n"
    "2015-09-01T12:20:54Z,2015-09-01T12:20:54Z,s3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/"
    "mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf,4603372\n";

TEST(Ingest, TwoDatasetsOverTwoYears) {
  LocalWorld w;
  upload_two_dataset_job(w, "job1");
  IngestService service(*w.objects, *w.records, w.settings);
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  ASSERT_EQ(result.datasets.size(), 2U);
  EXPECT_EQ(result.datasets[0].id, "MMS");
  EXPECT_EQ(result.datasets[0].files_added, 4U);
  EXPECT_EQ(result.datasets[0].bytes, 4641642U + 4603372U + 3462914U + 297206U);
  EXPECT_EQ(result.datasets[0].years, (std::vector<int>{2015, 2016}));
  EXPECT_EQ(result.datasets[1].years, (std::vector<int>{2016, 2017}));

  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"), kMms2015);
  EXPECT_EQ(w.read("helio-public", "ABC/ABC_2017.csv"),
            "# start, stop, datakey, filesize\n"
            "2017-01-01T01:00:00Z,2017-01-01T01:00:00Z,s3://helio-public/ABC/abc/x1.fits,10\n");
  EXPECT_TRUE(w.exists("helio-public", "ABC/abc/x1.fits"));  // extension normalized on copy
  EXPECT_EQ(
      std::filesystem::file_size(w.bucket("helio-public") / "MMS/mms1/fgm/brst/l2/2015/09/01/"
                                                            "mms1_fgm_brst_l2_20150901174500_v4.18.0.cdf"),
      297206U);

  // Clean-up: the job folder is gone entirely (files, manifests, entries.json).
  EXPECT_FALSE(std::filesystem::exists(w.bucket("uploads") / "job1"));

  const auto mms = w.records->get("MMS");
  ASSERT_TRUE(mms);
  EXPECT_EQ(format_time(mms->record.start, 0), "2015-09-01T12:11:14Z");
  EXPECT_EQ(format_time(mms->record.stop, 0), "2016-09-01T17:45:00Z");
  EXPECT_EQ(mms->record.file_types, (std::vector<std::string>{"cdf"}));
  EXPECT_EQ(mms->record.metadata["about"], "https://www.nasa.gov");
  EXPECT_LE(now_utc().seconds - mms->record.modification.seconds, std::chrono::seconds(60));
  EXPECT_EQ(w.records->get("ABC")->record.file_types, (std::vector<std::string>{"fits"}));
}

TEST(Ingest, RunningTheSameJobTwiceAddsNoDuplicates) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  upload_two_dataset_job(w, "job1");
  ASSERT_TRUE(service.ingest(parse_job_location("uploads/job1")).ok());
  const auto first = w.read("helio-public", "MMS/MMS_2016.csv");
  upload_two_dataset_job(w, "job1");
  const auto again = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(again.ok()) << again.to_json().dump(2);
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2016.csv"), first);
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"), kMms2015);
  EXPECT_EQ(w.records->get("MMS")->version, 2U);
}

TEST(Ingest, ALaterJobMergesIntoAnExistingYear) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  upload_two_dataset_job(w, "job1");
  ASSERT_TRUE(service.ingest(parse_job_location("uploads/job1")).ok());

  w.text_file("uploads", "job2/entries.json",
              "[" + entry_json("MMS", "s3://helio-public/MMS/", "MMS data v2") + "]");
  w.upload_manifest_and_files("job2", "MMS",
                              "start,key,filesize\n"
                              "2015-01-01T00:00:00Z,mms1/early.cdf,7\n"
                              "2015-09-01T12:11:14Z,mms1/fgm/brst/l2/2015/09/01/"
                              "mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf,4641000\n");  // replaced: new size
  const auto result = service.ingest(parse_job_location("uploads/job2"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"),
            "# start, stop, datakey, filesize\n"
            "2015-01-01T00:00:00Z,2015-01-01T00:00:00Z,s3://helio-public/MMS/mms1/early.cdf,7\n"
            "2015-09-01T12:11:14Z,2015-09-01T12:11:14Z,s3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/"
            "mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf,4641000\n"
            "2015-09-01T12:20:54Z,2015-09-01T12:20:54Z,s3://helio-public/MMS/mms1/fgm/brst/l2/2015/09/01/"
            "mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf,4603372\n");
  const auto mms = w.records->get("MMS")->record;
  EXPECT_EQ(format_time(mms.start, 0), "2015-01-01T00:00:00Z");  // min(old, new)
  EXPECT_EQ(format_time(mms.stop, 0), "2016-09-01T17:45:00Z");   // max(old, new)
  EXPECT_EQ(mms.title, "MMS data v2");
}

TEST(Ingest, ABadDatasetStaysWithItsManifestAndAPreciseError) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  upload_two_dataset_job(w, "job1");
  // ABC lists a file that was never uploaded, and one with the wrong size.
  w.text_file("uploads", "job1/ABC/manifest.csv", kAbcManifest + "2016-07-01T00:00:00Z,abc/missing.cdf,5\n");
  w.data_file("uploads", "job1/ABC/abc/x0.fits", 19);

  const auto result = service.ingest(parse_job_location("uploads/job1"));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.datasets.size(), 2U);
  EXPECT_TRUE(result.datasets[0].ok()) << result.datasets[0].error;
  EXPECT_EQ(result.datasets[1].error,
            "ABC/manifest.csv:3: abc/x0.fits: size 20 in the manifest, 19 in the bucket (fix: upload the "
            "file again or "
            "correct its size in the manifest)\n"
            "ABC/manifest.csv:4: abc/missing.cdf: not found in s3://uploads/job1/ABC/ (fix: upload it to "
            "s3://uploads/job1/ABC/abc/missing.cdf or remove its row from the manifest)");
  // The good one landed and is cleaned up; the bad one keeps its manifest and files; entries.json lists only
  // it.
  EXPECT_TRUE(w.exists("helio-public", "MMS/MMS_2016.csv"));
  EXPECT_FALSE(w.exists("uploads", "job1/MMS"));
  EXPECT_TRUE(w.exists("uploads", "job1/ABC/manifest.csv"));
  EXPECT_TRUE(w.exists("uploads", "job1/ABC/abc/x1.FTS"));
  const auto entries = nlohmann::json::parse(w.read("uploads", "job1/entries.json"));
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0]["id"], "ABC");
  EXPECT_EQ(entries[0]["about_url"], "https://www.nasa.gov");  // written back as uploaded
  EXPECT_FALSE(w.exists("helio-public", "ABC"));
  EXPECT_FALSE(w.records->get("ABC"));

  // Fixed and rerun: only ABC is processed.
  w.text_file("uploads", "job1/ABC/manifest.csv", kAbcManifest);
  w.data_file("uploads", "job1/ABC/abc/x0.fits", 20);
  const auto rerun = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  ASSERT_EQ(rerun.datasets.size(), 1U);
  EXPECT_EQ(rerun.datasets[0].id, "ABC");
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

TEST(Ingest, AFailureBetweenCopyAndIndexIsFinishedByARerun) {
  LocalWorld w;
  upload_two_dataset_job(w, "job1");
  FailingStore failing(*w.objects);
  failing.fail_index_puts = true;
  IngestService broken(failing, *w.records, w.settings);
  const auto result = broken.ingest(parse_job_location("uploads/job1"));
  ASSERT_EQ(result.datasets.size(), 2U);
  EXPECT_NE(result.datasets[0].error.find("injected failure writing MMS/MMS_2015.csv"), std::string::npos);
  EXPECT_TRUE(w.exists("helio-public",
                       "MMS/mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf"));
  EXPECT_FALSE(w.exists("helio-public", "MMS/MMS_2015.csv"));
  EXPECT_TRUE(w.exists("uploads", "job1/MMS/manifest.csv"));
  EXPECT_TRUE(w.exists("uploads", "job1/entries.json"));
  EXPECT_FALSE(w.records->get("MMS"));

  IngestService fixed(*w.objects, *w.records, w.settings);
  const auto rerun = fixed.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"), kMms2015);
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

TEST(Ingest, AnInterruptedCleanUpIsFinishedByARerun) {
  LocalWorld w;
  upload_two_dataset_job(w, "job1");
  FailingStore failing(*w.objects);
  failing.deletes_before_failure = 2;  // MMS: 2 of its 4 data files deleted, then the "crash"
  IngestService broken(failing, *w.records, w.settings);
  const auto result = broken.ingest(parse_job_location("uploads/job1"));
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(w.exists("uploads", "job1/MMS/manifest.csv"));

  IngestService fixed(*w.objects, *w.records, w.settings);
  const auto rerun = fixed.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  EXPECT_EQ(w.read("helio-public", "MMS/MMS_2015.csv"), kMms2015);
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

TEST(Ingest, ConcurrentIngestsIntoOneDatasetLoseNothing) {
  LocalWorld w;
  constexpr int kJobs = 4;
  constexpr int kFilesPerJob = 25;
  for (int j = 0; j < kJobs; ++j) {
    const auto job = "job" + std::to_string(j);
    w.text_file("uploads", job + "/entries.json",
                "[" + entry_json("SOHO", "s3://helio-public/SOHO", "SOHO") + "]");
    std::string manifest = "#time, s3key, filesize\n";
    for (int f = 0; f < kFilesPerJob; ++f) {
      char time[32];
      std::snprintf(time, sizeof time, "2020-%02d-%02dT%02d:00:00Z", 1 + j, 1 + f, j);
      manifest += std::string(time) + ",j" + std::to_string(j) + "/f" + std::to_string(f) + ".fits,3\n";
    }
    w.upload_manifest_and_files(job, "SOHO", manifest);
  }
  // Each "process" has its own store connection, as separate CLI runs would.
  std::vector<std::jthread> threads;
  std::vector<IngestResult> results(kJobs);
  threads.reserve(kJobs);
  for (int j = 0; j < kJobs; ++j) {
    threads.emplace_back([&, j] {
      SqliteDatasetStore records(w.db_path());
      LocalObjectStore objects(w.dir / "buckets");
      // Chunks of 4: the jobs' chunks interleave in the dataset's index file and record.
      IngestService service(objects, records, w.settings, {.chunk_files = 4});
      results[static_cast<std::size_t>(j)] =
          service.ingest(parse_job_location("uploads/job" + std::to_string(j)));
    });
  }
  threads.clear();
  for (const auto& r : results) EXPECT_TRUE(r.ok()) << r.to_json().dump(2);
  const auto index = w.read("helio-public", "SOHO/SOHO_2020.csv");
  EXPECT_EQ(std::count(index.begin(), index.end(), '\n'), 1 + (kJobs * kFilesPerJob));
  const auto soho = w.records->get("SOHO");
  ASSERT_TRUE(soho);
  EXPECT_EQ(soho->version, static_cast<std::uint64_t>(kJobs * ((kFilesPerJob + 3) / 4)));  // one per chunk
  EXPECT_EQ(format_time(soho->record.start, 0), "2020-01-01T00:00:00Z");
  EXPECT_EQ(format_time(soho->record.stop, 0), "2020-04-25T03:00:00Z");
}

TEST(Ingest, AFinerTimeRewritesEveryYearInOnePrecision) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  upload_two_dataset_job(w, "job1");
  ASSERT_TRUE(service.ingest(parse_job_location("uploads/job1")).ok());
  w.text_file("uploads", "job2/entries.json",
              "[" + entry_json("MMS", "s3://helio-public/MMS", "MMS data") + "]");
  w.upload_manifest_and_files("job2", "MMS",
                              "#time, s3key, filesize\n2016-10-01T00:00:00.25Z,mms1/late.cdf,1\n");
  const auto result = service.ingest(parse_job_location("uploads/job2"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  const auto y2015 = w.read("helio-public", "MMS/MMS_2015.csv");  // not touched by job2, rewritten anyway
  EXPECT_NE(y2015.find("2015-09-01T12:11:14.000Z,2015-09-01T12:11:14.000Z,"), std::string::npos) << y2015;
  EXPECT_NE(w.read("helio-public", "MMS/MMS_2016.csv").find("2016-10-01T00:00:00.250Z"), std::string::npos);
  EXPECT_EQ(w.records->get("MMS")->record.fraction_digits, 3);
}

TEST(Ingest, ValidateReportsEverythingAndWritesNothing) {
  LocalWorld w;
  upload_two_dataset_job(w, "job1");
  w.text_file("uploads", "job1/entries.json",
              "[" + entry_json("MMS", "s3://helio-public/MMS", "MMS data") + "," +
                  entry_json("ABC", "s3://elsewhere/ABC", "ABC") + "," + R"({"title": "no id"}])");
  w.text_file("uploads", "job1/MMS/manifest.csv", fixture("manifest/bad_data.csv"));
  IngestService service(*w.objects, *w.records, w.settings);
  const auto plan = service.validate(parse_job_location("uploads/job1"));
  const auto text = to_string(plan.all_problems());
  EXPECT_NE(
      text.find(
          "MMS/manifest.csv:4: mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901123044_v4.18.0.cdf: "
          "\"not_a_time\""),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("entries.json[1] (id ABC): index \"s3://elsewhere/ABC\" is in bucket \"elsewhere\""),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("entries.json[2]: missing required key \"id\""), std::string::npos) << text;
  EXPECT_TRUE(w.exists("uploads", "job1/MMS/manifest.csv"));
  EXPECT_TRUE(std::filesystem::is_empty(w.bucket("helio-public")));
}

TEST(Ingest, MissingEntriesFileIsAJobProblem) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  const auto result = service.ingest(parse_job_location("s3://uploads/nothing-here/"));
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.problems.size(), 1U);
  EXPECT_EQ(result.problems[0].to_string(),
            "entries.json: not found in s3://uploads/nothing-here/ (fix: upload entries.json (a JSON array "
            "of dataset "
            "entries) to the job folder)");
}

TEST(Ingest, ManifestInTheOriginalsIndexNamedFolder) {
  LocalWorld w;
  // The original looked for <job>/<last segment of index>/manifest.csv; data is under <job>/<id>/.
  w.text_file("uploads", "job1/entries.json",
              "[" + entry_json("MMS", "s3://helio-public/data/mms_fgm", "MMS") + "]");
  w.upload_manifest_and_files("job1", "MMS", fixture("manifest/valid.csv"));
  std::filesystem::rename(w.bucket("uploads") / "job1/MMS/manifest.csv",
                          w.bucket("uploads") / "job1/mms_fgm.csv");
  std::filesystem::create_directories(w.bucket("uploads") / "job1/mms_fgm");
  std::filesystem::rename(w.bucket("uploads") / "job1/mms_fgm.csv",
                          w.bucket("uploads") / "job1/mms_fgm/manifest.csv");
  IngestService service(*w.objects, *w.records, w.settings);
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_TRUE(w.exists("helio-public", "data/mms_fgm/MMS_2015.csv"));
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

TEST(Catalog, WritesACatalogInEveryDatasetBucket) {
  LocalWorld w;
  IngestService service(*w.objects, *w.records, w.settings);
  upload_two_dataset_job(w, "job1");
  ASSERT_TRUE(service.ingest(parse_job_location("uploads/job1")).ok());
  CatalogService catalogs(*w.objects, *w.records, w.settings);
  const auto result = catalogs.update();
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  ASSERT_EQ(result.buckets.size(), 2U);
  EXPECT_EQ(result.buckets[0].datasets, 2U);
  const auto pub = nlohmann::json::parse(w.read("helio-public", "catalog.json"));
  EXPECT_EQ(pub["catalog"][0]["id"], "ABC");
  EXPECT_EQ(pub["catalog"][1]["id"], "MMS");
  EXPECT_EQ(pub["catalog"][1]["index"], "s3://helio-public/MMS/");
  EXPECT_EQ(pub["catalog"][1]["about"], "https://www.nasa.gov");
  const auto empty = nlohmann::json::parse(w.read("helio-empty", "catalog.json"));
  EXPECT_EQ(empty["catalog"], nlohmann::json::array());
  EXPECT_EQ(empty["name"], "Test HelioCloud");
}

}  // namespace
}  // namespace heliocloud::registry

namespace heliocloud::registry {
namespace {

using test::LocalWorld;

// A dataset of `files` rows over 2020, one file each of 5 bytes.
void upload_numbered_job(const LocalWorld& w, const std::string& job, const std::string& id, int files) {
  w.text_file("uploads", job + "/entries.json",
              "[" + test::entry_json(id, "s3://helio-public/" + id, id + " data") + "]");
  std::string manifest = "#time, s3key, filesize\n";
  for (int f = 0; f < files; ++f) {
    char time[32];
    std::snprintf(time, sizeof time, "2020-01-%02dT%02d:00:00Z", 1 + (f / 24), f % 24);
    manifest += std::string(time) + ",f" + std::to_string(f) + ".cdf,5\n";
  }
  w.upload_manifest_and_files(job, id, manifest);
}

std::size_t index_rows(const LocalWorld& w, const std::string& id) {
  if (!w.exists("helio-public", id + "/" + id + "_2020.csv")) return 0;
  const auto index = w.read("helio-public", id + "/" + id + "_2020.csv");
  return static_cast<std::size_t>(std::count(index.begin(), index.end(), '\n')) - 1;
}

TEST(ChunkedIngest, TheChunkSizeIsOnePercentOfTheDatasetWithinItsBoundsUnlessSet) {
  EXPECT_EQ(chunk_size(10, 0), kMinChunkFiles);
  EXPECT_EQ(chunk_size(99'999, 0), kMinChunkFiles);
  EXPECT_EQ(chunk_size(150'000, 0), 1'500U);
  EXPECT_EQ(chunk_size(1'000'000, 0), 10'000U);
  EXPECT_EQ(chunk_size(50'000'000, 0), kMaxChunkFiles);
  EXPECT_EQ(chunk_size(1'000'000, 4), 4U);  // set: as set (tests, INGEST_CHUNK_FILES, --chunk-files)
}

TEST(ChunkedIngest, EachChunkEndsPublishedAndTheJobRecordsItsProgress) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 10);
  IngestOptions options;
  options.chunk_files = 4;
  // The third chunk's copies fail: the first two chunks stay published, indexed and out of the job.
  test::FailingStore broken_store(*w.objects);
  broken_store.fail_copy_of = "f9.cdf";
  IngestService broken(broken_store, *w.records, w.settings, options);
  const auto first = broken.ingest(parse_job_location("uploads/job1"));
  ASSERT_EQ(first.datasets.size(), 1U);
  EXPECT_NE(first.datasets[0].error.find("injected failure copying job1/SOHO/f9.cdf"), std::string::npos)
      << first.to_json().dump(2);
  EXPECT_EQ(index_rows(w, "SOHO"), 8U);
  EXPECT_FALSE(w.exists("uploads", "job1/SOHO/f0.cdf"));
  EXPECT_FALSE(w.exists("uploads", "job1/SOHO/f7.cdf"));
  EXPECT_TRUE(w.exists("uploads", "job1/SOHO/f8.cdf"));
  EXPECT_TRUE(w.exists("uploads", "job1/SOHO/manifest.csv"));
  auto progress = w.records->get_job("s3://uploads/job1/");
  ASSERT_TRUE(progress);
  EXPECT_EQ(progress->state, JobState::Failed);
  EXPECT_EQ(progress->runs, 1);
  ASSERT_EQ(progress->datasets.size(), 1U);
  EXPECT_EQ(progress->datasets[0].rows_done, 8U);
  EXPECT_EQ(progress->datasets[0].files_total, 10U);
  EXPECT_EQ(progress->datasets[0].bytes_done, 40U);
  EXPECT_NE(progress->error.find("SOHO: 1 of 2 files could not be copied"), std::string::npos)
      << progress->error;

  // The rerun resumes after the 8 published rows: it neither looks for their files nor copies them again.
  IngestService fixed(*w.objects, *w.records, w.settings, options);
  const auto rerun = fixed.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  EXPECT_EQ(rerun.datasets[0].files_added, 10U);
  EXPECT_EQ(index_rows(w, "SOHO"), 10U);
  EXPECT_FALSE(w.exists("uploads", "job1"));
  progress = w.records->get_job("s3://uploads/job1/");
  EXPECT_EQ(progress->state, JobState::Published);
  EXPECT_EQ(progress->runs, 2);
  EXPECT_EQ(progress->files_done(), 10U);
  EXPECT_TRUE(progress->error.empty());
  EXPECT_NE(progress->finished, Instant{});
}

TEST(ChunkedIngest, ARunOutOfTimeStopsBetweenChunksAndTheNextGoesOn) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 7);
  IngestOptions options;
  options.chunk_files = 3;
  options.deadline = std::chrono::steady_clock::now();  // already over: one chunk per run
  std::vector<std::size_t> done;
  for (int run = 0; run < 10; ++run) {
    IngestService service(*w.objects, *w.records, w.settings, options);
    const auto result = service.ingest(parse_job_location("uploads/job1"));
    ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
    done.push_back(result.files_done);
    // A reader sees exactly the rows whose files are published after every run.
    EXPECT_EQ(index_rows(w, "SOHO"), result.files_done);
    if (!result.unfinished) break;
    EXPECT_EQ(w.records->get_job("s3://uploads/job1/")->state, JobState::Waiting);
    EXPECT_TRUE(w.exists("uploads", "job1/entries.json"));
  }
  EXPECT_EQ(done, (std::vector<std::size_t>{3, 6, 7}));
  EXPECT_FALSE(w.exists("uploads", "job1"));
  EXPECT_EQ(w.records->get_job("s3://uploads/job1/")->runs, 3);
}

TEST(ChunkedIngest, AFinishedDatasetOfAnUnfinishedJobIsNotLookedForAgain) {
  LocalWorld w;
  w.text_file("uploads", "job1/entries.json",
              "[" + test::entry_json("AAA", "s3://helio-public/AAA", "A") + "," +
                  test::entry_json("BBB", "s3://helio-public/BBB", "B") + "]");
  w.upload_manifest_and_files("job1", "AAA", "#time, s3key, filesize\n2020-01-01T00:00:00Z,a.cdf,3\n");
  w.upload_manifest_and_files("job1", "BBB",
                              "#time, s3key, filesize\n2020-01-01T00:00:00Z,b0.cdf,3\n"
                              "2020-01-02T00:00:00Z,b1.cdf,3\n");
  IngestOptions options;
  options.chunk_files = 1;
  options.deadline = std::chrono::steady_clock::now();
  for (int run = 0; run < 5; ++run) {
    IngestService service(*w.objects, *w.records, w.settings, options);
    const auto result = service.ingest(parse_job_location("uploads/job1"));
    ASSERT_TRUE(result.ok()) << "run " << run << ": " << result.to_json().dump(2);
    if (!result.unfinished) break;
  }
  EXPECT_FALSE(w.exists("uploads", "job1"));
  EXPECT_EQ(index_rows(w, "AAA"), 1U);
  EXPECT_EQ(index_rows(w, "BBB"), 2U);
}

TEST(ChunkedIngest, ARerunOfAPublishedJobHasNothingToDo) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 3);
  IngestService service(*w.objects, *w.records, w.settings);
  ASSERT_TRUE(service.ingest(parse_job_location("uploads/job1")).ok());
  const auto published_at = w.records->get_job("s3://uploads/job1/")->finished;
  const auto again = service.ingest(parse_job_location("uploads/job1"));
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(again.nothing_to_do, "job s3://uploads/job1/ was published at " + format_time(published_at, 0));
  EXPECT_EQ(again.to_json()["nothing_to_do"], again.nothing_to_do);

  // The same job name uploaded anew is a new job, counted as the next run.
  upload_numbered_job(w, "job1", "SOHO", 5);
  const auto second = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(second.ok()) << second.to_json().dump(2);
  EXPECT_TRUE(second.nothing_to_do.empty());
  EXPECT_EQ(index_rows(w, "SOHO"), 5U);
  EXPECT_EQ(w.records->get_job("s3://uploads/job1/")->runs, 2);
}

// Holds the first index write until the next chunk's copies have begun (or 20 s have passed), and checks at
// every index write that each row's file is already published.
class OverlapWatch final : public test::ForwardingStore {
 public:
  OverlapWatch(ObjectStore& inner, const LocalWorld& world) : ForwardingStore(inner), w_(world) {}
  std::atomic<bool> overlapped{false};
  std::atomic<int> rows_before_their_files{0};

  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    ForwardingStore::copy(sb, sk, db, dk);
    if (!sk.ends_with("/f4.cdf")) return;  // the second chunk's first file
    std::scoped_lock lock(mutex_);
    second_chunk_copying_ = true;
    changed_.notify_all();
  }
  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& ct) override {
    if (ct == "text/csv") {
      for (const auto& row : parse_index_file(std::string(body), k).rows) {
        const auto key = row.datakey.substr(row.datakey.find('/', std::string("s3://").size()) + 1);
        if (!w_.exists("helio-public", key)) ++rows_before_their_files;
      }
      std::unique_lock lock(mutex_);
      if (!first_put_seen_) {
        first_put_seen_ = true;
        overlapped = changed_.wait_for(lock, std::chrono::seconds(20), [&] { return second_chunk_copying_; });
      }
    }
    ForwardingStore::put(b, k, body, ct);
  }

 private:
  const LocalWorld& w_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool second_chunk_copying_ = false;
  bool first_put_seen_ = false;
};

TEST(ChunkedIngest, TheNextChunksCopiesRunWhileAChunkIsIndexedAndNoRowComesBeforeItsFile) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 12);
  OverlapWatch watch(*w.objects, w);
  const IngestOptions options{.parallel_copies = 2, .chunk_files = 4};
  IngestService service(watch, *w.records, w.settings, options);
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_TRUE(watch.overlapped);
  EXPECT_EQ(watch.rows_before_their_files.load(), 0);
  EXPECT_EQ(index_rows(w, "SOHO"), 12U);
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

// Copies slowly, and at the fourth chunk's first copy tries to take the job's lease as another run would.
class LeaseIntruder final : public test::ForwardingStore {
 public:
  LeaseIntruder(ObjectStore& inner, DatasetStore& records) : ForwardingStore(inner), records_(records) {}
  std::atomic<bool> tried{false};
  std::atomic<bool> taken{false};

  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    if (sk.ends_with("/f6.cdf")) {
      tried = true;
      taken = records_.try_acquire_lease("job#s3://uploads/job1/", "intruder", std::chrono::seconds(60));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    ForwardingStore::copy(sb, sk, db, dk);
  }

 private:
  DatasetStore& records_;
};

TEST(ChunkedIngest, AJobLongerThanItsLeaseKeepsItChunkByChunk) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 8);
  LeaseIntruder intruder(*w.objects, *w.records);
  // A chunk takes 1.2 s; the lease (2 s, counted in whole seconds) would have run out before the fourth
  // chunk without renewal, and every finished chunk renews it.
  const IngestOptions options{.parallel_copies = 1, .chunk_files = 2, .lease_ttl = std::chrono::seconds(2)};
  IngestService service(intruder, *w.records, w.settings, options);
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_TRUE(intruder.tried);
  EXPECT_FALSE(intruder.taken);
  EXPECT_EQ(index_rows(w, "SOHO"), 8U);
}

TEST(ChunkedIngest, AKilledRunsLeaseOnThisHostIsTakenOverAtOnce) {
  LocalWorld w;
  upload_numbered_job(w, "job1", "SOHO", 2);
  // A lease left by a process of this host that is gone (pid 2^22 + 1 is above Linux's pid_max default).
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  const std::string dead = std::string(host) + "/4194305/1";
  ASSERT_TRUE(w.records->try_acquire_lease("job#s3://uploads/job1/", dead, std::chrono::seconds(900)));
  ASSERT_TRUE(w.records->try_acquire_lease("SOHO", dead, std::chrono::seconds(900)));
  IngestOptions options;
  options.leases_on_this_host = true;
  IngestService service(*w.objects, *w.records, w.settings, options);
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  EXPECT_TRUE(result.ok()) << result.to_json().dump(2);
  EXPECT_FALSE(w.records->lease_holder("SOHO"));
}

}  // namespace
}  // namespace heliocloud::registry

namespace heliocloud::registry {
namespace {

using test::LocalWorld;

// A dataset of `files` rows over 2020 (one an hour), each file of 5 bytes; returns the manifest.
std::string upload_hourly_job(const LocalWorld& w, const std::string& job, const std::string& id, int files) {
  w.text_file("uploads", job + "/entries.json",
              "[" + test::entry_json(id, "s3://helio-public/" + id, id + " data") + "]");
  std::string manifest = "#time, s3key, filesize\n";
  for (int f = 0; f < files; ++f) {
    char time[32];
    std::snprintf(time, sizeof time, "2020-%02d-%02dT%02d:00:00Z", 1 + (f / 672), 1 + (f / 24 % 28), f % 24);
    manifest += std::string(time) + ",d" + std::to_string(f / 100) + "/f" + std::to_string(f) + ".cdf,5\n";
  }
  w.upload_manifest_and_files(job, id, manifest);
  return manifest;
}

// Counts what an ingest asks of the store.
struct CountingStore final : test::ForwardingStore {
  using ForwardingStore::ForwardingStore;
  std::optional<ObjectInfo> head(const std::string& b, const std::string& k) override {
    if (b == "helio-public") ++published_heads;
    return ForwardingStore::head(b, k);
  }
  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    ++copies;
    ForwardingStore::copy(sb, sk, db, dk);
  }
  std::atomic<int> published_heads{0};
  std::atomic<int> copies{0};
};

// The manifest is read 256 bytes at a time and published 100 rows at a time: problems and duplicates far
// apart, in pieces and chunks other than the first, are all reported, and nothing is written.
TEST(StreamedIngest, AProblemInALateRowIsReportedBeforeAnythingIsWritten) {
  LocalWorld w;
  auto manifest = upload_hourly_job(w, "job1", "SOHO", 3000);
  manifest += "2020-06-01T00:00:00Z,d0/f7.cdf,5\n";  // line 3002: row 7 again
  w.text_file("uploads", "job1/SOHO/manifest.csv", manifest);
  w.data_file("uploads", "job1/SOHO/d29/f2999.cdf", 4);  // line 3001: the last file has the wrong size
  IngestService service(*w.objects, *w.records, w.settings,
                        {.chunk_files = 100, .manifest_piece_bytes = 256});
  const auto result = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_EQ(result.datasets.size(), 1U);
  EXPECT_EQ(result.datasets[0].error,
            "SOHO/manifest.csv:3002: d0/f7.cdf: same file as line 9 (fix: list each file once)\n"
            "SOHO/manifest.csv:3001: d29/f2999.cdf: size 5 in the manifest, 4 in the bucket (fix: upload "
            "the file again or correct its size in the manifest)");
  EXPECT_TRUE(std::filesystem::is_empty(w.bucket("helio-public")));
  EXPECT_FALSE(w.records->get("SOHO"));
  EXPECT_TRUE(w.exists("uploads", "job1/SOHO/d0/f0.cdf"));
  EXPECT_TRUE(w.exists("uploads", "job1/entries.json"));
}

TEST(StreamedIngest, AResumedJobDeletesLeftoversAndLooksOnlyForRowsNotPublished) {
  LocalWorld w;
  upload_hourly_job(w, "job1", "SOHO", 50);
  const IngestOptions options{.chunk_files = 7, .manifest_piece_bytes = 64};
  test::FailingStore broken_store(*w.objects);
  broken_store.fail_copy_of = "/f30.cdf";
  IngestService broken(broken_store, *w.records, w.settings, options);
  EXPECT_FALSE(broken.ingest(parse_job_location("uploads/job1")).ok());
  ASSERT_EQ(w.records->get_job("s3://uploads/job1/")->datasets.at(0).rows_done, 28U);  // 4 chunks of 7
  EXPECT_FALSE(w.exists("uploads", "job1/SOHO/d0/f3.cdf"));
  // As after a crash between the progress write and the deletes: files of finished chunks still in the job.
  for (int f = 0; f < 10; ++f) w.data_file("uploads", "job1/SOHO/d0/f" + std::to_string(f) + ".cdf", 5);

  CountingStore counting(*w.objects);
  IngestService service(counting, *w.records, w.settings, options);
  const auto rerun = service.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  EXPECT_EQ(rerun.datasets[0].files_added, 50U);
  EXPECT_EQ(counting.published_heads.load(), 0);  // published rows are not looked for
  EXPECT_EQ(counting.copies.load(), 22);          // nor copied again
  EXPECT_EQ(index_rows(w, "SOHO"), 50U);
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

TEST(StreamedIngest, AManifestReplacedWhilePublishingStopsTheRunAndTheNextStartsOver) {
  LocalWorld w;
  const auto manifest = upload_hourly_job(w, "job1", "SOHO", 20);
  struct Replacing final : test::ForwardingStore {
    Replacing(ObjectStore& inner, const LocalWorld& world, std::string text)
        : ForwardingStore(inner), w(world), manifest(std::move(text)) {}
    void copy(const std::string& sb, const std::string& sk, const std::string& db,
              const std::string& dk) override {
      ForwardingStore::copy(sb, sk, db, dk);
      if (std::exchange(replaced, true)) return;
      // The provider uploads the manifest again, with one more row, while the first chunk is copied.
      w.data_file("uploads", "job1/SOHO/late.cdf", 5);
      ForwardingStore::put("uploads", "job1/SOHO/manifest.csv",
                           manifest + "2020-12-01T00:00:00Z,late.cdf,5\n", "text/csv");
    }
    const LocalWorld& w;
    std::string manifest;
    bool replaced = false;
  } replacing(*w.objects, w, manifest);
  const IngestOptions options{.parallel_copies = 1, .chunk_files = 5, .manifest_piece_bytes = 64};
  IngestService first(replacing, *w.records, w.settings, options);
  const auto result = first.ingest(parse_job_location("uploads/job1"));
  ASSERT_EQ(result.datasets.size(), 1U);
  EXPECT_NE(result.datasets[0].error.find("was replaced while it was being read"), std::string::npos)
      << result.to_json().dump(2);
  EXPECT_EQ(index_rows(w, "SOHO"), 5U);  // the first chunk, published before the change was seen

  IngestService second(*w.objects, *w.records, w.settings, options);
  const auto rerun = second.ingest(parse_job_location("uploads/job1"));
  ASSERT_TRUE(rerun.ok()) << rerun.to_json().dump(2);
  EXPECT_EQ(rerun.datasets[0].files_added, 21U);
  EXPECT_EQ(index_rows(w, "SOHO"), 21U);
  EXPECT_FALSE(w.exists("uploads", "job1"));
}

}  // namespace
}  // namespace heliocloud::registry
