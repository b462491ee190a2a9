// Every route of the portal against moto, with a user signed in through the OIDC stand-in: what they see,
// what reaches EC2, and what must not (another user's machines and key pairs, a POST without the CSRF token,
// a fourth running machine, a sixth key pair).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "aws/ssm.h"
#include "http/client.h"
#include "portal_harness.h"

namespace aws = heliocloud::aws;
using namespace heliocloud::portal::testing;

namespace {

const std::string kAmazonLinuxParameter =
    "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

std::string amazon_linux_image() {
  return aws::SsmClient(aws::testing::moto_config()).get_parameter(kAmazonLinuxParameter, false).value;
}

// A key pair made through the portal; returns its download.
heliocloud::web::Response create_key(PortalHarness& portal, const std::string& name) {
  return portal.post("/keypairs", "keypair_name=" + name + "&create_keypair=create_keypair");
}

heliocloud::web::Response launch(PortalHarness& portal, const std::string& key,
                                 const std::string& volume = "64", const std::string& type = "t3.micro") {
  return portal.post("/launch", "image_output=" + amazon_linux_image() + "&instance_type=" + type +
                                    "&volume_size=" + volume + "&key_pair=" + key +
                                    "&instance_name_for_custom=analysis+box&launch_type=custom");
}

// Another user's machine and key pair, made behind the portal's back.
struct OtherUsersThings {
  std::string instance_id;
  std::string key_name;
};
OtherUsersThings bobs_things() {
  const auto ec2 = test_ec2();
  const std::string bob = aws::testing::unique_name("bob");
  const auto key = ec2.create_key_pair(bob + "-key", "rsa", {{.key = "Owner", .value = bob}});
  const auto machine = ec2.run_instance({.image_id = amazon_linux_image(),
                                         .instance_type = "t3.micro",
                                         .tags = {{.key = "Owner", .value = bob}}});
  return {.instance_id = machine.instance_id, .key_name = key.key_pair.key_name};
}

// moto answers Cost Explorer from a queue of canned results (moto-coverage.md), one per distinct request; the
// portal makes one monthly request. `amounts` are this month's and the month `months_back` before it.
struct MonthAmount {
  int months_back = 0;
  double amount = 0;
};
void queue_costs(const std::vector<MonthAmount>& amounts) {
  using namespace std::chrono;
  const year_month_day today(floor<days>(system_clock::now()));
  nlohmann::json periods = nlohmann::json::array();
  for (const auto& [months_back, amount] : amounts) {
    const year_month month = today.year() / today.month() - months(months_back);
    char start[16];
    std::snprintf(start, sizeof start, "%04d-%02u-01", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    periods.push_back({{"TimePeriod", {{"Start", start}, {"End", start}}},
                       {"Total", {{"UnblendedCost", {{"Amount", std::to_string(amount)}, {"Unit", "USD"}}}}},
                       {"Groups", nlohmann::json::array()},
                       {"Estimated", false}});
  }
  heliocloud::http::Client client;
  const nlohmann::json results = nlohmann::json::array({{{"ResultsByTime", periods}}});
  const std::string body = nlohmann::json{{"results", results}}.dump();  // the request only points at it
  const heliocloud::http::Request request{
      .method = "POST",
      .url = std::string(std::getenv("AWS_ENDPOINT_URL")) + "/moto-api/static/ce/cost-and-usage-results",
      .headers = {{"Content-Type", "application/json"}},
      .body = body};
  ASSERT_EQ(client.send(request, {}).status, 201);
}

}  // namespace

TEST(PortalMoto, VisitorsAreSentToSignIn) {
  PortalHarness portal;
  const auto home = portal.get("/");
  EXPECT_EQ(home.status, 302);
  EXPECT_TRUE(contains(home.headers.get("Location").value_or(""), "/auth/sign-in"));
  EXPECT_EQ(portal.post("/instances/i-0123456789abcdef0/stop").status, 401);  // CSRF fine, nobody signed in
  EXPECT_EQ(portal.get("/health").status, 200);
}

TEST(PortalMoto, HomeShowsNoMachinesAndTheCosts) {
  PortalHarness portal;
  portal.sign_in();
  queue_costs({{.months_back = 0, .amount = 1.5}, {.months_back = 3, .amount = 10.845}});
  const auto home = portal.get("/");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_TRUE(contains(home.body, portal.user()));
  EXPECT_TRUE(contains(home.body, "No instances currently running."));
  EXPECT_TRUE(contains(home.body, "No instances previously stopped."));
  EXPECT_TRUE(contains(home.body, "<p class=\"h4 mb-0\" id=\"cost-month\">$1.50</p>")) << home.body;
  EXPECT_TRUE(contains(home.body, "<p class=\"h4 mb-0\" id=\"cost-year\">$12.35</p>"));
  // The chart: twelve bars, this month's the last; the highest (10.845, axis $20) about half the plot high.
  EXPECT_TRUE(contains(home.body, "id=\"cost-chart\""));
  std::size_t bars = 0;
  for (auto at = home.body.find("class=\"cost-bar\""); at != std::string::npos;
       at = home.body.find("class=\"cost-bar\"", at + 1))
    ++bars;
  EXPECT_EQ(bars, 12U);
  EXPECT_TRUE(contains(home.body, ": $1.50</title></rect>"));
  EXPECT_TRUE(contains(home.body, "in all.\""));
}

TEST(PortalMoto, ACostExplorerFailureIsNotAnErrorPage) {
  ::setenv("AWS_ENDPOINT_URL_COST_EXPLORER", "http://127.0.0.1:9", 1);  // nothing listens on the discard port
  PortalHarness portal;
  portal.sign_in();
  const auto home = portal.get("/");
  ::unsetenv("AWS_ENDPOINT_URL_COST_EXPLORER");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_TRUE(contains(home.body, "id=\"cost-month\">cost unavailable<"));
  EXPECT_TRUE(contains(home.body, "id=\"cost-year\">cost unavailable<"));
  EXPECT_FALSE(contains(home.body, "id=\"cost-chart\""));  // no chart of figures nobody has
}

TEST(PortalMoto, KeyPairDownloadedOnceAndNeverLogged) {
  PortalHarness portal;
  portal.sign_in();
  const std::string name = portal.user() + "-key";
  const auto download = create_key(portal, name);
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.headers.get("Content-Disposition").value_or(""),
            "attachment; filename=\"" + name + ".pem\"");
  EXPECT_EQ(download.headers.get("Cache-Control").value_or(""), "no-store");
  EXPECT_TRUE(contains(download.body, "PRIVATE KEY-----"));
  EXPECT_FALSE(contains(portal.log(), "PRIVATE KEY"));
  const auto listed = portal.get("/keypairs");
  EXPECT_TRUE(contains(listed.body, name));
  EXPECT_FALSE(contains(listed.body, "PRIVATE KEY"));
  const auto stored = test_ec2().describe_key_pairs({{.name = "key-name", .values = {name}}});
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(aws::find_tag(stored[0].tags, "Owner"), portal.user());
  EXPECT_EQ(aws::find_tag(stored[0].tags, "Dashboard"), "True");
}

