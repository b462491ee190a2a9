// Templates: escaping by default, raw only where the template says so, partials and the layout.
#include "web/templates.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "example_app.h"
#include "test_requests.h"

namespace web = heliocloud::web;
using heliocloud::web::testing::ExampleApp;
using heliocloud::web::testing::make_request;
using nlohmann::json;

namespace {

web::Templates example_templates() {
  static const std::string kLayout = "<main>{{{content}}}</main>{{> partials/nav}}";
  static const std::string kNav = "<nav>{{user}}</nav>";
  static const std::string kPage = "<p>{{name}}</p>";
  static const std::string kRaw =
      "<div class=\"escaped\">{{html}}</div><div class=\"raw\">{{{html}}}</div><div "
      "class=\"amp\">{{&html}}</div>\n"
      "{{#items}}<li>{{.}}</li>{{/items}}{{^items}}<p>none</p>{{/items}} n={{count}} "
      "flag={{#flag}}on{{/flag}}"
      "{{missing}}.";
  static const std::string kBroken = "<p>{{#open}} never closed</p>";
  static const heliocloud::base::EmbeddedFile kFiles[] = {
      {.path = "templates/layout.mustache", .content = kLayout},
      {.path = "templates/partials/nav.mustache", .content = kNav},
      {.path = "templates/page.mustache", .content = kPage},
      {.path = "templates/raw.mustache", .content = kRaw},
      {.path = "templates/broken.mustache", .content = kBroken},
      {.path = "static/ignored.mustache", .content = kPage},
      {.path = "templates/notes.txt", .content = kPage}};
  return web::Templates(kFiles);
}

}  // namespace

TEST(Templates, EscapesDoubleBracesAndInsertsRawOnlyWhereTheTemplateSaysSo) {
  const auto out = example_templates().render("raw", {{"html", "<script>alert('x')</script> & \"q\""}});
  EXPECT_NE(out.find("<div class=\"escaped\">&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; "
                     "&quot;q&quot;</div>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<div class=\"raw\"><script>alert('x')</script>"), std::string::npos);
  EXPECT_NE(out.find("<div class=\"amp\"><script>"), std::string::npos);
}

TEST(Templates, JsonViewsMapToMustacheValues) {
  const auto t = example_templates();
  EXPECT_NE(
      t.render("raw",
               {{"items", json::array({"a<", "b"})}, {"count", 3}, {"flag", true}, {"missing", nullptr}})
          .find("<li>a&lt;</li><li>b</li> n=3 flag=on."),
      std::string::npos);
  EXPECT_NE(t.render("raw", {{"items", json::array()}, {"flag", false}}).find("<p>none</p> n= flag=."),
            std::string::npos);
}

TEST(Templates, LayoutWrapsThePageAndPartialsSeeTheViewEscaped) {
  const auto out =
      example_templates().render_page("layout", "page", {{"name", "<b>n</b>"}, {"user", "<i>u</i>"}});
  EXPECT_EQ(out, "<main><p>&lt;b&gt;n&lt;/b&gt;</p></main><nav>&lt;i&gt;u&lt;/i&gt;</nav>");
  // The view cannot inject raw HTML through the layout's triple braces: content is always the rendered page.
  EXPECT_EQ(example_templates().render_page("layout", "page", {{"content", "<script>"}, {"name", "x"}}),
            "<main><p>x</p></main><nav></nav>");
}

TEST(Templates, OnlyTemplateFilesAreTemplates) {
  const auto t = example_templates();
  EXPECT_TRUE(t.has("partials/nav"));
  EXPECT_FALSE(t.has("ignored"));
  EXPECT_FALSE(t.has("notes"));
  EXPECT_THROW((void)t.render("nope", json::object()), std::out_of_range);
  EXPECT_THROW((void)t.render("broken", json::object()), std::runtime_error);
}

TEST(Templates, TheExampleAppEscapesTheQueryInItsPage) {
  ExampleApp site;
  auto request = make_request("GET", "/");
  request.query.add("name", "<script>alert(1)</script>");
  const auto r = site.app().handle(request);
  EXPECT_NE(r.body.find("<h1>Hello, &lt;script&gt;alert(1)&lt;/script&gt;</h1>"), std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_NE(r.body.find("<nav><a href=\"/\">Home</a>"),
            std::string::npos);  // partial from the embedded files
}
