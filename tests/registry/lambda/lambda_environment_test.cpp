// The Registry functions' configuration from environment variables: every variable, every way it can be
// wrong.
#include "registry/lambda/lambda_environment.h"

#include <gtest/gtest.h>

#include <map>

#include "registry/lambda/registry_function.h"

namespace heliocloud::registry::lambda {
namespace {

using Vars = std::map<std::string, std::string>;

Vars valid() {
  return {{"INGEST_BUCKET", "hc-uploads"},
          {"DATASET_BUCKETS", "helio-public, helio-two"},
          {"DATASET_TABLE", "hc-datasets"},
          {"CATALOG_NAME", "Test HelioCloud"},
          {"CATALOG_CONTACT", "ops@example.com"},
          {"CATALOG_DESCRIPTION", ""},
          {"REQUESTER_PAYS", "true"}};
}

EnvLookup lookup(const Vars& vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

// The InitError's problems for `vars`; empty when the variables are accepted.
std::vector<std::string> problems(const Vars& vars) {
  try {
    (void)read_lambda_environment(lookup(vars));
    return {};
  } catch (const InitError& e) {
    return e.problems();
  }
}

TEST(LambdaEnvironment, ReadsEveryVariable) {
  const auto env = read_lambda_environment(lookup(valid()));
  EXPECT_EQ(env.settings.ingest_bucket, "hc-uploads");
  EXPECT_EQ(env.settings.dataset_buckets, (std::vector<std::string>{"helio-public", "helio-two"}));
  EXPECT_EQ(env.dataset_table, "hc-datasets");
  EXPECT_EQ(env.settings.catalog_name, "Test HelioCloud");
  EXPECT_EQ(env.settings.catalog_contact, "ops@example.com");
  EXPECT_EQ(env.settings.catalog_description, "");
  EXPECT_TRUE(env.settings.requester_pays);
  auto v = valid();
  v["REQUESTER_PAYS"] = "false";
  v["DATASET_BUCKETS"] = "one-bucket";
  const auto other = read_lambda_environment(lookup(v));
  EXPECT_FALSE(other.settings.requester_pays);
  EXPECT_EQ(other.settings.dataset_buckets, std::vector<std::string>{"one-bucket"});
}

TEST(LambdaEnvironment, EachMissingVariableIsNamed) {
  for (const auto& [name, value] : valid()) {
    auto v = valid();
    v.erase(name);
    const auto p = problems(v);
    ASSERT_EQ(p.size(), 1U) << name;
    EXPECT_EQ(p[0].rfind(name + ": not set; it must hold ", 0), 0U) << p[0];
  }
}

TEST(LambdaEnvironment, InvalidValuesAreExplained) {
  const std::map<std::string, std::pair<std::string, std::string>> cases = {
      {"bad bucket", {"INGEST_BUCKET", "Upper_Case"}},
      {"empty ingest", {"INGEST_BUCKET", " "}},
      {"empty item", {"DATASET_BUCKETS", "a-bucket,,b-bucket"}},
      {"bad dataset bucket", {"DATASET_BUCKETS", "ok-bucket,x"}},
      {"duplicate", {"DATASET_BUCKETS", "ok-bucket,ok-bucket"}},
      {"ingest is public", {"DATASET_BUCKETS", "hc-uploads"}},
      {"empty table", {"DATASET_TABLE", ""}},
      {"pays", {"REQUESTER_PAYS", "yes"}},
  };
  const std::map<std::string, std::string> expected = {
      {"bad bucket", "INGEST_BUCKET: \"Upper_Case\" is not a bucket name (an S3 bucket name uses lower-case"},
      {"empty ingest", "INGEST_BUCKET: empty; it must hold the name of the ingest bucket"},
      {"empty item", "DATASET_BUCKETS: \"a-bucket,,b-bucket\" has an empty item"},
      {"bad dataset bucket", "DATASET_BUCKETS: \"x\" is not a bucket name (an S3 bucket name has 3 to 63"},
      {"duplicate", "DATASET_BUCKETS: \"ok-bucket\" is listed twice"},
      {"ingest is public", "INGEST_BUCKET: \"hc-uploads\" is also a dataset bucket"},
      {"empty table", "DATASET_TABLE: empty; it must hold the name of the DynamoDB dataset table"},
      {"pays", "REQUESTER_PAYS: \"yes\" is neither \"true\" nor \"false\""},
  };
  for (const auto& [label, change] : cases) {
    auto v = valid();
    v[change.first] = change.second;
    const auto p = problems(v);
    ASSERT_EQ(p.size(), 1U) << label;
    EXPECT_EQ(p[0].rfind(expected.at(label), 0), 0U) << label << ": " << p[0];
  }
}

TEST(LambdaEnvironment, AllProblemsAtOnceInTheMessage) {
  try {
    (void)read_lambda_environment(lookup({{"REQUESTER_PAYS", "1"}}));
    FAIL() << "expected InitError";
  } catch (const InitError& e) {
    EXPECT_EQ(e.problems().size(), 7U);  // six variables not set, REQUESTER_PAYS invalid
    const std::string what = e.what();
    for (const char* name : {"INGEST_BUCKET", "DATASET_BUCKETS", "DATASET_TABLE", "CATALOG_NAME",
                             "CATALOG_CONTACT", "CATALOG_DESCRIPTION", "REQUESTER_PAYS"}) {
      EXPECT_NE(what.find(std::string("\n  ") + name + ": "), std::string::npos) << name << " in " << what;
    }
  }
}

TEST(LambdaEnvironment, HandlerNames) {
  EXPECT_EQ(parse_handler_name("ingest"), HandlerKind::Ingest);
  EXPECT_EQ(parse_handler_name("catalog"), HandlerKind::Catalog);
  try {
    (void)parse_handler_name("bootstrap");
    FAIL();
  } catch (const InitError& e) {
    EXPECT_STREQ(
        e.problems().at(0).c_str(),
        "_HANDLER: \"bootstrap\" is not a Registry handler; set the function's Handler to ingest or catalog");
  }
  EXPECT_THROW((void)parse_handler_name(std::nullopt), InitError);
}

}  // namespace
}  // namespace heliocloud::registry::lambda
