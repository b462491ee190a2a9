#pragma once
// Shared by the tests that run against the moto fixture (AWS_ENDPOINT_URL points at it).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

#include "aws/client_config.h"

namespace heliocloud::aws::testing {

inline ClientConfig moto_config() {
  const char* endpoint = std::getenv("AWS_ENDPOINT_URL");
  if (endpoint == nullptr || std::string(endpoint).find("127.0.0.1") == std::string::npos) {
    ADD_FAILURE()
        << "AWS_ENDPOINT_URL must point at the local moto server (run through ctest, which starts the "
           "moto fixture); refusing to run against real AWS";
    std::abort();
  }
  ClientConfig c = ClientConfig::from_environment();
  c.retry.base_delay = std::chrono::milliseconds(20);
  return c;
}

// moto is shared by every test of a run: names carry the process id and a counter so they never collide.
inline std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  static const auto kSalt = std::random_device{}() % 100000;
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(kSalt) + "-" +
         std::to_string(++counter);
}

}  // namespace heliocloud::aws::testing
