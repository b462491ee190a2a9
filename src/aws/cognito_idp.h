#pragma once
// Amazon Cognito user pools (cognito-idp, AWS JSON 1.1): the administrator calls that create, set up,
// disable and remove a user, the pool's password policy, and what tests need besides (a pool, an app
// client, a password sign-in). Errors come as the AwsError classes: AlreadyExistsError
// (UsernameExistsException), ValidationError (InvalidPasswordException, InvalidParameterException),
// NotFoundError (UserNotFoundException, ResourceNotFoundException), AccessDeniedError
// (NotAuthorizedException: a sign-in refused); code() names the exact exception.
#include <optional>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

// "us-east-1" of "us-east-1_AbC123" (a pool lives in the region its id names); empty when the id has no
// region part.
[[nodiscard]] std::string user_pool_region(const std::string& user_pool_id);

struct UserAttribute {
  std::string name;  // "email", "custom:affiliation"
  std::string value;

  friend bool operator==(const UserAttribute&, const UserAttribute&) = default;
};

// What a pool demands of a password (DescribeUserPool's Policies.PasswordPolicy). The defaults are
// Cognito's for a pool created without a policy.
struct PasswordPolicy {
  int minimum_length = 8;
  bool require_uppercase = true;
  bool require_lowercase = true;
  bool require_numbers = true;
  bool require_symbols = true;
  int temporary_password_validity_days = 7;

  friend bool operator==(const PasswordPolicy&, const PasswordPolicy&) = default;
};

struct UserPool {
  std::string id;
  std::string name;
  std::string arn;
  PasswordPolicy password_policy;
};

struct CognitoUser {
  std::string username;
  std::string status;  // FORCE_CHANGE_PASSWORD | CONFIRMED | RESET_REQUIRED | ...
  bool enabled = true;
  std::vector<UserAttribute> attributes;

  // The value of attribute `name`, if the user has it.
  [[nodiscard]] std::optional<std::string> attribute(const std::string& name) const;
};

struct AdminCreateUserRequest {
  std::string user_pool_id;
  std::string username;
  std::vector<UserAttribute> attributes;
  // "SUPPRESS": no invitation message; empty: Cognito sends its invitation.
  std::string message_action = "SUPPRESS";
  // Empty: Cognito generates one (and, with SUPPRESS, tells nobody).
  std::string temporary_password;
};

// A custom attribute of a new pool's schema ("affiliation" becomes custom:affiliation).
struct CustomAttribute {
  std::string name;
  int max_length = 256;
  bool is_mutable = true;
};

struct CreateUserPoolRequest {
  std::string name;
  PasswordPolicy password_policy;
  std::vector<CustomAttribute> custom_attributes;
};

// An app client as DescribeUserPoolClient gives it. client_secret is a secret: never log or render it.
struct UserPoolClient {
  std::string client_id;
  std::string client_name;
  std::string client_secret;  // empty for a client without one
};

// InitiateAuth's answer: tokens, or the challenge the user must answer first.
struct AuthResult {
  std::string challenge_name;  // empty when signed in
  std::string access_token;
  std::string id_token;
  std::string refresh_token;
};

class CognitoIdpClient {
 public:
  explicit CognitoIdpClient(ClientConfig config);

  // AlreadyExistsError (UsernameExistsException) when the name is taken (pools compare names without case
  // when the pool says so). Not retried after it may have reached the service: a retry would find the user
  // the first attempt made.
  CognitoUser admin_create_user(const AdminCreateUserRequest& request) const;
  // permanent: the user is CONFIRMED with this password (a temporary one expires after the pool's
  // TemporaryPasswordValidityDays and must be changed at the first sign-in).
  void admin_set_user_password(const std::string& user_pool_id, const std::string& username,
                               const std::string& password, bool permanent) const;
  // The user can no longer sign in, and the tokens it has are revoked.
  void admin_disable_user(const std::string& user_pool_id, const std::string& username) const;
  // Undoes admin_disable_user: the user can sign in again.
  void admin_enable_user(const std::string& user_pool_id, const std::string& username) const;
  void admin_delete_user(const std::string& user_pool_id, const std::string& username) const;
  // Every user of the pool (all pages) that `filter` selects, in Cognito's filter syntax: `status =
  // "Disabled"`, `username ^= "ad"`, `email = "ada@example.org"`; empty: all users.
  std::vector<CognitoUser> list_users(const std::string& user_pool_id, const std::string& filter = {}) const;
  CognitoUser admin_get_user(const std::string& user_pool_id, const std::string& username) const;
  UserPool describe_user_pool(const std::string& user_pool_id) const;
  // A web app reads its client secret at cold start this way, so the secret is in no template or variable.
  UserPoolClient describe_user_pool_client(const std::string& user_pool_id,
                                           const std::string& client_id) const;

  // For tests and tools: a pool, an app client with USER_PASSWORD_AUTH, a password sign-in.
  UserPool create_user_pool(const CreateUserPoolRequest& request) const;
  void delete_user_pool(const std::string& user_pool_id) const;
  // Returns the client id.
  std::string create_user_pool_client(const std::string& user_pool_id, const std::string& name) const;
  // USER_PASSWORD_AUTH; AccessDeniedError (NotAuthorizedException) for a wrong password or a disabled user.
  AuthResult initiate_password_auth(const std::string& client_id, const std::string& username,
                                    const std::string& password) const;

  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
