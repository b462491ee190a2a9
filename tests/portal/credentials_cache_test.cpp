#include "portal/credentials_cache.h"

#include <gtest/gtest.h>

using heliocloud::aws::Credentials;
using heliocloud::portal::CredentialsCache;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
  std::chrono::system_clock::time_point now = std::chrono::system_clock::time_point(1'800'000'000s);
  CredentialsCache::Clock clock() {
    return [this] { return now; };
  }
};

Credentials expiring_at(std::chrono::system_clock::time_point when, const std::string& key = "ASIA1") {
  return {.access_key_id = key, .secret_access_key = "secret", .session_token = "token", .expiration = when};
}

}  // namespace

TEST(CredentialsCache, KeepsEachUsersCredentialsUntilShortlyBeforeTheyExpire) {
  FakeClock clock;
  CredentialsCache cache(8, 5min, clock.clock());
  EXPECT_FALSE(cache.find("ada"));
  cache.keep("ada", expiring_at(clock.now + 1h, "ASIA-ADA"));
  cache.keep("bob", expiring_at(clock.now + 1h, "ASIA-BOB"));
  ASSERT_TRUE(cache.find("ada"));
  EXPECT_EQ(cache.find("ada")->access_key_id, "ASIA-ADA");
  EXPECT_EQ(cache.find("bob")->access_key_id, "ASIA-BOB");
  EXPECT_FALSE(cache.find("eve"));
  clock.now += 54min;
  EXPECT_TRUE(cache.find("ada"));
  clock.now += 1min;  // 5 minutes before expiry: a page's calls could outlive them
  EXPECT_FALSE(cache.find("ada"));
}

TEST(CredentialsCache, CredentialsWithoutAnExpirationAreNotKept) {
  FakeClock clock;
  CredentialsCache cache(8, 5min, clock.clock());
  cache.keep("ada", {.access_key_id = "AKIA", .secret_access_key = "secret"});
  EXPECT_FALSE(cache.find("ada"));
}

TEST(CredentialsCache, WhenFullTheSoonestToExpireMakesRoom) {
  FakeClock clock;
  CredentialsCache cache(2, 5min, clock.clock());
  cache.keep("ada", expiring_at(clock.now + 50min));
  cache.keep("bob", expiring_at(clock.now + 20min));
  cache.keep("cy", expiring_at(clock.now + 40min));
  EXPECT_TRUE(cache.find("ada"));
  EXPECT_FALSE(cache.find("bob"));
  EXPECT_TRUE(cache.find("cy"));
  cache.keep("ada", expiring_at(clock.now + 60min, "ASIA-NEW"));  // a user's newer credentials replace theirs
  EXPECT_EQ(cache.find("ada")->access_key_id, "ASIA-NEW");
  EXPECT_TRUE(cache.find("cy"));
}
