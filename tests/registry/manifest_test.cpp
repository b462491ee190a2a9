#include "registry/manifest.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace heliocloud::registry {
namespace {

using test::fixture;

ManifestParse parse(std::string_view text) {
  return parse_manifest(text, "MMS/manifest.csv");
}

TEST(Manifest, ValidFixture) {
  const auto p = parse(fixture("manifest/valid.csv"));
  ASSERT_TRUE(p.problems.empty()) << to_string(p.problems);
  const auto& rows = p.manifest.rows;
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].line, 2U);
  EXPECT_EQ(format_time(rows[0].start, 0), "2015-09-01T12:11:14Z");
  EXPECT_EQ(rows[0].stop, rows[0].start);  // no stop column: stop = start
  EXPECT_EQ(rows[0].key, "mms1/fgm/brst/l2/2015/09/01/mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf");
  EXPECT_EQ(rows[0].size, 4641642U);
  EXPECT_EQ(rows[0].file_type, "cdf");
  EXPECT_EQ(rows[3].size, 297206U);
  EXPECT_TRUE(p.manifest.extra_columns.empty());
}

TEST(Manifest, ValidMultipleYearsFixture) {
  const auto p = parse(fixture("manifest/valid_multiple_years.csv"));
  ASSERT_TRUE(p.problems.empty()) << to_string(p.problems);
  ASSERT_EQ(p.manifest.rows.size(), 4U);
  EXPECT_EQ(p.manifest.rows[1].start.year(), 2015);
  EXPECT_EQ(p.manifest.rows[2].start.year(), 2016);
}

TEST(Manifest, BadDataFixtureNamesLineAndValue) {
  const auto p = parse(fixture("manifest/bad_data.csv"));
  ASSERT_EQ(p.problems.size(), 1U) << to_string(p.problems);
  EXPECT_EQ(p.problems[0].where, "MMS/manifest.csv:4");
  EXPECT_NE(p.problems[0].message.find("\"not_a_time\" is not an ISO 8601 time"), std::string::npos);
  EXPECT_NE(p.problems[0].message.find("mms1_fgm_brst_l2_20150901123044_v4.18.0.cdf: "), std::string::npos);
  EXPECT_FALSE(p.problems[0].fix.empty());
  EXPECT_EQ(p.manifest.rows.size(), 3U);
}

TEST(Manifest, BadExtensionFixtureReportsEveryRow) {
  const auto p = parse(fixture("manifest/bad_extension.csv"));
  ASSERT_EQ(p.problems.size(), 4U);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(p.problems[i].where, "MMS/manifest.csv:" + std::to_string(i + 2));
    EXPECT_NE(p.problems[i].message.find("unknown file extension \".bad\""), std::string::npos);
    EXPECT_NE(p.problems[i].fix.find("fits"), std::string::npos);
  }
}

TEST(Manifest, MissingFileFixtureParses) {
  // A file missing from the bucket is the job validator's business; the manifest itself is fine (and has no
  // final newline).
  const auto p = parse(fixture("manifest/missing_file.csv"));
  ASSERT_TRUE(p.problems.empty()) << to_string(p.problems);
  ASSERT_EQ(p.manifest.rows.size(), 4U);
  EXPECT_EQ(p.manifest.rows[3].key, "mms1/missing_file.cdf");
}

TEST(Manifest, MissingHeaderFixture) {
  const auto p = parse(fixture("manifest/missing_header.csv"));
  ASSERT_EQ(p.problems.size(), 1U);
  EXPECT_EQ(p.problems[0].to_string(),
            "MMS/manifest.csv:1: the header has no column for: datakey (or key, s3key) (fix: the first line "
            "must name "
            "the columns, e.g. \"# start, stop, datakey, filesize\" or \"#time, s3key, filesize\")");
}

TEST(Manifest, NotAManifestFixture) {
  const auto p = parse(fixture("manifest/manifest.txt"));
  ASSERT_EQ(p.problems.size(), 1U);
  EXPECT_NE(p.problems[0].message.find("start (or time) datakey (or key, s3key) filesize"),
            std::string::npos);
}

