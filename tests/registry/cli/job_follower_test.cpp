// Following an ingest job through its progress in the dataset table, as `heliocloud ingest <instance> <job>`
// does while the deployed Ingester works through it in several invocations.
#include "registry/cli/job_follower.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <thread>

#include "local_world.h"

namespace heliocloud::registry::cli {
namespace {

JobProgress job_at(std::size_t rows_done, JobState state, int runs) {
  JobProgress p;
  p.job = "s3://uploads/job1/";
  p.state = state;
  p.runs = runs;
  p.updated = now_utc();
  p.datasets.push_back({.id = "MMS",
                        .files_total = 10,
                        .rows_done = rows_done,
                        .bytes_total = 1000,
                        .bytes_done = rows_done * 100});
  return p;
}

TEST(FollowJob, FollowsTheRunsItStartedUntilPublishedWithABar) {
  test::LocalWorld w;
  w.records->put_job(job_at(10, JobState::Published, 3));  // an earlier ingest of the same job name
  std::FILE* bar = std::tmpfile();
  std::jthread ingester([&] {
    for (const std::size_t done : {std::size_t{2}, std::size_t{4}, std::size_t{8}}) {
      std::this_thread::sleep_for(std::chrono::milliseconds(30));
      w.records->put_job(job_at(done, done < 8 ? JobState::Running : JobState::Waiting, 4));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    w.records->put_job(job_at(10, JobState::Published, 5));
  });
  const auto done =
      follow_job(*w.records, "s3://uploads/job1/", 3, {.poll = std::chrono::milliseconds(5), .bar = bar});
  EXPECT_EQ(done.state, JobState::Published);
  EXPECT_EQ(done.runs, 5);
  ASSERT_EQ(std::fseek(bar, 0, SEEK_SET), 0);
  std::string printed(4096, '\0');
  printed.resize(std::fread(printed.data(), 1, printed.size(), bar));
  std::fclose(bar);
  EXPECT_NE(printed.find("running: 2/10 files, 200 B of 1.0 kB"), std::string::npos) << printed;
  // The earlier run's "published" is not taken for this one's: it shows once, at the end.
  EXPECT_LT(printed.find("running: 2/10"), printed.find("published: 10/10 files")) << printed;
  EXPECT_EQ(printed.find("published"), printed.rfind("published")) << printed;
}

TEST(FollowJob, SaysSoWhenNoRunPicksTheJobUp) {
  test::LocalWorld w;
  try {
    (void)follow_job(
        *w.records, "s3://uploads/job1/", 0,
        {.poll = std::chrono::milliseconds(5), .start_timeout = std::chrono::seconds(0), .bar = nullptr});
    FAIL() << "no error";
  } catch (const FollowError& e) {
    EXPECT_NE(std::string(e.what()).find("no run of the Ingester has picked job s3://uploads/job1/ up"),
              std::string::npos)
        << e.what();
  }
}

TEST(FollowJob, StatusLinesNameStateProgressAndLastError) {
  auto failed = job_at(4, JobState::Failed, 2);
  failed.error = "MMS: 1 of 4 files could not be copied\n  details";
  std::ostringstream out;
  print_jobs({failed}, out);
  EXPECT_NE(out.str().find("s3://uploads/job1/  failed  4/10 files, 400 B of 1.0 kB"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("last error: MMS: 1 of 4 files could not be copied\n"), std::string::npos)
      << out.str();
  std::ostringstream one;
  print_job(failed, one);
  EXPECT_NE(one.str().find("  MMS: 4/10 files, 400 B of 1.0 kB"), std::string::npos) << one.str();
  EXPECT_EQ(progress_line(job_at(5, JobState::Running, 1), 100.0),
            "5/10 files, 500 B of 1.0 kB, 100 B/s, ETA 5s");
}

}  // namespace
}  // namespace heliocloud::registry::cli
