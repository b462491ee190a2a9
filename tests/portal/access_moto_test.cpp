// The access page against moto, with a user signed in through the OIDC stand-in: the IAM user named like the
// Cognito user, its keys (the secret shown once, never logged), the two-key limit, another user's key (403,
// unchanged), CSRF, MFA devices and session tokens. moto's STS GetSessionToken accepts any MFA code and any
// secret (it checks no signature), so a wrong code or secret reaching AWS is not tested here; the portal's
// own checks (six digits, the user's own active key and device) are.
#include <gtest/gtest.h>

#include <regex>

#include "aws/iam.h"
#include "aws/protocols.h"
#include "base/percent_encoding.h"
#include "portal_harness.h"

namespace aws = heliocloud::aws;
using namespace heliocloud::portal::testing;

namespace {

constexpr const char* kIamVersion = "2010-05-08";

aws::IamClient test_iam() {
  return aws::IamClient(aws::testing::moto_config());
}

void create_iam_user(const std::string& name) {
  aws::query_call(test_iam().service(), "CreateUser", kIamVersion, {{"UserName", name}}, false);
}

// A virtual MFA device enabled for `user`; returns its serial number (moto takes any two codes).
std::string enable_virtual_mfa(const std::string& user) {
  const auto root = aws::query_call(test_iam().service(), "CreateVirtualMFADevice", kIamVersion,
                                    {{"VirtualMFADeviceName", user + "-phone"}}, false);
  const std::string serial =
      root.child("CreateVirtualMFADeviceResult")->child("VirtualMFADevice")->child_text("SerialNumber");
  aws::query_call(test_iam().service(), "EnableMFADevice", kIamVersion,
                  {{"UserName", user},
                   {"SerialNumber", serial},
                   {"AuthenticationCode1", "123456"},
                   {"AuthenticationCode2", "654321"}},
                  false);
  return serial;
}

// The file a download link of the page carries: its name and decoded body.
struct Offered {
  std::string file_name;
  std::string body;
};
Offered offered_download(const std::string& page, const std::string& link_id) {
  const std::regex link(
      "id=\"" + link_id +
      "\" download=\"([^\"]*)\" href=\"data:text/plain;charset(?:=|&#x3D;)utf-8,([^\"]*)\"");
  std::smatch m;
  if (!std::regex_search(page, m, link)) return {};
  return {.file_name = m[1].str(), .body = heliocloud::base::percent_decode(m[2].str())};
}

}  // namespace

TEST(PortalAccessMoto, NoIamUserIsAClearPage) {
  PortalHarness portal;
  portal.sign_in();
  const auto page = portal.get("/access");
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(contains(page.body, "No IAM user " + portal.user() + "; ask an administrator")) << page.body;
  EXPECT_EQ(portal.post("/access/keys").status, 404);
}

TEST(PortalAccessMoto, CreatedSecretIsShownOnceAndNeverLoggedAtMostTwoKeys) {
  PortalHarness portal;
  portal.sign_in();
  create_iam_user(portal.user());
  const auto empty = portal.get("/access");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(contains(empty.body, "No access keys."));
  EXPECT_TRUE(contains(empty.body, "No MFA devices."));

  const auto created = portal.post("/access/keys", "create_access_key=create_access_key");
  ASSERT_EQ(created.status, 200) << created.body;
  const auto keys = test_iam().list_access_keys(portal.user());
  ASSERT_EQ(keys.size(), 1U);
  EXPECT_TRUE(contains(created.body, "id=\"new-key-id\">" + keys[0].access_key_id));
  const auto file = offered_download(created.body, "download-secret");
  EXPECT_EQ(file.file_name, portal.user() + "_secret_access_key.txt");
  ASSERT_GE(file.body.size(), 20U) << created.body;
  EXPECT_EQ(created.headers.get("Cache-Control").value_or(""), "no-store");
  EXPECT_FALSE(contains(portal.log(), file.body));
  EXPECT_TRUE(contains(portal.log(), keys[0].access_key_id));

  const auto listed = portal.get("/access");
  EXPECT_TRUE(contains(listed.body, keys[0].access_key_id));
  EXPECT_FALSE(contains(listed.body, file.body));
  EXPECT_TRUE(contains(listed.body, "Active"));

  ASSERT_EQ(portal.post("/access/keys").status, 200);
  const auto third = portal.post("/access/keys");
  EXPECT_EQ(third.status, 409);
  EXPECT_TRUE(contains(third.body, "2 access keys, the most IAM allows"));
  EXPECT_EQ(test_iam().list_access_keys(portal.user()).size(), 2U);
  EXPECT_TRUE(contains(portal.get("/access").body, "Only two keys allowed."));
}

