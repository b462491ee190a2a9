#pragma once
// Who is signed in, from the verified id and access tokens of this request.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::web::sign_in {

struct SignedInUser {
  std::string username;             // cognito:username (id token), else username (access token)
  std::string email;                // empty when the pool or the scopes give none
  std::vector<std::string> groups;  // cognito:groups
  std::string subject;              // sub: the stable user id
  nlohmann::json id_claims;         // every verified id-token claim (custom:affiliation, ...)
  // The tokens themselves, for calls made on the user's behalf (Cognito Identity takes the id token).
  // Secrets: never log, render or put them in a cookie.
  std::string id_token;
  std::string access_token;

  [[nodiscard]] bool in_group(std::string_view group) const;
};

// The user described by verified claims. Throws std::invalid_argument when neither token names a user.
[[nodiscard]] SignedInUser make_signed_in_user(nlohmann::json id_claims, const nlohmann::json& access_claims,
                                               std::string id_token, std::string access_token);

}  // namespace heliocloud::web::sign_in
