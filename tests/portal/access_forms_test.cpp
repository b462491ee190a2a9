// The access page's field checks and the downloads' format (the original's, webapps doc §A5.4).
#include "portal/access_forms.h"

#include <gtest/gtest.h>

using namespace heliocloud::portal;

TEST(AccessForms, AccessKeyIdsAreUpperCaseLettersAndDigits) {
  EXPECT_TRUE(is_access_key_id("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(is_access_key_id(std::string(128, 'A')));
  EXPECT_FALSE(is_access_key_id("AKIA123"));  // too short
  EXPECT_FALSE(is_access_key_id(std::string(129, 'A')));
  EXPECT_FALSE(is_access_key_id("AKIAIOSFODNN7EXAMPLe"));
  EXPECT_FALSE(is_access_key_id("AKIAIOSFODNN7 <b>hi</b>"));
}

TEST(AccessForms, MfaCodeIsSixDigits) {
  EXPECT_EQ(mfa_code_problem("123456"), std::nullopt);
  EXPECT_EQ(mfa_code_problem("012345"), std::nullopt);
  EXPECT_NE(mfa_code_problem(""), std::nullopt);
  EXPECT_NE(mfa_code_problem("12345"), std::nullopt);
  EXPECT_NE(mfa_code_problem("1234567"), std::nullopt);
  EXPECT_EQ(mfa_code_problem("12a456"), "MFA code: digits only.");
  EXPECT_EQ(mfa_code_problem("12 456"), "MFA code: digits only.");
}

TEST(AccessForms, SecretKeyIsOneWordOfAtMost128) {
  EXPECT_EQ(secret_key_problem("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), std::nullopt);
  EXPECT_NE(secret_key_problem(""), std::nullopt);
  EXPECT_NE(secret_key_problem("with space"), std::nullopt);
  EXPECT_NE(secret_key_problem("line\nbreak"), std::nullopt);
  EXPECT_NE(secret_key_problem(std::string(129, 'a')), std::nullopt);
  EXPECT_EQ(secret_key_problem(std::string(128, 'a')), std::nullopt);
}

TEST(AccessForms, SecretKeyDownloadIsTheSecretAloneWithoutNewline) {
  const auto file = secret_key_download("ada", "wJalr/K7+EXAMPLE");
  EXPECT_EQ(file.file_name, "ada_secret_access_key.txt");
  EXPECT_EQ(file.body, "wJalr/K7+EXAMPLE");
}

TEST(AccessForms, SessionTokenDownloadIsThreeExportLinesWithoutFinalNewline) {
  const auto file = session_token_download(
      "ada", {.access_key_id = "ASIAEXAMPLE", .secret_access_key = "s3cr3t", .session_token = "FwoG/tok=="});
  EXPECT_EQ(file.file_name, "ada_session_token.txt");
  EXPECT_EQ(file.body,
            "export AWS_ACCESS_KEY_ID=ASIAEXAMPLE\n"
            "export AWS_SECRET_ACCESS_KEY=s3cr3t\n"
            "export AWS_SESSION_TOKEN=FwoG/tok==");
}

TEST(AccessForms, DataUrlEncodesEveryByteALinkCouldMisread) {
  EXPECT_EQ(data_url({"f.txt", "a/b+c\nd e"}), "data:text/plain;charset=utf-8,a%2Fb%2Bc%0Ad%20e");
}
