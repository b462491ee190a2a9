#include "web/sign_in/sign_in.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "base/percent_encoding.h"
#include "base/text.h"
#include "web/error_pages.h"
#include "web/http_error.h"
#include "web/sign_in/pkce.h"
#include "web/sign_in/token_error.h"

namespace heliocloud::web::sign_in {
namespace {

void log_to_stderr(std::string_view line) {
  const std::string text = std::string(line) + "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
}

std::string without_trailing_slash(std::string url) {
  while (url.ends_with('/')) url.pop_back();
  return url;
}

// The path of an absolute URL ("https://host:8443/auth/callback" → "/auth/callback").
std::string path_of(const std::string& url) {
  const auto authority = url.find("://") + 3;
  const auto slash = url.find('/', authority);
  return slash == std::string::npos ? std::string() : url.substr(slash);
}

SignInOptions prepared(SignInOptions options) {
  validate(options);
  const std::string callback = path_of(options.redirect_uri);
  if (callback.size() < 2) throw std::invalid_argument("sign-in: redirect_uri needs a path (/auth/callback)");
  options.domain = without_trailing_slash(std::move(options.domain));
  if (options.jwks_uri.empty())
    options.jwks_uri = without_trailing_slash(options.issuer) + "/.well-known/jwks.json";
  if (!options.http) options.http = default_http_send();
  if (!options.clock) options.clock = system_clock();
  if (!options.log) options.log = log_to_stderr;
  return options;
}

KeySet::Fetch jwks_fetch(const SignInOptions& options) {
  return [send = options.http, uri = options.jwks_uri] {
    http::Request request;
    request.url = uri;
    request.headers = {{"Accept", "application/json"}};
    const auto response = send(request);
    if (response.status != 200)
      throw std::runtime_error("GET " + uri + " answered HTTP " + std::to_string(response.status));
    return response.body;
  };
}

// A path on this site to come back to after sign-in. Anything else (another origin "//evil.example",
// "/\\evil.example" which browsers read the same way, a full URL, control characters) would make the
// sign-in route an open redirect.
std::string safe_return_to(const std::optional<std::string>& wanted, const std::string& fallback) {
  if (!wanted || wanted->size() > 2000 || !wanted->starts_with('/')) return fallback;
  if (wanted->size() > 1 && ((*wanted)[1] == '/' || (*wanted)[1] == '\\')) return fallback;
  for (const char c : *wanted) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u == 0x7F || c == '\\') return fallback;
  }
  return *wanted;
}

