#include "portal/platform.h"

#include <gtest/gtest.h>

using heliocloud::portal::guess_platform;
using heliocloud::portal::ssh_command;

// The original's table (webapps doc §A4.1); "None"/"UNKNOWN" users became "no ssh user".
TEST(GuessPlatform, FromPlatformDetailsAndRootDevice) {
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/xvda").platform, "Amazon Linux");
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/xvda").ssh_user, "ec2-user");
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/sda1").platform, "Ubuntu");
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/sda1").ssh_user, "ubuntu");
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/nvme0n1").platform, "Unknown");
  EXPECT_EQ(guess_platform("Linux/UNIX", "/dev/nvme0n1").ssh_user, "");
  EXPECT_EQ(guess_platform("Red Hat Enterprise Linux", "/dev/sda1").platform, "Red Hat");
  EXPECT_EQ(guess_platform("Red Hat Enterprise Linux", "/dev/sda1").ssh_user, "ec2-user");
  EXPECT_EQ(guess_platform("Windows", "/dev/sda1").platform, "Windows");
  EXPECT_EQ(guess_platform("Windows", "/dev/sda1").ssh_user, "");
  EXPECT_EQ(guess_platform("SUSE Linux", "/dev/xvda").platform, "Unknown");
}

TEST(SshCommand, NamesTheKeyFileUserAndHost) {
  EXPECT_EQ(ssh_command("ada-key", "ec2-user", "ec2-1-2-3-4.compute-1.amazonaws.com"),
            "ssh -i \"ada-key.pem\" ec2-user@ec2-1-2-3-4.compute-1.amazonaws.com");
  EXPECT_EQ(ssh_command("", "ubuntu", "1.2.3.4"), "ssh ubuntu@1.2.3.4");
  EXPECT_EQ(ssh_command("k", "", "1.2.3.4"), "");  // Windows / unknown: no command to show
  EXPECT_EQ(ssh_command("k", "ubuntu", ""), "");   // no public address
}
