#pragma once
// The Registry Lambda binary's whole life: init (configuration, handler, clients), then the Runtime API loop.
namespace heliocloud::registry::lambda {

// Returns the process exit status: non-zero after an init error (reported to /runtime/init/error so that
// Lambda shows the reason) or when the Runtime API goes away.
int run_registry_lambda();

}  // namespace heliocloud::registry::lambda
