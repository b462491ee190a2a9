// heliocloud-portal: the User Portal. On Lambda (AWS_LAMBDA_RUNTIME_API set) it serves the load balancer's
// events; elsewhere it is a local HTTP server (--help for its options).
#include <cstdlib>

#include "portal/startup.h"

int main(int argc, char** argv) {
  return heliocloud::portal::run_portal({argv + 1, argv + argc}, std::getenv("AWS_LAMBDA_RUNTIME_API"));
}
