// The real heliocloud-registry-lambda binary (or its packaged bootstrap), driven through a stand-in Runtime
// API with S3 and DynamoDB in moto: init errors, an ingest, a bad event, a catalog, each as Lambda would see
// them.
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "fake_runtime_api.h"
#include "moto_support.h"

namespace heliocloud::registry {
namespace {

using heliocloud::aws::testing::moto_config;
const auto kUnique = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

using heliocloud::testing::FakeRuntimeApi;
using heliocloud::testing::ScriptedInvocation;
using nlohmann::json;

// Lambda's 15 minutes: the ingest handler plans its waits from the deadline.
constexpr std::chrono::milliseconds kFifteenMinutes{900000};

FakeRuntimeApi runtime_api(const std::vector<std::pair<std::string, std::string>>& events) {
  std::deque<ScriptedInvocation> script;
  for (const auto& [id, payload] : events) {
    ScriptedInvocation invocation;
    invocation.request_id = id;
    invocation.payload = payload;
    invocation.time_left = kFifteenMinutes;
    script.push_back(std::move(invocation));
  }
  return FakeRuntimeApi(std::move(script));
}

// The body the function POSTed to a path ending with `suffix` (e.g. "req-1/response"); nullopt when none.
std::optional<std::string> posted(const FakeRuntimeApi& api, const std::string& suffix) {
  for (const auto& r : api.posts())
    if (r.target.ends_with(suffix)) return r.body;
  return std::nullopt;
}

// The packaged bootstrap when the build made one (what Lambda runs), else the binary itself.
std::string function_executable() {
  const std::filesystem::path bootstrap = HELIOCLOUD_REGISTRY_PACKAGE "/bootstrap";
  return std::filesystem::exists(bootstrap) ? bootstrap.string() : std::string(HELIOCLOUD_REGISTRY_LAMBDA);
}

// Runs the function with this process's environment plus `vars` (moto's endpoint and credentials come from
// ctest); returns its exit status. It exits on its own once the stub stops handing out events.
int run_function(const std::map<std::string, std::string>& vars) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    if (!vars.contains(entry.substr(0, entry.find('=')))) env_strings.push_back(entry);
  }
  for (const auto& [k, v] : vars) env_strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  envp.reserve(env_strings.size());
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  const auto exe = function_executable();
  std::vector<char*> argv{const_cast<char*>(exe.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(), envp.data()) != 0) return -1;
  // Lambda would kill a stuck function; so does the test, after two minutes (by the PID it started).
  for (int i = 0; i < 1200; ++i) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  ADD_FAILURE() << exe << " did not exit";
  return -1;
}

TEST(RegistryLambdaBinary, InitErrorNamesTheVariables) {
  auto api = runtime_api({});
  const int status = run_function({{"AWS_LAMBDA_RUNTIME_API", api.authority()},
                                   {"_HANDLER", "ingest"},
                                   {"INGEST_BUCKET", "hc-uploads"},
                                   {"REQUESTER_PAYS", "maybe"}});
  EXPECT_NE(status, 0);
  const auto init_error = posted(api, "/runtime/init/error");
  ASSERT_TRUE(init_error) << "no init error posted";
  const auto body = json::parse(*init_error);
  EXPECT_EQ(body["errorType"], "InvalidConfiguration");
  const auto message = body["errorMessage"].get<std::string>();
  for (const char* expected : {"DATASET_BUCKETS: not set", "DATASET_TABLE: not set", "CATALOG_NAME: not set",
                               "REQUESTER_PAYS: \"maybe\" is neither \"true\" nor \"false\""}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << " in " << message;
  }
  EXPECT_EQ(message.find("INGEST_BUCKET"), std::string::npos) << message;

  auto api2 = runtime_api({});
  EXPECT_NE(run_function({{"AWS_LAMBDA_RUNTIME_API", api2.authority()}, {"_HANDLER", "index.handler"}}), 0);
  const auto handler_error = posted(api2, "/runtime/init/error").value_or("");
  EXPECT_NE(handler_error.find("_HANDLER: \\\"index.handler\\\" is not a Registry handler"),
            std::string::npos)
      << handler_error;
}

