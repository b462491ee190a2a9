#pragma once
// Mustache templates (kainjow::mustache) loaded from embedded files. {{name}} is HTML-escaped (& < > " '),
// so user input and AWS error text cannot become markup (the original's |safe XSS, webapps doc §9.11);
// {{{name}}} / {{&name}} insert raw HTML and appear only where a template means it (the layout's body).
// Views are JSON values, so a view cannot smuggle in a Mustache lambda that would bypass escaping.
//
// Layout + partials: every template is also a partial under its name ({{> partials/nav}}), and
// render_page() renders a page, then the layout with the page's HTML as {{{content}}}.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/embedded_file.h"
#include "web/response.h"

namespace heliocloud::web {

class Templates {
 public:
  // Templates are the files under `strip` ending in `extension`; a name is the path between the two
  // ("templates/partials/nav.mustache" → "partials/nav").
  explicit Templates(base::EmbeddedFiles files, std::string_view strip = "templates/",
                     std::string_view extension = ".mustache");

  // Throws std::out_of_range for an unknown template, std::runtime_error for a template that does not parse.
  [[nodiscard]] std::string render(std::string_view name, const nlohmann::json& view) const;
  // `layout` rendered with view + {"content": page HTML}.
  [[nodiscard]] std::string render_page(std::string_view layout, std::string_view page,
                                        const nlohmann::json& view) const;
  // render_page() as a text/html response.
  [[nodiscard]] Response page(std::string_view layout, std::string_view page, const nlohmann::json& view,
                              int status = 200) const;

  [[nodiscard]] bool has(std::string_view name) const { return sources_.contains(std::string(name)); }

 private:
  std::map<std::string, std::string_view, std::less<>> sources_;
};

}  // namespace heliocloud::web
