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
  auto merged = deepMerge(parseYaml("a: {x: 1, y: 2}\nb: 3\n", "default.yaml"),
                          parseYaml("a: {y: 20, z: 30}\n", "i.yaml"));
  EXPECT_EQ(at(merged, {"a", "x"}).scalar, "1");
  EXPECT_EQ(at(merged, {"a", "y"}).scalar, "20");
  EXPECT_EQ(at(merged, {"a", "z"}).scalar, "30");
  EXPECT_EQ(at(merged, {"b"}).scalar, "3");
  EXPECT_EQ(at(merged, {"a", "y"}).mark.file, "i.yaml");  // provenance survives the merge
  EXPECT_EQ(at(merged, {"a", "x"}).mark.file, "default.yaml");
}

TEST(Merge, ListsReplaceNeverConcatenate) {
  auto merged = deepMerge(parseYaml("l: [a, b]\n", "d"), parseYaml("l: [c]\n", "i"));
  ASSERT_EQ(at(merged, {"l"}).items.size(), 1U);
  EXPECT_EQ(at(merged, {"l"}).items[0]->scalar, "c");
}

TEST(Merge, ExplicitNullReplacesAMap) {
  auto merged = deepMerge(parseYaml("m: {x: 1}\n", "d"), parseYaml("m:\n", "i"));
  EXPECT_EQ(at(merged, {"m"}).kind, ConfigNode::Kind::Null);
}

TEST(Merge, ScalarReplacesAMapAndTheOtherWayRound) {
  auto a = deepMerge(parseYaml("m: {x: 1}\n", "d"), parseYaml("m: 5\n", "i"));
  EXPECT_EQ(at(a, {"m"}).scalar, "5");
  auto b = deepMerge(parseYaml("m: 5\n", "d"), parseYaml("m: {x: 1}\n", "i"));
  EXPECT_EQ(at(b, {"m", "x"}).scalar, "1");
}

TEST(Yaml, SyntaxErrorsGiveFileLineAndColumn) {
  try {
    (void)parseYaml("a: 1\nb: [unclosed\n", "instance/bad.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("instance/bad.yaml:", 0), 0U) << e.what();
    EXPECT_NE(std::string(e.what()).find("YAML syntax error"), std::string::npos);
  }
}

TEST(Yaml, DuplicateKeysAreAnError) {
  try {
    (void)parseYaml("email: {}\nemail: {}\n", "instance/dup.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("instance/dup.yaml:2: email: this key appears twice"),
              std::string::npos)
        << e.what();
  }
}

TEST(Yaml, QuotedScalarsAreMarked) {
  auto n = parseYaml("a: 'true'\nb: true\n", "x");
  EXPECT_TRUE(at(n, {"a"}).quoted);
  EXPECT_FALSE(at(n, {"b"}).quoted);
}
