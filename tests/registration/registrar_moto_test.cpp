// The all-or-nothing registration against moto's Cognito: a registered user is disabled and cannot sign in;
// a failure at any step after the user exists deletes it again; a taken name is reported as such.
#include <gtest/gtest.h>

#include "aws/protocols.h"
#include "registration/registrar.h"
#include "registration_moto_support.h"

namespace aws = heliocloud::aws;
namespace reg = heliocloud::registration;
using reg::RegistrationOutcome;
using reg::testing::aws_failure;
using reg::testing::FaultyDirectory;
using reg::testing::TestPool;
using Step = FaultyDirectory::Step;
using Kind = RegistrationOutcome::Kind;

namespace {

reg::RegistrationForm form_for(const std::string& username) {
  return {.username = username,
          .email = username + "@example.org",
          .affiliation = "NASA GSFC",
          .password = "Correct-Horse-7",
          .confirm_password = "Correct-Horse-7"};
}

// A delete whose first attempt went through but whose answer was lost: its retry finds no user
// (UserNotFoundException), which is what a roll-back wants.
class DeleteAnsweredLate final : public reg::UserDirectory {
 public:
  explicit DeleteAnsweredLate(reg::UserDirectory& inner) : inner_(inner) {}
  void create_user(const reg::NewUser& user) override { inner_.create_user(user); }
  void set_password(const std::string& name, const std::string& password) override {
    inner_.set_password(name, password);
  }
  void disable_user(const std::string& name) override { inner_.disable_user(name); }
  void delete_user(const std::string& name) override {
    inner_.delete_user(name);
    inner_.delete_user(name);
  }

 private:
  reg::UserDirectory& inner_;
};

class RegistrarMoto : public ::testing::Test {
 protected:
  reg::RegistrationOutcome register_with(reg::UserDirectory& directory, const reg::RegistrationForm& form) {
    const reg::Registrar registrar(directory, [this](std::string_view line) { log_.emplace_back(line); });
    return registrar.register_user(form);
  }
  bool logged(const std::string& part) const {
    for (const auto& line : log_) {
      if (line.find(part) != std::string::npos) return true;
    }
    return false;
  }
  bool password_logged(const std::string& password) const { return logged(password); }

  TestPool pool_;
  reg::CognitoUserDirectory cognito_{pool_.cognito, pool_.pool.id};
  std::vector<std::string> log_;
};

TEST_F(RegistrarMoto, ARegisteredUserIsDisabledWithItsPasswordAndCannotSignIn) {
  const auto outcome = register_with(cognito_, form_for("ada"));
  EXPECT_EQ(outcome.kind, Kind::Registered);

  const auto user = pool_.user("ada");
  ASSERT_TRUE(user);
  EXPECT_FALSE(user->enabled);
  EXPECT_EQ(user->status, "CONFIRMED");  // a permanent password: nothing expires while the request waits
  EXPECT_EQ(user->attribute("email"), "ada@example.org");
  EXPECT_EQ(user->attribute("email_verified"), "false");
  EXPECT_EQ(user->attribute("custom:affiliation"), "NASA GSFC");
  try {
    (void)pool_.cognito.initiate_password_auth(pool_.client_id, "ada", "Correct-Horse-7");
    FAIL() << "a registered user signed in before an administrator enabled it";
  } catch (const aws::AccessDeniedError& e) {
    EXPECT_EQ(e.code(), "NotAuthorizedException");
    EXPECT_NE(e.aws_message().find("User is disabled"), std::string::npos) << e.aws_message();
  }
  // Once an administrator enables it (AdminEnableUser, in the console), the password the person chose works.
  aws::json_rpc_call(pool_.cognito.service(), "AWSCognitoIdentityProviderService", "1.1", "AdminEnableUser",
                     {{"UserPoolId", pool_.pool.id}, {"Username", "ada"}}, true);
  EXPECT_FALSE(
      pool_.cognito.initiate_password_auth(pool_.client_id, "ada", "Correct-Horse-7").access_token.empty());
  EXPECT_TRUE(logged("registration user=ada registered"));
  EXPECT_FALSE(password_logged("Correct-Horse-7"));
}

TEST_F(RegistrarMoto, ATakenNameIsReportedAndTheFirstUserStaysAsItWas) {
  ASSERT_EQ(register_with(cognito_, form_for("grace")).kind, Kind::Registered);
  auto second = form_for("grace");
  second.email = "someone.else@example.org";
  const auto outcome = register_with(cognito_, second);
  EXPECT_EQ(outcome.kind, Kind::NameTaken);
  EXPECT_EQ(outcome.error.field, "username");
  EXPECT_EQ(outcome.error.message, "The user name \"grace\" is taken. Choose another one.");
  const auto user = pool_.user("grace");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->attribute("email"), "grace@example.org");
  EXPECT_FALSE(user->enabled);
}