// The error code of a callback (RFC 6749 §4.1.2.1: access_denied, server_error, ...) fit to show and log.
// The query is anyone's to write, so anything else (long text, line breaks) is not repeated.
std::string error_code(const std::string& error) {
  const bool plain = !error.empty() && error.size() <= 64 &&
                     error.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
  return plain ? error : std::string("an unrecognized error");
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

SignIn::SignIn(SignInOptions options)
    : options_(prepared(std::move(options))),
      callback_path_(path_of(options_.redirect_uri)),
      keys_(std::make_unique<KeySet>(jwks_fetch(options_), options_.clock, options_.jwks_refetch_interval)),
      verifier_({.issuer = options_.issuer, .client_id = options_.client_id, .leeway = options_.leeway},
                *keys_, options_.clock),
      endpoint_({.token_url = options_.domain + "/oauth2/token",
                 .revoke_url = options_.domain + "/oauth2/revoke",
                 .client_id = options_.client_id,
                 .client_secret = options_.client_secret},
                options_.http),
      session_cookie_(options_.secret_key, options_.cookie_prefix + "session"),
      pre_login_cookie_(options_.secret_key, options_.cookie_prefix + "sign_in") {}

std::int64_t SignIn::now() const {
  return unix_seconds(options_.clock());
}

void SignIn::mount(App& app) {
  csrf_cookie_name_ = app.options().csrf_cookie_name;
  csrf_form_field_ = app.options().csrf_form_field;
  error_page_ = app.options().error_page;
  app.get(options_.sign_in_path, [this](const Request& r) { return start_sign_in(r); });
  app.get(callback_path_, [this](const Request& r) { return callback(r); });
  app.get(options_.logout_path, [this](const Request& r) { return logout_page(r); });
  app.post(options_.logout_path, [this](const Request& r) { return logout(r); });
}

Response SignIn::fail(const Request& request, int status, const std::string& message,
                      std::vector<SetCookie> cookies) const {
  Response response = error_response(request, status, message, error_page_);
  for (auto& c : cookies) response.set_cookie(std::move(c));
  return response;
}

std::string SignIn::sign_in_link(const Request& request) const {
  std::string target = request.path;
  std::string query;
  for (const auto& [name, value] : request.query.entries())
    query += (query.empty() ? "" : "&") + base::percent_encode(name) + "=" + base::percent_encode(value);
  if (!query.empty()) target += "?" + query;
  return options_.sign_in_path + "?return_to=" + base::percent_encode(target);
}

Response SignIn::start_sign_in(const Request& request) const {
  const PreLogin pre =
      PreLoginCookie::start(safe_return_to(request.query.get("return_to"), options_.after_sign_in), now());
  const std::string url = options_.domain + "/oauth2/authorize?response_type=code" +
                          "&client_id=" + base::percent_encode(options_.client_id) +
                          "&redirect_uri=" + base::percent_encode(options_.redirect_uri) +
                          "&scope=" + base::percent_encode(base::join(options_.scopes, " ")) +
                          "&state=" + pre.state + "&nonce=" + pre.nonce +
                          "&code_challenge=" + code_challenge_s256(pre.code_verifier) +
                          "&code_challenge_method=S256";
  Response response = Response::found(url);
  response.set_cookie(pre_login_cookie_.write(pre));
  return response;
}

SignIn::Verified SignIn::verify_session(const SessionTokens& tokens) const {
  auto id_claims = verifier_.verify(tokens.id_token, TokenUse::Id);
  const auto access_claims = verifier_.verify(tokens.access_token, TokenUse::Access);
  // Sealed together, but a pair from two users must never pass as one.
  if (id_claims.value("sub", std::string()) != access_claims.value("sub", std::string()))
    throw TokenError(TokenProblem::Malformed, "the id and access tokens are of different users");
  const auto expires_at = std::min(static_cast<std::int64_t>(id_claims["exp"].get<double>()),
                                   static_cast<std::int64_t>(access_claims["exp"].get<double>()));
  try {
    return {.user = make_signed_in_user(std::move(id_claims), access_claims, tokens.id_token,
                                        tokens.access_token),
            .expires_at = expires_at};
  } catch (const std::invalid_argument& e) {
    throw TokenError(TokenProblem::Malformed, e.what());
  }
}

Response SignIn::callback(const Request& request) const {
  // The pre-login cookie is single-use: it goes whatever happens next.
  std::vector<SetCookie> cookies{pre_login_cookie_.clear()};
  const std::int64_t t = now();
  if (const auto error = request.query.get("error")) {
    const std::string code = error_code(*error);
    options_.log("sign-in: the pool ended the sign-in with " + code);
    return fail(request, 400, "The sign-in was not completed (" + code + "). Sign in again.", cookies);
  }
  const PreLoginRead read = pre_login_cookie_.read(request.cookies, t);
  switch (read.problem) {
    case PreLoginProblem::Missing:
      return fail(request, 400,
                  "This sign-in was not started in this browser, or its cookie was blocked. Sign in again.",
                  cookies);
    case PreLoginProblem::Unreadable:
      return fail(request, 400, "This sign-in's cookie is not valid. Sign in again.", cookies);
    case PreLoginProblem::Expired:
      return fail(request, 400, "The sign-in took longer than ten minutes. Sign in again.", cookies);
    case PreLoginProblem::None:
      break;
  }
  const PreLogin& pre = read.pre_login;
  const auto state = request.query.get("state");
  if (!state || !same_secret(*state, pre.state))
    return fail(request, 400,
                "This sign-in response does not belong to the sign-in started in this browser (state "
                "mismatch). Sign in again.",
                cookies);
  const auto code = request.query.get("code");
  if (!code || code->empty())
    return fail(request, 400, "The sign-in response has no authorization code. Sign in again.", cookies);

  TokenSet set;
  try {
    set = endpoint_.redeem_code(*code, options_.redirect_uri, pre.code_verifier);
  } catch (const TokenEndpointError& e) {
    options_.log(std::string("sign-in: ") + e.what());
    if (e.kind() == TokenEndpointError::Kind::Rejected)
      return fail(request, 400,
                  "The sign-in code was refused: it was used already or has expired. Sign in again.",
                  cookies);
    return fail(request, 502, "The sign-in service could not be reached. Try again in a moment.", cookies);
  }
  const SessionTokens tokens{.id_token = set.id_token,
                             .access_token = set.access_token,
                             .refresh_token = set.refresh_token,
                             .expires_at = t + options_.session_lifetime.count()};
  try {
    (void)verifier_.verify(set.id_token, TokenUse::Id, pre.nonce);
    (void)verify_session(tokens);
  } catch (const TokenError& e) {
    options_.log(std::string("sign-in: tokens refused at the callback: ") + e.what());
    if (e.problem() == TokenProblem::KeysUnavailable)
      return fail(request, 502, "The sign-in service could not be reached. Try again in a moment.", cookies);
    return fail(request, 400,
                std::string("The sign-in could not be verified: ") + e.what() + ". Sign in again.", cookies);
  }

  Response response = Response::found(pre.return_to);
  for (auto& c : session_cookie_.write(tokens, t, request.cookies)) cookies.push_back(std::move(c));
  // A new CSRF session after sign-in (OWASP: renew the token when the privilege changes): the next page gets
  // a fresh one, so a CSRF cookie planted before sign-in is worth nothing after it.
  cookies.push_back(expired_cookie(csrf_cookie_name_));
  for (auto& c : cookies) response.set_cookie(std::move(c));
  return response;
}

std::optional<SignedInUser> SignIn::authenticate(const Request& request,
                                                 std::vector<SetCookie>& cookies) const {
  const std::int64_t t = now();
  const auto tokens = session_cookie_.read(request.cookies, t);
  const auto signed_out = [&] {
    for (auto& c : session_cookie_.clear(request.cookies)) cookies.push_back(std::move(c));
    return std::nullopt;
  };
  if (!tokens) {
    // Only a browser that sent something gets the clearing cookies (not every anonymous visitor).
    if (request.cookies.has(session_cookie_.name() + "_0")) return signed_out();
    return std::nullopt;
  }
  std::optional<Verified> current;
  try {
    current = verify_session(*tokens);
    if (current->expires_at - t > options_.refresh_margin.count()) return std::move(current->user);
  } catch (const TokenError& e) {
    if (e.problem() == TokenProblem::KeysUnavailable) {
      options_.log(std::string("sign-in: ") + e.what());
      throw HttpError(503, "The sign-in service cannot be reached. Try again in a moment.");
    }
    if (e.problem() != TokenProblem::Expired) {
      options_.log(std::string("sign-in: session refused: ") + e.what());
      return signed_out();
    }
  }

  TokenSet set;
  try {
    set = endpoint_.refresh(tokens->refresh_token);
  } catch (const TokenEndpointError& e) {
    options_.log(std::string("sign-in: ") + e.what());
    if (e.kind() == TokenEndpointError::Kind::Rejected) return signed_out();
    // Not reachable: tokens that are still good serve this request; expired ones cannot.
    if (current) return std::move(current->user);
    throw HttpError(503,
                    "The sign-in service cannot be reached to renew your session. Try again in a moment.");
  }
  const bool rotated = !set.refresh_token.empty();
  const SessionTokens renewed{
      .id_token = set.id_token,
      .access_token = set.access_token,
      .refresh_token = rotated ? set.refresh_token : tokens->refresh_token,
      .expires_at = rotated ? t + options_.session_lifetime.count() : tokens->expires_at};
  try {
    Verified fresh = verify_session(renewed);
    for (auto& c : session_cookie_.write(renewed, t, request.cookies)) cookies.push_back(std::move(c));
    return std::move(fresh.user);
  } catch (const TokenError& e) {
    options_.log(std::string("sign-in: refreshed tokens refused: ") + e.what());
    if (e.problem() == TokenProblem::KeysUnavailable)
      throw HttpError(503, "The sign-in service cannot be reached. Try again in a moment.");
    return signed_out();
  }
}

Handler SignIn::require_signed_in(SignedInHandler handler) const {
  return [this, handler = std::move(handler)](const Request& request) {
    std::vector<SetCookie> cookies;
    Response response;
    try {
      const auto user = authenticate(request, cookies);
      if (user) {
        response = handler(request, *user);
      } else if (request.method == "GET" || request.method == "HEAD") {
        response = Response::found(sign_in_link(request));
      } else {
        response = error_response(
            request, 401, "You are not signed in, or your session has ended. Sign in again.", error_page_);
      }
    } catch (const HttpError& e) {
      // Rendered here rather than by the App, so that a refreshed session still reaches the browser.
      response = error_response(request, e.status(), e.what(), error_page_);
    }
    for (auto& c : cookies) response.set_cookie(std::move(c));
    return response;
  };
}

Response SignIn::logout_page(const Request& request) const {
  const std::string html =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign out</title></head>\n"
      "<body><h1>Sign out</h1>\n<form method=\"post\" action=\"" +
      html_escape(options_.logout_path) + "\">\n<input type=\"hidden\" name=\"" +
      html_escape(csrf_form_field_) + "\" value=\"" + html_escape(request.csrf_token) +
      "\">\n<button type=\"submit\">Sign out</button>\n</form></body></html>\n";
  return Response::html(html);
}

Response SignIn::logout(const Request& request) const {
  if (options_.revoke_on_logout) {
    if (const auto tokens = session_cookie_.read(request.cookies, now())) {
      try {
        endpoint_.revoke(tokens->refresh_token);
      } catch (const TokenEndpointError& e) {
        // Sign-out goes on: the cookies are cleared either way, and the pool's session below.
        options_.log(std::string("sign-out: ") + e.what());
      }
    }
  }
  Response response =
      Response::see_other(options_.domain + "/logout?client_id=" + base::percent_encode(options_.client_id) +
                          "&logout_uri=" + base::percent_encode(options_.logout_uri));
  for (auto& c : session_cookie_.clear(request.cookies)) response.set_cookie(std::move(c));
  response.set_cookie(pre_login_cookie_.clear());
  response.set_cookie(expired_cookie(csrf_cookie_name_));
  return response;
}

}  // namespace heliocloud::web::sign_in
