#pragma once
// Which system a machine runs and whom to ssh in as, from EC2's PlatformDetails and the root device name
// (the original's table, webapps doc §A4.1: Amazon Linux images boot from /dev/xvda, Ubuntu's from
// /dev/sda1).
#include <string>
#include <string_view>

namespace heliocloud::portal {

struct PlatformGuess {
  std::string platform;  // "Amazon Linux", "Ubuntu", "Red Hat", "Windows", "Unknown"
  std::string ssh_user;  // "ec2-user", "ubuntu"; empty when there is no ssh (Windows) or nobody knows
};

[[nodiscard]] PlatformGuess guess_platform(std::string_view platform_details,
                                           std::string_view root_device_name);

// ssh -i "alice-key.pem" ec2-user@ec2-1-2-3-4.compute-1.amazonaws.com; empty without a user or an address.
[[nodiscard]] std::string ssh_command(std::string_view key_name, std::string_view ssh_user,
                                      std::string_view host);

}  // namespace heliocloud::portal
