#include "registry/index_file.h"

#include <gtest/gtest.h>

#include "registry/index_set.h"

namespace heliocloud::registry {
namespace {

IndexRow row(const char* start, const char* key, std::uint64_t size, const char* stop = nullptr) {
  IndexRow r;
  r.start = parse_time(start);
  r.stop = parse_time(stop != nullptr ? stop : start);
  r.datakey = key;
  r.size = size;
  return r;
}

const DatasetLocation kLoc{.bucket = "helio-public", .folder = "MMS/fgm"};

TEST(IndexFile, FormatsExactlyAsClientsNeed) {
  IndexFile f;
  f.rows = {row("2015-09-01T12:11:14Z", "s3://helio-public/MMS/fgm/a.cdf", 4641642, "2015-09-01T12:20:00Z"),
            row("2015-09-01T13:00:00Z", "s3://helio-public/MMS/fgm/b,c.cdf", 5)};
  EXPECT_EQ(format_index_file(f, 0),
            "# start, stop, datakey, filesize\n"
            "2015-09-01T12:11:14Z,2015-09-01T12:20:00Z,s3://helio-public/MMS/fgm/a.cdf,4641642\n"
            "2015-09-01T13:00:00Z,2015-09-01T13:00:00Z,\"s3://helio-public/MMS/fgm/b,c.cdf\",5\n");
  f.extra_columns = {"checksum"};
  f.rows[0].extras = {"abc"};
  f.rows[1].extras = {""};
  EXPECT_EQ(format_index_file(f, 3),
            "# start, stop, datakey, filesize, checksum\n"
            "2015-09-01T12:11:14.000Z,2015-09-01T12:20:00.000Z,s3://helio-public/MMS/fgm/a.cdf,4641642,abc\n"
            "2015-09-01T13:00:00.000Z,2015-09-01T13:00:00.000Z,\"s3://helio-public/MMS/fgm/b,c.cdf\",5,\n");
}

TEST(IndexFile, RoundTrips) {
  IndexFile f;
  f.extra_columns = {"checksum"};
  f.rows = {row("2016-02-01T00:00:00.5Z", "s3://b/x/\"q\".cdf", 1)};
  f.rows[0].extras = {"a,b"};
  const auto text = format_index_file(f, 3);
  const auto back = parse_index_file(text, "x_2016.csv");
  EXPECT_EQ(back.extra_columns, f.extra_columns);
  EXPECT_EQ(back.rows, f.rows);
}

TEST(IndexFile, ReadsTheOriginalPlatformsFormat) {
  const auto f = parse_index_file(
      "# startDate, key, size\n'2015-09-01 12:11:14+00:00','s3://test/base/x1.fits','4'\n", "MMS_2015.csv");
  ASSERT_EQ(f.rows.size(), 1U);
  EXPECT_EQ(format_time(f.rows[0].start, 0), "2015-09-01T12:11:14Z");
  EXPECT_EQ(f.rows[0].stop, f.rows[0].start);
  EXPECT_EQ(f.rows[0].datakey, "s3://test/base/x1.fits");
  EXPECT_EQ(f.rows[0].size, 4U);
}

TEST(IndexFile, ParseErrorsNameFileAndLine) {
  try {
    (void)parse_index_file("# start, stop, datakey, filesize\nnope,2015-01-01Z,s3://b/k,1\n",
                           "s3://b/f/A_2015.csv");
    FAIL();
  } catch (const IndexFormatError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("s3://b/f/A_2015.csv:2: ", 0), 0U) << e.what();
  }
  EXPECT_THROW((void)parse_index_file("", "x"), IndexFormatError);
  EXPECT_THROW((void)parse_index_file("a,b\n", "x"), IndexFormatError);
}

// Found by fuzz/registry_index_file_fuzz: the header is written back unquoted, so an extra column without a
// name or with a quote or comma in it would come back as different columns; such a file is refused instead.
TEST(IndexFile, ExtraColumnNamesMustSurviveRewriting) {
  const auto error_of = [](const std::string& text) -> std::string {
    try {
      (void)parse_index_file(text, "x_2015.csv");
    } catch (const IndexFormatError& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(error_of("# start, stop, datakey, filesize, \n"),
            "x_2015.csv:1: column 5 of the header has no name");
  EXPECT_EQ(error_of("# start, stop, datakey, filesize,\"a\"\"b\"\n"),
            "x_2015.csv:1: column name \"a\"b\" contains a comma, quote or line break");
  const auto ok = parse_index_file("# start, stop, datakey, filesize, quality\n", "x_2015.csv");
  EXPECT_EQ(ok.extra_columns, std::vector<std::string>{"quality"});
}

TEST(IndexFile, KeysAndYears) {
  EXPECT_EQ(index_file_key(kLoc, "MMS", 2015), "MMS/fgm/MMS_2015.csv");
  EXPECT_EQ(index_file_year(kLoc, "MMS", "MMS/fgm/MMS_2015.csv"), 2015);
  EXPECT_FALSE(index_file_year(kLoc, "MMS", "MMS/fgm/MMS_2015.csv.bak"));
  EXPECT_FALSE(index_file_year(kLoc, "MMS", "MMS/fgm/MMSX_2015.csv"));
  EXPECT_FALSE(index_file_year(kLoc, "MMS", "MMS/fgm/MMS_20a5.csv"));
  EXPECT_FALSE(index_file_year(kLoc, "MMS", "MMS/fgm/sub/MMS_2015.csv"));
}

TEST(IndexSet, MergesSortsAndReplacesByDatakey) {
  IndexSet set;
  IndexFile y2015;
  y2015.rows = {row("2015-03-01T00:00:00Z", "s3://b/k/a.cdf", 1),
                row("2015-06-01T00:00:00Z", "s3://b/k/b.cdf", 2)};
  set.add_year(2015, y2015);
  IndexFile y2016;
  y2016.rows = {row("2016-01-01T00:00:00Z", "s3://b/k/c.cdf", 3)};
  set.add_year(2016, y2016);

  const auto changed = set.merge(
      {row("2015-01-01T00:00:00Z", "s3://b/k/new.cdf", 9), row("2015-06-01T00:00:00Z", "s3://b/k/b.cdf", 22)},
      {});
  EXPECT_EQ(changed, (std::set<int>{2015}));
  const auto& r = set.years().at(2015).rows;
  ASSERT_EQ(r.size(), 3U);
  EXPECT_EQ(r[0].datakey, "s3://b/k/new.cdf");
  EXPECT_EQ(r[1].datakey, "s3://b/k/a.cdf");
  EXPECT_EQ(r[2].datakey, "s3://b/k/b.cdf");
  EXPECT_EQ(r[2].size, 22U);  // replaced, not duplicated
  EXPECT_EQ(set.years().at(2016).rows.size(), 1U);
}

TEST(IndexSet, ReingestingTheSameRowsChangesNothing) {
  IndexSet set;
  const std::vector<IndexRow> rows{row("2015-03-01T00:00:00Z", "s3://b/k/a.cdf", 1),
                                   row("2016-03-01T00:00:00Z", "s3://b/k/b.cdf", 2)};
  EXPECT_EQ(set.merge(rows, {}), (std::set<int>{2015, 2016}));
  EXPECT_TRUE(set.merge(rows, {}).empty());
  EXPECT_EQ(set.years().at(2015).rows.size(), 1U);
  EXPECT_EQ(set.years().at(2016).rows.size(), 1U);
}

TEST(IndexSet, ARowWhoseStartMovedYearLeavesItsOldFile) {
  IndexSet set;
  set.merge({row("2015-12-31T23:00:00Z", "s3://b/k/a.cdf", 1)}, {});
  const auto changed = set.merge({row("2016-01-01T01:00:00Z", "s3://b/k/a.cdf", 1)}, {});
  EXPECT_EQ(changed, (std::set<int>{2015, 2016}));
  EXPECT_TRUE(set.years().at(2015).rows.empty());
  EXPECT_EQ(set.years().at(2016).rows.size(), 1U);
}

TEST(IndexSet, OnePrecisionForTheWholeDataset) {
  IndexSet set;
  set.merge(
      {row("2015-01-01T00:00:00Z", "s3://b/k/a.cdf", 1), row("2016-01-01T00:00:00.25Z", "s3://b/k/b.cdf", 1)},
      {});
  EXPECT_EQ(set.fraction_digits(0), 3);
  IndexSet whole;
  whole.merge({row("2015-01-01T00:00:00Z", "s3://b/k/a.cdf", 1)}, {});
  EXPECT_EQ(whole.fraction_digits(0), 0);
  EXPECT_EQ(whole.fraction_digits(6), 6);  // never shrinks below what is published
}

}  // namespace
}  // namespace heliocloud::registry
