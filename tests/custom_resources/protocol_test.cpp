// The custom-resource protocol without AWS: parsing requests, building answers, and the provider's promise to
// always answer (unknown type, throwing handler, bad request, deadline) on a ResponseURL of our own.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "cfn_events.h"
#include "custom_resources/event.h"
#include "custom_resources/provider.h"
#include "custom_resources/response.h"
#include "fake_http_server.h"

namespace cr = heliocloud::custom_resources;
using heliocloud::testing::CannedResponse;
using heliocloud::testing::cfn_event;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;
using nlohmann::json;
using Clock = std::chrono::system_clock;

namespace {

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& e : errors) {
    if (e.find(text) != std::string::npos) return true;
  }
  return false;
}

// Counts its calls; throws, sleeps or answers as configured.
class ScriptedHandler : public cr::ResourceHandler {
 public:
  enum class Mode { Succeed, Throw, Hang };
  explicit ScriptedHandler(Mode mode, std::atomic<int>& calls) : mode_(mode), calls_(calls) {}
  cr::HandlerOutput handle(const cr::Event& event, Clock::time_point /*stop_by*/) const override {
    ++calls_;
    if (mode_ == Mode::Throw)
      throw std::runtime_error("AccessDenied: not allowed to touch " + event.logical_resource_id);
    if (mode_ == Mode::Hang) std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    return {.physical_resource_id = "thing-1", .data = {{"Answer", "42"}}, .no_echo = true};
  }

 private:
  Mode mode_;
  std::atomic<int>& calls_;
};

struct ProviderFixture : ::testing::Test {
  FakeHttpServer server{[](const RecordedRequest&) { return CannedResponse{200, {}, "", false}; }};
  std::atomic<int> calls{0};
  cr::Provider provider{cr::ProviderOptions{std::chrono::milliseconds(10000)}};

  ProviderFixture() {
    provider.add("Custom::Works", std::make_unique<ScriptedHandler>(ScriptedHandler::Mode::Succeed, calls));
    provider.add("Custom::Throws", std::make_unique<ScriptedHandler>(ScriptedHandler::Mode::Throw, calls));
    provider.add("Custom::Hangs", std::make_unique<ScriptedHandler>(ScriptedHandler::Mode::Hang, calls));
  }

  cr::ProviderOutcome send(const json& event,
                           std::chrono::milliseconds time_left = std::chrono::minutes(5)) const {
    return provider.handle(event.dump(), Clock::now() + time_left);
  }
  std::string url() const { return heliocloud::testing::response_url(server.authority()); }
  // The single PUT the provider made, parsed.
  json answer() const {
    const auto requests = server.requests();
    EXPECT_EQ(requests.size(), 1U);
    if (requests.empty()) return json::object();
    EXPECT_EQ(requests[0].method, "PUT");
    EXPECT_EQ(requests[0].target, heliocloud::testing::response_target());
    EXPECT_TRUE(
        requests[0].has_header("content-type"));  // present and empty: what the presigned URL was signed with
    EXPECT_EQ(requests[0].header("content-type"), "");
    return json::parse(requests[0].body);
  }
};

