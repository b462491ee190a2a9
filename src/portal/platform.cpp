#include "portal/platform.h"

namespace heliocloud::portal {

PlatformGuess guess_platform(std::string_view platform_details, std::string_view root_device_name) {
  if (platform_details == "Linux/UNIX") {
    if (root_device_name == "/dev/xvda") return {.platform = "Amazon Linux", .ssh_user = "ec2-user"};
    if (root_device_name == "/dev/sda1") return {.platform = "Ubuntu", .ssh_user = "ubuntu"};
    return {.platform = "Unknown", .ssh_user = ""};
  }
  if (platform_details.starts_with("Red Hat Enterprise Linux"))
    return {.platform = "Red Hat", .ssh_user = "ec2-user"};
  if (platform_details.starts_with("Windows")) return {.platform = "Windows", .ssh_user = ""};
  return {.platform = "Unknown", .ssh_user = ""};
}

std::string ssh_command(std::string_view key_name, std::string_view ssh_user, std::string_view host) {
  if (ssh_user.empty() || host.empty()) return {};
  std::string out = "ssh ";
  if (!key_name.empty()) out += "-i \"" + std::string(key_name) + ".pem\" ";
  return out + std::string(ssh_user) + "@" + std::string(host);
}

}  // namespace heliocloud::portal
