// How long the User Portal takes to answer each page for a signed-in user, through App::handle (no socket in
// front), with AWS answered by
//   stub  a local scripted server that answers every call at once with a realistic answer (8 machines, 12
//         months of costs, 4 key pairs): the portal's own work — identity-pool credentials, parsing, page
//         logic, templates — plus one loopback HTTP exchange per AWS call, printed beside each page;
//   moto  with --moto, the moto server AWS_ENDPOINT_URL names (bench/web/run.sh starts one): the same pages
//         against an emulator, to compare.
// Goal (issue: Portal): under 1 ms per page with the stub. The datasets pages (stub only) read one bucket's
// catalog.json of 20 datasets (cached by the portal, as deployed) and, for a dataset page, the year index
// file of an hourly dataset (8,760 rows, read on every request).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "fake_http_server.h"
#include "portal_harness.h"

namespace {

using heliocloud::testing::CannedResponse;
using heliocloud::testing::FakeHttpServer;
using heliocloud::testing::RecordedRequest;

std::string instance_xml(int i) {
  const bool running = i < 3;
  const std::string n = std::to_string(i);
  return "<item><instanceId>i-0bench00000000000" + n + "</instanceId><imageId>ami-0bench" + n +
         "</imageId><instanceType>t3.small</instanceType><launchTime>2026-11-30T08:00:00.000Z</launchTime>"
         "<instanceState><code>" +
         (running ? "16</code><name>running" : "80</code><name>stopped") +
         "</name></instanceState><keyName>bench-key</keyName><dnsName>ec2-1-2-3-" + n +
         ".compute-1.amazonaws.com</dnsName><ipAddress>1.2.3." + n +
         "</ipAddress><platformDetails>Linux/UNIX</platformDetails><rootDeviceName>/dev/xvda"
         "</rootDeviceName><tagSet><item><key>Owner</key><value>bench</value></item><item><key>Name</key>"
         "<value>analysis machine " +
         n + "</value></item></tagSet></item>";
}

std::string describe_instances() {
  std::string items;
  for (int i = 0; i < 8; ++i) items += "<item><instancesSet>" + instance_xml(i) + "</instancesSet></item>";
  return "<DescribeInstancesResponse><reservationSet>" + items +
         "</reservationSet></DescribeInstancesResponse>";
}

std::string describe_images() {
  std::string items;
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    items += "<item><imageId>ami-0bench" + n + "</imageId><name>al2023-ami-2023.6.2024" + n +
             "-kernel-6.1-x86_64</name><architecture>x86_64</architecture><rootDeviceName>/dev/xvda"
             "</rootDeviceName><blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeSize>8"
             "</volumeSize></ebs></item></blockDeviceMapping></item>";
  }
  return "<DescribeImagesResponse><imagesSet>" + items + "</imagesSet></DescribeImagesResponse>";
}

std::string describe_key_pairs() {
  std::string items;
  for (int i = 0; i < 4; ++i)
    items += "<item><keyPairId>key-0bench" + std::to_string(i) + "</keyPairId><keyName>bench-key-" +
             std::to_string(i) +
             "</keyName><keyType>rsa</keyType><keyFingerprint>1f:51:ae</keyFingerprint>"
             "<tagSet><item><key>Owner</key><value>bench</value></item></tagSet></item>";
  return "<DescribeKeyPairsResponse><keySet>" + items + "</keySet></DescribeKeyPairsResponse>";
}

std::string describe_instance_types() {
  return "<DescribeInstanceTypesResponse><instanceTypeSet>"
         "<item><instanceType>t3.micro</instanceType><vCpuInfo><defaultVCpus>2</defaultVCpus></vCpuInfo>"
         "<memoryInfo><sizeInMiB>1024</sizeInMiB></memoryInfo></item>"
         "<item><instanceType>t3.small</instanceType><vCpuInfo><defaultVCpus>2</defaultVCpus></vCpuInfo>"
         "<memoryInfo><sizeInMiB>2048</sizeInMiB></memoryInfo></item>"
         "</instanceTypeSet></DescribeInstanceTypesResponse>";
}

std::string cost_and_usage() {
  nlohmann::json periods = nlohmann::json::array();
  for (int m = 1; m <= 12; ++m) {
    char start[16];
    std::snprintf(start, sizeof start, "2026-%02d-01", m);
    periods.push_back(
        {{"TimePeriod", {{"Start", start}, {"End", start}}},
         {"Total", {{"UnblendedCost", {{"Amount", std::to_string(3.25 * m)}, {"Unit", "USD"}}}}},
         {"Estimated", false}});
  }
  return nlohmann::json{{"ResultsByTime", periods}}.dump();
}

constexpr const char* kDatasetBucket = "bench-datasets";

std::string dataset_catalog() {
  nlohmann::json entries = nlohmann::json::array();
  for (int i = 0; i < 20; ++i) {
    const std::string id = "D" + std::to_string(i);
    entries.push_back({{"id", id},
                       {"index", std::string("s3://") + kDatasetBucket + "/" + id + "/"},
                       {"title", "Bench dataset " + id},
                       {"start", std::to_string(1990 + i) + "-01-01T00:00:00Z"},
                       {"stop", "2021-12-31T23:59:59Z"},
                       {"filetype", "cdf"}});
  }
  return nlohmann::json{{"version", "1.1"}, {"status", {{"code", 1200}}}, {"catalog", entries}}.dump();
}

