#include <gtest/gtest.h>

#include "config/config_error.h"
#include "config/config_node.h"

using namespace heliocloud::config;  // NOLINT(google-build-using-namespace)

namespace {
const ConfigNode& at(const ConfigNodePtr& n, std::initializer_list<const char*> path) {
  const ConfigNode* cur = n.get();
  for (const char* k : path) cur = cur->find(k);
  return *cur;
}
}  // namespace

TEST(Merge, MapsMergeRecursively) {
  auto merged = deep_merge(parse_yaml("a: {x: 1, y: 2}\nb: 3\n", "default.yaml"),
                           parse_yaml("a: {y: 20, z: 30}\n", "i.yaml"));
  EXPECT_EQ(at(merged, {"a", "x"}).scalar, "1");
  EXPECT_EQ(at(merged, {"a", "y"}).scalar, "20");
  EXPECT_EQ(at(merged, {"a", "z"}).scalar, "30");
  EXPECT_EQ(at(merged, {"b"}).scalar, "3");
  EXPECT_EQ(at(merged, {"a", "y"}).mark.file, "i.yaml");  // provenance survives the merge
  EXPECT_EQ(at(merged, {"a", "x"}).mark.file, "default.yaml");
}

TEST(Merge, ListsReplaceNeverConcatenate) {
  auto merged = deep_merge(parse_yaml("l: [a, b]\n", "d"), parse_yaml("l: [c]\n", "i"));
  ASSERT_EQ(at(merged, {"l"}).items.size(), 1U);
  EXPECT_EQ(at(merged, {"l"}).items[0]->scalar, "c");
}

TEST(Merge, ExplicitNullReplacesAMap) {
  auto merged = deep_merge(parse_yaml("m: {x: 1}\n", "d"), parse_yaml("m:\n", "i"));
  EXPECT_EQ(at(merged, {"m"}).kind, ConfigNode::Kind::Null);
}

TEST(Merge, ScalarReplacesAMapAndTheOtherWayRound) {
  auto a = deep_merge(parse_yaml("m: {x: 1}\n", "d"), parse_yaml("m: 5\n", "i"));
  EXPECT_EQ(at(a, {"m"}).scalar, "5");
  auto b = deep_merge(parse_yaml("m: 5\n", "d"), parse_yaml("m: {x: 1}\n", "i"));
  EXPECT_EQ(at(b, {"m", "x"}).scalar, "1");
}

TEST(Yaml, SyntaxErrorsGiveFileLineAndColumn) {
  try {
    (void)parse_yaml("a: 1\nb: [unclosed\n", "instance/bad.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("instance/bad.yaml:", 0), 0U) << e.what();
    EXPECT_NE(std::string(e.what()).find("YAML syntax error"), std::string::npos);
  }
}

TEST(Yaml, DuplicateKeysAreAnError) {
  try {
    (void)parse_yaml("email: {}\nemail: {}\n", "instance/dup.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("instance/dup.yaml:2: email: this key appears twice"),
              std::string::npos)
        << e.what();
  }
}

TEST(Yaml, QuotedScalarsAreMarked) {
  auto n = parse_yaml("a: 'true'\nb: true\n", "x");
  EXPECT_TRUE(at(n, {"a"}).quoted);
  EXPECT_FALSE(at(n, {"b"}).quoted);
}
