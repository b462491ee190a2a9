// A minimal Lambda function for the packaging test: echoes the event and lists the shared objects the process
// actually loaded, so the test can prove the bundled loader and lib/ were used rather than the host's
// libraries.
#include <link.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lambda_runtime/runtime.h"

namespace {

int add_object(dl_phdr_info* info, std::size_t /*unused*/, void* out) {
  if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') {
    static_cast<std::vector<std::string>*>(out)->emplace_back(info->dlpi_name);
  }
  return 0;
}

}  // namespace

int main() {
  return heliocloud::lambda_runtime::run_handler([](const heliocloud::lambda_runtime::Invocation& inv) {
    std::vector<std::string> objects;
    dl_iterate_phdr(add_object, &objects);
    return heliocloud::lambda_runtime::HandlerResult::success(
        nlohmann::json{{"echo", nlohmann::json::parse(inv.payload)}, {"loaded", objects}}.dump());
  });
}
