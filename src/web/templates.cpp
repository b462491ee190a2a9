#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <stdexcept>

namespace heliocloud::web {
namespace {

namespace mst = kainjow::mustache;

mst::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mst::data object{mst::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mst::data list{mst::data::type::list};
      for (const auto& item : value) list.push_back(to_data(item));
      return list;
    }
    case nlohmann::json::value_t::string:
      return mst::data{value.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return mst::data{value.get<bool>()};
    case nlohmann::json::value_t::null:
      // Mustache has no null; false renders nothing and hides {{#section}}s, as null should.
      return mst::data{false};
    default:
      return mst::data{value.dump()};  // numbers
  }
}

}  // namespace

Templates::Templates(base::EmbeddedFiles files, std::string_view strip, std::string_view extension) {
  for (const auto& file : files) {
    if (!file.path.starts_with(strip) || !file.path.ends_with(extension)) continue;
    const auto name = file.path.substr(strip.size(), file.path.size() - strip.size() - extension.size());
    sources_.emplace(std::string(name), file.content);
  }
}

std::string Templates::render(std::string_view name, const nlohmann::json& view) const {
  const auto found = sources_.find(name);
  if (found == sources_.end()) throw std::out_of_range("no template named '" + std::string(name) + "'");
  mst::data data = view.is_object() ? to_data(view) : mst::data{mst::data::type::object};
  for (const auto& [partial_name, source] : sources_) {
    // Only where the view does not use the name itself.
    if (!view.contains(partial_name)) {
      data.set(partial_name, mst::partial{[text = std::string(source)] { return text; }});
    }
  }
  mst::mustache tmpl{std::string(found->second)};
  if (!tmpl.is_valid())
    throw std::runtime_error("template '" + std::string(name) + "': " + tmpl.error_message());
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid())
    throw std::runtime_error("template '" + std::string(name) + "': " + tmpl.error_message());
  return out;
}

std::string Templates::render_page(std::string_view layout, std::string_view page,
                                   const nlohmann::json& view) const {
  nlohmann::json with_content = view.is_object() ? view : nlohmann::json::object();
  with_content["content"] = render(page, view);
  return render(layout, with_content);
}

Response Templates::page(std::string_view layout, std::string_view page, const nlohmann::json& view,
                         int status) const {
  return Response::html(render_page(layout, page, view), status);
}

}  // namespace heliocloud::web
