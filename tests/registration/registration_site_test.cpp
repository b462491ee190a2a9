// The registration site's routes, pages and refusals: everything that happens before, or instead of, a call
// to the user pool. The directory here fails the test if the site reaches it: none of these requests may.
#include "registration/registration_site.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "site_test_support.h"

namespace reg = heliocloud::registration;
namespace web = heliocloud::web;
using nlohmann::json;
using reg::testing::form_post;
using reg::testing::get;
using reg::testing::json_post;
using reg::testing::Session;

namespace {

class MustNotBeCalled final : public reg::UserDirectory {
 public:
  void create_user(const reg::NewUser& user) override {
    ADD_FAILURE() << "create_user(" << user.username << ")";
  }
  void set_password(const std::string& /*username*/, const std::string& /*password*/) override {
    ADD_FAILURE() << "set_password";
  }
  void disable_user(const std::string& /*username*/) override { ADD_FAILURE() << "disable_user"; }
  void delete_user(const std::string& /*username*/) override { ADD_FAILURE() << "delete_user"; }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class RegistrationSiteTest : public ::testing::Test {
 protected:
  MustNotBeCalled directory_;
  std::vector<std::string> log_;
  reg::RegistrationSite site_{directory_,
                              aws_policy(),
                              {.csrf_key = reg::testing::kTestCsrfKey,
                               .access_log = {},
                               .log = [this](std::string_view line) { log_.emplace_back(line); }}};

  static heliocloud::aws::PasswordPolicy aws_policy() { return {.minimum_length = 10}; }
  web::Response handle(web::Request r) const { return site_.app().handle(std::move(r)); }
};

TEST_F(RegistrationSiteTest, TheFormPageHasTheFieldsTheTokenAndThePolicy) {
  const auto page = handle(get("/"));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers.get("Content-Type"), "text/html; charset=utf-8");
  for (const char* id : {"id=\"username\"", "id=\"email\"", "id=\"password\"", "id=\"confirmPassword\"",
                         "id=\"affiliation\"", "action=\"/register\"", "name=\"csrf_token\" value=\"",
                         "HelioCloud User Registration", "Sign the User Agreement", "Sign up"})
    EXPECT_TRUE(contains(page.body, id)) << id;
  EXPECT_TRUE(contains(
      page.body,
      "At least 10 characters, with an upper-case letter, a lower-case letter, a digit and a symbol."));
  EXPECT_TRUE(contains(page.body, "minlength=\"10\""));
  EXPECT_TRUE(contains(page.body, "maxlength=\"50\""));
  // The framework and our files come from this site, not from a CDN.
  EXPECT_TRUE(contains(page.body, "href=\"/vendor/bootstrap."));
  EXPECT_TRUE(contains(page.body, "src=\"/static/registration.js\""));
  EXPECT_FALSE(contains(page.body, "https://cdn"));
  // A new browser session: its cookie goes with the page whose token matches it.
  ASSERT_TRUE(page.headers.get("Set-Cookie"));
  EXPECT_TRUE(page.headers.get("Set-Cookie")->starts_with("hc_csrf="));
  EXPECT_TRUE(contains(*page.headers.get("Set-Cookie"), "Secure"));
  EXPECT_TRUE(contains(*page.headers.get("Set-Cookie"), "HttpOnly"));
}

TEST_F(RegistrationSiteTest, UserAgreementAndHealth) {
  const auto agreement = handle(get("/user_agreement"));
  EXPECT_EQ(agreement.status, 200);
  EXPECT_TRUE(contains(agreement.body, "HelioCloud User Agreement"));
  EXPECT_TRUE(contains(agreement.body, "2022_SMCE_User_Agreement.pdf"));
  EXPECT_TRUE(contains(agreement.body, "&ldquo;PI&rdquo;"));
  EXPECT_TRUE(
      contains(agreement.body,
               "mailto:gsfc-dl-hsdcloud-admin@mail.nasa.gov?subject=Signed%20HelioCloud%20user%20agreement%20"
               "from%20%5BYour%20Name%5D"));
  const auto health = handle(get("/health"));
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(json::parse(health.body), (json{{"status", "healthy"}}));
}

TEST_F(RegistrationSiteTest, StaticFilesHaveETagsAndTheFrameworkIsCachedForAYear) {
  const auto page = handle(get("/"));
  const auto at = page.body.find("/vendor/bootstrap.");
  const std::string css_path = page.body.substr(at, page.body.find('"', at) - at);
  const auto css = handle(get(css_path));
  EXPECT_EQ(css.status, 200);
  EXPECT_TRUE(contains(css.body, "Bootstrap"));
  EXPECT_EQ(css.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  ASSERT_TRUE(css.headers.get("ETag"));
  auto again = get(css_path);
  again.headers.add("If-None-Match", *css.headers.get("ETag"));
  EXPECT_EQ(handle(again).status, 304);

  for (const char* path : {"/static/registration.js", "/static/registration.css"}) {
    const auto file = handle(get(path));
    EXPECT_EQ(file.status, 200) << path;
    EXPECT_TRUE(file.headers.get("ETag")) << path;
  }
  EXPECT_EQ(handle(get("/static/nothing.js")).status, 404);
}

TEST_F(RegistrationSiteTest, APostWithoutTheRightTokenIsRefusedBeforeAnythingElse) {
  const Session session;
  const std::vector<std::pair<std::string, std::string>> fields = {{"username", "ada"}};
  const auto no_token = handle(form_post(session, fields, false));
  EXPECT_EQ(no_token.status, 403);
  EXPECT_TRUE(contains(no_token.body, "Reload the page and try again."));

  const auto wrong = handle(json_post(session, R"({"username":"ada"})", Session().token()));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(json::parse(wrong.body),
            (json{{"error", "The request was refused. Reload the page and try again."}}));
  EXPECT_EQ(handle(json_post(session, R"({"username":"ada"})", "")).status, 403);

  // The right token without its session cookie is refused too.
  auto no_cookie = json_post(session, "{}", session.token());
  no_cookie.headers.remove("Cookie");
  EXPECT_EQ(handle(no_cookie).status, 403);
}

TEST_F(RegistrationSiteTest, AFormWithMistakesComesBackWithEachMessageByItsFieldAndNoPassword) {
  const Session session;
  const auto page = handle(form_post(session, {{"username", "ada lovelace"},
                                               {"email", "ada@example"},
                                               {"password", "Weak-pass1"},
                                               {"confirmPassword", "Weak-pass2"},
                                               {"affiliation", "<b>NASA</b>"}}));
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(contains(page.body, "The user name cannot contain spaces."));
  EXPECT_TRUE(contains(page.body, "not a valid domain name"));
  EXPECT_TRUE(contains(page.body, "The two passwords do not match."));
  EXPECT_TRUE(contains(page.body, "is-invalid"));
  // What the person typed is kept (escaped), except the passwords.
  EXPECT_TRUE(contains(page.body, "value=\"ada lovelace\""));
  EXPECT_TRUE(contains(page.body, "value=\"&lt;b&gt;NASA&lt;/b&gt;\""));
  EXPECT_FALSE(contains(page.body, "<b>NASA"));
  EXPECT_FALSE(contains(page.body, "Weak-pass"));
  // The page carries a token for the same session, so a corrected form can be sent again.
  EXPECT_TRUE(contains(page.body, "value=\"" + session.token() + "\""));
}

TEST_F(RegistrationSiteTest, JsonMistakesComeBackAsJsonNamingTheFields) {
  const Session session;
  const auto weak = handle(json_post(
      session,
      R"({"username":"ada","email":"ada@example.org","affiliation":"GSFC","password":"password123"})",
      session.token()));
  EXPECT_EQ(weak.status, 400);
  const json body = json::parse(weak.body);
  EXPECT_EQ(body["field"], "password");
  EXPECT_EQ(body["error"], body["errors"][0]["message"]);
  EXPECT_TRUE(body["error"].get<std::string>().starts_with(
      "The password needs an upper-case letter (A-Z) and a symbol"));
  EXPECT_FALSE(contains(weak.body, "password123"));

  const auto several = json::parse(handle(json_post(session, R"({"email":"x"})", session.token())).body);
  std::vector<std::string> fields;
  for (const auto& e : several["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"username", "email", "password", "affiliation"}));

  const auto typed = handle(json_post(session, R"({"username":["ada"]})", session.token()));
  EXPECT_EQ(typed.status, 400);
  EXPECT_EQ(json::parse(typed.body)["field"], "username");
  const auto broken = handle(json_post(session, R"({"username":)", session.token()));
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(json::parse(broken.body), (json{{"error", "The request body is not valid JSON."}}));
}

TEST_F(RegistrationSiteTest, OtherBodiesAndMethodsAreRefused) {
  const Session session;
  auto text = json_post(session, "username=ada", session.token());
  text.headers.set("Content-Type", "text/plain");
  text.headers.set("Accept", "text/html");
  const auto refused = handle(text);
  EXPECT_EQ(refused.status, 415);
  EXPECT_TRUE(contains(refused.body, "Send the registration as a form"));
  EXPECT_EQ(handle(get("/register")).status, 405);
  auto big = json_post(session, std::string(20000, ' '), session.token());
  EXPECT_EQ(handle(big).status, 413);
  EXPECT_EQ(handle(get("/nothing")).status, 404);
  // Error pages are the site's own, with its layout.
  EXPECT_TRUE(contains(handle(get("/nothing")).body, "/static/registration.css"));
}

}  // namespace
