#include "web/lambda_front_door.h"

#include "web/alb_event.h"

namespace heliocloud::web {

lambda_runtime::Handler alb_handler(const App& app) {
  return [&app](const lambda_runtime::Invocation& invocation) {
    return lambda_runtime::HandlerResult::success(
        handle_alb_event(app, invocation.payload, invocation.request_id));
  };
}

int run_lambda(const App& app, const lambda_runtime::RunOptions& options) {
  if (!app.options().secure_cookies) {
    lambda_runtime::report_init_error(
        "InvalidConfiguration", "web app cookies must be Secure behind the load balancer", options.endpoint);
    return 1;
  }
  return lambda_runtime::run_handler(alb_handler(app), options);
}

}  // namespace heliocloud::web
