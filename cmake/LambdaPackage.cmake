# heliocloud_lambda_package(<target> <name>): after <target> (an executable) is built, packages it as a Lambda
# function for provided.al2023 in ${CMAKE_BINARY_DIR}/lambda/<name>/ (bootstrap, bin/, lib/; see
# scripts/package-lambda.sh). Creates the target <name>-package and adds it to `lambda-packages`, which is part of
# ALL, so a plain build leaves every function ready for the CDK to pick up as an asset directory.
include_guard(GLOBAL)

set(HELIOCLOUD_LAMBDA_PACKAGER ${PROJECT_SOURCE_DIR}/scripts/package-lambda.sh)
set(HELIOCLOUD_LAMBDA_DIR ${CMAKE_BINARY_DIR}/lambda CACHE INTERNAL "Where heliocloud_lambda_package writes packages")

if(NOT TARGET lambda-packages)
  add_custom_target(lambda-packages ALL COMMENT "Lambda packages are in ${HELIOCLOUD_LAMBDA_DIR}")
endif()

function(heliocloud_lambda_package target name)
  set(out ${HELIOCLOUD_LAMBDA_DIR}/${name})
  # The stamp makes the package a real build output: it is redone only when the binary or the packager changes.
  set(stamp ${CMAKE_CURRENT_BINARY_DIR}/${name}.lambda-package.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${HELIOCLOUD_LAMBDA_PACKAGER} $<TARGET_FILE:${target}> ${out}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${target} $<TARGET_FILE:${target}> ${HELIOCLOUD_LAMBDA_PACKAGER}
    COMMENT "Packaging ${target} as the Lambda function ${name} in ${out}"
    VERBATIM)
  add_custom_target(${name}-package DEPENDS ${stamp})
  add_dependencies(lambda-packages ${name}-package)
  # Every package name, for the test that holds them equal to the names in src/contracts (tests/apps).
  set_property(GLOBAL APPEND PROPERTY HELIOCLOUD_LAMBDA_PACKAGES ${name})
endfunction()
