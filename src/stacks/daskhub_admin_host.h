#pragma once
// What cfn-init does on the Daskhub admin host: the rendered deploy kit as files under the kit directory,
// owned by the SSM session user (scripts 0700, everything else 0600), the user created first when missing,
// and the kit's tools installed. The same steps run again on every stack update that changes the kit
// (cfn-hup).

#include <vector>

#include "aws_constructs/ec2_instance.h"
#include "daskhub/kit_renderer.h"

namespace heliocloud::stacks::daskhub_admin_host {

// Every file of the kit under contracts::daskhub::kKitDirectory.
std::vector<aws_constructs::InitFile> kit_files(const std::vector<daskhub::KitFile>& kit);

// Before the files: the owner of the kit and its directory. The SSM agent creates ssm-user only when the
// first session opens, which is after cfn-init has written the files.
std::vector<aws_constructs::InitCommand> prepare_commands();

// After the files: the kit's directories to its owner, fresh placeholders for 00-bootstrap.sh, the tools.
std::vector<aws_constructs::InitCommand> commands();

}  // namespace heliocloud::stacks::daskhub_admin_host
