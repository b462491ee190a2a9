#pragma once
// The ALB front door on our Lambda runtime loop, so that a web app's Lambda main is:
//
//   int main() { return heliocloud::web::run_lambda(make_app()); }
#include "lambda_runtime/runtime.h"
#include "web/app.h"

namespace heliocloud::web {

// The handler the runtime loop calls: ALB event in, ALB response out. Never a function error: a bad event
// is a 400 for the client, not a Lambda error for the load balancer (which would answer 502).
[[nodiscard]] lambda_runtime::Handler alb_handler(const App& app);

// Runs the Runtime API loop for `app`. Refuses (init error, exit status 1) an app with insecure cookies:
// those are for the local development server only.
int run_lambda(const App& app, const lambda_runtime::RunOptions& options = {});

}  // namespace heliocloud::web
