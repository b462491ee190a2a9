// The web core's Lambda front door: any event an ALB (or anyone able to invoke the function) sends is
// answered with a well-formed ALB response, a malformed one with 400, and nothing escapes as an exception.
// Requests that parse go through the whole App (cookies, query, form body, routing, CSRF).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_support.h"
#include "web/alb_event.h"
#include "web/app.h"

using heliocloud::fuzz::require;
namespace web = heliocloud::web;

namespace {

// Built once: handle() is const and the routes never change.
const web::App& app() {
  static const std::unique_ptr<web::App> kApp = [] {
    auto a = std::make_unique<web::App>(web::AppOptions{.csrf_key = std::string(32, 'k'),
                                                        .access_log = [](const web::AccessLogEntry&) {},
                                                        .error_log = [](std::string_view) {}});
    a->get("/items/{id}", [](const web::Request& request) {
      return web::Response::text(request.path_params.get("id").value_or("") + " " +
                                 request.query.get("q").value_or("") + " " +
                                 request.cookies.get("c").value_or(""));
    });
    a->post("/items", [](const web::Request& request) {
      return web::Response::json({{"name", request.form().get("name").value_or("")}});
    });
    a->post("/api", [](const web::Request& request) { return web::Response::json(request.json()); });
    return a;
  }();
  return *kApp;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto answer = web::handle_alb_event(app(), heliocloud::fuzz::as_text(data, size), "fuzz");
  const auto response = nlohmann::json::parse(answer, nullptr, /*allow_exceptions=*/false);
  require(response.is_object(), "the answer is a JSON object", answer);
  const auto status = response.find("statusCode");
  require(status != response.end() && status->is_number_integer() && *status >= 100 && *status <= 599,
          "the answer has an HTTP status", answer);
  require(response.contains("headers") != response.contains("multiValueHeaders"),
          "the answer has headers in exactly one mode", answer);
  return 0;
}