TEST(Manifest, CloudCatalogColumnsExtrasQuotingCrlfUtf8) {
  const auto p = parse(
      "#  Start, stop, key, filesize, checksum, checksum_algorithm\r\n"
      "2015-09-01T12:00:00+02:00,2015-09-01T10:30:00Z,\"a,b/é.FTS\",10,abc,md5\r\n"
      "2015-09-01,2015-09-02T00:00:00.5Z, x.h5 , 20 ,\"q\"\"\",sha\r\n");
  ASSERT_TRUE(p.problems.empty()) << to_string(p.problems);
  EXPECT_EQ(p.manifest.extra_columns, (std::vector<std::string>{"checksum", "checksum_algorithm"}));
  const auto& r = p.manifest.rows;
  ASSERT_EQ(r.size(), 2U);
  EXPECT_EQ(format_time(r[0].start, 0), "2015-09-01T10:00:00Z");
  EXPECT_EQ(format_time(r[0].stop, 0), "2015-09-01T10:30:00Z");
  EXPECT_EQ(r[0].key, "a,b/é.FTS");
  EXPECT_EQ(r[0].published_key, "a,b/é.fits");
  EXPECT_EQ(r[0].extras, (std::vector<std::string>{"abc", "md5"}));
  EXPECT_EQ(r[1].key, "x.h5");
  EXPECT_EQ(r[1].published_key, "x.hdf5");
  EXPECT_EQ(r[1].size, 20U);
  EXPECT_EQ(r[1].stop.nanos, 500'000'000U);
  EXPECT_EQ(r[1].extras[0], "q\"");
}

TEST(Manifest, ReportsEveryRowProblem) {
  const auto p = parse(
      "time,s3key,filesize\n"
      "2015-09-01T00:00:00Z,/abs.cdf,1\n"     // 2 leading slash
      "2015-09-01T00:00:00Z,a/../b.cdf,1\n"   // 3 dot-dot
      "2015-09-01T00:00:00Z,ok.cdf,1.0\n"     // 4 size
      "2015-09-01T00:00:00Z,ok2.cdf\n"        // 5 width
      "2015-09-01T00:00:00Z,dup.fts,1\n"      // 6 fine
      "2015-09-01T00:00:00Z,dup.fits,1\n"     // 7 duplicate after normalization
      "2015-09-01T00:00:00Z,noext,1\n"        // 8 no extension
      "2015-09-01T00:00:00Z,\"bad\"x,1\n"     // 9 broken quoting
      "2015-09-01T00:00:00Z,fine.cdf,-1\n");  // 10 negative size
  std::vector<std::string> where;
  for (const auto& pr : p.problems) where.push_back(pr.where);
  EXPECT_EQ(where, (std::vector<std::string>{"MMS/manifest.csv:2", "MMS/manifest.csv:3", "MMS/manifest.csv:4",
                                             "MMS/manifest.csv:5", "MMS/manifest.csv:7", "MMS/manifest.csv:8",
                                             "MMS/manifest.csv:9", "MMS/manifest.csv:10"}))
      << to_string(p.problems);
  EXPECT_NE(p.problems[2].message.find("size \"1.0\" is not a whole number"), std::string::npos);
  EXPECT_NE(p.problems[3].message.find("the row has 2 fields, the header 3"), std::string::npos);
  EXPECT_NE(p.problems[4].message.find("same file as line 6 (both publish as dup.fits)"), std::string::npos);
  EXPECT_EQ(p.manifest.rows.size(), 1U);
}

TEST(Manifest, StartAfterStop) {
  const auto p = parse("start,stop,datakey,filesize\n2015-09-02,2015-09-01,a.cdf,1\n");
  ASSERT_EQ(p.problems.size(), 1U);
  EXPECT_NE(p.problems[0].message.find("is before start"), std::string::npos);
}

TEST(Manifest, EmptyAndHeaderOnly) {
  EXPECT_NE(to_string(parse("").problems).find("empty"), std::string::npos);
  EXPECT_NE(to_string(parse("#time, s3key, filesize\n").problems).find("lists no files"), std::string::npos);
  EXPECT_NE(to_string(parse("time,time,s3key,filesize\n").problems).find("repeats"), std::string::npos);
}

TEST(Manifest, InvalidUtf8) {
  const auto p = parse("time,s3key,filesize\n2015-09-01,\xC3\x28.cdf,1\n");
  ASSERT_EQ(p.problems.size(), 1U);
  EXPECT_EQ(p.problems[0].where, "MMS/manifest.csv:2");
  EXPECT_NE(p.problems[0].message.find("UTF-8"), std::string::npos);
}

// The text in pieces of `piece` bytes.
CsvStream::Source pieces(const std::string& text, std::size_t piece) {
  return [text, piece, at = std::size_t{0}]() mutable -> std::optional<std::string> {
    if (at >= text.size()) return std::nullopt;
    auto part = text.substr(at, piece);
    at += piece;
    return part;
  };
}

