#include "cloudcatalog/catalog_document.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include "cloudcatalog/endpoint.h"
#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

using Json = nlohmann::ordered_json;

// 1-based line of a byte offset, for JSON syntax errors.
std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

class Checker {
 public:
  explicit Checker(std::string_view source) : source_(source) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw CatalogError(source_ + ": " + where + ": " + what);
  }

  std::string text(const Json& object, const std::string& key, const std::string& where,
                   bool required) const {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) fail(where + key, "missing (CloudCatalog clients need it)");
      return {};
    }
    if (!it->is_string()) fail(where + key, "is " + std::string(it->type_name()) + ", expected a string");
    return it->get<std::string>();
  }

  registry::Instant time(const Json& object, const std::string& key, const std::string& where) const {
    const std::string value = text(object, key, where, true);
    try {
      return registry::parse_time(value);
    } catch (const registry::TimeError& e) {
      fail(where + key, e.what());
    }
  }

 private:
  std::string source_;
};

std::string version_of(const Json& doc, const Checker& check) {
  // The client prefers the original's "Cloudy" key over "version" (cloudcatalog.md §3.1).
  const char* key = doc.contains("Cloudy") ? "Cloudy" : "version";
  const auto it = doc.find(key);
  if (it == doc.end()) check.fail("version", "missing: a CloudCatalog 1.x catalog has \"version\": \"1.1\"");
  std::string value = it->is_string() ? it->get<std::string>() : it->is_number() ? it->dump() : std::string();
  double number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size())
    check.fail(key, "\"" + value + "\" is not a number such as \"1.1\"");
  if (number < 0.5)
    check.fail(key, value + " is a pre-0.5 catalog (3-column index files), which this reader does not read");
  return value;
}

CatalogDataset dataset_of(const Json& e, std::size_t position, const Checker& check) {
  std::string where = "catalog[" + std::to_string(position) + "]";
  if (!e.is_object()) check.fail(where, "is not an object");
  CatalogDataset d;
  d.id = check.text(e, "id", where + ".", true);
  where += " (id \"" + d.id + "\").";
  if (d.id.empty() || !std::ranges::all_of(d.id, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
      }))
    check.fail(where + "id", "must be letters, digits, '_' and '-' only");
  d.index = check.text(e, "index", where, true);
  if (!(is_s3_uri(d.index) || is_http_uri(d.index)) || !d.index.ends_with('/'))
    check.fail(where + "index",
               "\"" + d.index + "\" must be an absolute s3:// or https:// folder ending in '/'");
  d.title = check.text(e, "title", where, true);
  d.start = check.time(e, "start", where);
  d.stop = check.time(e, "stop", where);
  if (d.stop < d.start) check.fail(where + "stop", "is before start");
  if (e.contains("modification") && !e["modification"].is_null())
    d.modification = check.time(e, "modification", where);
  const std::string index_type = check.text(e, "indextype", where, false);
  if (!index_type.empty()) d.index_type = index_type;
  if (const auto it = e.find("filetype"); it != e.end()) {
    // The spec's comma-joined string; the original wrote a JSON list (cloudcatalog.md §7 #11).
    std::vector<std::string> parts;
    if (it->is_string()) {
      const std::string joined = it->get<std::string>();
      std::size_t from = 0;
      while (from <= joined.size()) {
        const auto comma = std::min(joined.find(',', from), joined.size());
        if (comma > from) parts.push_back(joined.substr(from, comma - from));
        from = comma + 1;
      }
    } else if (it->is_array()) {
      for (const auto& t : *it)
        if (t.is_string()) parts.push_back(t.get<std::string>());
    }
    d.file_types = std::move(parts);
  }
  d.entry = e;
  return d;
}

}  // namespace

std::string CatalogDataset::index_file_uri(int year) const {
  return index + id + "_" + std::to_string(year) + ".csv";
}

const CatalogDataset* CatalogDocument::find(std::string_view id) const {
  const auto it = std::ranges::find_if(datasets, [&](const auto& d) { return d.id == id; });
  return it == datasets.end() ? nullptr : &*it;
}

CatalogDocument parse_catalog(std::string_view text, std::string_view source) {
  const Checker check(source);
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw CatalogError(std::string(source) + ":" +
                       std::to_string(line_of(text, e.byte == 0 ? 0 : e.byte - 1)) + ": not JSON (" +
                       e.what() + ")");
  }
  if (!doc.is_object()) check.fail("top level", "is not a JSON object");
  CatalogDocument out;
  out.source = source;
  out.version = version_of(doc, check);
  out.name = check.text(doc, "name", "", false);
  out.contact = check.text(doc, "contact", "", false);
  out.description = check.text(doc, "description", "", false);
  out.egress = check.text(doc, "egress", "", false);
  const auto status = doc.find("status");
  if (status == doc.end())
    check.fail("status", "missing (clients need {\"code\": 1200, \"message\": \"OK\"})");
  if (!status->is_object() || !status->contains("code") || !(*status)["code"].is_number_integer())
    check.fail("status", "must be an object {\"code\": 1200, \"message\": \"OK\"}, not " + status->dump());
  out.status_code = (*status)["code"].get<int>();
  out.status_message = check.text(*status, "message", "status.", false);
  if (out.status_code == 1400)
    throw CatalogError(std::string(source) + ": the catalog is temporarily unavailable (status 1400: " +
                       out.status_message + "); try again later");
  const auto entries = doc.find("catalog");
  if (entries == doc.end() || !entries->is_array())
    check.fail("catalog", "missing or not a list of datasets");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    auto d = dataset_of((*entries)[i], i, check);
    if (!ids.insert(d.id).second)
      check.fail("catalog[" + std::to_string(i) + "].id", "\"" + d.id + "\" is listed twice");
    out.datasets.push_back(std::move(d));
  }
  return out;
}

}  // namespace heliocloud::cloudcatalog
