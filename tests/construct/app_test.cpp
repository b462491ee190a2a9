#include "construct/app.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace heliocloud::construct;  // NOLINT(google-build-using-namespace)

// What the CDK CLI passes: context in the environment, the part that did not fit in a file.
TEST(AppOptions, ReadsTheCliEnvironmentIncludingTheOverflowFile) {
  const auto overflow = std::filesystem::temp_directory_path() / "hc-context-overflow.json";
  std::ofstream(overflow) << R"({"big-lookup": {"vpcId": "vpc-1"}, "instance": "from-file"})";
  setenv("CDK_CONTEXT_JSON", R"({"instance":"heliocloud","aws:cdk:enable-path-metadata":true})", 1);
  setenv("CONTEXT_OVERFLOW_LOCATION_ENV", overflow.c_str(), 1);
  setenv("CDK_OUTDIR", "somewhere/cdk.out", 1);
  setenv("CDK_CLI_ASM_VERSION", "48.0.0", 1);
  const auto o = app_options_from_environment();
  unsetenv("CONTEXT_OVERFLOW_LOCATION_ENV");
  unsetenv("CDK_CONTEXT_JSON");
  unsetenv("CDK_OUTDIR");
  unsetenv("CDK_CLI_ASM_VERSION");
  EXPECT_EQ(o.outdir, "somewhere/cdk.out");
  EXPECT_EQ(o.cli_assembly_major, 48);
  EXPECT_EQ(o.context["big-lookup"]["vpcId"], "vpc-1");
  EXPECT_EQ(o.context["instance"], "from-file");
  EXPECT_EQ(o.context["aws:cdk:enable-path-metadata"], true);
  App app(o);
  EXPECT_TRUE(app.path_metadata_enabled());
  std::filesystem::remove(overflow);
}

TEST(AppOptions, BrokenContextIsAnErrorNamingTheVariable) {
  setenv("CDK_CONTEXT_JSON", "{nope", 1);
  try {
    (void)app_options_from_environment();
    ADD_FAILURE() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("CDK_CONTEXT_JSON"), std::string::npos);
  }
  unsetenv("CDK_CONTEXT_JSON");
}

TEST(App, ContextFromDashCIsAString) {
  AppOptions o;
  o.context = {{"instance", "dev"}, {"n", 5}};
  App app(o);
  EXPECT_EQ(app.context_string("instance"), "dev");
  EXPECT_EQ(app.context_string("n"), "5");
  EXPECT_EQ(app.context_string("absent"), "");
}
