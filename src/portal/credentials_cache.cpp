#include "portal/credentials_cache.h"

#include <algorithm>

namespace heliocloud::portal {

CredentialsCache::CredentialsCache(std::size_t capacity, std::chrono::seconds margin, Clock now)
    : capacity_(capacity), margin_(margin), now_(std::move(now)) {}

std::optional<aws::Credentials> CredentialsCache::find(const std::string& username) {
  const auto now = now_();
  std::scoped_lock lock(mu_);
  const auto found = by_user_.find(username);
  if (found == by_user_.end()) return std::nullopt;
  if (found->second.expiration.value() - margin_ <= now) {
    by_user_.erase(found);
    return std::nullopt;
  }
  return found->second;
}

void CredentialsCache::keep(const std::string& username, const aws::Credentials& credentials) {
  if (!credentials.expiration || capacity_ == 0) return;
  const auto now = now_();
  std::scoped_lock lock(mu_);
  by_user_.erase(username);
  // Stale entries go first; then, if still full, the one that would expire soonest.
  std::erase_if(by_user_, [&](const auto& entry) { return *entry.second.expiration - margin_ <= now; });
  if (by_user_.size() >= capacity_) {
    const auto soonest = std::ranges::min_element(
        by_user_, [](const auto& a, const auto& b) { return *a.second.expiration < *b.second.expiration; });
    by_user_.erase(soonest);
  }
  by_user_.emplace(username, credentials);
}

}  // namespace heliocloud::portal
