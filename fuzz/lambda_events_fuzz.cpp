// Lambda events as the functions receive them: the custom-resource provider's CloudFormation request and the
// Registry's ingest and catalog events. A bad event is a clear refusal (ParsedEvent errors, HandlerError
// "InvalidEvent"), never an exception of another kind; whatever is answered can be written as JSON.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "custom_resources/event.h"
#include "custom_resources/response.h"
#include "fuzz_support.h"
#include "registry/lambda/handlers.h"
#include "registry/lambda/lambda_environment.h"

using heliocloud::fuzz::require;
namespace cr = heliocloud::custom_resources;
namespace lambda = heliocloud::registry::lambda;

namespace {

// The provider answers every event it can address, a bad one with FAILED and the errors as the reason; the
// reason is provider-controlled text of any length and bytes, and CloudFormation refuses bodies over 4 KB.
void check_failure_answer(const cr::Event& event, std::string_view reason) {
  const auto bare = cr::response_body(event, {.status = cr::Status::Failed, .physical_resource_id = "id"});
  const auto body = cr::response_body(
      event, {.status = cr::Status::Failed, .reason = std::string(reason), .physical_resource_id = "id"});
  require(nlohmann::json::accept(body), "the answer is JSON", body);
  // Only the reason is shortened, so the limit holds whenever the rest leaves room for the marker.
  if (bare.size() + 64 <= cr::kMaxResponseBytes)
    require(body.size() <= cr::kMaxResponseBytes, "the answer fits CloudFormation's 4096 bytes",
            std::to_string(body.size()));
}

void check_custom_resource_event(std::string_view payload) {
  const auto parsed = cr::parse_event(payload);
  require(parsed.ok() == parsed.error_text().empty(), "errors and their text agree");
  check_failure_answer(parsed.event, parsed.ok() ? payload : parsed.error_text() + std::string(payload));
  if (!parsed.ok()) return;
  const auto& event = parsed.event;
  require(!event.response_url.empty() && !event.stack_id.empty() && !event.request_id.empty() &&
              !event.logical_resource_id.empty(),
          "an accepted event names where to answer and what for");
  require(event.resource_properties.is_object() && event.old_resource_properties.is_object(),
          "properties are objects");
  try {
    (void)cr::required_string(event.resource_properties, "BucketName");
    (void)cr::optional_bool(event.resource_properties, "Enabled", false);
  } catch (const std::invalid_argument& e) {
    require(std::string_view(e.what()).find("BucketName") != std::string_view::npos ||
                std::string_view(e.what()).find("Enabled") != std::string_view::npos,
            "a property error names the property", e.what());
  }
}

void check_ingest_event(const nlohmann::json& event) {
  lambda::LambdaEnvironment env;
  env.settings.ingest_bucket = "helio-uploads";
  env.settings.dataset_buckets = {"helio-public"};
  try {
    const auto job = lambda::ingest_job_of(event, env);
    require(job.bucket == "helio-uploads", "a job is only ever in the ingest bucket", job.bucket);
    require(!job.folder.empty() && job.folder.front() != '/' && job.folder.back() != '/',
            "a job folder is a trimmed, non-empty folder", job.folder);
  } catch (const lambda::HandlerError& e) {
    require(
        e.type() == "InvalidEvent" && std::string_view(e.what()).find("job_folder") != std::string_view::npos,
        "a refused ingest event says what to send", e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto payload = heliocloud::fuzz::as_text(data, size);
  check_custom_resource_event(payload);
  const auto event = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!event.is_discarded()) check_ingest_event(event);
  return 0;
}
