#include "web/sign_in/pre_login_cookie.h"

#include <nlohmann/json.hpp>

#include "web/sign_in/pkce.h"
#include "web/sign_in/random.h"

namespace heliocloud::web::sign_in {

PreLoginCookie::PreLoginCookie(std::string_view secret, std::string name)
    : box_(secret, "pre-login"), name_(std::move(name)) {}

PreLogin PreLoginCookie::start(std::string return_to, std::int64_t now) {
  return {.state = random_token(),
          .nonce = random_token(),
          .code_verifier = new_code_verifier(),
          .return_to = std::move(return_to),
          .expires_at = now + kPreLoginLifetime.count()};
}

SetCookie PreLoginCookie::write(const PreLogin& pre_login) const {
  const nlohmann::json doc = {{"state", pre_login.state},
                              {"nonce", pre_login.nonce},
                              {"verifier", pre_login.code_verifier},
                              {"return_to", pre_login.return_to},
                              {"exp", pre_login.expires_at}};
  return {.name = name_, .value = box_.seal(doc.dump(), name_), .max_age = kPreLoginLifetime};
}

PreLoginRead PreLoginCookie::read(const Params& request_cookies, std::int64_t now) const {
  PreLoginRead out;
  const auto sealed = request_cookies.get(name_);
  if (!sealed || sealed->empty()) {
    out.problem = PreLoginProblem::Missing;
    return out;
  }
  out.problem = PreLoginProblem::Unreadable;
  const auto text = box_.open(*sealed, name_);
  if (!text) return out;
  const auto doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return out;
  PreLogin& p = out.pre_login;
  for (const auto& [key, field] :
       {std::pair{"state", &p.state}, std::pair{"nonce", &p.nonce}, std::pair{"verifier", &p.code_verifier},
        std::pair{"return_to", &p.return_to}}) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return out;
    *field = it->get<std::string>();
  }
  const auto expires = doc.find("exp");
  if (expires == doc.end() || !expires->is_number_integer()) return out;
  p.expires_at = expires->get<std::int64_t>();
  out.problem = p.expires_at <= now ? PreLoginProblem::Expired : PreLoginProblem::None;
  return out;
}

}  // namespace heliocloud::web::sign_in
