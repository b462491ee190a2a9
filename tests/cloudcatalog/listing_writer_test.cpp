#include "cloudcatalog/listing_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "memory_fetcher.h"

namespace heliocloud::cloudcatalog {
namespace {

using registry::parse_time;
using testing::MemoryFetcher;

// Dataset X over 2019-2021: three year files with an extra column given twice, times of one precision
// (milliseconds) in two years and whole seconds in the third.
MemoryFetcher three_years() {
  MemoryFetcher fetcher;
  fetcher.objects["s3://bkt/catalog.json"] = R"({"version": "1.1", "status": {"code": 1200}, "catalog": [
      {"id": "X", "index": "s3://bkt/x/", "title": "X", "start": "2019-01-01T00:00:00Z",
       "stop": "2021-12-31T00:00:00Z"}]})";
  const std::string header = "# start, stop, datakey, filesize, checksum, note, checksum\n";
  fetcher.objects["s3://bkt/x/X_2019.csv"] =
      header + "2019-06-01T00:00:00.250Z,2019-06-02T00:00:00.000Z,s3://bkt/x/a.cdf,10,c1,\"n, 1\",c2\n";
  fetcher.objects["s3://bkt/x/X_2020.csv"] =
      header + "2020-02-01T00:00:00Z,2020-02-02T00:00:00Z,s3://bkt/x/b \"q\".cdf,20,c3,n2,c4\n" +
      "2020-01-01T00:00:00Z,2020-01-02T00:00:00Z,s3://bkt/x/c.cdf,30,c5,n3,c6\n";
  fetcher.objects["s3://bkt/x/X_2021.csv"] =
      header + "2021-03-01T00:00:00.5Z,2021-03-02T00:00:00Z,s3://bkt/x/d.cdf,40,c7,n4,c8\n";
  return fetcher;
}

// The listing printed as `heliocloud files` did before it streamed: every row read, sorted, then written at
// once with the fraction digits the whole listing needs.
std::string printed_at_once(const FileListing& listing, ListingFormat format) {
  int digits = 0;
  for (const auto& r : listing.rows)
    digits = std::max(
        {digits, registry::fraction_digits_needed(r.start), registry::fraction_digits_needed(r.stop)});
  if (format == ListingFormat::Csv)
    return registry::format_index_file({.extra_columns = listing.extra_columns, .rows = listing.rows},
                                       digits);
  std::ostringstream out;
  if (format == ListingFormat::Json) {
    auto rows = nlohmann::ordered_json::array();
    for (const auto& r : listing.rows) {
      nlohmann::ordered_json row = {{"start", registry::format_time(r.start, digits)},
                                    {"stop", registry::format_time(r.stop, digits)},
                                    {"datakey", r.datakey},
                                    {"filesize", r.size}};
      for (std::size_t i = 0; i < r.extras.size() && i < listing.extra_columns.size(); ++i)
        row[listing.extra_columns[i]] = r.extras[i];
      rows.push_back(std::move(row));
    }
    out << rows.dump(2) << "\n";
    return out.str();
  }
  for (const auto& r : listing.rows)
    out << registry::format_time(r.start, digits) << "  " << registry::format_time(r.stop, digits) << "  "
        << r.size << "  " << r.datakey << "\n";
  return out.str();
}

struct Printed {
  std::string text;
  std::size_t rows = 0;
  std::uint64_t bytes = 0;
  std::size_t index_files = 0;
  std::vector<std::string> notes;
};

Printed streamed(MemoryFetcher& fetcher, ListingFormat format, const char* start, const char* stop) {
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  std::ostringstream out;
  ListingWriter writer(out, format);
  reader.stream("X", parse_time(start), parse_time(stop), writer);
  writer.finish();
  return {.text = out.str(),
          .rows = writer.row_count(),
          .bytes = writer.bytes(),
          .index_files = writer.index_files_read(),
          .notes = writer.notes()};
}

class ListingWriterFormats : public ::testing::TestWithParam<ListingFormat> {};