TEST(PortalMoto, KeyPairNameRulesLimitAndDelete) {
  PortalHarness portal;
  portal.sign_in();
  const auto bad = create_key(portal, "my+key");  // '+' in a form is a space
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "id=\"keypair_name-error\">Key pair name: use only letters"));
  for (int i = 1; i <= 5; ++i)
    ASSERT_EQ(create_key(portal, portal.user() + "-" + std::to_string(i)).status, 200);
  const auto sixth = create_key(portal, portal.user() + "-6");
  EXPECT_EQ(sixth.status, 409);
  EXPECT_TRUE(contains(sixth.body, "5 key pairs, the most allowed"));
  EXPECT_TRUE(test_ec2().describe_key_pairs({{"key-name", {portal.user() + "-6"}}}).empty());
  EXPECT_TRUE(contains(portal.get("/keypairs").body, "You cannot have more than 5 active keypairs"));
  const auto deleted = portal.post("/keypairs/delete", "delete_button=" + portal.user() + "-1");
  EXPECT_EQ(deleted.status, 303);
  EXPECT_TRUE(test_ec2().describe_key_pairs({{"key-name", {portal.user() + "-1"}}}).empty());
  EXPECT_TRUE(contains(portal.get("/keypairs?deleted=" + portal.user() + "-1").body, "Deleted key pair"));
}

