#include "registry/lambda/handlers.h"

#include "registry/catalog_service.h"

namespace heliocloud::registry::lambda {

namespace {

const char* type_name(const nlohmann::json& j) {
  return j.type_name();
}

}  // namespace

JobLocation ingest_job_of(const nlohmann::json& event, const LambdaEnvironment& env) {
  const std::string expected =
      "send {\"job_folder\": \"<job folder in s3://" + env.settings.ingest_bucket + "/>\"}";
  if (!event.is_object()) {
    throw HandlerError("InvalidEvent",
                       std::string("the ingest event is a JSON ") + type_name(event) + "; " + expected);
  }
  const auto it = event.find("job_folder");
  if (it == event.end())
    throw HandlerError("InvalidEvent", "the ingest event has no \"job_folder\"; " + expected);
  if (!it->is_string() || it->get<std::string>().empty()) {
    throw HandlerError("InvalidEvent", std::string("\"job_folder\" must be a non-empty string, not ") +
                                           (it->is_string() ? "\"\"" : type_name(*it)) + "; " + expected);
  }
  const auto folder = it->get<std::string>();
  JobLocation job;
  try {
    // A bare folder is relative to the ingest bucket; a full s3:// URI must name that same bucket, which is
    // the only one the function may read uploads from.
    job =
        parse_job_location(folder.starts_with("s3://") ? folder : env.settings.ingest_bucket + "/" + folder);
  } catch (const std::invalid_argument& e) {
    throw HandlerError("InvalidEvent", std::string("\"job_folder\": ") + e.what());
  }
  if (job.bucket != env.settings.ingest_bucket) {
    throw HandlerError("InvalidEvent", "\"job_folder\": \"" + folder + "\" is not in the ingest bucket " +
                                           env.settings.ingest_bucket + "; " + expected);
  }
  if (job.folder.empty()) {
    throw HandlerError("InvalidEvent",
                       "\"job_folder\": \"" + folder +
                           "\" is the bucket root; name the job's folder (uploads go to <job>/)");
  }
  return job;
}

nlohmann::ordered_json handle_ingest(const nlohmann::json& event, const LambdaEnvironment& env,
                                     ObjectStore& objects, DatasetStore& records,
                                     const IngestOptions& options) {
  const auto job = ingest_job_of(event, env);
  IngestService service(objects, records, env.settings, options);
  return service.ingest(job).to_json();
}

nlohmann::ordered_json handle_catalog(const nlohmann::json& event, const LambdaEnvironment& env,
                                      ObjectStore& objects, DatasetStore& records) {
  // Any object: the console's test events and EventBridge schedules send objects with keys we do not need.
  if (!event.is_object()) {
    throw HandlerError("InvalidEvent", std::string("the catalog event is a JSON ") + type_name(event) +
                                           "; send {} (a JSON object)");
  }
  return CatalogService(objects, records, env.settings).update().to_json();
}

}  // namespace heliocloud::registry::lambda
