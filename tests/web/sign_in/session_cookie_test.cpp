// The session and pre-login cookies: chunking, round trips, expiry, and tampering read as signed out.
#include "web/sign_in/session_cookie.h"

#include <gtest/gtest.h>

#include "web/sign_in/chunked_cookie.h"
#include "web/sign_in/pre_login_cookie.h"

namespace sign_in = heliocloud::web::sign_in;
using heliocloud::web::Params;
using heliocloud::web::SetCookie;

namespace {

const std::string kCookieSecret = "an example secret key of at least 32 bytes";

// The Cookie header a browser would send after these Set-Cookies (expired ones dropped).
Params browser_jar(const std::vector<SetCookie>& set, const Params& jar = {}) {
  Params out;
  for (const auto& [name, value] : jar.entries()) {
    bool replaced = false;
    for (const auto& c : set) replaced = replaced || c.name == name;
    if (!replaced) out.add(name, value);
  }
  for (const auto& c : set) {
    if (!c.max_age || c.max_age->count() > 0) out.add(c.name, c.value);
  }
  return out;
}

sign_in::SessionTokens sample_tokens(std::size_t token_chars) {
  return {.id_token = std::string(token_chars, 'i'),
          .access_token = std::string(token_chars, 'a'),
          .refresh_token = std::string(token_chars, 'r'),
          .expires_at = 2'000'000'000};
}

}  // namespace

TEST(ChunkedCookie, SplitsLongValuesAndPutsThemBackTogether) {
  const std::string value(9000, 'x');
  const auto cookies = sign_in::chunk_cookie("hc_session", value, std::chrono::seconds{60});
  ASSERT_EQ(cookies.size(), 3U);
  for (const auto& c : cookies) {
    EXPECT_LE(c.value.size(), sign_in::kCookieChunkChars);
    EXPECT_TRUE(c.http_only);
    EXPECT_EQ(c.path, "/");
    // The whole header line fits a browser's 4096 bytes.
    EXPECT_LT(heliocloud::web::format_set_cookie(c, true).size(), 4000U);
  }
  EXPECT_EQ(cookies[0].name, "hc_session_0");
  EXPECT_EQ(cookies[2].name, "hc_session_2");
  EXPECT_EQ(sign_in::read_chunked_cookie(browser_jar(cookies), "hc_session"), value);
  const auto one = sign_in::chunk_cookie("c", "short", std::nullopt);
  ASSERT_EQ(one.size(), 1U);
  EXPECT_EQ(sign_in::read_chunked_cookie(browser_jar(one), "c"), "short");
}

TEST(ChunkedCookie, RefusesMissingPiecesAndIgnoresStaleOnes) {
  const auto cookies = sign_in::chunk_cookie("s", std::string(5000, 'y'), std::nullopt);
  ASSERT_EQ(cookies.size(), 2U);
  Params missing;
  missing.add(cookies[0].name, cookies[0].value);
  EXPECT_EQ(sign_in::read_chunked_cookie(missing, "s"), std::nullopt);
  // A third piece left from an older, longer value is not glued on.
  auto jar = browser_jar(cookies);
  jar.add("s_2", "stale");
  EXPECT_EQ(sign_in::read_chunked_cookie(jar, "s"), std::string(5000, 'y'));
  for (const char* first : {"", "0.abc", "9.abc", "x.abc", "12.abc", "abc"}) {
    Params bad;
    bad.add("s_0", first);
    EXPECT_EQ(sign_in::read_chunked_cookie(bad, "s"), std::nullopt) << first;
  }
  EXPECT_THROW((void)sign_in::chunk_cookie("s", std::string(40000, 'z'), std::nullopt), std::length_error);
}

TEST(ChunkedCookie, ExpiresEveryPieceTheBrowserHas) {
  Params jar;
  jar.add("s_0", "3.a");
  jar.add("s_1", "b");
  jar.add("s_2", "c");
  jar.add("s_extra", "not ours");
  jar.add("other_1", "not ours");
  const auto expired = sign_in::expire_chunked_cookie(jar, "s", 1);
  ASSERT_EQ(expired.size(), 2U);
  EXPECT_EQ(expired[0].name, "s_1");
  EXPECT_EQ(expired[1].name, "s_2");
  for (const auto& c : expired) EXPECT_EQ(c.max_age, std::chrono::seconds{0});
  EXPECT_EQ(sign_in::expire_chunked_cookie({}, "s").size(), 1U);  // s_0 always
}

TEST(SessionCookie, RoundTripsRealisticTokensInSeveralChunks) {
  const sign_in::SessionCookie cookie(kCookieSecret, "hc_session");
  // Cognito: id ~1.2 KB, access ~1 KB, refresh (a JWE) ~1.8 KB; with room to spare.
  const auto tokens = sample_tokens(2000);
  const auto set = cookie.write(tokens, 1'900'000'000, {});
  EXPECT_GE(set.size(), 2U);
  for (const auto& c : set) {
    EXPECT_EQ(c.value.find("iiii"), std::string::npos) << "tokens must not be readable";
    EXPECT_EQ(c.max_age, std::chrono::seconds{100'000'000});
  }
  EXPECT_EQ(cookie.read(browser_jar(set), 1'900'000'000), tokens);
  // Past its end the session is over, even if the browser kept the cookie.
  EXPECT_EQ(cookie.read(browser_jar(set), 2'000'000'000), std::nullopt);
}

TEST(SessionCookie, AShorterSessionExpiresTheExtraPieces) {
  const sign_in::SessionCookie cookie(kCookieSecret, "hc_session");
  const auto long_set = cookie.write(sample_tokens(3000), 0, {});
  const auto jar = browser_jar(long_set);
  const auto short_set = cookie.write(sample_tokens(100), 0, jar);
  ASSERT_LT(short_set.size(), long_set.size() * 2);
  const auto next = browser_jar(short_set, jar);
  EXPECT_FALSE(next.has("hc_session_1"));
  EXPECT_EQ(cookie.read(next, 0), sample_tokens(100));
}

TEST(SessionCookie, TamperingOrAnotherKeyReadsAsSignedOut) {
  const sign_in::SessionCookie cookie(kCookieSecret, "hc_session");
  const auto set = cookie.write(sample_tokens(2000), 0, {});
  auto jar = browser_jar(set);
  Params tampered;
  for (const auto& [name, value] : jar.entries()) {
    std::string v = value;
    if (name == "hc_session_1") v[100] = v[100] == 'A' ? 'B' : 'A';
    tampered.add(name, v);
  }
  EXPECT_EQ(cookie.read(tampered, 0), std::nullopt);
  EXPECT_EQ(sign_in::SessionCookie(kCookieSecret + "x", "hc_session").read(jar, 0), std::nullopt);
  // Sealed under another cookie's name: not accepted as this one.
  Params renamed;
  for (const auto& [name, value] : jar.entries()) renamed.add("hc_other" + name.substr(10), value);
  EXPECT_EQ(sign_in::SessionCookie(kCookieSecret, "hc_other").read(renamed, 0), std::nullopt);
  Params garbage;
  garbage.add("hc_session_0", "1.%%%");
  EXPECT_EQ(cookie.read(garbage, 0), std::nullopt);
}

TEST(PreLoginCookie, RoundTripsForTenMinutes) {
  const sign_in::PreLoginCookie cookie(kCookieSecret, "hc_sign_in");
  const auto pre = sign_in::PreLoginCookie::start("/instances?x=1", 1000);
  EXPECT_EQ(pre.expires_at, 1600);
  EXPECT_NE(pre.state, pre.nonce);
  const auto set = cookie.write(pre);
  EXPECT_EQ(set.max_age, std::chrono::seconds{600});
  EXPECT_EQ(set.value.find(pre.code_verifier), std::string::npos);
  Params jar;
  jar.add(set.name, set.value);
  const auto read = cookie.read(jar, 1599);
  EXPECT_EQ(read.problem, sign_in::PreLoginProblem::None);
  EXPECT_EQ(read.pre_login, pre);
  EXPECT_EQ(cookie.read(jar, 1600).problem, sign_in::PreLoginProblem::Expired);
  EXPECT_EQ(cookie.read({}, 1000).problem, sign_in::PreLoginProblem::Missing);
  Params tampered;
  tampered.add(set.name, set.value.substr(0, set.value.size() - 2) + "AA");
  EXPECT_EQ(cookie.read(tampered, 1000).problem, sign_in::PreLoginProblem::Unreadable);
  // A session cookie's sealed value is not a pre-login value, even under the pre-login's name.
  const auto session = sign_in::SessionCookie(kCookieSecret, "hc_sign_in").write(sample_tokens(10), 0, {});
  Params swapped;
  swapped.add("hc_sign_in", session[0].value.substr(2));
  EXPECT_EQ(cookie.read(swapped, 1000).problem, sign_in::PreLoginProblem::Unreadable);
}
