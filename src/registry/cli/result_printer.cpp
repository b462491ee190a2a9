#include "registry/cli/result_printer.h"

#include <sstream>
#include <stdexcept>

#include "registry/cli/progress_printer.h"

namespace heliocloud::registry::cli {

namespace {

// A result from a function we did not build in this process may be anything; say so instead of crashing.
const nlohmann::ordered_json& field(const nlohmann::ordered_json& j, const char* key,
                                    bool (nlohmann::ordered_json::*is)() const noexcept) {
  const auto it = j.find(key);
  if (it == j.end() || !((*it).*is)()) {
    throw std::runtime_error(std::string("unexpected result from the Registry function: no \"") + key +
                             "\" in " + j.dump());
  }
  return *it;
}

void print_indented(const std::string& text, std::ostream& out) {
  std::string line;
  std::istringstream lines(text);
  while (std::getline(lines, line)) out << "  " << line << "\n";
}

}  // namespace

bool print_ingest_result(const nlohmann::ordered_json& result, bool as_json, std::ostream& out) {
  const bool ok = field(result, "ok", &nlohmann::ordered_json::is_boolean).get<bool>();
  if (as_json) {
    out << result.dump(2) << "\n";
    return ok;
  }
  if (const auto it = result.find("nothing_to_do"); it != result.end() && it->is_string()) {
    out << "nothing to do: " << it->get<std::string>() << "\n";
    return ok;
  }
  if (result.value("unfinished", false)) {
    out << "job: " << result.value("files_done", 0) << " of " << result.value("files_total", 0)
        << " file(s) published so far; the rest continues in the next run\n";
  }
  for (const auto& d : field(result, "datasets", &nlohmann::ordered_json::is_array)) {
    out << d.value("id", std::string("?")) << ": ";
    if (!d.contains("error") && result.value("unfinished", false) && d.value("files_added", 0) == 0) {
      out << "in progress\n";
    } else if (!d.contains("error")) {
      out << d.value("files_added", 0) << " file(s), " << human_bytes(d.value("bytes", 0.0)) << ", years";
      for (const auto& y : d.value("years", nlohmann::ordered_json::array())) out << " " << y.dump();
      out << "\n";
    } else {
      out << "FAILED\n";
      print_indented(d["error"].is_string() ? d["error"].get<std::string>() : d["error"].dump(), out);
    }
  }
  const auto& problems = field(result, "problems", &nlohmann::ordered_json::is_array);
  if (!problems.empty()) {
    out << "job: FAILED\n";
    for (const auto& p : problems) print_indented(p.is_string() ? p.get<std::string>() : p.dump(), out);
  }
  return ok;
}

bool print_catalog_result(const nlohmann::ordered_json& result, bool as_json, std::ostream& out) {
  const bool ok = field(result, "ok", &nlohmann::ordered_json::is_boolean).get<bool>();
  if (as_json) {
    out << result.dump(2) << "\n";
    return ok;
  }
  for (const auto& b : field(result, "buckets", &nlohmann::ordered_json::is_array)) {
    out << b.value("endpoint", std::string("?")) << "catalog.json: " << b.value("datasets", 0)
        << " dataset(s)";
    if (b.contains("error"))
      out << " FAILED: " << (b["error"].is_string() ? b["error"].get<std::string>() : b["error"].dump());
    out << "\n";
  }
  for (const auto& p : field(result, "problems", &nlohmann::ordered_json::is_array)) {
    print_indented(p.is_string() ? p.get<std::string>() : p.dump(), out);
  }
  return ok;
}

}  // namespace heliocloud::registry::cli
