#pragma once
// The Registry functions' handlers as plain functions of (event, configuration, stores), so that they are
// tested without the Runtime API and the binary only adds the loop around them.
//   ingest:  {"job_folder": "<folder in INGEST_BUCKET>"}  (or "s3://<INGEST_BUCKET>/<folder>")
//            -> IngestResult::to_json(): {"ok", "problems", "datasets": [{"id", "files_added", ...}]}
//   catalog: {} (any JSON object, e.g. a scheduled event)  -> CatalogResult::to_json(): {"ok", "problems",
//   "buckets"}
// A dataset that fails is reported in the result (the others still land); an event that cannot be served at
// all raises HandlerError, which Lambda reports as errorType + errorMessage.
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "registry/dataset_store.h"
#include "registry/ingest_service.h"
#include "registry/lambda/lambda_environment.h"
#include "registry/object_store.h"

namespace heliocloud::registry::lambda {

class HandlerError : public std::runtime_error {
 public:
  HandlerError(std::string type, const std::string& message)
      : std::runtime_error(message), type_(std::move(type)) {}
  [[nodiscard]] const std::string& type() const { return type_; }

 private:
  std::string type_;
};

// The job an ingest event names, in the ingest bucket. Throws HandlerError("InvalidEvent") saying what to
// send.
[[nodiscard]] JobLocation ingest_job_of(const nlohmann::json& event, const LambdaEnvironment& env);

[[nodiscard]] nlohmann::ordered_json handle_ingest(const nlohmann::json& event, const LambdaEnvironment& env,
                                                   ObjectStore& objects, DatasetStore& records,
                                                   const IngestOptions& options = {});

[[nodiscard]] nlohmann::ordered_json handle_catalog(const nlohmann::json& event, const LambdaEnvironment& env,
                                                    ObjectStore& objects, DatasetStore& records);

}  // namespace heliocloud::registry::lambda
