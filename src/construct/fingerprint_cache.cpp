#include "construct/fingerprint_cache.h"

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "construct/fingerprint.h"

namespace heliocloud::construct {
namespace {

// Empty when the file cannot be stat'ed: such a file is never served from the cache.
std::string stat_signature(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "";
  // Not the change time: staging the asset with hard links changes it on every synth.
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_dev) + ":" +
         std::to_string(st.st_ino);
}

}  // namespace

FingerprintCache::FingerprintCache(std::filesystem::path file) : file_(std::move(file)) {
  if (file_.empty()) return;
  std::ifstream in(file_);
  if (!in) return;
  try {
    const auto cached = nlohmann::json::parse(in);  // named: items() of a temporary would dangle in the loop
    for (const auto& [path, e] : cached.items())
      entries_[path] = {.signature = e.at("signature").get<std::string>(),
                        .fingerprint = e.at("fingerprint").get<std::string>()};
  } catch (const std::exception&) {
    entries_.clear();  // a damaged cache is rebuilt
  }
}

std::string FingerprintCache::content_fingerprint(const std::filesystem::path& file) {
  if (file_.empty()) return construct::content_fingerprint(file);
  const std::string key = std::filesystem::absolute(file).lexically_normal().string();
  const std::string signature = stat_signature(file);
  auto it = entries_.find(key);
  if (!signature.empty() && it != entries_.end() && it->second.signature == signature) {
    ++hits_;
    return it->second.fingerprint;
  }
  std::string fp = construct::content_fingerprint(file);
  // A file changed after being stat'ed must not be remembered with the old signature.
  if (!signature.empty() && stat_signature(file) == signature) {
    entries_[key] = {.signature = signature, .fingerprint = fp};
    dirty_ = true;
  }
  return fp;
}

void FingerprintCache::save() const {
  if (file_.empty() || !dirty_) return;
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [path, e] : entries_)
    j[path] = {{"signature", e.signature}, {"fingerprint", e.fingerprint}};
  std::error_code ec;
  const auto tmp = file_.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return;
    out << j.dump();
    if (!out.flush()) return;
  }
  std::filesystem::rename(tmp, file_, ec);  // atomic: a concurrent reader sees the old or the new cache
}

}  // namespace heliocloud::construct
