// registration_test_pool: the user pool side of the browser tests, on moto, with our own Cognito client.
//   registration_test_pool create                 a pool as the Auth stack makes it; prints its id
//   registration_test_pool get-user POOL NAME     {"enabled": ..., "status": ...} of a user, or exit 3 if
//   none registration_test_pool delete POOL            removes the pool
// It refuses to run unless AWS_ENDPOINT_URL points at the local moto (never real AWS).
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "aws/cognito_idp.h"
#include "aws/errors.h"

namespace aws = heliocloud::aws;

int main(int argc, char** argv) {
  const char* endpoint = std::getenv("AWS_ENDPOINT_URL");
  if (endpoint == nullptr || !std::string(endpoint).starts_with("http://127.0.0.1:")) {
    std::cerr << "registration_test_pool: AWS_ENDPOINT_URL must be the local moto (http://127.0.0.1:PORT)\n";
    return 2;
  }
  const std::string command = argc > 1 ? argv[1] : "";
  try {
    const aws::CognitoIdpClient cognito(aws::ClientConfig::from_environment());
    if (command == "create" && argc == 2) {
      std::cout << cognito
                       .create_user_pool({.name = "hc-browser-test",
                                          .custom_attributes = {{.name = "affiliation", .max_length = 50}}})
                       .id
                << "\n";
      return 0;
    }
    if (command == "get-user" && argc == 4) {
      try {
        const auto user = cognito.admin_get_user(argv[2], argv[3]);
        std::cout << nlohmann::json{{"enabled", user.enabled}, {"status", user.status}}.dump() << "\n";
        return 0;
      } catch (const aws::NotFoundError&) {
        return 3;
      }
    }
    if (command == "delete" && argc == 3) {
      cognito.delete_user_pool(argv[2]);
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "registration_test_pool: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "usage: registration_test_pool create | get-user POOL NAME | delete POOL\n";
  return 2;
}
