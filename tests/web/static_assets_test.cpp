// Embedded static assets: strong ETag, 304, Cache-Control by fingerprint, content types, binary bodies.
#include "web/static_assets.h"

#include <gtest/gtest.h>

#include "base/digest.h"
#include "example_app.h"
#include "test_requests.h"

namespace web = heliocloud::web;
using heliocloud::web::testing::ExampleApp;
using heliocloud::web::testing::make_request;

namespace {

const std::string kCss = "body { font-family: sans-serif; }\n";

}  // namespace

TEST(StaticAssets, ServesWithAStrongSha256ETagAndAShortCacheLifetime) {
  ExampleApp site;
  const auto r = site.app().handle(make_request("GET", "/static/app.css"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, kCss);
  EXPECT_EQ(r.headers.get("ETag"), "\"" + heliocloud::base::sha256_hex(kCss) + "\"");
  EXPECT_EQ(r.headers.get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(r.headers.get("Cache-Control"), "public, max-age=300");
  EXPECT_FALSE(r.binary);
  EXPECT_EQ(r.headers.get("X-Content-Type-Options"), "nosniff");
  EXPECT_TRUE(r.headers.get_all("Set-Cookie").empty());  // assets start no session
}

TEST(StaticAssets, FingerprintedNamesAreImmutable) {
  ExampleApp site;
  const auto r = site.app().handle(make_request("GET", "/static/app.0123abcd.js"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r.headers.get("Content-Type"), "text/javascript; charset=utf-8");
}

TEST(StaticAssets, IfNoneMatchGivesA304WithoutBody) {
  ExampleApp site;
  const auto etag = *site.app().handle(make_request("GET", "/static/app.css")).headers.get("ETag");
  for (const std::string& header : {etag, "\"other\", " + etag, "W/" + etag, std::string("*")}) {
    auto request = make_request("GET", "/static/app.css");
    request.headers.add("If-None-Match", header);
    const auto r = site.app().handle(request);
    EXPECT_EQ(r.status, 304) << header;
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.headers.get("ETag"), etag);
    EXPECT_EQ(r.headers.get("Cache-Control"), "public, max-age=300");
    EXPECT_EQ(r.headers.get("X-Frame-Options"), "DENY");
  }
  auto stale = make_request("GET", "/static/app.css");
  stale.headers.add("If-None-Match", "\"0000\"");
  EXPECT_EQ(site.app().handle(stale).status, 200);
}

TEST(StaticAssets, BinaryFilesKeepEveryByte) {
  ExampleApp site;
  const auto r = site.app().handle(make_request("GET", "/static/logo.png"));
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.binary);
  EXPECT_EQ(r.headers.get("Content-Type"), "image/png");
  EXPECT_EQ(r.body, std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00\x01", 20));
}

TEST(StaticAssets, UnknownFilesAre404AndPostsAre405) {
  ExampleApp site;
  EXPECT_EQ(site.app().handle(make_request("GET", "/static/missing.css")).status, 404);
  EXPECT_EQ(site.app().handle(make_request("GET", "/static/../templates/layout.mustache")).status, 404);
  const auto post = site.app().handle(make_request("POST", "/static/app.css"));
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers.get("Allow"), "GET, HEAD");
}

TEST(StaticAssets, FingerprintAndIfNoneMatchRules) {
  EXPECT_TRUE(web::is_fingerprinted("app.0123abcd.css"));
  EXPECT_TRUE(web::is_fingerprinted("img/logo.0123456789abcdef.png"));
  EXPECT_FALSE(web::is_fingerprinted("app.css"));
  EXPECT_FALSE(web::is_fingerprinted("app.0123abc.css"));   // 7 digits
  EXPECT_FALSE(web::is_fingerprinted("0123abcd.css"));      // the stem is not a fingerprint
  EXPECT_FALSE(web::is_fingerprinted("app.css.0123abcd"));  // nor the extension
  EXPECT_FALSE(web::is_fingerprinted("app.decafbad-x.css"));
  EXPECT_TRUE(web::if_none_match_matches(" \"a\" , \"b\"", "\"b\""));
  EXPECT_FALSE(web::if_none_match_matches("\"a\"", "\"b\""));
  EXPECT_FALSE(web::if_none_match_matches("", "\"b\""));
}
