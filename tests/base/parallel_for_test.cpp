#include "base/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace base = heliocloud::base;

TEST(ParallelFor, RunsEveryIndexOnce) {
  std::vector<std::atomic<int>> runs(100);
  const auto failures = base::parallel_for(runs.size(), {.concurrency = 4, .stop_on_error = false},
                                           [&](std::size_t i) { ++runs[i]; });
  EXPECT_TRUE(failures.empty());
  for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
}

TEST(ParallelFor, NothingToDoIsFine) {
  EXPECT_TRUE(base::parallel_for(0, {}, [](std::size_t) { FAIL(); }).empty());
}

TEST(ParallelFor, FailuresAreReturnedSortedAndTheOthersStillRun) {
  std::atomic<int> done{0};
  const auto failures =
      base::parallel_for(20, {.concurrency = 3, .stop_on_error = false}, [&](std::size_t i) {
        if (i % 5 == 4) throw std::runtime_error("task " + std::to_string(i));
        ++done;
      });
  ASSERT_EQ(failures.size(), 4U);
  EXPECT_EQ(failures[0].index, 4U);
  EXPECT_EQ(failures[3].index, 19U);
  EXPECT_EQ(done.load(), 16);
  try {
    base::rethrow_first(failures);
    FAIL() << "expected the first failure";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "task 4");
  }
}

TEST(ParallelFor, StopOnErrorHandsOutNoNewTasks) {
  std::atomic<int> started{0};
  const auto failures =
      base::parallel_for(1000, {.concurrency = 1, .stop_on_error = true}, [&](std::size_t i) {
        ++started;
        if (i == 2) throw std::runtime_error("stop");
      });
  EXPECT_EQ(failures.size(), 1U);
  EXPECT_EQ(started.load(), 3);  // one worker: tasks 0, 1, 2, then nothing
  EXPECT_NO_THROW(base::rethrow_first({}));
}
