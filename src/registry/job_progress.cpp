#include "registry/job_progress.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace heliocloud::registry {

namespace {

constexpr int kStoredDigits = 9;  // lossless

std::string time_or_empty(const Instant& t) {
  return t == Instant{} ? std::string() : format_time(t, kStoredDigits);
}

Instant time_from(const nlohmann::ordered_json& j, const char* field) {
  const auto text = j.value(field, std::string());
  return text.empty() ? Instant{} : parse_time(text);
}

JobState state_from(const std::string& text) {
  for (const auto s : {JobState::Running, JobState::Waiting, JobState::Published, JobState::Failed}) {
    if (to_string(s) == text) return s;
  }
  throw std::runtime_error("stored ingest job: unknown state \"" + text + "\"");
}

}  // namespace

std::string_view to_string(JobState state) {
  switch (state) {
    case JobState::Running:
      return "running";
    case JobState::Waiting:
      return "waiting";
    case JobState::Published:
      return "published";
    case JobState::Failed:
      return "failed";
  }
  return "unknown";
}

std::size_t JobProgress::files_total() const {
  std::size_t n = 0;
  for (const auto& d : datasets) n += d.files_total;
  return n;
}

std::size_t JobProgress::files_done() const {
  std::size_t n = 0;
  for (const auto& d : datasets) n += d.rows_done;
  return n;
}

std::uint64_t JobProgress::bytes_total() const {
  std::uint64_t n = 0;
  for (const auto& d : datasets) n += d.bytes_total;
  return n;
}

std::uint64_t JobProgress::bytes_done() const {
  std::uint64_t n = 0;
  for (const auto& d : datasets) n += d.bytes_done;
  return n;
}

DatasetProgress* JobProgress::dataset(const std::string& id) {
  for (auto& d : datasets) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

std::string shortened_error(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  constexpr std::size_t kNoteRoom = 64;  // "\n… 123456789 more lines"
  const std::size_t room = max_bytes > kNoteRoom ? max_bytes - kNoteRoom : 0;
  std::size_t cut = text.rfind('\n', room);
  if (cut == std::string::npos || cut == 0) {
    // One long line: cut within it, not inside a UTF-8 sequence.
    cut = room;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  }
  const auto more =
      static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(cut), text.end(), '\n'));
  return text.substr(0, cut) + "\n… " +
         (more == 0 ? std::string("the rest of the line") : std::to_string(more) + " more lines");
}

nlohmann::ordered_json to_json(const JobProgress& p) {
  nlohmann::ordered_json j;
  j["job"] = p.job;
  j["state"] = to_string(p.state);
  j["started"] = time_or_empty(p.started);
  j["updated"] = time_or_empty(p.updated);
  j["finished"] = time_or_empty(p.finished);
  j["runs"] = p.runs;
  j["error"] = shortened_error(p.error, kMaxStoredJobError);
  auto datasets = nlohmann::ordered_json::array();
  for (const auto& d : p.datasets) {
    datasets.push_back({{"id", d.id},
                        {"manifest_hash", d.manifest_hash},
                        {"files_total", d.files_total},
                        {"rows_done", d.rows_done},
                        {"bytes_total", d.bytes_total},
                        {"bytes_done", d.bytes_done},
                        {"error", shortened_error(d.error, kMaxStoredDatasetError)}});
  }
  j["datasets"] = datasets;
  return j;
}

JobProgress job_progress_from_json(const nlohmann::ordered_json& j) {
  try {
    JobProgress p;
    p.job = j.at("job").get<std::string>();
    p.state = state_from(j.at("state").get<std::string>());
    p.started = time_from(j, "started");
    p.updated = time_from(j, "updated");
    p.finished = time_from(j, "finished");
    p.runs = j.value("runs", 0);
    p.error = j.value("error", std::string());
    for (const auto& d : j.at("datasets")) {
      p.datasets.push_back({.id = d.at("id").get<std::string>(),
                            .manifest_hash = d.value("manifest_hash", std::string()),
                            .files_total = d.value("files_total", std::size_t{0}),
                            .rows_done = d.value("rows_done", std::size_t{0}),
                            .bytes_total = d.value("bytes_total", std::uint64_t{0}),
                            .bytes_done = d.value("bytes_done", std::uint64_t{0}),
                            .error = d.value("error", std::string())});
    }
    return p;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored ingest job is malformed: ") + e.what());
  } catch (const TimeError& e) {
    throw std::runtime_error(std::string("stored ingest job has a bad time: ") + e.what());
  }
}

std::string manifest_hash(std::string_view text) {
  ManifestHasher hasher;
  hasher.add(text);
  return hasher.hex();
}

void ManifestHasher::add(std::string_view piece) {
  h_ = fnv1a(piece, h_);
}

std::string ManifestHasher::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
  return buf;
}

}  // namespace heliocloud::registry
