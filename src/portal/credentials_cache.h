#pragma once
// The identity pool's credentials of each signed-in user, kept until shortly before they expire, so a page
// costs no Cognito Identity calls (GetId + GetCredentialsForIdentity, two round trips before any EC2 call)
// while the user's credentials are fresh; the original's "should fix" list asks for it (webapps doc §8).
// Only users whose id token the sign-in layer verified on this request reach it, and it is keyed by their
// user name, so one user can never get another's credentials. In memory only: never logged, never written.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "aws/credentials.h"

namespace heliocloud::portal {

class CredentialsCache {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // At most `capacity` users; credentials are used until `margin` before their expiration.
  explicit CredentialsCache(std::size_t capacity = 512, std::chrono::seconds margin = std::chrono::minutes(5),
                            Clock now = std::chrono::system_clock::now);

  // The user's credentials while fresh; nullopt when there are none or they are about to expire.
  [[nodiscard]] std::optional<aws::Credentials> find(const std::string& username);
  // Keeps them if they carry an expiration (credentials without one are never cached); when full, the entry
  // that expires first makes room.
  void keep(const std::string& username, const aws::Credentials& credentials);

 private:
  std::size_t capacity_;
  std::chrono::seconds margin_;
  Clock now_;
  std::mutex mu_;
  std::map<std::string, aws::Credentials> by_user_;
};

}  // namespace heliocloud::portal
