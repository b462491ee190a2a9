#pragma once
// The Lambda function that serves our custom resources (src/custom_resources: Custom::EmptyBucket,
// Custom::RequesterPays). One per stack, found or created on first use, like aws-cdk-lib's singleton
// CustomResourceProvider; a bucket with auto_delete_objects asks for it itself.
//
// Its code is a build product (build/lambda/custom-resource), so the construct tree is told once where it is
// (use_package on the app or the instance root) and every stack below finds it there.

#include <filesystem>
#include <string>

#include "aws_constructs/lambda_function.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {

class CustomResourceProvider : public Function {
 public:
  // Its construct id in the stack (and so its logical ids: CustomResourceProvider...).
  static constexpr const char* kId = "CustomResourceProvider";

  // Every stack at or below `scope` creates its provider from `package_directory`.
  static void use_package(construct::Construct& scope, std::filesystem::path package_directory);
  // The provider of `stack`: the existing one, or a new one from the package set above the stack.
  static CustomResourceProvider& of(construct::Stack& stack);

  CustomResourceProvider(construct::Construct& scope, std::string id,
                         const std::filesystem::path& package_directory);

  // What a custom resource names as its ServiceToken.
  Value service_token() const { return function_arn(); }
};

}  // namespace heliocloud::aws_constructs