TEST(RegistryLambdaBinary, IngestAndCatalogThroughTheRuntimeApi) {
  aws::S3Client s3(moto_config());
  aws::DynamoDbClient dynamo(moto_config());
  const auto uploads = kUnique("bin-up");
  const auto pub = kUnique("bin-pub");
  const auto table = kUnique("bin-datasets");
  s3.create_bucket(uploads);
  s3.create_bucket(pub);
  dynamo.create_table(table, {.name = "id", .type = "S"});
  s3.put_object(uploads, "job1/entries.json",
                R"([{"id": "MMS", "index": "s3://)" + pub + R"(/MMS/", "title": "MMS"}])");
  s3.put_object(uploads, "job1/MMS/manifest.csv", "#time, s3key, filesize\n2015-09-01T12:11:14Z,a.cdf,3\n");
  s3.put_object(uploads, "job1/MMS/a.cdf", "abc");
  const std::map<std::string, std::string> config = {
      {"INGEST_BUCKET", uploads}, {"DATASET_BUCKETS", pub},   {"DATASET_TABLE", table},
      {"CATALOG_NAME", "Bin"},    {"CATALOG_CONTACT", "ops"}, {"CATALOG_DESCRIPTION", "Binary test"},
      {"REQUESTER_PAYS", "false"}};

  auto ingest_api = runtime_api({{"req-1", R"({"job_folder": "job1"})"}, {"req-2", R"({"job_folder": 7})"}});
  auto vars = config;
  vars["AWS_LAMBDA_RUNTIME_API"] = ingest_api.authority();
  vars["_HANDLER"] = "ingest";
  // After the scripted events the stub stops answering and the loop gives up: a non-zero exit, as in a dying
  // sandbox.
  EXPECT_NE(run_function(vars), 0);
  const auto ok = posted(ingest_api, "/invocation/req-1/response");
  ASSERT_TRUE(ok) << "no response to req-1";
  const auto result = json::parse(*ok);
  EXPECT_EQ(result["ok"], true) << result.dump(2);
  EXPECT_EQ(result["datasets"][0]["id"], "MMS");
  EXPECT_EQ(result["datasets"][0]["files_added"], 1);
  EXPECT_EQ(s3.get_object(pub, "MMS/a.cdf").body, "abc");
  const auto bad = posted(ingest_api, "/invocation/req-2/error");
  ASSERT_TRUE(bad) << "no error for req-2";
  EXPECT_EQ(json::parse(*bad)["errorType"], "InvalidEvent");
  EXPECT_EQ(json::parse(*bad)["errorMessage"].get<std::string>().rfind(
                "\"job_folder\" must be a non-empty string, not number", 0),
            0U);

  auto catalog_api = runtime_api({{"req-3", "{}"}});
  vars["AWS_LAMBDA_RUNTIME_API"] = catalog_api.authority();
  vars["_HANDLER"] = "catalog";
  EXPECT_NE(run_function(vars), 0);
  const auto catalog_response = posted(catalog_api, "/invocation/req-3/response");
  ASSERT_TRUE(catalog_response) << "no response to req-3";
  const auto c = json::parse(*catalog_response);
  EXPECT_EQ(c["buckets"][0]["datasets"], 1) << c.dump(2);
  const auto catalog = json::parse(s3.get_object(pub, "catalog.json").body);
  EXPECT_EQ(catalog["description"], "Binary test");
  EXPECT_EQ(catalog["egress"], "free");
  EXPECT_EQ(catalog["catalog"][0]["index"], "s3://" + pub + "/MMS/");
}

// A job of several chunks with a time budget that allows one chunk per invocation: the function invokes
// itself (InvocationType Event, on a Lambda API stand-in that hands the event back through the Runtime API)
// until the job is published, and each invocation's response says how far it got.
TEST(RegistryLambdaBinary, AJobLongerThanOneInvocationContinuesByItself) {
  aws::S3Client s3(moto_config());
  aws::DynamoDbClient dynamo(moto_config());
  const auto uploads = kUnique("cont-up");
  const auto pub = kUnique("cont-pub");
  const auto table = kUnique("cont-datasets");
  s3.create_bucket(uploads);
  s3.create_bucket(pub);
  dynamo.create_table(table, {.name = "id", .type = "S"});
  s3.put_object(uploads, "job1/entries.json",
                R"([{"id": "SOHO", "index": "s3://)" + pub + R"(/SOHO/", "title": "SOHO"}])");
  std::string manifest = "#time, s3key, filesize\n";
  for (int i = 0; i < 7; ++i) {
    manifest += "2020-01-0" + std::to_string(i + 1) + "T00:00:00Z,f" + std::to_string(i) + ".cdf,2\n";
    s3.put_object(uploads, "job1/SOHO/f" + std::to_string(i) + ".cdf", "f" + std::to_string(i));
  }
  s3.put_object(uploads, "job1/SOHO/manifest.csv", manifest);

  ScriptedInvocation first;
  first.request_id = "req-1";
  first.payload = R"({"job_folder": "job1"})";
  first.time_left = std::chrono::milliseconds(2000);  // less than the reserve: one chunk, then go on
  FakeRuntimeApi runtime({first});
  std::atomic<int> invoked{0};
  const std::string function_name = "heliocloud-test-Ingester";
  heliocloud::testing::FakeHttpServer lambda_api([&](const heliocloud::testing::RecordedRequest& r) {
    if (r.method != "POST" || r.target != "/2015-03-31/functions/" + function_name + "/invocations" ||
        r.header("x-amz-invocation-type") != "Event") {
      return heliocloud::testing::CannedResponse{400, {}, "{\"message\": \"unexpected " + r.target + "\"}"};
    }
    ScriptedInvocation next = first;
    next.request_id = "req-" + std::to_string(2 + invoked++);
    next.payload = r.body;
    runtime.enqueue(next);
    return heliocloud::testing::CannedResponse{202, {}, ""};
  });

  EXPECT_NE(run_function({{"AWS_LAMBDA_RUNTIME_API", runtime.authority()},
                          {"_HANDLER", "ingest"},
                          {"AWS_LAMBDA_FUNCTION_NAME", function_name},
                          {"AWS_ENDPOINT_URL_LAMBDA", "http://" + lambda_api.authority()},
                          {"INGEST_CHUNK_FILES", "2"},
                          {"INGEST_BUCKET", uploads},
                          {"DATASET_BUCKETS", pub},
                          {"DATASET_TABLE", table},
                          {"CATALOG_NAME", "Bin"},
                          {"CATALOG_CONTACT", "ops"},
                          {"CATALOG_DESCRIPTION", "Continuation test"},
                          {"REQUESTER_PAYS", "false"}}),
            0);
  EXPECT_EQ(invoked.load(), 3);  // 7 files in chunks of 2: four invocations
  std::vector<int> done;
  for (int i = 1; i <= 4; ++i) {
    const auto response = posted(runtime, "/invocation/req-" + std::to_string(i) + "/response");
    ASSERT_TRUE(response) << "no response to req-" << i;
    const auto r = json::parse(*response);
    EXPECT_EQ(r["ok"], true) << r.dump(2);
    EXPECT_EQ(r["unfinished"], i < 4) << r.dump(2);
    EXPECT_EQ(r.value("continued", false), i < 4) << r.dump(2);
    done.push_back(r["files_done"].get<int>());
  }
  EXPECT_EQ(done, (std::vector<int>{2, 4, 6, 7}));
  const auto index = s3.get_object(pub, "SOHO/SOHO_2020.csv").body;
  EXPECT_EQ(std::count(index.begin(), index.end(), '\n'), 8) << index;
  EXPECT_EQ(s3.list_all_objects(uploads, "job1/").size(), 0U);
  const auto item = dynamo.get_item(table, {{"id", "job#s3://" + uploads + "/job1/"}}, true);
  ASSERT_TRUE(item);
  const auto progress = json::parse(item->at("job").get<std::string>());
  EXPECT_EQ(progress["state"], "published");
  EXPECT_EQ(progress["runs"], 4);
}

}  // namespace
}  // namespace heliocloud::registry
