#include "web/sign_in/signed_in_user.h"

#include <stdexcept>

namespace heliocloud::web::sign_in {
namespace {

std::string string_or_empty(const nlohmann::json& claims, const char* name) {
  const auto it = claims.find(name);
  return it != claims.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> groups_of(const nlohmann::json& claims) {
  std::vector<std::string> out;
  const auto it = claims.find("cognito:groups");
  if (it == claims.end() || !it->is_array()) return out;
  for (const auto& g : *it) {
    if (g.is_string()) out.push_back(g.get<std::string>());
  }
  return out;
}

}  // namespace

bool SignedInUser::in_group(std::string_view group) const {
  for (const auto& g : groups) {
    if (g == group) return true;
  }
  return false;
}

SignedInUser make_signed_in_user(nlohmann::json id_claims, const nlohmann::json& access_claims,
                                 std::string id_token, std::string access_token) {
  SignedInUser user;
  user.username = string_or_empty(id_claims, "cognito:username");
  if (user.username.empty()) user.username = string_or_empty(access_claims, "username");
  if (user.username.empty())
    throw std::invalid_argument("the tokens name no user (cognito:username, username)");
  user.email = string_or_empty(id_claims, "email");
  user.groups = groups_of(id_claims);
  if (user.groups.empty()) user.groups = groups_of(access_claims);
  user.subject = string_or_empty(id_claims, "sub");
  user.id_claims = std::move(id_claims);
  user.id_token = std::move(id_token);
  user.access_token = std::move(access_token);
  return user;
}

}  // namespace heliocloud::web::sign_in
