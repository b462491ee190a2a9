#pragma once
// What every HelioCloud web app does between main() and serving, written once: --help, the settings (from
// the function's environment on Lambda, the command line locally), the front door, the AWS client
// configuration, the session key (Secrets Manager deployed; a file or a random key locally; never logged),
// whether cookies are Secure; then the app builds its site and serves it. A failure before serving is one
// line on stderr, and on Lambda also an init error, so the function's log says why instead of a bare
// "Runtime exited".
#include <cstdlib>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "base/result.h"
#include "web/app.h"

namespace heliocloud::web {

// The part of an app's settings that start-up itself needs.
struct StartSettings {
  std::string region;                       // empty: the user pool id's region, else the environment's
  std::optional<std::string> endpoint_url;  // a local emulator (moto) instead of AWS
  std::string user_pool_id;
  std::string session_key_secret_arn;           // deployed
  std::optional<std::string> session_key_file;  // locally; neither: a random key per run
  std::vector<const char*> front_door_args;     // locally: --listen, --allow-non-loopback
};

// What start-up hands the app to build its site with.
struct StartContext {
  bool on_lambda = false;
  aws::ClientConfig aws;
  std::string session_key;
  // Plain http://127.0.0.1 locally, so the browser keeps the session cookie; Secure behind the load balancer
  // or a TLS proxy (the only reason to listen beyond loopback).
  bool secure_cookies = true;
};

// Thrown by an app's own start-up steps (a secret it cannot read, options that do not add up): start-up
// stops with its message.
class StartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Serve = std::function<int(const App&)>;

struct WebAppStartup {
  std::string usage;  // printed for --help and after a bad command line
  // Reads the app's settings — from the environment when on_lambda, else from `args` — keeps them for
  // `run`, and returns the part start-up needs, or why they are wrong.
  std::function<base::Result<StartSettings>(bool on_lambda, std::span<const char* const> args)> read_settings;
  // Builds the site and returns serve(site.app()); may throw StartError or std::invalid_argument.
  std::function<int(const StartContext&, const Serve& serve)> run;
};

// read_settings for an app whose Settings has StartSettings' fields under the same names: reads them with
// `from_environment()` on Lambda, `from_command_line(args)` locally, into `settings`.
template <class Settings, class FromEnvironment, class FromCommandLine>
auto settings_reader(Settings& settings, FromEnvironment from_environment,
                     FromCommandLine from_command_line) {
  return [&settings, from_environment, from_command_line](
             bool on_lambda, std::span<const char* const> args) -> base::Result<StartSettings> {
    auto read = on_lambda ? from_environment() : from_command_line(args);
    if (!read.ok()) return base::Result<StartSettings>::failure(read.error);
    settings = std::move(read.get());
    return base::Result<StartSettings>::success({.region = settings.region,
                                                 .endpoint_url = settings.endpoint_url,
                                                 .user_pool_id = settings.user_pool_id,
                                                 .session_key_secret_arn = settings.session_key_secret_arn,
                                                 .session_key_file = settings.session_key_file,
                                                 .front_door_args = settings.front_door_args});
  };
}

// `args`: the command line without the program name; `runtime_api`: AWS_LAMBDA_RUNTIME_API or null.
// Returns the exit status: 0 after --help, 2 for a bad command line, 1 when start-up failed.
int start_web_app(std::span<const char* const> args, const char* runtime_api, const WebAppStartup& app);

// start_web_app for an app whose Settings has StartSettings' fields: its settings readers, and
// `serve_app(settings, context, serve)`, which builds its site and returns serve(site.app()).
template <class Settings, class ServeApp>
int run_web_app(std::span<const char* const> args, const char* runtime_api, const std::string& usage,
                base::Result<Settings> (*from_environment)(const std::function<const char*(const char*)>&),
                base::Result<Settings> (*from_command_line)(std::span<const char* const>),
                ServeApp serve_app) {
  Settings settings;
  return start_web_app(
      args, runtime_api,
      {.usage = std::move(usage),
       .read_settings = settings_reader(
           settings, [from_environment] { return from_environment(std::getenv); }, from_command_line),
       .run = [&settings, &serve_app](const StartContext& context, const Serve& serve) {
         return serve_app(settings, context, serve);
       }});
}

}  // namespace heliocloud::web
