// Registration approvals against moto's user pool, with an administrator (group admins) and a scientist
// signed in through the OIDC stand-in: the disabled users listed, approve enables, reject deletes, only a
// disabled user can be decided on, non-admins and a missing CSRF token get 403, and each decision is logged
// with who decided about whom.
#include <gtest/gtest.h>

#include "aws/cognito_idp.h"
#include "aws/errors.h"
#include "portal_harness.h"

namespace aws = heliocloud::aws;
using namespace heliocloud::portal::testing;

namespace {

// A pool with one active user and two registrations waiting (disabled), as the Registration page leaves them.
struct Pool {
  aws::CognitoIdpClient cognito{aws::testing::moto_config()};
  std::string id = cognito
                       .create_user_pool({.name = aws::testing::unique_name("portal-approvals"),
                                          .password_policy = {},
                                          .custom_attributes = {{.name = "affiliation", .max_length = 50}}})
                       .id;
  Pool() {
    add("active-carla", false);
    add("waiting-dan", true);
    add("waiting-eve", true);
  }
  ~Pool() { cognito.delete_user_pool(id); }
  void add(const std::string& name, bool disabled) {
    (void)cognito.admin_create_user({.user_pool_id = id,
                                     .username = name,
                                     .attributes = {{.name = "email", .value = name + "@example.org"},
                                                    {.name = "custom:affiliation", .value = "GSFC"}}});
    if (disabled) cognito.admin_disable_user(id, name);
  }
  bool exists(const std::string& name) const {
    try {
      (void)cognito.admin_get_user(id, name);
      return true;
    } catch (const aws::NotFoundError&) {
      return false;
    }
  }
};

}  // namespace

TEST(PortalApprovalsMoto, AdminSeesWaitingRegistrationsAndDecides) {
  Pool pool;
  PortalHarness admin(HarnessOptions{.identity_pool_id = {}, .user_pool_id = pool.id, .groups = {"admins"}});
  admin.sign_in();
  EXPECT_TRUE(contains(admin.get("/").body, "href=\"/approvals\""));
  const auto page = admin.get("/approvals");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "data-username=\"waiting-dan\""));
  EXPECT_TRUE(contains(page.body, "waiting-eve@example.org"));
  EXPECT_TRUE(contains(page.body, "GSFC"));
  EXPECT_FALSE(contains(page.body, "active-carla"));

  const auto approved = admin.post("/approvals/approve", "username=waiting-dan");
  EXPECT_EQ(approved.status, 303);
  EXPECT_TRUE(pool.cognito.admin_get_user(pool.id, "waiting-dan").enabled);
  EXPECT_TRUE(contains(admin.get(*approved.headers.get("Location")).body, "Approved waiting-dan"));
  EXPECT_TRUE(
      contains(admin.log(), "approvals: " + admin.user() + " approved the registration of waiting-dan"));

  EXPECT_EQ(admin.post("/approvals/reject", "username=waiting-eve").status, 303);
  EXPECT_FALSE(pool.exists("waiting-eve"));
  EXPECT_TRUE(
      contains(admin.log(), "approvals: " + admin.user() + " rejected the registration of waiting-eve"));
  EXPECT_TRUE(contains(admin.get("/approvals").body, "No registration is waiting for approval."));
}

TEST(PortalApprovalsMoto, OnlyWaitingUsersCanBeDecidedOn) {
  Pool pool;
  PortalHarness admin(HarnessOptions{.identity_pool_id = {}, .user_pool_id = pool.id, .groups = {"admins"}});
  admin.sign_in();
  const auto active = admin.post("/approvals/reject", "username=active-carla");
  EXPECT_EQ(active.status, 404);
  EXPECT_TRUE(pool.exists("active-carla"));  // reject never deletes an active account
  EXPECT_EQ(admin.post("/approvals/approve", "username=nobody").status, 404);
  EXPECT_EQ(admin.post("/approvals/approve").status, 404);
  // CSRF missing or wrong: nothing changes.
  EXPECT_EQ(admin.send("POST", "/approvals/approve", "username=waiting-dan").status, 403);
  EXPECT_EQ(admin.send("POST", "/approvals/reject", "csrf_token=forged&username=waiting-dan").status, 403);
  EXPECT_FALSE(pool.cognito.admin_get_user(pool.id, "waiting-dan").enabled);
  EXPECT_FALSE(contains(admin.get("/approvals?approved=Call+us+now").body, "Call us now"));
}

TEST(PortalApprovalsMoto, NonAdminsAreForbidden) {
  Pool pool;
  PortalHarness scientist(HarnessOptions{.identity_pool_id = {}, .user_pool_id = pool.id});
  scientist.sign_in();
  EXPECT_FALSE(contains(scientist.get("/").body, "href=\"/approvals\""));
  EXPECT_EQ(scientist.get("/approvals").status, 403);
  EXPECT_EQ(scientist.post("/approvals/approve", "username=waiting-dan").status, 403);
  EXPECT_EQ(scientist.post("/approvals/reject", "username=waiting-eve").status, 403);
  EXPECT_FALSE(pool.cognito.admin_get_user(pool.id, "waiting-dan").enabled);
  EXPECT_TRUE(pool.exists("waiting-eve"));
  EXPECT_FALSE(contains(scientist.log(), "approvals:"));
}
