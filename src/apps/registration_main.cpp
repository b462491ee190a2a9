// heliocloud-registration: the Registration page. On Lambda (AWS_LAMBDA_RUNTIME_API set) it serves the load
// balancer's events; elsewhere it is a local HTTP server (--help for its options).
#include <cstdlib>

#include "registration/startup.h"

int main(int argc, char** argv) {
  return heliocloud::registration::run_registration({argv + 1, argv + argc},
                                                    std::getenv("AWS_LAMBDA_RUNTIME_API"));
}
