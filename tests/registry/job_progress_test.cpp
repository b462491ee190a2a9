// A stored job's errors fit in one DynamoDB item, whatever the run reported.
#include "registry/job_progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace heliocloud::registry {
namespace {

TEST(JobProgress, ShortErrorsAreStoredAsTheyAre) {
  EXPECT_EQ(shortened_error("MMS: 2 files are missing", 100), "MMS: 2 files are missing");
  EXPECT_EQ(shortened_error("", 0), "");
}

TEST(JobProgress, LongErrorsKeepTheirFirstLinesAndSayHowManyAreLeftOut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "X/manifest.csv:" + std::to_string(i + 2) + ": f.cdf: not found\n";
  text.pop_back();
  const auto stored = shortened_error(text, 2048);
  EXPECT_LE(stored.size(), 2048U);
  EXPECT_TRUE(stored.starts_with("X/manifest.csv:2: f.cdf: not found\nX/manifest.csv:3:"));
  const auto note = stored.rfind('\n');
  const auto kept_lines = static_cast<std::size_t>(std::count(stored.begin(), stored.end(), '\n'));
  EXPECT_EQ(stored.substr(note + 1), "… " + std::to_string(1000 - kept_lines) + " more lines");
  // Every kept line is whole.
  EXPECT_EQ(stored.substr(0, note), text.substr(0, note));
  EXPECT_EQ(text[note], '\n');
}

TEST(JobProgress, OneLongLineIsCutBetweenCharacters) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "é";  // two bytes each
  const auto stored = shortened_error(text, 64 + 11);
  EXPECT_EQ(stored, "ééééé\n… the rest of the line");  // 11 bytes of room: five whole characters
}

TEST(JobProgress, TheStoredJobHoldsTheShortenedErrors) {
  JobProgress p;
  p.job = "s3://uploads/job1/";
  p.error = std::string(20000, 'x');
  p.datasets.push_back({.id = "MMS", .error = std::string(5000, 'y')});
  const auto j = to_json(p);
  EXPECT_LE(j["error"].get<std::string>().size(), kMaxStoredJobError);
  EXPECT_LE(j["datasets"][0]["error"].get<std::string>().size(), kMaxStoredDatasetError);
  EXPECT_EQ(job_progress_from_json(j).datasets[0].id, "MMS");
}

}  // namespace
}  // namespace heliocloud::registry