TEST(PortalMoto, LaunchFormOffersWhatResolves) {
  PortalHarness portal;
  portal.sign_in();
  const auto form = portal.get("/launch");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(contains(form.body, "Amazon Linux 2023"));
  EXPECT_TRUE(contains(form.body, "value=\"" + amazon_linux_image() + "\""));
  // moto has no /aws/service/canonical/... parameters: Ubuntu is left out, and the log says why.
  EXPECT_FALSE(contains(form.body, "Ubuntu 24.04"));
  EXPECT_TRUE(contains(portal.log(), "no image for Ubuntu 24.04 LTS"));
  EXPECT_TRUE(contains(
      form.body, "<td><label for=\"type-t3.micro\">t3.micro</label></td><td>2</td><td>1 GiB</td><td>–</td>"))
      << form.body;  // moto has no Price List API: no price
  EXPECT_TRUE(contains(form.body, "You have no key pair yet."));
}

TEST(PortalMoto, LaunchTagsTheMachineAndVolumeAndShowsIt) {
  PortalHarness portal;
  portal.sign_in();
  const std::string key = portal.user() + "-key";
  ASSERT_EQ(create_key(portal, key).status, 200);
  const auto launched = launch(portal, key, "70");
  ASSERT_EQ(launched.status, 303) << launched.body;
  const std::string id = launched_id(launched);
  const auto machine = instance(id);
  EXPECT_EQ(aws::find_tag(machine.tags, "Owner"), portal.user());
  EXPECT_EQ(aws::find_tag(machine.tags, "Name"), "analysis box");
  EXPECT_EQ(aws::find_tag(machine.tags, "Dashboard"), "True");
  EXPECT_EQ(machine.key_name, key);
  EXPECT_EQ(machine.instance_type, "t3.micro");
  const auto home = portal.get("/?launched=" + id);
  ASSERT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "Launched " + id));
  EXPECT_TRUE(contains(home.body, "data-instance-id=\"" + id + "\""));
  EXPECT_TRUE(contains(home.body, "analysis box"));
  EXPECT_TRUE(contains(home.body, "Just Launched"));
}

TEST(PortalMoto, LaunchValidationShowsTheMessageNextToTheField) {
  PortalHarness portal;
  portal.sign_in();
  const auto bob = bobs_things();
  const std::string key = portal.user() + "-key";
  ASSERT_EQ(create_key(portal, key).status, 200);
  const auto too_big = launch(portal, key, "999");
  EXPECT_EQ(too_big.status, 400);
  EXPECT_TRUE(contains(too_big.body, "id=\"volume_size-error\">Volume size: at most 256 GB."));
  EXPECT_TRUE(contains(too_big.body, "value=\"999\""));  // what was typed comes back
  const auto others_key = launch(portal, bob.key_name);
  EXPECT_EQ(others_key.status, 400);
  EXPECT_TRUE(
      contains(others_key.body, "id=\"key_pair-error\">Key pair: " + bob.key_name + " is not one of"));
  const auto gpu = launch(portal, key, "64", "p5.48xlarge");
  EXPECT_EQ(gpu.status, 400);
  EXPECT_TRUE(contains(gpu.body, "id=\"instance_type-error\""));
  EXPECT_TRUE(test_ec2().describe_instances({{"tag:Owner", {portal.user()}}}).empty());
}

TEST(PortalMoto, StopStartTerminateOwnMachine) {
  PortalHarness portal;
  portal.sign_in();
  const std::string key = portal.user() + "-key";
  ASSERT_EQ(create_key(portal, key).status, 200);
  const std::string id = launched_id(launch(portal, key));
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(portal.post("/instances/" + id + "/stop").status, 303);
  EXPECT_EQ(instance(id).state, "stopped");
  EXPECT_TRUE(contains(portal.get("/").body, "Start Instance"));
  EXPECT_EQ(portal.post("/instances/" + id + "/stop").status, 409);  // stopped already
  EXPECT_EQ(portal.post("/instances/" + id + "/start").status, 303);
  EXPECT_EQ(instance(id).state, "running");
  EXPECT_EQ(portal.post("/instances/" + id + "/terminate").status, 303);
  EXPECT_EQ(instance(id).state, "terminated");
  EXPECT_EQ(portal.post("/instances/" + id + "/start").status, 403);  // gone
}

