#include "registration/registration_form.h"

#include <gtest/gtest.h>

namespace reg = heliocloud::registration;
using reg::FieldError;

namespace {

reg::RegistrationForm good() {
  return {.username = "ada",
          .email = "ada@example.org",
          .affiliation = "NASA GSFC",
          .password = "Correct-Horse-7"};
}

}  // namespace

TEST(RegistrationForm, AGoodFormHasNoErrors) {
  EXPECT_TRUE(reg::validate(good(), {}).empty());
  auto with_confirm = good();
  with_confirm.confirm_password = "Correct-Horse-7";
  EXPECT_TRUE(reg::validate(with_confirm, {}).empty());
}

TEST(RegistrationForm, EveryProblemIsNamedByItsFieldInPageOrder) {
  const reg::RegistrationForm form{.username = "ada lovelace",
                                   .email = "ada@",
                                   .affiliation = "",
                                   .password = "short",
                                   .confirm_password = "other"};
  const auto errors = reg::validate(form, {});
  ASSERT_EQ(errors.size(), 5U);
  EXPECT_EQ(errors[0], (FieldError{"username", "The user name cannot contain spaces."}));
  EXPECT_EQ(errors[1].field, "email");
  EXPECT_EQ(errors[2].field, "password");
  EXPECT_EQ(errors[3], (FieldError{"confirmPassword", "The two passwords do not match."}));
  EXPECT_EQ(errors[4], (FieldError{"affiliation", "Enter your affiliation or sponsor."}));
}

TEST(RegistrationForm, AnEmptyFormAsksForEveryField) {
  const auto errors = reg::validate({}, {});
  ASSERT_EQ(errors.size(), 4U);  // no confirmation sent: nothing to compare
  EXPECT_EQ(errors[0].message, "Enter a user name.");
  EXPECT_EQ(errors[1].message, "Enter an e-mail address.");
  EXPECT_EQ(errors[2].message, "Enter a password.");
  EXPECT_EQ(errors[3].message, "Enter your affiliation or sponsor.");
}

TEST(RegistrationForm, ThePasswordFollowsThePolicyGiven) {
  auto form = good();
  form.password = "correcthorsebatterystaple";
  EXPECT_FALSE(reg::validate(form, {}).empty());
  EXPECT_TRUE(reg::validate(form, {.minimum_length = 20,
                                   .require_uppercase = false,
                                   .require_numbers = false,
                                   .require_symbols = false})
                  .empty());
}

TEST(RegistrationForm, TidyTrimsTheEmailAndAffiliationOnly) {
  const auto tidied = reg::tidy({.username = " ada ",
                                 .email = "  ada@example.org\n",
                                 .affiliation = "\tNASA GSFC ",
                                 .password = " pass word ",
                                 .confirm_password = " pass word "});
  EXPECT_EQ(tidied.username, " ada ");
  EXPECT_EQ(tidied.email, "ada@example.org");
  EXPECT_EQ(tidied.affiliation, "NASA GSFC");
  EXPECT_EQ(tidied.password, " pass word ");
  EXPECT_EQ(tidied.confirm_password, " pass word ");
}
