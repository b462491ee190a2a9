#include "registry/entry.h"

#include <algorithm>
#include <array>
#include <set>

#include "base/text.h"
#include "registry/key.h"
#include "registry/text.h"
#include "registry/time.h"

namespace heliocloud::registry {

namespace {

constexpr std::array<std::string_view, 5> kStringKeys{"description", "resource", "citation", "contact",
                                                      "about"};
constexpr std::array<std::string_view, 3> kTimeKeys{"creation", "expiration", "verified"};
constexpr std::array<std::string_view, 5> kComputedKeys{"start", "stop", "modification", "indextype",
                                                        "filetype"};

bool is_valid_id(std::string_view id) {
  return !id.empty() && std::ranges::all_of(id, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Line of a byte offset, for JSON syntax errors.
std::size_t line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class EntryParser {
 public:
  EntryParser(std::string_view file_name, const std::vector<std::string>& buckets, ParsedEntry& out)
      : file_(file_name), buckets_(buckets), out_(out) {}

  void parse() {
    const auto& src = out_.source;
    if (!src.is_object()) {
      problem("the entry is not a JSON object",
              "write each dataset as {\"id\": ..., \"index\": ..., \"title\": ...}");
      return;
    }
    Entry entry;
    entry.id = required_string("id", "dataset_id", "a dataset id such as \"MMS_FGM_BRST\"");
    if (!entry.id.empty() && !is_valid_id(entry.id)) {
      problem("id \"" + text::printable(entry.id) + "\" may contain only letters, digits, '_' and '-'",
              "rename the dataset, e.g. \"MMS_FGM\"");
    }
    const auto index = required_string("index", "", "\"s3://<dataset bucket>/<folder>/\"");
    if (!index.empty()) {
      std::string why;
      if (auto loc = parse_dataset_location(index, &why)) {
        if (!buckets_.empty() && std::ranges::find(buckets_, loc->bucket) == buckets_.end()) {
          problem("index \"" + index + "\" is in bucket \"" + loc->bucket +
                      "\", which is not a dataset bucket of this instance",
                  "use one of: " + base::join(buckets_, ", "));
        } else {
          entry.index = std::move(*loc);
        }
      } else {
        problem("index \"" + text::printable(index) + "\": " + why,
                "write it as \"s3://<dataset bucket>/<folder>/\"");
      }
    }
    entry.title = required_string("title", "", "a short title such as \"MMS FGM burst data\"");
    parse_metadata(entry);
    if (out_.problems.empty()) out_.entry = std::move(entry);
  }

 private:
  void problem(std::string message, std::string fix) {
    out_.problems.push_back(
        {.where = std::string(file_) + "[" + std::to_string(out_.position) + "]" + label_suffix(),
         .message = std::move(message),
         .fix = std::move(fix)});
  }

  std::string label_suffix() const {
    const auto& src = out_.source;
    if (src.is_object()) {
      for (const char* k : {"id", "dataset_id"}) {
        if (auto it = src.find(k); it != src.end() && it->is_string())
          return " (id " + it->get<std::string>() + ")";
      }
    }
    return "";
  }

  // The string value of `key` (or its original spelling `alias`); records a problem if missing or not a
  // string.
  std::string required_string(const char* key, const char* alias, const std::string& example) {
    const auto& src = out_.source;
    auto it = src.find(key);
    const bool has_alias = alias[0] != '\0' && src.contains(alias) && !src.at(alias).is_null();
    if ((it == src.end() || it->is_null()) && has_alias) it = src.find(alias);
    if (it != src.end() && !it->is_null() && has_alias && src.contains(key) && src.at(key) != src.at(alias)) {
      problem(std::string("\"") + key + "\" and \"" + alias + "\" disagree",
              std::string("keep only \"") + key + "\"");
    }
    if (it == src.end() || it->is_null()) {
      problem(std::string("missing required key \"") + key + "\"",
              std::string("add \"") + key + "\": " + example);
      return {};
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      problem(std::string("\"") + key + "\" must be a non-empty string",
              std::string("write \"") + key + "\": " + example);
      return {};
    }
    return it->get<std::string>();
  }

  void parse_metadata(Entry& entry) {
    auto& meta = entry.metadata;
    // Spec keys first in spec order, then unknown keys in input order (stable output for the same input).
    for (const auto key : kStringKeys) {
      const auto* v = find(key, key == "about" ? "about_url" : "");
      if (v == nullptr) continue;
      if (!v->is_string()) {
        problem("\"" + std::string(key) + "\" must be a string", "quote the value");
        continue;
      }
      meta[std::string(key)] = *v;
    }
    for (const auto key : kTimeKeys) {
      const auto* v = find(key, "");
      if (v == nullptr) continue;
      try {
        if (!v->is_string()) throw TimeError("not a string");
        const auto t = parse_time(v->get<std::string>());
        // Written in the restricted form the spec and its validator require (cloudcatalog.md §3.2).
        meta[std::string(key)] = format_time(t, fraction_digits_needed(t));
      } catch (const TimeError& e) {
        problem("\"" + std::string(key) + "\": " + e.what(), "write it as \"2015-09-01T00:00:00Z\"");
      }
    }
    if (const auto* v = find("multiyear", "")) {
      if (v->is_boolean()) {
        if (v->get<bool>()) meta["multiyear"] = true;  // omit false: the spec default (cloudcatalog.md §8.2)
      } else if (v->is_string() && (v->get<std::string>() == "True" || v->get<std::string>() == "true")) {
        meta["multiyear"] = true;
      } else if (!(v->is_string() &&
                   (v->get<std::string>() == "False" || v->get<std::string>() == "false"))) {
        problem("\"multiyear\" must be true or false", "write \"multiyear\": true");
      }
    }
    if (const auto* v = find("tags", "")) {
      const bool ok =
          v->is_array() &&
          std::all_of(v->begin(), v->end(),  // NOLINT(modernize-use-ranges): json is no std::ranges range
                      [](const auto& t) { return t.is_string(); });
      if (ok) {
        meta["tags"] = *v;
      } else {
        problem("\"tags\" must be a list of strings", "write \"tags\": [\"magnetic field\", \"MMS\"]");
      }
    }
    static const std::set<std::string_view> kHandled{
        "id",    "dataset_id", "index",    "title",      "description", "resource",  "citation", "contact",
        "about", "about_url",  "creation", "expiration", "verified",    "multiyear", "tags"};
    for (const auto& [key, value] : out_.source.items()) {
      if (kHandled.contains(key) || is_computed_key(key) || value.is_null()) continue;
      meta[key] = value;
    }
  }

  const nlohmann::ordered_json* find(std::string_view key, std::string_view alias) const {
    const auto& src = out_.source;
    for (const auto k : {key, alias}) {
      if (k.empty()) continue;
      if (auto it = src.find(std::string(k)); it != src.end() && !it->is_null()) return &*it;
    }
    return nullptr;
  }

  std::string_view file_;
  const std::vector<std::string>& buckets_;
  ParsedEntry& out_;
};

}  // namespace

std::string ParsedEntry::label() const {
  if (entry) return entry->id;
  if (source.is_object()) {
    for (const char* k : {"id", "dataset_id"}) {
      if (auto it = source.find(k); it != source.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return "#" + std::to_string(position);
}

bool EntriesFile::ok() const {
  return problems.empty() && std::ranges::all_of(entries, [](const auto& e) { return e.problems.empty(); });
}

Problems EntriesFile::all_problems() const {
  Problems all = problems;
  for (const auto& e : entries) all.insert(all.end(), e.problems.begin(), e.problems.end());
  return all;
}

bool is_computed_key(std::string_view key) {
  return contains(kComputedKeys, key);
}

std::optional<DatasetLocation> parse_dataset_location(std::string_view uri, std::string* error) {
  const auto set = [&](std::string why) {
    if (error != nullptr) *error = std::move(why);
    return std::nullopt;
  };
  if (!uri.starts_with("s3://")) return set("it must start with s3:// (a dataset bucket of this instance)");
  auto rest = uri.substr(5);
  const auto slash = rest.find('/');
  const auto bucket = rest.substr(0, slash);
  if (!is_valid_bucket_name(bucket)) return set("\"" + std::string(bucket) + "\" is not a valid bucket name");
  std::string_view folder = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
  if (!folder.empty() && folder.back() == '/') folder.remove_suffix(1);
  if (folder.empty()) return set("it names no folder inside the bucket");
  if (auto why = key_problem(folder)) return set("the folder is not a safe key: " + *why);
  return DatasetLocation{.bucket = std::string(bucket), .folder = std::string(folder)};
}

EntriesFile parse_entries(std::string_view text, std::string_view file_name,
                          const std::vector<std::string>& dataset_buckets) {
  EntriesFile out;
  const std::string file(file_name);
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    out.problems.push_back({.where = file + ":" + std::to_string(line_of(text, e.byte == 0 ? 0 : e.byte - 1)),
                            .message = std::string("not valid JSON: ") + e.what(),
                            .fix = "entries.json must be a JSON array of dataset objects"});
    return out;
  } catch (const nlohmann::json::out_of_range& e) {
    // The parser's other refusal: a number beyond a double (1e999), which has no position in the exception.
    out.problems.push_back({.where = file,
                            .message = std::string("not valid JSON: ") + e.what(),
                            .fix = "write numbers within ±1.8e308, or as strings"});
    return out;
  }
  if (!doc.is_array()) {
    out.problems.push_back({.where = file,
                            .message = "the top level is not a JSON array",
                            .fix = "wrap the dataset object(s) in [ ... ]"});
    return out;
  }
  if (doc.empty()) {
    out.problems.push_back(
        {.where = file, .message = "the array is empty", .fix = "add one object per dataset"});
    return out;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    ParsedEntry parsed;
    parsed.position = i;
    parsed.source = doc[i];
    EntryParser(file, dataset_buckets, parsed).parse();
    if (parsed.entry && !ids.insert(parsed.entry->id).second) {
      parsed.problems.push_back(
          {.where = file + "[" + std::to_string(i) + "] (id " + parsed.entry->id + ")",
           .message = "dataset id \"" + parsed.entry->id + "\" appears more than once in this job",
           .fix = "merge the entries or give each dataset its own id"});
      parsed.entry.reset();
    }
    out.entries.push_back(std::move(parsed));
  }
  return out;
}

}  // namespace heliocloud::registry