TEST_F(RegistrarMoto, APasswordThePoolRefusesRollsTheUserBack) {
  // The pool, not the form's check, refuses it here (moto applies the pool's policy in AdminSetUserPassword).
  auto form = form_for("weak");
  form.password = "weakpassword";
  const auto outcome = register_with(cognito_, form);
  EXPECT_EQ(outcome.kind, Kind::Refused);
  EXPECT_EQ(outcome.error.field, "password");
  EXPECT_FALSE(pool_.user("weak"));
  EXPECT_TRUE(logged("step=set_password failed"));
  EXPECT_TRUE(logged("InvalidPasswordException"));
  EXPECT_FALSE(password_logged("weakpassword"));
}

TEST_F(RegistrarMoto, EachFailureAfterTheUserExistsRollsItBack) {
  struct Case {
    Step step;
    std::string code;
    long status;
    Kind expected;
    std::vector<std::string> steps;
  };
  const std::vector<Case> cases = {
      {.step = Step::SetPassword,
       .code = "AccessDeniedException",
       .status = 400,
       .expected = Kind::Failed,
       .steps = {"create", "set_password", "delete"}},
      {.step = Step::SetPassword,
       .code = "InternalErrorException",
       .status = 500,
       .expected = Kind::Unavailable,
       .steps = {"create", "set_password", "delete"}},
      {.step = Step::Disable,
       .code = "TooManyRequestsException",
       .status = 400,
       .expected = Kind::Unavailable,
       .steps = {"create", "set_password", "disable", "delete"}},
      {.step = Step::Disable,
       .code = "Timeout",
       .status = 0,
       .expected = Kind::Unavailable,
       .steps = {"create", "set_password", "disable", "delete"}},
      {.step = Step::Disable,
       .code = "UnrecognizedClientException",
       .status = 400,
       .expected = Kind::Failed,
       .steps = {"create", "set_password", "disable", "delete"}},
  };
  int n = 0;
  for (const auto& c : cases) {
    const std::string name = "rollback-" + std::to_string(++n);
    FaultyDirectory faulty(cognito_, c.step, aws_failure(c.code, c.status));
    const auto outcome = register_with(faulty, form_for(name));
    EXPECT_EQ(outcome.kind, c.expected) << c.code;
    EXPECT_EQ(faulty.steps, c.steps) << c.code;
    EXPECT_FALSE(pool_.user(name)) << c.code << ": the user was left in the pool";
    EXPECT_TRUE(outcome.error.field.empty());
    // The message is ours; AWS's text stays in the log.
    EXPECT_EQ(outcome.error.message.find("injected"), std::string::npos);
    EXPECT_TRUE(logged("user=" + name + " step=")) << c.code;
  }
  EXPECT_FALSE(password_logged("Correct-Horse-7"));
}

TEST_F(RegistrarMoto, AFailedCreateLeavesNothingToRollBack) {
  FaultyDirectory faulty(cognito_, Step::Create, aws_failure("TooManyRequestsException", 400));
  const auto outcome = register_with(faulty, form_for("throttled"));
  EXPECT_EQ(outcome.kind, Kind::Unavailable);
  EXPECT_EQ(faulty.steps, std::vector<std::string>{"create"});
  EXPECT_FALSE(pool_.user("throttled"));
}

TEST_F(RegistrarMoto, AFailedRollBackIsLoggedForTheAdministratorsAndReportedAsSuch) {
  FaultyDirectory faulty(cognito_, Step::Disable, aws_failure("InternalErrorException", 500), true);
  const auto outcome = register_with(faulty, form_for("stuck"));
  EXPECT_EQ(outcome.kind, Kind::Failed);
  EXPECT_NE(outcome.error.message.find("could not be undone"), std::string::npos);
  EXPECT_TRUE(pool_.user("stuck"));  // the injected failure kept the delete from happening
  EXPECT_TRUE(logged("user=stuck ROLL-BACK FAILED"));
  EXPECT_TRUE(logged("ENABLED with the password the person chose"));
  EXPECT_FALSE(password_logged("Correct-Horse-7"));
}

TEST_F(RegistrarMoto, AUserAlreadyGoneCountsAsRolledBack) {
  FaultyDirectory faulty(cognito_, Step::Disable, aws_failure("InternalErrorException", 500));
  DeleteAnsweredLate late(faulty);
  const auto outcome = register_with(late, form_for("gone"));
  EXPECT_EQ(outcome.kind, Kind::Unavailable);
  EXPECT_FALSE(pool_.user("gone"));
  EXPECT_FALSE(logged("ROLL-BACK FAILED"));
}

}  // namespace