TEST(PortalMoto, AnotherUsersMachineAndKeyPairAreForbidden) {
  PortalHarness portal;
  portal.sign_in();
  const auto bob = bobs_things();
  for (const std::string action : {"stop", "terminate", "start"}) {
    const auto answer = portal.post("/instances/" + bob.instance_id + "/" + action);
    EXPECT_EQ(answer.status, 403) << action;
    EXPECT_TRUE(contains(answer.body, "is not one of your machines"));
  }
  EXPECT_EQ(instance(bob.instance_id).state, "running");
  const auto deleted = portal.post("/keypairs/delete", "delete_button=" + bob.key_name);
  EXPECT_EQ(deleted.status, 403);
  EXPECT_EQ(test_ec2().describe_key_pairs({{"key-name", {bob.key_name}}}).size(), 1U);
  EXPECT_FALSE(contains(portal.get("/").body, bob.instance_id));
  EXPECT_FALSE(contains(portal.get("/keypairs").body, bob.key_name));
  EXPECT_EQ(portal.post("/instances/not-an-id/stop").status, 400);
}

TEST(PortalMoto, CsrfMissingOrWrongIsForbidden) {
  PortalHarness portal;
  portal.sign_in();
  const std::string key = portal.user() + "-key";
  ASSERT_EQ(create_key(portal, key).status, 200);
  const std::string id = launched_id(launch(portal, key));
  EXPECT_EQ(portal.send("POST", "/instances/" + id + "/stop").status, 403);
  EXPECT_EQ(portal.send("POST", "/instances/" + id + "/stop", "csrf_token=forged").status, 403);
  EXPECT_EQ(instance(id).state, "running");
  EXPECT_EQ(portal.send("POST", "/keypairs/delete", "delete_button=" + key).status, 403);
  EXPECT_EQ(test_ec2().describe_key_pairs({{"key-name", {key}}}).size(), 1U);
}

TEST(PortalMoto, AtMostThreeRunningOnLaunchAndOnStart) {
  PortalHarness portal;
  portal.sign_in();
  const std::string key = portal.user() + "-key";
  ASSERT_EQ(create_key(portal, key).status, 200);
  std::vector<std::string> ids;
  ids.reserve(3);
  for (int i = 0; i < 3; ++i) ids.push_back(launched_id(launch(portal, key)));
  const auto fourth = launch(portal, key);
  EXPECT_EQ(fourth.status, 409);
  EXPECT_TRUE(contains(fourth.body, "3 running machines, the most allowed"));
  EXPECT_EQ(test_ec2().describe_instances({{"tag:Owner", {portal.user()}}}).size(), 3U);
  // Stop one, launch another in its place, then the stopped one may not start.
  ASSERT_EQ(portal.post("/instances/" + ids[0] + "/stop").status, 303);
  ASSERT_EQ(launch(portal, key).status, 303);
  const auto start = portal.post("/instances/" + ids[0] + "/start");
  EXPECT_EQ(start.status, 409);
  EXPECT_TRUE(contains(start.body, "the most allowed"));
  EXPECT_EQ(instance(ids[0]).state, "stopped");
}

TEST(PortalMoto, AnAwsFailureIsA5xxThatNamesNothingOfAws) {
  PortalHarness portal("us-east-1:00000000-0000-0000-0000-000000000000");  // no such identity pool
  portal.sign_in();
  const auto home = portal.get("/");
  EXPECT_GE(home.status, 502);
  EXPECT_LE(home.status, 503);
  EXPECT_TRUE(contains(home.body, "AWS"));
  EXPECT_FALSE(contains(home.body, "00000000-0000"));
  EXPECT_FALSE(contains(home.body, "Cognito"));
  EXPECT_TRUE(contains(portal.log(), "GetId"));
}

TEST(PortalMoto, QuickstartStatesTheLimitsTheServerEnforces) {
  PortalHarness portal;
  EXPECT_EQ(portal.get("/quickstart").status, 302);  // signed-in users only, like every page
  portal.sign_in();
  const auto page = portal.get("/quickstart");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<span id=\"max-running\">3</span>"));
  EXPECT_TRUE(contains(page.body, "<span id=\"max-key-pairs\">5</span>"));
  EXPECT_TRUE(contains(page.body, "<span id=\"default-volume\">64</span>"));
  EXPECT_TRUE(contains(page.body, "<span id=\"max-volume\">256</span>"));
  EXPECT_TRUE(contains(page.body, "<span id=\"images\">Amazon Linux 2023 or Ubuntu 24.04 LTS</span>"));
  EXPECT_TRUE(contains(portal.get("/").body, "href=\"/quickstart\""));
}
