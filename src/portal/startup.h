#pragma once
// heliocloud-portal from start to serving: front door, settings, the session key (Secrets Manager deployed,
// a file or a random key locally), the app client's secret (DescribeUserPoolClient unless given), then the
// site. A failure before serving is one line on stderr, and on Lambda an init error naming what is missing.
#include <span>

namespace heliocloud::portal {

// `args`: the command line without the program name; `runtime_api`: AWS_LAMBDA_RUNTIME_API or null.
int run_portal(std::span<const char* const> args, const char* runtime_api);

}  // namespace heliocloud::portal
