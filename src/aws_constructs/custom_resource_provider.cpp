#include "aws_constructs/custom_resource_provider.h"

#include <stdexcept>

#include "contracts/custom_resources.h"

namespace heliocloud::aws_constructs {
namespace {

constexpr const char* kPackageSettingId = "CustomResourceProviderPackage";
constexpr int kFifteenMinutes = 900;  // emptying a large bucket takes a while; Lambda's maximum

// Remembers the package directory in the tree; it renders nothing.
class PackageSetting : public construct::Construct {
 public:
  PackageSetting(construct::Construct& scope, std::string id, std::filesystem::path directory)
      : Construct(scope, std::move(id)), directory_(std::move(directory)) {}
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
};

FunctionProps provider_props(const std::filesystem::path& package_directory) {
  require_package(package_directory, "custom-resource");
  return {.code_directory = package_directory,
          .handler = std::string(contracts::custom_resources::kPackage),
          .description = "Empties buckets before deletion and sets requester pays",
          .memory_mb = 256,
          .timeout_seconds = kFifteenMinutes};
}

}  // namespace

void CustomResourceProvider::use_package(construct::Construct& scope,
                                         std::filesystem::path package_directory) {
  scope.make<PackageSetting>(kPackageSettingId, std::move(package_directory));
}

CustomResourceProvider& CustomResourceProvider::of(construct::Stack& stack) {
  if (auto* existing = stack.try_find_child(kId)) {
    if (auto* provider = dynamic_cast<CustomResourceProvider*>(existing)) return *provider;
    throw std::logic_error(stack.path() + "/" + kId + " is not a custom-resource provider");
  }
  for (const construct::Construct* c = &stack; c != nullptr; c = c->scope())
    if (const auto* setting = dynamic_cast<const PackageSetting*>(c->try_find_child(kPackageSettingId)))
      return stack.make<CustomResourceProvider>(kId, setting->directory());
  throw std::logic_error(
      stack.path() +
      " needs the custom-resource provider (a bucket with auto_delete_objects, or a custom "
      "resource), but no scope above it says where its package is "
      "(CustomResourceProvider::use_package)");
}

CustomResourceProvider::CustomResourceProvider(construct::Construct& scope, std::string id,
                                               const std::filesystem::path& package_directory)
    : Function(scope, std::move(id), provider_props(package_directory)) {}

}  // namespace heliocloud::aws_constructs