// An hourly dataset's 2021 index file.
std::string index_2021() {
  std::string text = "# start, stop, datakey, filesize\n";
  char row[160];
  for (int day = 0; day < 365; ++day) {
    const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int month = 0;
    int d = day;
    while (d >= month_days[month]) d -= month_days[month++];
    for (int hour = 0; hour < 24; ++hour) {
      std::snprintf(
          row, sizeof row,
          "2021-%02d-%02dT%02d:00:00Z,2021-%02d-%02dT%02d:59:59Z,s3://%s/D0/%02d%02d%02d.cdf,1000\n",
          month + 1, d + 1, hour, month + 1, d + 1, hour, kDatasetBucket, month + 1, d + 1, hour);
      text += row;
    }
  }
  return text;
}

// The EC2 Query action of a form body ("Action=DescribeImages&Version=...").
bool is_action(const std::string& body, const std::string& action) {
  const std::string field = "Action=" + action;
  const auto at = body.find(field);
  const auto end = at + field.size();
  return at != std::string::npos && (at == 0 || body[at - 1] == '&') &&
         (end == body.size() || body[end] == '&');
}

CannedResponse json_answer(const std::string& body) {
  return {200, {{"Content-Type", "application/x-amz-json-1.1"}}, body};
}

CannedResponse xml_answer(const std::string& body) {
  return {200, {{"Content-Type", "text/xml"}}, body};
}

// AWS as the portal calls it, answered at once.
CannedResponse stub_aws(const RecordedRequest& request) {
  const std::string target = request.header("x-amz-target");
  if (target.ends_with(".GetId")) return json_answer(R"({"IdentityId":"us-east-1:bench"})");
  if (target.ends_with(".GetCredentialsForIdentity"))
    return json_answer(
        R"({"IdentityId":"us-east-1:bench","Credentials":{"AccessKeyId":"ASIABENCH","SecretKey":"s",)"
        R"("SessionToken":"t","Expiration":4102444800}})");
  if (target.ends_with(".GetCostAndUsage")) return json_answer(cost_and_usage());
  if (target.ends_with(".GetParameter"))
    return json_answer(R"({"Parameter":{"Name":"p","Type":"String","Value":"ami-0bench0","Version":1}})");
  if (target.ends_with(".GetProducts")) return json_answer(R"({"PriceList":[]})");
  if (request.method == "GET" && request.target.starts_with(std::string("/") + kDatasetBucket + "/")) {
    static const std::string kCatalog = dataset_catalog();
    static const std::string kIndex = index_2021();
    if (request.target.ends_with("/catalog.json")) return {200, {}, kCatalog};
    if (request.target.ends_with("/D0_2021.csv")) return {200, {}, kIndex};
    return {404, {{"Content-Type", "application/xml"}}, "<Error><Code>NoSuchKey</Code></Error>"};
  }
  const std::string& body = request.body;
  if (is_action(body, "DescribeInstances")) return xml_answer(describe_instances());
  if (is_action(body, "DescribeImages")) return xml_answer(describe_images());
  if (is_action(body, "DescribeKeyPairs")) return xml_answer(describe_key_pairs());
  if (is_action(body, "DescribeInstanceTypes")) return xml_answer(describe_instance_types());
  return {400, {}, "the portal bench's stub does not know this call"};
}

void page(benchmark::State& state, heliocloud::portal::testing::PortalHarness* portal,
          const std::string& path, const std::atomic<long>* aws_calls) {
  const long calls_before = (aws_calls != nullptr) ? aws_calls->load() : 0;
  for (auto _ : state) {
    const auto answer = portal->get(path);
    if (answer.status != 200) {
      state.SkipWithError(("GET " + path + " answered " + std::to_string(answer.status)).c_str());
      break;
    }
    benchmark::DoNotOptimize(answer.body.data());
  }
  if (aws_calls != nullptr)
    state.counters["aws_calls"] =
        static_cast<double>(aws_calls->load() - calls_before) /
        static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
}

}  // namespace

int main(int argc, char** argv) {
  bool moto = false;
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--moto") == 0) moto = true;
  std::atomic<long> aws_calls{0};
  std::unique_ptr<FakeHttpServer> stub;
  if (!moto) {
    stub = std::make_unique<FakeHttpServer>([&aws_calls](const RecordedRequest& request) {
      ++aws_calls;
      return stub_aws(request);
    });
    ::setenv("AWS_ENDPOINT_URL", stub->url().c_str(), 1);
    ::setenv("AWS_ACCESS_KEY_ID", "bench", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "bench", 1);
    ::setenv("AWS_REGION", "us-east-1", 1);
  }
  using heliocloud::portal::testing::HarnessOptions;
  using heliocloud::portal::testing::PortalHarness;
  PortalHarness portal(
      moto ? HarnessOptions{}
           : HarnessOptions{.identity_pool_id = "us-east-1:bench-pool", .dataset_buckets = {kDatasetBucket}});
  portal.sign_in();
  const std::string mode = moto ? "moto" : "stub";
  const std::atomic<long>* counted = moto ? nullptr : &aws_calls;
  std::vector<std::string> paths = {"/", "/launch", "/keypairs", "/quickstart"};
  if (!moto) {
    paths.emplace_back("/datasets");
    paths.emplace_back(std::string("/datasets/") + kDatasetBucket + "/D0");
  }
  for (const auto& path : paths)
    benchmark::RegisterBenchmark((mode + " GET " + path).c_str(), page, &portal, path, counted)
        ->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
