#include "stacks/daskhub_admin_host.h"

#include <string>

#include "contracts/daskhub.h"

namespace heliocloud::stacks::daskhub_admin_host {
namespace {

namespace kit_contract = contracts::daskhub;

std::string kit_path(const std::string& relative) {
  return std::string(kit_contract::kKitDirectory) + "/" + relative;
}

}  // namespace

std::vector<aws_constructs::InitFile> kit_files(const std::vector<daskhub::KitFile>& kit) {
  const std::string owner(kit_contract::kKitOwner);
  std::vector<aws_constructs::InitFile> files;
  files.reserve(kit.size());
  for (const auto& f : kit)
    files.push_back({.path = kit_path(f.path),
                     .content = f.content,
                     .mode = f.executable ? "000700" : "000600",
                     .owner = owner,
                     .group = owner});
  return files;
}

std::vector<aws_constructs::InitCommand> prepare_commands() {
  const std::string owner(kit_contract::kKitOwner);
  const std::string dir(kit_contract::kKitDirectory);
  // A login shell and a home, as the SSM agent would create it; no sudo: nothing in the kit needs it (the
  // tools are installed by cfn-init, as root).
  return {{.name = "create-kit-owner",
           .command = "(id -u " + owner + " >/dev/null 2>&1 || useradd --create-home --shell /bin/bash " +
                      owner + ") && install -d -m 0700 -o " + owner + " -g " + owner + " " + dir}};
}

std::vector<aws_constructs::InitCommand> commands() {
  const std::string owner(kit_contract::kKitOwner);
  const std::string dir(kit_contract::kKitDirectory);
  return {
      // cfn-init creates missing directories as root; the kit writes its state (.kit/) and filled files
      // there.
      {.name = "own-kit",
       .command = "chown -R " + owner + ":" + owner + " " + dir + " && find " + dir +
                  " -type d -exec chmod 0700 {} +"},
      // The files now hold the kit's placeholders again: 00-bootstrap.sh fills them from these (not from the
      // copies it kept of the previous kit) on its next run.
      {.name = "reset-filled-copies", .command = "rm -rf " + dir + "/.kit/pristine"},
      {.name = "install-tools", .command = dir + "/00-tools.sh"},
  };
}

}  // namespace heliocloud::stacks::daskhub_admin_host