TEST(PortalAccessMoto, OwnKeysOnlyAndCsrfRequired) {
  PortalHarness portal;
  portal.sign_in();
  create_iam_user(portal.user());
  const std::string bob = aws::testing::unique_name("bob");
  create_iam_user(bob);
  const auto bobs_key = test_iam().create_access_key(bob).metadata.access_key_id;
  ASSERT_EQ(portal.post("/access/keys").status, 200);
  const auto mine = test_iam().list_access_keys(portal.user()).at(0).access_key_id;

  for (const std::string action : {"deactivate", "delete"}) {
    const auto answer = portal.post("/access/keys/" + bobs_key + "/" + action);
    EXPECT_EQ(answer.status, 403) << action;
    EXPECT_TRUE(contains(answer.body, "is not one of your access keys"));
  }
  ASSERT_EQ(test_iam().list_access_keys(bob).size(), 1U);
  EXPECT_EQ(test_iam().list_access_keys(bob)[0].status, "Active");

  EXPECT_EQ(portal.send("POST", "/access/keys/" + mine + "/delete").status, 403);
  EXPECT_EQ(portal.send("POST", "/access/keys/" + mine + "/delete", "csrf_token=forged").status, 403);
  EXPECT_EQ(portal.send("POST", "/access/keys", "csrf_token=forged").status, 403);
  EXPECT_EQ(test_iam().list_access_keys(portal.user()).size(), 1U);

  const auto deactivated = portal.post("/access/keys/" + mine + "/deactivate");
  EXPECT_EQ(deactivated.status, 303);
  EXPECT_EQ(test_iam().list_access_keys(portal.user())[0].status, "Inactive");
  EXPECT_TRUE(
      contains(portal.get(*deactivated.headers.get("Location")).body, "Deactivated access key " + mine));
  EXPECT_EQ(portal.post("/access/keys/" + mine + "/activate").status, 303);
  EXPECT_EQ(test_iam().list_access_keys(portal.user())[0].status, "Active");
  EXPECT_EQ(portal.post("/access/keys/" + mine + "/delete").status, 303);
  EXPECT_TRUE(test_iam().list_access_keys(portal.user()).empty());
}

TEST(PortalAccessMoto, SessionTokenWithOwnKeyAndDeviceShownOnce) {
  PortalHarness portal;
  portal.sign_in();
  create_iam_user(portal.user());
  const auto created = portal.post("/access/keys");
  ASSERT_EQ(created.status, 200);
  const std::string secret = offered_download(created.body, "download-secret").body;
  const std::string key = test_iam().list_access_keys(portal.user()).at(0).access_key_id;
  EXPECT_TRUE(contains(portal.get("/access").body, "No MFA devices. Please set up an MFA device"));

  const std::string serial = enable_virtual_mfa(portal.user());
  const auto page = portal.get("/access");
  EXPECT_TRUE(contains(page.body, serial));
  EXPECT_TRUE(contains(page.body, "Generate Session Token"));

  const std::string bob = aws::testing::unique_name("bob");
  create_iam_user(bob);
  const std::string bobs_serial = enable_virtual_mfa(bob);
  const auto form = [&](const std::string& k, const std::string& s, const std::string& code) {
    return "access_id=" + k + "&secret_key=" + heliocloud::base::percent_encode(secret) +
           "&mfa_arn=" + heliocloud::base::percent_encode(s) + "&mfa_code=" + code + "&refresh_tokens=x";
  };
  const auto bad_code = portal.post("/access/session-token", form(key, serial, "12345"));
  EXPECT_EQ(bad_code.status, 400);
  EXPECT_TRUE(contains(bad_code.body, "MFA code: enter the 6 digits"));
  EXPECT_EQ(portal.post("/access/session-token", form(key, bobs_serial, "123456")).status, 403);
  EXPECT_EQ(portal.post("/access/session-token", form("AKIAOTHERUSERSKEY000", serial, "123456")).status, 403);
  EXPECT_EQ(portal.send("POST", "/access/session-token", form(key, serial, "123456")).status,
            403);  // no CSRF

  const auto token = portal.post("/access/session-token", form(key, serial, "123456"));
  ASSERT_EQ(token.status, 200) << token.body;
  const auto file = offered_download(token.body, "download-token");
  EXPECT_EQ(file.file_name, portal.user() + "_session_token.txt");
  const std::regex format(
      "export AWS_ACCESS_KEY_ID=(\\S+)\nexport AWS_SECRET_ACCESS_KEY=(\\S+)\nexport "
      "AWS_SESSION_TOKEN=(\\S+)");
  std::smatch m;
  ASSERT_TRUE(std::regex_match(file.body, m, format)) << file.body;
  EXPECT_FALSE(contains(portal.log(), m[2].str()));
  EXPECT_FALSE(contains(portal.log(), m[3].str()));
  EXPECT_FALSE(contains(portal.log(), secret));
  EXPECT_FALSE(contains(portal.get("/access").body, m[3].str()));

  ASSERT_EQ(portal.post("/access/keys/" + key + "/deactivate").status, 303);
  EXPECT_EQ(portal.post("/access/session-token", form(key, serial, "123456")).status, 409);
}
