// The sign-in flow through App::handle against the OIDC stand-in: redirect, callback checks (state, PKCE,
// nonce, pre-login cookie), session, refresh, sign-out.
#include <gtest/gtest.h>

#include "sign_in_harness.h"

namespace sign_in = heliocloud::web::sign_in;
using heliocloud::web::Response;
using namespace sign_in::testing;

namespace {

std::string location(const Response& r) {
  return r.headers.get("Location").value_or("");
}

std::string set_cookie_named(const Response& r, const std::string& name) {
  for (const auto& line : r.headers.get_all("Set-Cookie")) {
    if (line.starts_with(name + "=")) return line;
  }
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(SignInFlow, SendsTheBrowserToAuthorizeWithPkceStateAndNonce) {
  SignInHarness h;
  const auto r = h.send("GET", "/auth/sign-in?return_to=%2Fprivate");
  ASSERT_EQ(r.status, 302);
  const std::string url = location(r);
  EXPECT_TRUE(url.starts_with(h.stand_in().url() + "/oauth2/authorize?")) << url;
  const auto q = query_of(url);
  EXPECT_EQ(q.get("response_type"), "code");
  EXPECT_EQ(q.get("client_id"), "stand-in-client");
  EXPECT_EQ(q.get("redirect_uri"), kAppOrigin + "/auth/callback");
  EXPECT_EQ(q.get("scope"), "openid email profile");
  EXPECT_EQ(q.get("code_challenge_method"), "S256");
  EXPECT_EQ(q.get("code_challenge")->size(), 43U);
  EXPECT_EQ(q.get("state")->size(), 43U);
  EXPECT_EQ(q.get("nonce")->size(), 43U);
  EXPECT_NE(q.get("state"), q.get("nonce"));
  const std::string cookie = set_cookie_named(r, "hc_sign_in");
  EXPECT_TRUE(contains(cookie, "; Max-Age=600")) << cookie;
  EXPECT_TRUE(contains(cookie, "; HttpOnly"));
  EXPECT_TRUE(contains(cookie, "; Secure"));
  EXPECT_TRUE(contains(cookie, "; SameSite=Lax"));
  EXPECT_FALSE(contains(cookie, *q.get("state"))) << "the pre-login cookie is sealed";
  // A second sign-in draws new values.
  EXPECT_NE(query_of(location(h.send("GET", "/auth/sign-in"))).get("state"), q.get("state"));
}

TEST(SignInFlow, SignsInAndShowsTheProtectedPage) {
  SignInHarness h;
  const auto first = h.send("GET", "/private?tab=keys");
  ASSERT_EQ(first.status, 302);
  EXPECT_EQ(location(first), "/auth/sign-in?return_to=%2Fprivate%3Ftab%3Dkeys");
  const auto start = h.send("GET", location(first));
  const auto callback = SignInHarness::approve(location(start));
  ASSERT_TRUE(callback.starts_with(kAppOrigin + "/auth/callback?code=")) << callback;
  const auto done = h.send("GET", target_of(callback));
  ASSERT_EQ(done.status, 302) << done.body;
  EXPECT_EQ(location(done), "/private?tab=keys");
  EXPECT_TRUE(h.browser().has_session());
  EXPECT_FALSE(h.browser().jar.contains("hc_sign_in"));  // single-use
  const std::string session = set_cookie_named(done, "hc_session_0");
  EXPECT_TRUE(contains(session, "; HttpOnly") && contains(session, "; Secure") &&
              contains(session, "; SameSite=Lax"));
  EXPECT_TRUE(contains(session, "; Max-Age=2592000"));  // the refresh token's 30 days
  // No token is readable in any cookie (JWTs start with eyJ).
  for (const auto& [name, value] : h.browser().jar) EXPECT_FALSE(contains(value, "eyJ")) << name;

  const auto page = h.send("GET", "/private");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.body, "user=ada email=ada@example.org groups=scientists scientist=yes");
  EXPECT_EQ(h.stand_in().token_requests(), 1);
  EXPECT_EQ(h.stand_in().jwks_requests(), 1);
  // A protected POST with the CSRF token works too.
  const auto action = h.send("POST", "/private/action", h.csrf_field());
  EXPECT_EQ(action.status, 303);
  EXPECT_EQ(location(action), "/private?done=ada");
  EXPECT_FALSE(contains(h.log(), "eyJ"));
}

TEST(SignInFlow, AProtectedPostWithoutSessionIs401) {
  SignInHarness h;
  (void)h.send("GET", "/auth/sign-in");  // a CSRF cookie, no session
  const auto r = h.send("POST", "/private/action", h.csrf_field());
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(contains(r.body, "Sign in again"));
}

TEST(SignInFlow, ReturnToMustBeALocalPath) {
  for (const char* evil : {"//evil.example/x", "/\\evil.example", "https://evil.example/", "evil", "/a\tb"}) {
    SignInHarness h;
    const auto done = h.sign_in(evil);
    ASSERT_EQ(done.status, 302) << evil;
    EXPECT_EQ(location(done), "/") << evil;
  }
}

TEST(SignInFlow, CallbackRefusesAStateMismatch) {
  SignInHarness h;
  const auto callback = h.authorize();
  const auto r = h.send("GET", target_of(with_param(callback, "state", "forged-state")));
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "state mismatch")) << r.body;
  EXPECT_FALSE(h.browser().has_session());
  EXPECT_EQ(h.stand_in().token_requests(), 0);  // the code was never redeemed
  // A missing state too.
  SignInHarness h2;
  const auto cb2 = h2.authorize();
  EXPECT_EQ(h2.send("GET", "/auth/callback?code=" + *query_of(cb2).get("code")).status, 400);
}

