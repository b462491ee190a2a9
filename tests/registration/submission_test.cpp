#include "registration/submission.h"

#include <gtest/gtest.h>

namespace reg = heliocloud::registration;
using nlohmann::json;

TEST(Submission, ReadsTheOriginalJsonContractAndIgnoresOtherKeys) {
  const auto read = reg::form_from_json({{"username", "ada"},
                                         {"email", "ada@example.org"},
                                         {"affiliation", "GSFC"},
                                         {"password", "pw"},
                                         {"extra", 1}});
  const auto* form = std::get_if<reg::RegistrationForm>(&read);
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->username, "ada");
  EXPECT_EQ(form->email, "ada@example.org");
  EXPECT_EQ(form->affiliation, "GSFC");
  EXPECT_EQ(form->password, "pw");
  EXPECT_EQ(form->confirm_password, std::nullopt);
}

TEST(Submission, MissingJsonFieldsReadAsEmptyAndTheConfirmationIsOptional) {
  const auto read =
      reg::form_from_json({{"username", "ada"}, {"email", nullptr}, {"confirmPassword", "pw2"}});
  const auto* form = std::get_if<reg::RegistrationForm>(&read);
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->email, "");
  EXPECT_EQ(form->password, "");
  EXPECT_EQ(form->confirm_password, "pw2");
}

TEST(Submission, JsonOfTheWrongShapeNamesTheField) {
  const auto not_string = reg::form_from_json({{"username", "ada"}, {"affiliation", 42}});
  ASSERT_TRUE(std::holds_alternative<reg::FieldError>(not_string));
  EXPECT_EQ(std::get<reg::FieldError>(not_string),
            (reg::FieldError{"affiliation", "affiliation must be a JSON string."}));
  const auto confirm = reg::form_from_json({{"confirmPassword", json::array()}});
  EXPECT_EQ(std::get<reg::FieldError>(confirm).field, "confirmPassword");
  const auto array = reg::form_from_json(json::array({"ada"}));
  EXPECT_EQ(std::get<reg::FieldError>(array),
            (reg::FieldError{"",
                             "The request body must be a JSON object with username, email, affiliation and "
                             "password."}));
}

TEST(Submission, ReadsThePagesFormFields) {
  heliocloud::web::Params params{{"csrf_token", "t"}, {"username", "ada"},       {"email", "ada@example.org"},
                                 {"password", "pw"},  {"confirmPassword", "pw"}, {"affiliation", "GSFC"}};
  const auto form = reg::form_from_params(params);
  EXPECT_EQ(form.username, "ada");
  EXPECT_EQ(form.email, "ada@example.org");
  EXPECT_EQ(form.password, "pw");
  EXPECT_EQ(form.confirm_password, "pw");
  EXPECT_EQ(form.affiliation, "GSFC");
  const auto empty = reg::form_from_params({});
  EXPECT_EQ(empty.username, "");
  EXPECT_EQ(empty.confirm_password, std::nullopt);
}
