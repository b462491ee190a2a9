#include "construct/context_provider.h"

#include <gtest/gtest.h>

#include "construct/app.h"
#include "construct/stack.h"

using namespace heliocloud::construct;  // NOLINT(google-build-using-namespace)

TEST(ContextProvider, KeysAreSortedFlattenedAndQuoted) {
  nlohmann::ordered_json props = {{"region", "us-east-1"},
                                  {"account", "123456789012"},
                                  {"filter", {{"isDefault", "true"}}},
                                  {"returnAsymmetricSubnets", true}};
  EXPECT_EQ(context_key("vpc-provider", props),
            "vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:"
            "returnAsymmetricSubnets=true");
}

// aws-cdk-lib quotes only the first ':' of a value and leaves '$' alone (JavaScript's replace with a string
// pattern); keys written by the original's CDK app must come out byte for byte.
TEST(ContextProvider, ValuesAreQuotedAsAwsCdkLibDoes) {
  EXPECT_EQ(context_key("x", {{"name", "a:b$c"}}), "x:name=a$:b$c");
  EXPECT_EQ(context_key("x", {{"name", "a:b:c"}}), "x:name=a$:b:c");
  EXPECT_EQ(context_key("x", {{"name", "$a"}}), "x:name=$a");
}

TEST(ContextProvider, ArraysAreFlattenedByIndexAndNullsSkipped) {
  EXPECT_EQ(context_key("x", {{"zones", {"b", "a"}}, {"gone", nullptr}, {"n", 2}}),
            "x:n=2:zones.0=b:zones.1=a");
}

TEST(ContextProvider, MissingValueIsReportedAndDummyReturned) {
  App app;
  auto& stack = app.make<Stack>("S", StackProps{.env = {.account = "123456789012", .region = "us-east-1"},
                                                .description = "",
                                                .stack_name = {},
                                                .termination_protection = false});
  const auto zones = stack.availability_zones(2);
  ASSERT_EQ(zones.size(), 2U);
  EXPECT_EQ(zones[0].as_string(), "dummy1a");
  ASSERT_EQ(app.missing_context().size(), 1U);
  const auto& m = app.missing_context().begin()->second;
  EXPECT_EQ(m.key, "availability-zones:account=123456789012:region=us-east-1");
  EXPECT_EQ(m.provider, "availability-zones");
  EXPECT_EQ(m.props["lookupRoleArn"],
            "arn:${AWS::Partition}:iam::123456789012:role/cdk-hnb659fds-lookup-role-123456789012-us-east-1");
}

TEST(ContextProvider, KnownValueIsUsed) {
  AppOptions o;
  o.context["availability-zones:account=123456789012:region=us-east-1"] = {"us-east-1a", "us-east-1b",
                                                                           "us-east-1c"};
  App app(o);
  auto& stack = app.make<Stack>("S", StackProps{.env = {.account = "123456789012", .region = "us-east-1"},
                                                .description = "",
                                                .stack_name = {},
                                                .termination_protection = false});
  const auto zones = stack.availability_zones(2);
  EXPECT_EQ(zones[1].as_string(), "us-east-1b");
  EXPECT_TRUE(app.missing_context().empty());
}

TEST(ContextProvider, LookupInAgnosticStackIsAnErrorOnThatStack) {
  // An error annotation, not an exception: `cdk ls` and the other stacks still work; the CLI refuses to
  // synthesize or deploy this one, with the message.
  App app;
  auto& stack = app.make<Stack>("S");
  const nlohmann::ordered_json dummy = {{"Id", "DUMMY"}};
  EXPECT_EQ(lookup_context(stack, "hosted-zone", {{"domainName", "example.org"}}, dummy), dummy);
  std::vector<std::string> errors;
  for (const auto& entry : stack.metadata())
    if (entry.type == "aws:cdk:error") errors.push_back(entry.data.get<std::string>());
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(
      errors[0].find("cannot look up hosted-zone ({\"domainName\":\"example.org\"}) because the stack has no "
                     "account and region"),
      std::string::npos)
      << errors[0];
  EXPECT_TRUE(app.missing_context().empty());  // nothing the CLI could look up without an account
}

TEST(ContextProvider, ProviderErrorIsReported) {
  AppOptions o;
  o.context["availability-zones:account=123456789012:region=us-east-1"] = {
      {"$providerError", "AccessDenied"}};
  App app(o);
  auto& stack = app.make<Stack>("S", StackProps{.env = {.account = "123456789012", .region = "us-east-1"},
                                                .description = "",
                                                .stack_name = {},
                                                .termination_protection = false});
  EXPECT_THROW(stack.availability_zones(2), std::runtime_error);
}