TEST(SignInFlow, CallbackRefusesAMissingExpiredOrTamperedPreLoginCookie) {
  {
    SignInHarness h;
    const auto callback = h.authorize();
    h.browser().jar.erase("hc_sign_in");
    const auto r = h.send("GET", target_of(callback));
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(contains(r.body, "not started in this browser")) << r.body;
  }
  {
    SignInHarness h;
    const auto callback = h.authorize();
    h.time().advance(601);
    const auto r = h.send("GET", target_of(callback));
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(contains(r.body, "ten minutes")) << r.body;
  }
  {
    SignInHarness h;
    const auto callback = h.authorize();
    auto& cookie = h.browser().jar["hc_sign_in"];
    cookie[20] = cookie[20] == 'A' ? 'B' : 'A';
    const auto r = h.send("GET", target_of(callback));
    EXPECT_EQ(r.status, 400);
    EXPECT_TRUE(contains(r.body, "not valid")) << r.body;
    EXPECT_EQ(h.stand_in().token_requests(), 0);
  }
}

TEST(SignInFlow, CallbackReportsErrorsFromThePoolAndMissingCodes) {
  SignInHarness h;
  const auto callback = h.authorize();
  const auto state = *query_of(callback).get("state");
  const auto denied = h.send("GET", "/auth/callback?error=access_denied&state=" + state);
  EXPECT_EQ(denied.status, 400);
  EXPECT_TRUE(contains(denied.body, "access_denied"));
  // Text an attacker puts in a link is neither shown nor logged.
  const auto spoofed = h.send("GET", "/auth/callback?error=Call%20555-0100%0Aforged%20log%20line");
  EXPECT_EQ(spoofed.status, 400);
  EXPECT_FALSE(contains(spoofed.body, "555"));
  EXPECT_FALSE(contains(h.log(), "forged"));
  // The pre-login cookie went with the first answer; sign in again, then drop the code.
  const auto again = h.authorize();
  const auto no_code = h.send("GET", "/auth/callback?state=" + *query_of(again).get("state"));
  EXPECT_EQ(no_code.status, 400);
  EXPECT_TRUE(contains(no_code.body, "no authorization code"));
}

