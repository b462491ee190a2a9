#pragma once
// heliocloud-registration from start to serving: the front door (Lambda behind the load balancer, or the
// local server), its settings, the session key, the user pool's password policy (DescribeUserPool, once),
// then the site. A failure before serving is one clear line on stderr, and on Lambda also an init error,
// so the function's log says why instead of a bare "Runtime exited".
#include <span>

namespace heliocloud::registration {

// `args`: the command line without the program name; `runtime_api`: AWS_LAMBDA_RUNTIME_API or null.
// Returns the exit status.
int run_registration(std::span<const char* const> args, const char* runtime_api);

}  // namespace heliocloud::registration
