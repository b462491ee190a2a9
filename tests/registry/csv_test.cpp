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

// Records, or "error at line N", of a text read whole (CsvReader) or in pieces (CsvStream).
template <typename Reader>
std::vector<std::string> outcome(Reader& reader) {
  std::vector<std::string> out;
  CsvRecord r;
  while (true) {
    try {
      if (!reader.next(r)) break;
      out.push_back(std::to_string(r.line) + ":" + testing::PrintToString(r.fields));
    } catch (const CsvError& e) {
      out.push_back("error at line " + std::to_string(e.line()));
    }
  }
  return out;
}

std::vector<std::string> outcome_in_pieces(std::string_view text, std::size_t piece) {
  CsvStream stream([text, piece, at = std::size_t{0}]() mutable -> std::optional<std::string> {
    if (at >= text.size()) return std::nullopt;
    auto part = std::string(text.substr(at, piece));
    at += piece;
    return part;
  });
  return outcome(stream);
}

TEST(Csv, AStreamInPiecesReadsAsTheWholeText) {
  // Pieces of every size from one byte: each boundary falls inside a BOM, a quoted line break, a "" escape, a
  // CRLF, a broken quote and the unterminated last field somewhere.
  const std::string text =
      "\xEF\xBB\xBFh1,h2\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\n\"multi\nline\",x\r\n\"abc\"def,1\nlast,\r\n"
      "cr\rinside,y\n\"never closed";
  CsvReader whole(text);
  const auto expected = outcome(whole);
  ASSERT_EQ(expected.size(), 7U);
  EXPECT_EQ(expected[3], "error at line 6");
  EXPECT_EQ(expected[6], "error at line 9");
  for (std::size_t piece = 1; piece <= text.size(); ++piece)
    EXPECT_EQ(outcome_in_pieces(text, piece), expected) << "pieces of " << piece << " bytes";
  EXPECT_TRUE(outcome_in_pieces("", 4).empty());
  EXPECT_EQ(outcome_in_pieces("a\n\n\n", 1), (std::vector<std::string>{"1:{ \"a\" }"}));
}

}  // namespace
}  // namespace heliocloud::registry
