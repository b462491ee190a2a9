#pragma once
// A tiny web app on the core that exercises every part of it: a templated page with a form, a path
// parameter, a state-changing POST, a JSON API, static assets, cookies, a handler that fails with a user
// error and one that throws. Both front doors' tests (and the App's own) run it, so they see the same app.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "web/access_log.h"
#include "web/app.h"
#include "web/templates.h"

namespace heliocloud::web::testing {

// A fixed key, so that tests can compute tokens for sessions of their own choosing.
inline const std::string kExampleCsrfKey = "0123456789abcdef0123456789abcdef-example-key";
// Text of the exception /boom throws: it must never reach a client.
inline constexpr std::string_view kSecretExceptionText = "internal detail: AKIAEXAMPLESECRET";

class ExampleApp {
 public:
  struct Options {
    std::size_t max_body_bytes = 4096;
    bool secure_cookies = true;
    // The default sinks (access lines and errors on stderr) instead of the in-memory ones, for the example
    // binary.
    bool log_to_stderr = false;
  };
  ExampleApp() : ExampleApp(Options{}) {}
  explicit ExampleApp(Options options);

  [[nodiscard]] const App& app() const noexcept { return app_; }
  [[nodiscard]] std::vector<std::string> stopped() const;
  [[nodiscard]] std::vector<AccessLogEntry> access_log() const;
  [[nodiscard]] std::vector<std::string> error_log() const;

 private:
  AppOptions app_options(const Options& options);

  mutable std::mutex mu_;
  std::vector<std::string> stopped_;
  std::vector<AccessLogEntry> access_log_;
  std::vector<std::string> error_log_;
  Templates templates_;
  App app_;
};

}  // namespace heliocloud::web::testing