TEST(CustomResourceEvent, ParsesEveryFieldOfAnUpdate) {
  json ev = cfn_event("Update", "Custom::EmptyBucket", {{"BucketName", "b1"}}, "https://x/y", "b1");
  ev["OldResourceProperties"] = {{"BucketName", "b0"}};
  const auto parsed = cr::parse_event(ev.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.error_text();
  const cr::Event& e = parsed.event;
  EXPECT_EQ(e.request_type, cr::RequestType::Update);
  EXPECT_EQ(e.response_url, "https://x/y");
  EXPECT_EQ(e.resource_type, "Custom::EmptyBucket");
  EXPECT_EQ(e.logical_resource_id, "IngestBucketEmptier");
  EXPECT_EQ(e.physical_resource_id, "b1");
  EXPECT_EQ(e.request_id, ev["RequestId"].get<std::string>());
  EXPECT_EQ(e.stack_id, ev["StackId"].get<std::string>());
  EXPECT_EQ(e.resource_properties["BucketName"], "b1");
  EXPECT_EQ(e.old_resource_properties["BucketName"], "b0");
}

TEST(CustomResourceEvent, ReportsEveryProblemAndKeepsWhatItCouldRead) {
  const json ev = {{"RequestType", "Remove"},
                   {"ResponseURL", "https://x/y"},
                   {"StackId", 7},
                   {"ResourceProperties", "BucketName=b"},
                   {"LogicalResourceId", "L"}};
  const auto parsed = cr::parse_event(ev.dump());
  EXPECT_FALSE(parsed.ok());
  EXPECT_TRUE(mentions(parsed.errors, "RequestType: \"Remove\" is not one of Create, Update, Delete"));
  EXPECT_TRUE(mentions(parsed.errors, "StackId: expected a string, got number"));
  EXPECT_TRUE(mentions(parsed.errors, "RequestId: missing"));
  EXPECT_TRUE(mentions(parsed.errors, "ResourceType: missing"));
  EXPECT_TRUE(mentions(parsed.errors, "ResourceProperties: expected an object, got string"));
  EXPECT_EQ(parsed.event.response_url, "https://x/y");  // enough to answer FAILED
  EXPECT_EQ(parsed.event.logical_resource_id, "L");
}

TEST(CustomResourceEvent, DeleteWithoutPhysicalIdAndNonJsonAreErrors) {
  json del = cfn_event("Delete", "Custom::EmptyBucket", {{"BucketName", "b"}}, "https://x/y");
  EXPECT_TRUE(mentions(cr::parse_event(del.dump()).errors, "PhysicalResourceId: missing"));
  EXPECT_TRUE(cr::parse_event(cfn_event("Create", "Custom::X", json::object(), "https://x").dump()).ok());
  EXPECT_TRUE(mentions(cr::parse_event("{not json").errors, "event is not JSON"));
  // A number beyond a double is the parser's other refusal (out_of_range; what fuzz/registry_entries_fuzz
  // found).
  EXPECT_TRUE(mentions(cr::parse_event(R"({"RequestType": 1e999})").errors, "event is not JSON"));
  EXPECT_TRUE(mentions(cr::parse_event("[1,2]").errors, "expected a JSON object, got array"));
}

TEST(CustomResourceEvent, PropertyAccessorsNameTheProperty) {
  const json props = {{"BucketName", "b"}, {"Enabled", "False"}, {"Flag", true}, {"Bad", "yes"}, {"Num", 3}};
  EXPECT_EQ(cr::required_string(props, "BucketName"), "b");
  EXPECT_FALSE(cr::optional_bool(props, "Enabled", true));
  EXPECT_TRUE(cr::optional_bool(props, "Flag", false));
  EXPECT_TRUE(cr::optional_bool(props, "Absent", true));
  try {
    cr::optional_bool(props, "Bad", true);
    FAIL() << "\"yes\" accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "ResourceProperties.Bad: expected \"true\" or \"false\", got \"yes\"");
  }
  EXPECT_THROW(cr::required_string(props, "Missing"), std::invalid_argument);
  EXPECT_THROW(cr::required_string(props, "Num"), std::invalid_argument);
}

TEST(CustomResourceResponse, CarriesTheRequestIdsStatusAndData) {
  const auto parsed = cr::parse_event(cfn_event("Create", "Custom::X", json::object(), "https://x").dump());
  cr::Response ok;
  ok.physical_resource_id = "phys";
  ok.data = {{"Arn", "arn:x"}};
  const json body = json::parse(cr::response_body(parsed.event, ok));
  EXPECT_EQ(body["Status"], "SUCCESS");
  EXPECT_EQ(body["PhysicalResourceId"], "phys");
  EXPECT_EQ(body["StackId"], parsed.event.stack_id);
  EXPECT_EQ(body["RequestId"], parsed.event.request_id);
  EXPECT_EQ(body["LogicalResourceId"], "IngestBucketEmptier");
  EXPECT_EQ(body["Data"], json({{"Arn", "arn:x"}}));
  EXPECT_FALSE(body.contains("NoEcho"));

  cr::Response bad;
  bad.status = cr::Status::Failed;
  bad.physical_resource_id = "phys";
  bad.no_echo = true;
  bad.reason =
      std::string(10000, 'r');  // a huge error message must not make CloudFormation reject the answer
  const std::string text = cr::response_body(parsed.event, bad);
  EXPECT_LE(text.size(), cr::kMaxResponseBytes);
  const json failed = json::parse(text);
  EXPECT_EQ(failed["Status"], "FAILED");
  EXPECT_EQ(failed["NoEcho"], true);
  EXPECT_TRUE(failed["Reason"].get<std::string>().ends_with(" [...]"));
  EXPECT_GT(failed["Reason"].get<std::string>().size(), 3000U);
}

TEST_F(ProviderFixture, SuccessAnswersWithTheHandlersIdAndData) {
  const auto outcome = send(cfn_event("Create", "Custom::Works", json::object(), url()));
  EXPECT_TRUE(outcome.responded);
  const json body = answer();
  EXPECT_EQ(body["Status"], "SUCCESS");
  EXPECT_EQ(body["PhysicalResourceId"], "thing-1");
  EXPECT_EQ(body["Data"], json({{"Answer", "42"}}));
  EXPECT_EQ(body["NoEcho"], true);
}