TEST_P(ListingWriterFormats, StreamedOutputEqualsTheListingPrintedAtOnce) {
  auto fetcher = three_years();
  const CatalogReader reader(fetcher, parse_endpoint("s3://bkt/"));
  // Two years (one precision), then an empty range, then a range inside one year.
  for (const auto& [start, stop] :
       {std::pair{"2019-01-01", "2020-12-31"}, std::pair{"2019-07-01", "2019-12-01"},
        std::pair{"2020-01-01T12:00:00Z", "2020-02-01T00:00:00Z"}}) {
    const auto expected = printed_at_once(reader.files("X", parse_time(start), parse_time(stop)), GetParam());
    const auto got = streamed(fetcher, GetParam(), start, stop);
    EXPECT_EQ(got.text, expected) << start << " to " << stop;
    EXPECT_TRUE(got.notes.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(AllFormats, ListingWriterFormats,
                         ::testing::Values(ListingFormat::Table, ListingFormat::Csv, ListingFormat::Json),
                         [](const ::testing::TestParamInfo<ListingFormat>& param) {
                           return param.param == ListingFormat::Table ? std::string("table")
                                  : param.param == ListingFormat::Csv ? std::string("csv")
                                                                      : std::string("json");
                         });

TEST(ListingWriter, CountsRowsBytesAndIndexFiles) {
  auto fetcher = three_years();
  const auto got = streamed(fetcher, ListingFormat::Table, "2019-01-01", "2020-03-01");
  EXPECT_EQ(got.rows, 3U);
  EXPECT_EQ(got.bytes, 60U);
  EXPECT_EQ(got.index_files, 2U);
}

TEST(ListingWriter, AnEmptyListingIsAHeaderOrAnEmptyArray) {
  auto fetcher = three_years();
  EXPECT_EQ(streamed(fetcher, ListingFormat::Csv, "2019-07-01", "2019-08-01").text,
            "# start, stop, datakey, filesize, checksum, note, checksum\n");
  EXPECT_EQ(streamed(fetcher, ListingFormat::Json, "2019-07-01", "2019-08-01").text, "[]\n");
  EXPECT_EQ(streamed(fetcher, ListingFormat::Table, "2019-07-01", "2019-08-01").text, "");
  // No index file in range: the CSV header has no extra column.
  fetcher.objects.erase("s3://bkt/x/X_2019.csv");
  EXPECT_EQ(streamed(fetcher, ListingFormat::Csv, "2019-07-01", "2019-08-01").text,
            "# start, stop, datakey, filesize\n");
}

TEST(ListingWriter, ALaterYearNeedingMoreDigitsRaisesThePrecisionWithANote) {
  auto fetcher = three_years();
  // 2020 (whole seconds) first, then 2021 (a half second): nothing is rounded, and the change is said.
  const auto got = streamed(fetcher, ListingFormat::Table, "2020-01-01", "2021-12-01");
  EXPECT_EQ(got.text,
            "2020-01-01T00:00:00Z  2020-01-02T00:00:00Z  30  s3://bkt/x/c.cdf\n"
            "2020-02-01T00:00:00Z  2020-02-02T00:00:00Z  20  s3://bkt/x/b \"q\".cdf\n"
            "2021-03-01T00:00:00.500Z  2021-03-02T00:00:00.000Z  40  s3://bkt/x/d.cdf\n");
  ASSERT_EQ(got.notes.size(), 1U);
  EXPECT_EQ(
      got.notes[0],
      "s3://bkt/x/X_2021.csv: times need 3 fraction digits; the rows listed before it were written with 0 "
      "(the dataset mixes precisions)");
}

TEST(ListingWriter, RowsOutOfOrderAreNoted) {
  MemoryFetcher fetcher = three_years();
  fetcher.objects["s3://bkt/x/X_2020.csv"] +=
      "2019-01-01T00:00:00Z,2019-07-01T00:00:00Z,s3://bkt/x/e.cdf,50,,,\n";
  const auto got = streamed(fetcher, ListingFormat::Csv, "2019-01-01", "2020-12-31");
  ASSERT_EQ(got.notes.size(), 1U);
  EXPECT_EQ(got.notes[0].rfind("s3://bkt/x/X_2020.csv: 1 rows start before rows of an earlier year file", 0),
            0U);
  EXPECT_EQ(got.rows, 4U);
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
