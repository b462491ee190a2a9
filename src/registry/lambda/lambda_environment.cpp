#include "registry/lambda/lambda_environment.h"

#include <algorithm>
#include <cstdlib>

#include "config/validators.h"

namespace heliocloud::registry::lambda {

namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out =
      "invalid Registry function configuration (environment variables set by the Registry stack):";
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class Reader {
 public:
  explicit Reader(const EnvLookup& lookup) : lookup_(lookup) {}

  // A variable that must be set; `allow_empty` for free text such as a description.
  std::string required(const std::string& name, bool allow_empty, const std::string& what) {
    const auto v = lookup_(name);
    if (!v) {
      problems.push_back(name + ": not set; it must hold " + what);
      return "";
    }
    if (!allow_empty && trim(*v).empty()) problems.push_back(name + ": empty; it must hold " + what);
    return *v;
  }

  std::string bucket(const std::string& name, const std::string& value) {
    const auto why = config::checkS3BucketName(value);
    if (!why.empty()) problems.push_back(name + ": \"" + value + "\" is not a bucket name (" + why + ")");
    return value;
  }

  std::vector<std::string> problems;

 private:
  const EnvLookup& lookup_;
};

}  // namespace

InitError::InitError(std::vector<std::string> problems)
    : std::runtime_error(join_lines(problems)), problems_(std::move(problems)) {}

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  };
}

LambdaEnvironment read_lambda_environment(const EnvLookup& lookup) {
  Reader r(lookup);
  LambdaEnvironment env;
  auto& s = env.settings;

  const auto ingest = trim(r.required("INGEST_BUCKET", false, "the name of the ingest bucket"));
  if (!ingest.empty()) s.ingest_bucket = r.bucket("INGEST_BUCKET", ingest);

  const auto buckets = r.required("DATASET_BUCKETS", false, "the dataset bucket names, comma-separated");
  if (!trim(buckets).empty()) {
    std::size_t start = 0;
    for (;;) {
      const auto comma = buckets.find(',', start);
      const auto item =
          trim(buckets.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (item.empty()) {
        r.problems.push_back("DATASET_BUCKETS: \"" + buckets +
                             "\" has an empty item; list bucket names separated by single commas");
      } else if (std::find(s.dataset_buckets.begin(), s.dataset_buckets.end(), item) !=
                 s.dataset_buckets.end()) {
        r.problems.push_back("DATASET_BUCKETS: \"" + item + "\" is listed twice");
      } else {
        s.dataset_buckets.push_back(r.bucket("DATASET_BUCKETS", item));
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (!s.ingest_bucket.empty() && std::find(s.dataset_buckets.begin(), s.dataset_buckets.end(),
                                              s.ingest_bucket) != s.dataset_buckets.end()) {
      r.problems.push_back("INGEST_BUCKET: \"" + s.ingest_bucket +
                           "\" is also a dataset bucket; uploads must not land in a public bucket");
    }
  }

  env.dataset_table = trim(r.required("DATASET_TABLE", false, "the name of the DynamoDB dataset table"));
  // Name and contact may be empty (the instance file allows it), but the stack always sets them.
  s.catalog_name = r.required("CATALOG_NAME", true, "catalog.json \"name\"");
  s.catalog_contact = r.required("CATALOG_CONTACT", true, "catalog.json \"contact\"");
  s.catalog_description = r.required("CATALOG_DESCRIPTION", true, "catalog.json \"description\"");

  const auto pays = trim(r.required("REQUESTER_PAYS", false, "\"true\" or \"false\""));
  if (pays == "true") {
    s.requester_pays = true;
  } else if (pays == "false") {
    s.requester_pays = false;
  } else if (!pays.empty()) {
    r.problems.push_back("REQUESTER_PAYS: \"" + pays + "\" is neither \"true\" nor \"false\"");
  }

  if (!r.problems.empty()) throw InitError(std::move(r.problems));
  return env;
}

}  // namespace heliocloud::registry::lambda