TEST(ManifestReader, FindsDuplicatesFarApartInTwoReads) {
  // 3,000 rows read 100 bytes at a time; row 3,000 repeats row 1's published key, row 2,000 row 7's key.
  std::string text = "#time, s3key, filesize\n";
  for (int i = 0; i < 3000; ++i) {
    std::string key = "f" + std::to_string(i) + ".cdf";
    if (i == 1999) key = "f6.cdf";
    if (i == 2999) key = "F0.fits";
    if (i == 0) key = "F0.fts";
    text += "2020-01-01T00:00:00Z," + key + ",1\n";
  }
  DuplicateKeys keys;
  ManifestRow row;
  std::size_t rows = 0;
  {
    ManifestReader first(pieces(text, 100), "X/manifest.csv");
    while (first.next(row)) {
      keys.add(row.published_key);
      ++rows;
    }
    EXPECT_TRUE(first.problems().empty()) << to_string(first.problems());
  }
  EXPECT_EQ(rows, 3000U);
  ASSERT_TRUE(keys.find_suspects());
  ManifestReader again(pieces(text, 100), "X/manifest.csv", &keys);
  rows = 0;
  while (again.next(row)) ++rows;
  const auto problems = again.take_problems();
  ASSERT_EQ(problems.size(), 2U) << to_string(problems);
  EXPECT_EQ(problems[0].to_string(),
            "X/manifest.csv:2001: f6.cdf: same file as line 8 (fix: list each file once)");
  EXPECT_EQ(problems[1].to_string(),
            "X/manifest.csv:3001: F0.fits: same file as line 2 (both publish as F0.fits) (fix: list each "
            "file once)");
  EXPECT_EQ(rows, 2998U);
}

TEST(ManifestReader, ListsTheFirstThousandProblemsAndCountsTheRest) {
  // A manifest whose every row is wrong: memory holds a thousand problems, not one per row.
  std::string text = "#time, s3key, filesize\n";
  for (int i = 0; i < 2500; ++i) text += "2020-01-01T00:00:00Z,f" + std::to_string(i) + ".cdf,many\n";
  ManifestReader reader(pieces(text, 4096), "X/manifest.csv");
  ManifestRow row;
  while (reader.next(row)) {
  }
  EXPECT_EQ(reader.problems().size(), kMaxListedProblems);
  const auto problems = reader.take_problems();
  ASSERT_EQ(problems.size(), kMaxListedProblems + 1);
  EXPECT_EQ(problems.front().where, "X/manifest.csv:2");
  EXPECT_EQ(problems[kMaxListedProblems - 1].where, "X/manifest.csv:1001");
  EXPECT_EQ(problems.back().to_string(),
            "X/manifest.csv: 1500 more problems after these (only the first 1000 are listed) (fix: fix the "
            "problems listed, then run the job again to see the rest)");
}

TEST(ManifestReader, SkipsRowsUncheckedThenReadsOn) {
  const std::string text =
      "time,s3key,filesize\n2015-01-01,a.cdf,1\n   \n2015-01-02,b.cdf,2\n2015-01-03,c.cdf,3\n";
  ManifestReader reader(pieces(text, 7), "X/manifest.csv");
  EXPECT_EQ(reader.skip(2), 2U);  // the line of spaces is not a row
  ManifestRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.key, "c.cdf");
  EXPECT_EQ(row.line, 5U);
  EXPECT_FALSE(reader.next(row));
  EXPECT_EQ(reader.skip(5), 0U);
  EXPECT_TRUE(reader.problems().empty());
}

TEST(ManifestReader, ReadsInPiecesAsWhole) {
  const auto text = fixture("manifest/valid_multiple_years.csv");
  const auto whole = parse(text);
  for (std::size_t piece = 1; piece < 64; piece += 5) {
    ManifestReader reader(pieces(text, piece), "MMS/manifest.csv");
    ManifestRow row;
    std::size_t i = 0;
    while (reader.next(row)) {
      ASSERT_LT(i, whole.manifest.rows.size());
      EXPECT_EQ(row.key, whole.manifest.rows[i].key);
      EXPECT_EQ(row.line, whole.manifest.rows[i].line);
      EXPECT_EQ(row.start, whole.manifest.rows[i].start);
      ++i;
    }
    EXPECT_EQ(i, whole.manifest.rows.size());
  }
}

}  // namespace
}  // namespace heliocloud::registry
