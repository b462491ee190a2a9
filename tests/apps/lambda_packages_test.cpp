// The stacks deploy build/lambda/<kPackage> of src/contracts; CMake builds build/lambda/<name> of each
// heliocloud_lambda_package(... name). Both lists must name the same packages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "contracts/custom_resources.h"
#include "contracts/portal.h"
#include "contracts/registration_page.h"
#include "contracts/registry_functions.h"

namespace {

namespace contracts = heliocloud::contracts;

std::vector<std::string_view> packages_built_by_cmake() {
  return heliocloud::base::split(HELIOCLOUD_LAMBDA_PACKAGES, ',');
}

TEST(LambdaPackages, EveryContractPackageIsBuiltByCmake) {
  const auto built = packages_built_by_cmake();
  for (const auto package : {contracts::registry::kPackage, contracts::custom_resources::kPackage,
                             contracts::registration_page::kPackage, contracts::portal::kPackage}) {
    EXPECT_NE(std::ranges::find(built, package), built.end())
        << "build/lambda/" << package << " is deployed but CMake packages only "
        << HELIOCLOUD_LAMBDA_PACKAGES;
  }
}

TEST(LambdaPackages, CmakeBuildsNoPackageTheStacksDoNotKnow) {
  const std::vector<std::string_view> known = {
      contracts::registry::kPackage, contracts::custom_resources::kPackage,
      contracts::registration_page::kPackage, contracts::portal::kPackage};
  for (const auto package : packages_built_by_cmake()) {
    EXPECT_NE(std::ranges::find(known, package), known.end())
        << "CMake packages build/lambda/" << package << ", which no contract in src/contracts names";
  }
}

}  // namespace
