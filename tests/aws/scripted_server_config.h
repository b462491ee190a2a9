#pragma once
// The client configuration of the tests that talk to a scripted server (fake_http_server.h): its URL as the
// endpoint, fixed test credentials, and retries quick enough for a test, so that retried requests can be
// counted without waiting.
#include <chrono>
#include <memory>
#include <string>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "fake_http_server.h"

namespace heliocloud::aws::testing {

inline ClientConfig scripted_server_config(const heliocloud::testing::FakeHttpServer& server,
                                           std::string region = "us-east-1", int max_attempts = 3) {
  ClientConfig c;
  c.region = std::move(region);
  c.endpoint_url = server.url();
  c.credentials = std::make_shared<StaticCredentialsProvider>(Credentials{
      .access_key_id = "AKID", .secret_access_key = "SECRET", .session_token = "", .expiration = {}});
  c.retry.max_attempts = max_attempts;
  c.retry.base_delay = std::chrono::milliseconds(1);
  c.retry.throttle_base_delay = std::chrono::milliseconds(1);
  c.retry.max_delay = std::chrono::milliseconds(5);
  return c;
}

}  // namespace heliocloud::aws::testing
