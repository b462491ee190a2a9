// web_example_server: the example app behind both front doors in one binary, as a real web app's main would
// be: on Lambda it serves ALB events, elsewhere it is a local server (--listen HOST:PORT).
#include <cstdlib>

#include "example_app.h"
#include "web/front_door.h"

int main(int argc, char** argv) {
  namespace web = heliocloud::web;
  const auto door = web::choose_front_door({argv + 1, argv + argc}, std::getenv("AWS_LAMBDA_RUNTIME_API"));
  if (!door.ok()) return web::usage_error(door.error);
  // Plain http://127.0.0.1 locally, so the browser keeps the cookies; Secure behind the load balancer.
  const web::testing::ExampleApp site(
      {.secure_cookies = door.value->kind == web::FrontDoor::Kind::Lambda, .log_to_stderr = true});
  return web::open_front_door(site.app(), *door.value);
}
