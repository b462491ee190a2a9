#pragma once
// A user pool in moto as the Auth stack makes it (custom:affiliation of at most 50 characters, Cognito's
// default password policy), an app client to try signing in with, and a directory that fails on request.
#include <functional>
#include <optional>
#include <string>

#include "aws/cognito_idp.h"
#include "aws/errors.h"
#include "moto_support.h"
#include "registration/user_directory.h"

namespace heliocloud::registration::testing {

struct TestPool {
  aws::CognitoIdpClient cognito{aws::testing::moto_config()};
  aws::UserPool pool =
      cognito.create_user_pool({.name = aws::testing::unique_name("hc-registration"),
                                .custom_attributes = {{.name = "affiliation", .max_length = 50}}});
  std::string client_id = cognito.create_user_pool_client(pool.id, "registration-test");

  ~TestPool() {
    try {
      cognito.delete_user_pool(pool.id);
    } catch (const std::exception&) {
      // ignored: moto goes away with the fixture anyway
    }
  }
  [[nodiscard]] std::optional<aws::CognitoUser> user(const std::string& name) const {
    try {
      return cognito.admin_get_user(pool.id, name);
    } catch (const aws::NotFoundError&) {
      return std::nullopt;
    }
  }
};

// The real directory, except that the step named in fail_at throws `failure` (after the steps before it
// really happened in moto). Records the steps it was asked for.
class FaultyDirectory final : public UserDirectory {
 public:
  enum class Step { None, Create, SetPassword, Disable, Delete };
  FaultyDirectory(UserDirectory& real, Step fail_at, std::function<void()> failure, bool delete_fails = false)
      : real_(real), fail_at_(fail_at), failure_(std::move(failure)), delete_fails_(delete_fails) {}

  void create_user(const NewUser& user) override {
    steps.emplace_back("create");
    if (fail_at_ == Step::Create) failure_();
    real_.create_user(user);
  }
  void set_password(const std::string& username, const std::string& password) override {
    steps.emplace_back("set_password");
    if (fail_at_ == Step::SetPassword) failure_();
    real_.set_password(username, password);
  }
  void disable_user(const std::string& username) override {
    steps.emplace_back("disable");
    if (fail_at_ == Step::Disable) failure_();
    real_.disable_user(username);
  }
  void delete_user(const std::string& username) override {
    steps.emplace_back("delete");
    if (delete_fails_) failure_();
    real_.delete_user(username);
  }

  std::vector<std::string> steps;

 private:
  UserDirectory& real_;
  Step fail_at_;
  std::function<void()> failure_;
  bool delete_fails_;
};

// An error as the AWS client raises it for `code` (the class follows from the code and status).
inline std::function<void()> aws_failure(const std::string& code, long status) {
  return [code, status] {
    aws::throw_error({.service = "CognitoIdentityProvider",
                      .operation = "Injected",
                      .http_status = status,
                      .code = code,
                      .message = "injected by the test"});
  };
}

}  // namespace heliocloud::registration::testing
