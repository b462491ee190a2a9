#include "registry/lambda/lambda_environment.h"

#include <algorithm>
#include <cstdlib>

#include "base/aws_names.h"
#include "base/text.h"
#include "contracts/registry_functions.h"
#include "registry/ingest_service.h"

namespace heliocloud::registry::lambda {

namespace {

namespace contract = contracts::registry;

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out =
      "invalid Registry function configuration (environment variables set by the Registry stack):";
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

std::string trimmed(std::string_view s) {
  return std::string(base::trim(s, base::kBlanks));
}

// One variable: what it must hold (for the messages; free text may be empty), and once read its name and
// text.
struct Variable {
  bool allow_empty = false;
  std::string_view what;
  std::string name;
  std::string text;
};

// The variables in the contract's order; the names come from for_each_variable, never from here.
contract::FunctionEnvironment<Variable> expected_variables() {
  return {
      .ingest_bucket = {.allow_empty = false,
                        .what = "the name of the ingest bucket",
                        .name = {},
                        .text = {}},
      .dataset_buckets = {.allow_empty = false,
                          .what = "the dataset bucket names, comma-separated",
                          .name = {},
                          .text = {}},
      .dataset_table = {.allow_empty = false,
                        .what = "the name of the DynamoDB dataset table",
                        .name = {},
                        .text = {}},
      // Name and contact may be empty (the instance file allows it), but the stack always sets them.
      .catalog_name = {.allow_empty = true, .what = "catalog.json \"name\"", .name = {}, .text = {}},
      .catalog_contact = {.allow_empty = true, .what = "catalog.json \"contact\"", .name = {}, .text = {}},
      .catalog_description = {.allow_empty = true,
                              .what = "catalog.json \"description\"",
                              .name = {},
                              .text = {}},
      .requester_pays = {.allow_empty = false, .what = "\"true\" or \"false\"", .name = {}, .text = {}},
  };
}

class Reader {
 public:
  explicit Reader(const EnvLookup& lookup) : lookup_(lookup) {}

  // Reads every variable of the contract; a missing one, or an empty one that must hold something, is a
  // problem.
  contract::FunctionEnvironment<Variable> read_all() {
    auto vars = expected_variables();
    contract::FunctionEnvironment<Variable>::for_each_variable(vars, [&](std::string_view name, Variable& v) {
      v.name = std::string(name);
      v.text = required(v.name, v.allow_empty, v.what);
    });
    return vars;
  }

  std::string bucket(const std::string& name, const std::string& value) {
    const auto why = base::check_s3_bucket_name(value);
    if (!why.empty()) problems.push_back(name + ": \"" + value + "\" is not a bucket name (" + why + ")");
    return value;
  }

  std::vector<std::string> problems;

 private:
  std::string required(const std::string& name, bool allow_empty, std::string_view what) {
    const auto v = lookup_(name);
    if (!v) {
      problems.push_back(name + ": not set; it must hold " + std::string(what));
      return "";
    }
    if (!allow_empty && trimmed(*v).empty())
      problems.push_back(name + ": empty; it must hold " + std::string(what));
    return *v;
  }

  const EnvLookup& lookup_;
};

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::ranges::find(list, item) != list.end();
}

// DATASET_BUCKETS: names separated by single commas, each a valid bucket name, none twice, none the ingest
// bucket.
void read_dataset_buckets(Reader& r, const Variable& var, const Variable& ingest_var, RegistrySettings& s) {
  const std::string& buckets = var.text;
  if (trimmed(buckets).empty()) return;
  for (const auto piece : base::split(buckets, ',')) {
    const auto item = trimmed(piece);
    if (item.empty()) {
      r.problems.push_back(var.name + ": \"" + buckets +
                           "\" has an empty item; list bucket names separated by single commas");
    } else if (contains(s.dataset_buckets, item)) {
      r.problems.push_back(var.name + ": \"" + item + "\" is listed twice");
    } else {
      s.dataset_buckets.push_back(r.bucket(var.name, item));
    }
  }
  if (!s.ingest_bucket.empty() && contains(s.dataset_buckets, s.ingest_bucket)) {
    r.problems.push_back(ingest_var.name + ": \"" + s.ingest_bucket +
                         "\" is also a dataset bucket; uploads must not land in a public bucket");
  }
}

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
  const auto vars = r.read_all();
  LambdaEnvironment env;
  auto& s = env.settings;

  const auto ingest = trimmed(vars.ingest_bucket.text);
  if (!ingest.empty()) s.ingest_bucket = r.bucket(vars.ingest_bucket.name, ingest);
  read_dataset_buckets(r, vars.dataset_buckets, vars.ingest_bucket, s);
  env.dataset_table = trimmed(vars.dataset_table.text);
  s.catalog_name = vars.catalog_name.text;
  s.catalog_contact = vars.catalog_contact.text;
  s.catalog_description = vars.catalog_description.text;

  const auto pays = trimmed(vars.requester_pays.text);
  if (pays == contract::kTrue) {
    s.requester_pays = true;
  } else if (pays == contract::kFalse) {
    s.requester_pays = false;
  } else if (!pays.empty()) {
    r.problems.push_back(vars.requester_pays.name + ": \"" + pays + "\" is neither \"true\" nor \"false\"");
  }

  env.function_name = lookup("AWS_LAMBDA_FUNCTION_NAME").value_or("");
  env.chunk_files = 0;
  if (const auto chunk = lookup("INGEST_CHUNK_FILES"); chunk && !trimmed(*chunk).empty()) {
    const auto text = std::string(trimmed(*chunk));
    const auto bad = [&] {
      r.problems.push_back("INGEST_CHUNK_FILES: \"" + text + "\" is not a number of files from 1 to 1000000");
    };
    try {
      std::size_t used = 0;
      const auto n = std::stoul(text, &used);
      if (used != text.size() || n < 1 || n > 1000000)
        bad();
      else
        env.chunk_files = n;
    } catch (const std::exception&) {
      bad();
    }
  }

  if (!r.problems.empty()) throw InitError(std::move(r.problems));
  return env;
}

}  // namespace heliocloud::registry::lambda
