#include "registry/csv.h"

#include <gtest/gtest.h>

namespace heliocloud::registry {
namespace {

std::vector<CsvRecord> read_all(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.next(r)) out.push_back(r);
  return out;
}

TEST(Csv, SplitsPlainFieldsAndTracksLines) {
  const auto rows = read_all("a,b,c\n\n1,2,3\n");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(rows[1].line, 3U);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "2", "3"}));
}

TEST(Csv, HandlesRfc4180QuotingAndCrlf) {
  const auto rows =
      read_all("\xEF\xBB\xBFh1,h2\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\nlast,\r\n");
  ASSERT_EQ(rows.size(), 4U);
  EXPECT_EQ(rows[0].fields[0], "h1");  // BOM dropped
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"a,b", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"multi\nline", "x"}));
  EXPECT_EQ(rows[3].line, 5U);  // the quoted line break counts
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"last", ""}));
}

TEST(Csv, ReportsBrokenQuotingWithLine) {
  CsvReader reader("ok\n\"abc\"def,1\nnext\n");
  CsvRecord r;
  ASSERT_TRUE(reader.next(r));
  try {
    reader.next(r);
    FAIL() << "accepted text after a closing quote";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2U);
  }
  ASSERT_TRUE(reader.next(r));  // resumes at the next line
  EXPECT_EQ(r.fields[0], "next");
  CsvReader open("\"never closed\n");
  EXPECT_THROW(open.next(r), CsvError);
}

TEST(Csv, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_field(out, "s3://b/plain.cdf");
  out += '|';
  append_csv_field(out, "s3://b/a,b.cdf");
  out += '|';
  append_csv_field(out, "q\"x");
  EXPECT_EQ(out, "s3://b/plain.cdf|\"s3://b/a,b.cdf\"|\"q\"\"x\"");
}

}  // namespace
}  // namespace heliocloud::registry