TEST_F(ProviderFixture, UnknownTypeIsFailedWithTheKnownOnesListed) {
  const auto outcome = send(cfn_event("Create", "Custom::Nope", json::object(), url()));
  EXPECT_TRUE(outcome.responded);
  const json body = answer();
  EXPECT_EQ(body["Status"], "FAILED");
  EXPECT_EQ(body["Reason"],
            "unknown ResourceType Custom::Nope (this provider handles Custom::Hangs, Custom::Throws, "
            "Custom::Works)");
  EXPECT_FALSE(body["PhysicalResourceId"].get<std::string>().empty());
  EXPECT_EQ(calls, 0);
}

TEST_F(ProviderFixture, ThrowingHandlerIsFailedAndItsRollbackDeleteSucceedsWithoutIt) {
  const json create = cfn_event("Create", "Custom::Throws", json::object(), url());
  send(create);
  const json body = answer();
  EXPECT_EQ(body["Status"], "FAILED");
  EXPECT_EQ(body["Reason"], "AccessDenied: not allowed to touch IngestBucketEmptier");
  const std::string id = body["PhysicalResourceId"];
  EXPECT_EQ(calls, 1);

  // CloudFormation rolls back with a Delete of the id we answered: nothing was created, nothing to do.
  FakeHttpServer second([](const RecordedRequest&) { return CannedResponse{200, {}, "", false}; });
  json del = cfn_event("Delete", "Custom::Throws", json::object(),
                       heliocloud::testing::response_url(second.authority()), id);
  del["RequestId"] = "another-request";
  EXPECT_TRUE(send(del).responded);
  const json deleted = json::parse(second.requests().at(0).body);
  EXPECT_EQ(deleted["Status"], "SUCCESS");
  EXPECT_EQ(deleted["PhysicalResourceId"], id);
  EXPECT_EQ(calls, 1);
}

TEST_F(ProviderFixture, UpdateFailureKeepsThePhysicalId) {
  send(cfn_event("Update", "Custom::Throws", json::object(), url(), "existing-id"));
  const json body = answer();
  EXPECT_EQ(body["Status"], "FAILED");
  EXPECT_EQ(body["PhysicalResourceId"],
            "existing-id");  // a new id would make CloudFormation delete the old one
}

TEST_F(ProviderFixture, MalformedRequestIsFailedWhenItCanBeAnswered) {
  json ev = cfn_event("Create", "Custom::Works", json::object(), url());
  ev.erase("RequestId");
  ev["ResourceProperties"] = "oops";
  send(ev);
  const json body = answer();
  EXPECT_EQ(body["Status"], "FAILED");
  EXPECT_EQ(body["Reason"],
            "bad request: RequestId: missing; ResourceProperties: expected an object, got string");
  EXPECT_EQ(calls, 0);
}

TEST_F(ProviderFixture, WithoutResponseUrlNothingCanBeAnswered) {
  json ev = cfn_event("Create", "Custom::Works", json::object(), url());
  ev.erase("ResponseURL");
  const auto outcome = send(ev);
  EXPECT_FALSE(outcome.responded);
  EXPECT_NE(outcome.delivery_error.find("ResponseURL: missing"), std::string::npos);
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(ProviderFixture, AHandlerStillRunningNearTheDeadlineGetsAFailedAnswerInTime) {
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(1500);
  std::atomic<bool> answered_in_time{false};
  FakeHttpServer timed([&](const RecordedRequest&) {
    answered_in_time = Clock::now() < deadline;
    return CannedResponse{200, {}, "", false};
  });
  const auto outcome = provider.handle(cfn_event("Delete", "Custom::Hangs", json::object(),
                                                 heliocloud::testing::response_url(timed.authority()), "p")
                                           .dump(),
                                       deadline);
  EXPECT_TRUE(outcome.responded);
  EXPECT_TRUE(answered_in_time);
  const json body = json::parse(timed.requests().at(0).body);
  EXPECT_EQ(body["Status"], "FAILED");
  EXPECT_NE(body["Reason"].get<std::string>().find("did not finish before the Lambda timeout"),
            std::string::npos);
  EXPECT_EQ(body["PhysicalResourceId"], "p");
}

TEST(CustomResourceDelivery, RetriesServerErrorsAndStopsOnClientErrors) {
  std::atomic<int> seen{0};
  FakeHttpServer flaky([&](const RecordedRequest&) {
    return CannedResponse{++seen < 3 ? 503 : 200, {}, "", false};
  });
  const auto ok =
      cr::send_response("http://" + flaky.authority() + "/r", "{}", Clock::now() + std::chrono::seconds(20));
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.attempts, 3);

  FakeHttpServer expired([](const RecordedRequest&) {
    return CannedResponse{403, {}, "<Error>AccessDenied</Error>", false};
  });
  const auto denied = cr::send_response("http://" + expired.authority() + "/r", "{}",
                                        Clock::now() + std::chrono::seconds(20));
  EXPECT_FALSE(denied.ok);
  EXPECT_EQ(denied.attempts, 1);
  EXPECT_EQ(denied.http_status, 403);
  EXPECT_NE(denied.error.find("403"), std::string::npos);
}

}  // namespace
