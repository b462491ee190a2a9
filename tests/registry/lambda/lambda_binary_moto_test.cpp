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
#include <random>
#include <thread>

#include "aws/client_config.h"
#include "aws/dynamodb.h"
#include "aws/s3.h"
#include "moto_support.h"
#include "runtime_api_stub.h"

extern char** environ;

namespace heliocloud::registry {
namespace {

using heliocloud::aws::testing::moto_config;
const auto unique = heliocloud::aws::testing::unique_name;  // names never collide in the shared moto

using nlohmann::json;
using test::RuntimeApiStub;

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
  RuntimeApiStub api(std::deque<RuntimeApiStub::Event>{});
  const int status = run_function({{"AWS_LAMBDA_RUNTIME_API", api.authority()},
                                   {"_HANDLER", "ingest"},
                                   {"INGEST_BUCKET", "hc-uploads"},
                                   {"REQUESTER_PAYS", "maybe"}});
  EXPECT_NE(status, 0);
  const auto posted = api.post("/runtime/init/error");
  ASSERT_FALSE(posted.path.empty()) << "no init error posted";
  const auto body = json::parse(posted.body);
  EXPECT_EQ(body["errorType"], "InvalidConfiguration");
  const auto message = body["errorMessage"].get<std::string>();
  for (const char* expected : {"DATASET_BUCKETS: not set", "DATASET_TABLE: not set", "CATALOG_NAME: not set",
                               "REQUESTER_PAYS: \"maybe\" is neither \"true\" nor \"false\""}) {
    EXPECT_NE(message.find(expected), std::string::npos) << expected << " in " << message;
  }
  EXPECT_EQ(message.find("INGEST_BUCKET"), std::string::npos) << message;

  RuntimeApiStub api2(std::deque<RuntimeApiStub::Event>{});
  EXPECT_NE(run_function({{"AWS_LAMBDA_RUNTIME_API", api2.authority()}, {"_HANDLER", "index.handler"}}), 0);
  EXPECT_NE(
      api2.post("/runtime/init/error").body.find("_HANDLER: \\\"index.handler\\\" is not a Registry handler"),
      std::string::npos)
      << api2.post("/runtime/init/error").body;
}

TEST(RegistryLambdaBinary, IngestAndCatalogThroughTheRuntimeApi) {
  aws::S3Client s3(moto_config());
  aws::DynamoDbClient dynamo(moto_config());
  const auto uploads = unique("bin-up");
  const auto pub = unique("bin-pub");
  const auto table = unique("bin-datasets");
  s3.create_bucket(uploads);
  s3.create_bucket(pub);
  dynamo.create_table(table, {"id", "S"});
  s3.put_object(uploads, "job1/entries.json",
                R"([{"id": "MMS", "index": "s3://)" + pub + R"(/MMS/", "title": "MMS"}])");
  s3.put_object(uploads, "job1/MMS/manifest.csv", "#time, s3key, filesize\n2015-09-01T12:11:14Z,a.cdf,3\n");
  s3.put_object(uploads, "job1/MMS/a.cdf", "abc");
  const std::map<std::string, std::string> config = {
      {"INGEST_BUCKET", uploads}, {"DATASET_BUCKETS", pub},   {"DATASET_TABLE", table},
      {"CATALOG_NAME", "Bin"},    {"CATALOG_CONTACT", "ops"}, {"CATALOG_DESCRIPTION", "Binary test"},
      {"REQUESTER_PAYS", "false"}};

  RuntimeApiStub ingest_api({{"req-1", R"({"job_folder": "job1"})"}, {"req-2", R"({"job_folder": 7})"}});
  auto vars = config;
  vars["AWS_LAMBDA_RUNTIME_API"] = ingest_api.authority();
  vars["_HANDLER"] = "ingest";
  // After the scripted events the stub stops answering and the loop gives up: a non-zero exit, as in a dying
  // sandbox.
  EXPECT_NE(run_function(vars), 0);
  const auto ok = ingest_api.post("/invocation/req-1/response");
  ASSERT_FALSE(ok.path.empty()) << "no response to req-1";
  const auto result = json::parse(ok.body);
  EXPECT_EQ(result["ok"], true) << result.dump(2);
  EXPECT_EQ(result["datasets"][0]["id"], "MMS");
  EXPECT_EQ(result["datasets"][0]["files_added"], 1);
  EXPECT_EQ(s3.get_object(pub, "MMS/a.cdf").body, "abc");
  const auto bad = ingest_api.post("/invocation/req-2/error");
  ASSERT_FALSE(bad.path.empty()) << "no error for req-2";
  EXPECT_EQ(json::parse(bad.body)["errorType"], "InvalidEvent");
  EXPECT_EQ(json::parse(bad.body)["errorMessage"].get<std::string>().rfind(
                "\"job_folder\" must be a non-empty string, not number", 0),
            0U);

  RuntimeApiStub catalog_api(std::deque<RuntimeApiStub::Event>{{"req-3", "{}"}});
  vars["AWS_LAMBDA_RUNTIME_API"] = catalog_api.authority();
  vars["_HANDLER"] = "catalog";
  EXPECT_NE(run_function(vars), 0);
  const auto c = json::parse(catalog_api.post("/invocation/req-3/response").body);
  EXPECT_EQ(c["buckets"][0]["datasets"], 1) << c.dump(2);
  const auto catalog = json::parse(s3.get_object(pub, "catalog.json").body);
  EXPECT_EQ(catalog["description"], "Binary test");
  EXPECT_EQ(catalog["egress"], "free");
  EXPECT_EQ(catalog["catalog"][0]["index"], "s3://" + pub + "/MMS/");
}

}  // namespace
}  // namespace heliocloud::registry
