// Routing: literal and {parameter} segments, 404, 405 with Allow.
#include "web/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace web = heliocloud::web;
using Kind = web::Router::Match::Kind;

namespace {

web::Handler answer(const std::string& text) {
  return [text](const web::Request&) { return web::Response::text(text); };
}

web::Router example_router() {
  web::Router r;
  r.add("GET", "/", answer("home"));
  r.add("GET", "/instances", answer("list"));
  r.add("GET", "/instances/{id}", answer("show"));
  r.add("POST", "/instances/{id}/stop", answer("stop"));
  r.add("POST", "/instances", answer("launch"));
  r.add("GET", "/buckets/{bucket}/keys/{key}", answer("key"));
  return r;
}

std::string call(const web::Router::Match& m) {
  return (*m.handler)(web::Request{}).body;
}

}  // namespace

TEST(Router, MatchesLiteralsAndParameters) {
  const auto r = example_router();
  EXPECT_EQ(call(r.match("GET", "/")), "home");
  EXPECT_EQ(call(r.match("GET", "/instances")), "list");
  const auto show = r.match("GET", "/instances/i-0abc");
  ASSERT_EQ(show.kind, Kind::Found);
  EXPECT_EQ(call(show), "show");
  EXPECT_EQ(show.path_params.get("id"), "i-0abc");
  const auto stop = r.match("POST", "/instances/i-1/stop");
  ASSERT_EQ(stop.kind, Kind::Found);
  EXPECT_EQ(call(stop), "stop");
  const auto key = r.match("GET", "/buckets/b1/keys/k%20one");
  ASSERT_EQ(key.kind, Kind::Found);
  EXPECT_EQ(key.path_params.get("bucket"), "b1");
  EXPECT_EQ(key.path_params.get("key"), "k one");
}

TEST(Router, DecodesParametersAfterSplittingSoAnEncodedSlashStaysInside) {
  const auto m = example_router().match("GET", "/instances/a%2Fb");
  ASSERT_EQ(m.kind, Kind::Found);
  EXPECT_EQ(m.path_params.get("id"), "a/b");
}

TEST(Router, UnknownPathsAreNotFound) {
  const auto r = example_router();
  EXPECT_EQ(r.match("GET", "/nope").kind, Kind::NotFound);
  EXPECT_EQ(r.match("GET", "/instances/").kind, Kind::NotFound);  // a parameter needs a non-empty segment
  EXPECT_EQ(r.match("GET", "/instances/x/y").kind, Kind::NotFound);
  EXPECT_EQ(r.match("GET", "").kind, Kind::NotFound);
  EXPECT_EQ(r.match("GET", "/instances/").kind, Kind::NotFound);
}

TEST(Router, KnownPathWithAnotherMethodIsMethodNotAllowedWithTheMethodsItHas) {
  const auto r = example_router();
  const auto stop = r.match("GET", "/instances/i-1/stop");
  EXPECT_EQ(stop.kind, Kind::MethodNotAllowed);
  EXPECT_EQ(web::allow_header(stop.allowed), "POST");
  const auto list = r.match("DELETE", "/instances");
  EXPECT_EQ(list.kind, Kind::MethodNotAllowed);
  EXPECT_EQ(web::allow_header(list.allowed), "GET, HEAD, POST");
}

TEST(Router, HeadUsesTheGetRoute) {
  EXPECT_EQ(call(example_router().match("HEAD", "/instances")), "list");
}

TEST(Router, RefusesMalformedAndDuplicateRoutes) {
  web::Router r;
  EXPECT_THROW(r.add("GET", "no-slash", answer("")), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/a/{}", answer("")), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/a/{id", answer("")), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/a/x{id}", answer("")), std::invalid_argument);
  r.add("GET", "/a", answer(""));
  EXPECT_THROW(r.add("GET", "/a", answer("")), std::invalid_argument);
  EXPECT_NO_THROW(r.add("POST", "/a", answer("")));
}