TEST(SignInFlow, ACodeRedeemsOnlyOnce) {
  SignInHarness h;
  const auto callback = h.authorize();
  const auto pre_login = h.browser().jar["hc_sign_in"];
  ASSERT_EQ(h.send("GET", target_of(callback)).status, 302);
  // Replaying the same callback (with the pre-login cookie put back) reaches the pool, which refuses.
  h.browser().jar["hc_sign_in"] = pre_login;
  const auto replay = h.send("GET", target_of(callback));
  EXPECT_EQ(replay.status, 400);
  EXPECT_TRUE(contains(replay.body, "refused")) << replay.body;
  EXPECT_TRUE(contains(h.log(), "invalid_grant"));
}

TEST(SignInFlow, TheCodeNeedsThisBrowsersPkceVerifier) {
  SignInHarness h;
  const auto start = h.send("GET", "/auth/sign-in");
  // An attacker's challenge in the authorization request: the code is bound to it, and our verifier fails.
  const auto forged =
      with_param(location(start), "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  const auto r = h.send("GET", target_of(SignInHarness::approve(forged)));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(h.stand_in().token_requests(), 1);
  EXPECT_FALSE(h.browser().has_session());
}

TEST(SignInFlow, TheIdTokenMustCarryThisSignInsNonce) {
  SignInHarness h;
  const auto start = h.send("GET", "/auth/sign-in");
  const auto r =
      h.send("GET", target_of(SignInHarness::approve(with_param(location(start), "nonce", "another-nonce"))));
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "nonce")) << r.body;
  EXPECT_FALSE(h.browser().has_session());
}

TEST(SignInFlow, AWrongClientSecretIsRefusedAndNeverLogged) {
  SignInHarness h("not-the-secret");
  const auto r = h.sign_in();
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(h.log(), "invalid_client")) << h.log();
  EXPECT_FALSE(contains(h.log(), "not-the-secret"));
}

TEST(SignInFlow, RefreshesTokensThatExpireSoon) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  const auto old_session = h.browser().jar["hc_session_0"];
  h.time().advance(3600 - 30);  // within the 60 s refresh margin
  const auto page = h.send("GET", "/private");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(h.stand_in().refresh_grants(), 1);
  EXPECT_NE(h.browser().jar["hc_session_0"], old_session);
  // The renewed tokens serve the next requests without another refresh.
  EXPECT_EQ(h.send("GET", "/private").status, 200);
  EXPECT_EQ(h.stand_in().refresh_grants(), 1);
}

TEST(SignInFlow, RefreshesExpiredTokensTransparently) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  h.time().advance(5L * 3600);
  const auto page = h.send("GET", "/private");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "user=ada"));
  EXPECT_EQ(h.stand_in().refresh_grants(), 1);
}

TEST(SignInFlow, AFailedRefreshSignsOut) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  h.stand_in().revoke_all_refresh_tokens();
  h.time().advance(2L * 3600);
  const auto page = h.send("GET", "/private");
  EXPECT_EQ(page.status, 302);
  EXPECT_TRUE(location(page).starts_with("/auth/sign-in?return_to="));
  EXPECT_FALSE(h.browser().has_session()) << "the dead session's cookies are cleared";
  EXPECT_TRUE(contains(h.log(), "invalid_grant"));
}

TEST(SignInFlow, TheSessionEndsWithTheRefreshToken) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  h.time().advance(30L * 24 * 3600);
  EXPECT_EQ(h.send("GET", "/private").status, 302);
  EXPECT_EQ(h.stand_in().refresh_grants(), 0);
}

TEST(SignInFlow, ATamperedSessionCookieIsSignedOutNotACrash) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  const auto jar = h.browser().jar;
  ASSERT_TRUE(jar.contains("hc_session_1")) << "Cognito-sized tokens take two cookies";
  for (const char* name : {"hc_session_0", "hc_session_1"}) {
    h.browser().jar = jar;
    auto& value = h.browser().jar[name];
    value[value.size() / 2] = value[value.size() / 2] == 'x' ? 'y' : 'x';
    const auto page = h.send("GET", "/private");
    EXPECT_EQ(page.status, 302) << name;
    EXPECT_FALSE(h.browser().has_session()) << name;
  }
  for (const char* junk : {"", "1.", "9.x", "1.\x01\x02", "2.abc"}) {
    h.browser().jar = {{"hc_session_0", junk}};
    EXPECT_EQ(h.send("GET", "/private").status, 302) << junk;
  }
}

