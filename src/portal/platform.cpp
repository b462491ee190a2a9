#include "portal/platform.h"

namespace heliocloud::portal {

PlatformGuess guess_platform(std::string_view platform_details, std::string_view root_device_name) {
  if (platform_details == "Linux/UNIX") {
    if (root_device_name == "/dev/xvda") return {"Amazon Linux", "ec2-user"};
    if (root_device_name == "/dev/sda1") return {"Ubuntu", "ubuntu"};
    return {"Unknown", ""};
  }
  if (platform_details.starts_with("Red Hat Enterprise Linux")) return {"Red Hat", "ec2-user"};
  if (platform_details.starts_with("Windows")) return {"Windows", ""};
  return {"Unknown", ""};
}

std::string ssh_command(std::string_view key_name, std::string_view ssh_user, std::string_view host) {
  if (ssh_user.empty() || host.empty()) return {};
  std::string out = "ssh ";
  if (!key_name.empty()) out += "-i \"" + std::string(key_name) + ".pem\" ";
  return out + std::string(ssh_user) + "@" + std::string(host);
}

}  // namespace heliocloud::portal
