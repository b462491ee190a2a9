// Who may decide on registrations: members of the group admins only, by the token's exact group name.
#include "portal/approvals.h"

#include <gtest/gtest.h>

#include "web/http_error.h"

using heliocloud::portal::require_admin;
using heliocloud::web::HttpError;
using heliocloud::web::sign_in::SignedInUser;

namespace {

SignedInUser user_in(std::vector<std::string> groups) {
  SignedInUser user;
  user.username = "ada";
  user.groups = std::move(groups);
  return user;
}

int status_of(const SignedInUser& user) {
  try {
    require_admin(user);
    return 200;
  } catch (const HttpError& e) {
    return e.status();
  }
}

}  // namespace

TEST(Approvals, OnlyTheAdminsGroupMayDecide) {
  EXPECT_EQ(status_of(user_in({"admins"})), 200);
  EXPECT_EQ(status_of(user_in({"scientists", "admins"})), 200);
  EXPECT_EQ(status_of(user_in({})), 403);
  EXPECT_EQ(status_of(user_in({"scientists"})), 403);
  EXPECT_EQ(status_of(user_in({"Admins"})), 403);
  EXPECT_EQ(status_of(user_in({"admins-in-training"})), 403);
}
