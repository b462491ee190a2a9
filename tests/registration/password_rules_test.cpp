#include "registration/password_rules.h"

#include <gtest/gtest.h>

namespace aws = heliocloud::aws;
namespace reg = heliocloud::registration;
using std::nullopt;

namespace {

const aws::PasswordPolicy kCognitoDefault{};  // 8 characters, upper, lower, digit, symbol
const std::string kSymbolList =
    "a symbol (one of ^ $ * . [ ] { } ( ) ? \" ! @ # % & / \\ , > < ' : ; | _ ~ ` = + -)";

}  // namespace

TEST(Password, TheDefaultPolicyNeedsEachKind) {
  EXPECT_EQ(reg::check_password("Correct-Horse-7", kCognitoDefault), nullopt);
  EXPECT_EQ(reg::check_password("Aa1!aaaa", kCognitoDefault), nullopt);
  EXPECT_EQ(reg::check_password("Aa1!aaa", kCognitoDefault), "The password needs at least 8 characters.");
  EXPECT_EQ(reg::check_password("password123", kCognitoDefault),
            "The password needs an upper-case letter (A-Z) and " + kSymbolList + ".");
  EXPECT_EQ(reg::check_password("PASSWORD-123", kCognitoDefault),
            "The password needs a lower-case letter (a-z).");
  EXPECT_EQ(reg::check_password("Password-abc", kCognitoDefault), "The password needs a digit (0-9).");
  EXPECT_EQ(reg::check_password("short", kCognitoDefault),
            "The password needs at least 8 characters, an upper-case letter (A-Z), a digit (0-9) and " +
                kSymbolList + ".");
  EXPECT_EQ(reg::check_password("", kCognitoDefault), "Enter a password.");
}

TEST(Password, EverySymbolOfCognitosListCountsAndSoDoesAnInnerSpace) {
  for (const char symbol : reg::kPasswordSymbols) {
    const std::string password = std::string("Abcdefg1") + symbol;
    EXPECT_EQ(reg::check_password(password, kCognitoDefault), nullopt) << password;
  }
  EXPECT_EQ(reg::check_password("Abc defg1", kCognitoDefault), nullopt);
  // Letters outside Basic Latin are neither upper nor lower case for Cognito, nor symbols.
  EXPECT_EQ(reg::check_password("\xc3\x89"
                                "bcdefg1!",
                                kCognitoDefault),
            "The password needs an upper-case letter (A-Z).");
  EXPECT_EQ(reg::check_password("Abcdefg1\xc2\xa7", kCognitoDefault),
            "The password needs " + kSymbolList + ".");
}

TEST(Password, CannotStartOrEndWithASpaceNorExceed256Characters) {
  EXPECT_EQ(reg::check_password(" Abcdefg1!", kCognitoDefault),
            "The password cannot start or end with a space.");
  EXPECT_EQ(reg::check_password("Abcdefg1!\t", kCognitoDefault),
            "The password cannot start or end with a space.");
  EXPECT_EQ(reg::check_password("Abcdefg1!" + std::string(247, 'x'), kCognitoDefault), nullopt);  // 256
  EXPECT_EQ(reg::check_password("Abcdefg1!" + std::string(248, 'x'), kCognitoDefault),
            "The password can have at most 256 characters.");
}

TEST(Password, FollowsThePoolsOwnPolicy) {
  const aws::PasswordPolicy long_only{.minimum_length = 16,
                                      .require_uppercase = false,
                                      .require_lowercase = false,
                                      .require_numbers = false,
                                      .require_symbols = false};
  EXPECT_EQ(reg::check_password("correct horse battery", long_only), nullopt);
  EXPECT_EQ(reg::check_password("tr0ub4dor&3", long_only), "The password needs at least 16 characters.");
  const aws::PasswordPolicy digits_and_symbols{.minimum_length = 6,
                                               .require_uppercase = false,
                                               .require_lowercase = false,
                                               .require_numbers = true,
                                               .require_symbols = true};
  EXPECT_EQ(reg::check_password("123-456", digits_and_symbols), nullopt);
  EXPECT_EQ(reg::check_password("abcdef", digits_and_symbols),
            "The password needs a digit (0-9) and " + kSymbolList + ".");
  const aws::PasswordPolicy upper_lower{
      .minimum_length = 8, .require_numbers = false, .require_symbols = false};
  EXPECT_EQ(reg::check_password("abcdefgh", upper_lower), "The password needs an upper-case letter (A-Z).");
  EXPECT_EQ(reg::check_password("Abcdefgh", upper_lower), nullopt);
}

TEST(Password, ThePolicyInWords) {
  EXPECT_EQ(reg::describe_password_policy(kCognitoDefault),
            "At least 8 characters, with an upper-case letter, a lower-case letter, a digit and a symbol.");
  EXPECT_EQ(reg::describe_password_policy({.minimum_length = 16,
                                           .require_uppercase = false,
                                           .require_lowercase = false,
                                           .require_numbers = false,
                                           .require_symbols = false}),
            "At least 16 characters.");
  EXPECT_EQ(reg::describe_password_policy({.minimum_length = 10,
                                           .require_uppercase = false,
                                           .require_lowercase = true,
                                           .require_numbers = true,
                                           .require_symbols = false}),
            "At least 10 characters, with a lower-case letter and a digit.");
}