TEST(SignInFlow, KeepsTheSessionWhenThePoolIsUnreachable) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  h.time().advance(2L * 3600);
  h.stand_in().stop();
  const auto page = h.send("GET", "/private");
  EXPECT_EQ(page.status, 503) << page.body;
  EXPECT_TRUE(h.browser().has_session());
}

TEST(SignInFlow, LogoutAsksFirstThenClearsEveryCookieAndTheRefreshToken) {
  SignInHarness h;
  ASSERT_EQ(h.sign_in().status, 302);
  const auto page = h.send("GET", "/logout");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<form method=\"post\" action=\"/logout\">"));
  EXPECT_TRUE(contains(page.body, "name=\"csrf_token\""));
  EXPECT_TRUE(h.browser().has_session()) << "a GET signs nobody out";
  // Without the CSRF token the App refuses the POST.
  EXPECT_EQ(h.send("POST", "/logout", "").status, 403);
  EXPECT_TRUE(h.browser().has_session());

  const auto old_jar = h.browser().jar;
  const auto out = h.send("POST", "/logout", h.csrf_field());
  ASSERT_EQ(out.status, 303);
  EXPECT_EQ(location(out), h.stand_in().url() + "/logout?client_id=stand-in-client&logout_uri=" +
                               heliocloud::base::percent_encode(kAppOrigin + "/"));
  for (const char* name : {"hc_session_0", "hc_sign_in", "hc_csrf"})
    EXPECT_TRUE(contains(set_cookie_named(out, name), "; Max-Age=0;")) << name;
  EXPECT_TRUE(h.browser().jar.empty());
  ASSERT_EQ(h.stand_in().issued_refresh_tokens().size(), 1U);
  EXPECT_TRUE(h.stand_in().revoked(h.stand_in().issued_refresh_tokens()[0]));
  // The pool's /logout sends the browser back to the app.
  const auto back = SignInHarness::stand_in_get(location(out));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 302);
  EXPECT_EQ(back->get_header_value("Location"), kAppOrigin + "/");
  EXPECT_EQ(h.stand_in().logouts(), 1);
  // A copy of the old cookies dies with its access token: the refresh is refused.
  h.browser().jar = old_jar;
  h.time().advance(2L * 3600);
  EXPECT_EQ(h.send("GET", "/private").status, 302);
}

TEST(SignInFlow, OptionsAreChecked) {
  SignInHarness h;
  const auto base = h.options("secret");
  auto bad = [&](auto change) {
    auto o = base;
    change(o);
    EXPECT_THROW(sign_in::SignIn{o}, std::invalid_argument);
  };
  bad([](sign_in::SignInOptions& o) { o.issuer = "http://cognito.example.org/pool"; });
  bad([](sign_in::SignInOptions& o) { o.domain = "ftp://127.0.0.1"; });
  bad([](sign_in::SignInOptions& o) { o.redirect_uri = "https://app.example.org/cb?x=1"; });
  bad([](sign_in::SignInOptions& o) { o.redirect_uri = "https://app.example.org"; });
  bad([](sign_in::SignInOptions& o) { o.client_secret.clear(); });
  bad([](sign_in::SignInOptions& o) { o.client_id.clear(); });
  bad([](sign_in::SignInOptions& o) { o.secret_key = "short"; });
  bad([](sign_in::SignInOptions& o) { o.scopes = {"email"}; });
  bad([](sign_in::SignInOptions& o) { o.logout_path = "logout"; });
  bad([](sign_in::SignInOptions& o) { o.cookie_prefix = "a;b"; });
  auto https = base;
  https.issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc";
  https.domain = "https://example.auth.us-east-1.amazoncognito.com/";
  https.redirect_uri = "https://portal.example.org/auth/callback";
  EXPECT_NO_THROW(sign_in::SignIn{https});
}
