#pragma once
// LambdaEnvironment: the Registry functions' configuration, read from the environment variables the Registry
// stack sets on both functions. Read once at init: a missing or invalid variable is an init error (Lambda
// shows it on the first invocation) instead of a failure deep inside an ingest.
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "registry/settings.h"

namespace heliocloud::registry::lambda {

// Every problem with the variables at once, one per line, each naming the variable and what it should hold.
class InitError : public std::runtime_error {
 public:
  explicit InitError(std::vector<std::string> problems);
  [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

struct LambdaEnvironment {
  RegistrySettings settings;  // INGEST_BUCKET, DATASET_BUCKETS, CATALOG_*, REQUESTER_PAYS
  std::string dataset_table;  // DATASET_TABLE: records and leases (partition key "id", type S)
  // AWS_LAMBDA_FUNCTION_NAME (set by Lambda): an ingest that runs out of time invokes this function again
  // with the same job. Empty outside Lambda: the job then waits for a rerun.
  std::string function_name;
  // INGEST_CHUNK_FILES (optional): rows per ingest chunk; unset (0) = chunk_size()'s choice per dataset.
  std::size_t chunk_files = 0;
};

// Looks a variable up; nullopt when it is not set. Tests pass a map instead of the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

[[nodiscard]] EnvLookup process_environment();

// Throws InitError naming every missing or invalid variable.
[[nodiscard]] LambdaEnvironment read_lambda_environment(const EnvLookup& lookup);

}  // namespace heliocloud::registry::lambda
