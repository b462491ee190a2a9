// heliocloud-registry-lambda: the Registry's ingest and catalog Lambda functions (provided.al2023). One
// binary for both; Lambda's _HANDLER (the function's Handler property: ingest or catalog) picks the handler.
#include "registry/lambda/runtime_loop.h"

int main() {
  return heliocloud::registry::lambda::run_registry_lambda();
}
