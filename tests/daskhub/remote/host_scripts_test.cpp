// The scripts sent to the admin host, run here as SSM would run them (/bin/sh as root), on a kit directory
// of the test's own with awkward characters in its path and the current user as the kit's owner; and
// shellcheck on their POSIX parts.
#include "daskhub/remote/host_scripts.h"

#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "base/text.h"
#include "daskhub/quoting.h"
#include "daskhub/remote/log_follower.h"

namespace heliocloud::daskhub::remote {
namespace {

namespace fs = std::filesystem;

struct ShellRun {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text,
           fs::perms perms = fs::perms::owner_read | fs::perms::owner_write) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
  fs::permissions(p, perms);
}

const fs::perms kExecutable = fs::perms::owner_all;

// A kit directory whose path needs quoting, owned by the user running the test.
class HostSandbox : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "the scripts switch users with runuser, which needs root";
    root_ = fs::temp_directory_path() / ("hc-host-" + std::to_string(std::random_device{}()));
    host_.kit_directory = (root_ / "kit dir's $HOME").string();
    host_.owner = ::getpwuid(::geteuid())->pw_name;
    fs::create_directories(host_.kit_directory);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  fs::path kit() const { return host_.kit_directory; }

  ShellRun sh(const std::vector<std::string>& lines) const {
    write(root_ / "script.sh", base::join(lines, "\n") + "\n");
    const auto cmd = "sh '" + (root_ / "script.sh").string() + "' >'" + (root_ / "out").string() + "' 2>'" +
                     (root_ / "err").string() + "' </dev/null";
    const int raw = std::system(cmd.c_str());
    return {.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1,
            .out = slurp(root_ / "out"),
            .err = slurp(root_ / "err")};
  }

  // Holds the kit's lock as a running step would, until the returned descriptor is closed.
  int hold_lock() const {
    fs::create_directories(kit() / ".kit");
    const int fd = ::open(host_.lock_file().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    return fd;
  }

  fs::path root_;
  HostLayout host_;
};

const Step& step(std::string_view name) {
  for (const Step& s : kSteps) {
    if (s.name == name) return s;
  }
  throw std::logic_error("no step " + std::string(name));
}

TEST_F(HostSandbox, AStepRunsAsTheOwnerInTheKitAndTeesItsOutputIntoItsLog) {
  write(kit() / "01-deploy-k8s.sh",
        "#!/usr/bin/env bash\necho \"out $(id -un) $PWD\"\necho 'to stderr' >&2\nread -r x || echo 'stdin is "
        "closed'\nexit 3\n",
        kExecutable);
  const auto log = log_path(host_, step("01-deploy-k8s"), std::chrono::system_clock::now());
  const auto r = sh(step_script(host_, step("01-deploy-k8s"), log));
  EXPECT_EQ(r.status, 3) << r.err;
  const std::string expected = "out " + host_.owner + " " + kit().string() + "\nto stderr\nstdin is closed\n";
  EXPECT_EQ(slurp(log), expected);
  EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;  // SSM's copy
  struct stat st {};
  ASSERT_EQ(::stat((kit() / ".kit/logs").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777U, 0700U);
  EXPECT_TRUE(fs::exists(host_.lock_file()));

  // A second run appends to its own new log; the first stays.
  const auto second = host_.logs_directory() + "/second.log";
  EXPECT_EQ(sh(step_script(host_, step("01-deploy-k8s"), second)).status, 3);
  EXPECT_EQ(slurp(second), expected);
  EXPECT_EQ(slurp(log), expected);
}

TEST_F(HostSandbox, ToolsRunAsRootAndSuccessIsZero) {
  write(kit() / "00-tools.sh", "#!/usr/bin/env bash\nid -u\n", kExecutable);
  const auto script = step_script(host_, step("00-tools"), host_.logs_directory() + "/tools.log");
  EXPECT_EQ(base::join(script, "\n").find("runuser -u \"$owner\" -- bash"), std::string::npos);
  const auto r = sh(script);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(host_.logs_directory() + "/tools.log"), "0\n");
}

TEST_F(HostSandbox, StatusOneNinetyFourIsNotPassedOnAsARebootRequest) {
  write(kit() / "02-deploy-daskhub-storage.sh", "#!/usr/bin/env bash\nexit 194\n", kExecutable);
  const auto r = sh(step_script(host_, step("02-deploy-daskhub-storage"), host_.logs_directory() + "/x.log"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("exited with 194, which SSM takes as a reboot request; reported as 1"),
            std::string::npos);
}

TEST_F(HostSandbox, AMissingScriptOrOwnerOrARunningStepStopsBeforeAnything) {
  auto r = sh(step_script(host_, step("03-deploy-daskhub"), host_.logs_directory() + "/x.log"));
  EXPECT_EQ(r.status, kExitNoScript);
  EXPECT_NE(r.err.find("heliocloud: " + kit().string() + "/03-deploy-daskhub.sh is not on this host"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(kit() / ".kit"));

  write(kit() / "03-deploy-daskhub.sh", "#!/usr/bin/env bash\necho ran\n", kExecutable);
  HostLayout nobody = host_;
  nobody.owner = "no-such-user-hc";
  r = sh(step_script(nobody, step("03-deploy-daskhub"), host_.logs_directory() + "/x.log"));
  EXPECT_EQ(r.status, kExitNoOwner);
  EXPECT_NE(r.err.find("user no-such-user-hc, who owns the kit, does not exist"), std::string::npos) << r.err;

  const int lock = hold_lock();
  r = sh(step_script(host_, step("03-deploy-daskhub"), host_.logs_directory() + "/x.log"));
  ::close(lock);
  EXPECT_EQ(r.status, kExitBusy);
  EXPECT_NE(r.err.find("another step of the kit is running on this host"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("ran"), std::string::npos);
  EXPECT_EQ(sh(step_script(host_, step("03-deploy-daskhub"), host_.logs_directory() + "/x.log")).out,
            "ran\n");
}

TEST_F(HostSandbox, TheKitCheckReportsWhatIsThere) {
  write(kit() / "00-tools.sh", "", kExecutable);
  write(kit() / "03-deploy-daskhub.sh", "", kExecutable);
  write(kit() / "README.md", "");
  auto r = sh(kit_check_script(host_));
  ASSERT_EQ(r.status, 0) << r.err;
  auto check = parse_kit_check(r.out);
  ASSERT_TRUE(check.has_value()) << r.out;
  EXPECT_TRUE(check->owner_exists);
  EXPECT_TRUE(check->kit_present);
  EXPECT_FALSE(check->busy);
  EXPECT_EQ(check->scripts, (std::vector<std::string>{"00-tools.sh", "03-deploy-daskhub.sh"}));
  EXPECT_TRUE(check->has("03-deploy-daskhub.sh"));
  EXPECT_FALSE(check->has("04-deploy-monitoring.sh"));
  EXPECT_FALSE(fs::exists(kit() / ".kit"));  // read-only

  const int lock = hold_lock();
  check = parse_kit_check(sh(kit_check_script(host_)).out);
  ::close(lock);
  ASSERT_TRUE(check.has_value());
  EXPECT_TRUE(check->busy);

  HostLayout elsewhere{.kit_directory = (root_ / "none").string(), .owner = "no-such-user-hc"};
  check = parse_kit_check(sh(kit_check_script(elsewhere)).out);
  ASSERT_TRUE(check.has_value());
  EXPECT_FALSE(check->kit_present);
  EXPECT_FALSE(check->owner_exists);
  EXPECT_TRUE(check->scripts.empty());
}

TEST_F(HostSandbox, TheLogReaderReturnsTheExactBytesInChunks) {
  std::string bytes;
  std::mt19937 rng(7);
  while (bytes.size() < (2 * kLogChunkBytes) + 123) bytes += static_cast<char>(rng() % 256);
  const auto path = (kit() / "it's a log").string();
  write(path, bytes);
  LogFollower log(path);
  std::string got;
  int reads = 0;
  do {
    const auto r = sh(log.read_script());
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_LT(r.out.size(), 24000U);  // under SSM's limit for one answer
    const auto chunk = log.take(r.out);
    ASSERT_TRUE(chunk.has_value()) << r.out.substr(0, 100);
    got += *chunk;
  } while (log.behind() && ++reads < 10);
  EXPECT_EQ(reads, 2);
  EXPECT_EQ(got, bytes);

  LogFollower missing((kit() / "no such log").string());
  EXPECT_EQ(missing.take(sh(missing.read_script()).out), "");
  EXPECT_FALSE(missing.exists());
}

TEST_F(HostSandbox, StatusReportsAFreshKitAndTheLatestLog) {
  write(kit() / "00-tools.sh", "", kExecutable);
  write(kit() / ".kit/logs/00-tools-20261201T000000Z.log", "old\n");
  write(kit() / ".kit/logs/01-deploy-k8s-20261202T000000Z.log", "a\nb\nc\n");
  fs::last_write_time(
      kit() / ".kit/logs/00-tools-20261201T000000Z.log",
      fs::last_write_time(kit() / ".kit/logs/01-deploy-k8s-20261202T000000Z.log") - std::chrono::hours(1));
  const auto r = sh(status_script(host_, 2));
  EXPECT_EQ(r.status, 0) << r.err;
  const auto& out = r.out;
  EXPECT_NE(out.find("kit          " + kit().string() + ": 00-tools.sh\n"), std::string::npos) << out;
  EXPECT_NE(out.find("bootstrap    not run yet\n"), std::string::npos) << out;
  EXPECT_NE(out.find("running      no step\n"), std::string::npos) << out;
  EXPECT_NE(out.find("cluster      unknown until 00-bootstrap has run\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n== last 2 lines of " + kit().string() +
                     "/.kit/logs/01-deploy-k8s-20261202T000000Z.log\nb\nc\n"),
            std::string::npos)
      << out;
  for (const char* tool : {"kubectl ", "eksctl ", "helm ", "kustomize "})
    EXPECT_NE(out.find(tool), std::string::npos);

  HostLayout elsewhere{.kit_directory = (root_ / "none").string(), .owner = host_.owner};
  EXPECT_EQ(sh(status_script(elsewhere, 2)).out,
            "kit          not on this host (" + elsewhere.kit_directory +
                "): the Daskhub stack puts it there when the host starts\n");
}

TEST_F(HostSandbox, TheBashScriptsForTheOwnerPassShellcheck) {
  if (std::system("command -v shellcheck >/dev/null") != 0) {
    ADD_FAILURE() << "shellcheck is not installed: install the Debian package shellcheck";
    return;
  }
  // A runuser that writes down the script it is given to bash instead of running it.
  write(root_ / "bin/runuser",
        "#!/bin/sh\nwhile [ \"$1\" != -- ]; do shift; done\nshift\n"
        "if [ \"$1\" = bash ]; then printf '#!/usr/bin/env bash\\n%s\\n' \"$3\" >\"$DUMP\"; exit 0; fi\nexec "
        "\"$@\"\n",
        kExecutable);
  write(kit() / "03-deploy-daskhub.sh", "", kExecutable);
  const auto capture = [&](const std::vector<std::string>& script, const std::string& name) {
    const auto dump = root_ / (name + ".bash");
    std::vector<std::string> lines = {"PATH=" + shell_quote((root_ / "bin").string()) + ":$PATH",
                                      "DUMP=" + shell_quote(dump.string()), "export PATH DUMP"};
    lines.insert(lines.end(), script.begin(), script.end());
    const auto r = sh(lines);
    EXPECT_EQ(r.status, 0) << r.err;
    return dump;
  };
  for (const auto& file :
       {capture(step_script(host_, step("03-deploy-daskhub"), host_.logs_directory() + "/x.log"), "step"),
        capture(status_script(host_, 20), "status")}) {
    ASSERT_TRUE(fs::exists(file)) << file;
    const auto cmd = "shellcheck -s bash '" + file.string() + "' >'" + (root_ / "sc").string() + "' 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << file << ":\n" << slurp(root_ / "sc") << slurp(file);
  }
}

TEST(HostScripts, ThePosixPartsPassShellcheck) {
  if (std::system("command -v shellcheck >/dev/null") != 0) {
    ADD_FAILURE() << "shellcheck is not installed: install the Debian package shellcheck";
    return;
  }
  const auto host = HostLayout::admin_host();
  const auto dir = fs::temp_directory_path() / ("hc-shellcheck-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::vector<std::pair<std::string, std::vector<std::string>>> scripts = {
      {"step", step_script(host, step("03-deploy-daskhub"), "/home/ssm-user/daskhub/.kit/logs/x.log")},
      {"tools", step_script(host, step("00-tools"), "/home/ssm-user/daskhub/.kit/logs/y.log")},
      {"check", kit_check_script(host)},
      {"status", status_script(host, 20)},
      {"read", LogFollower("/home/ssm-user/daskhub/.kit/logs/x.log").read_script()}};
  for (const auto& [name, lines] : scripts) {
    const auto file = dir / (name + ".sh");
    write(file, "#!/bin/sh\n" + base::join(lines, "\n") + "\n");
    // SC2016: the scripts for the inner shells are single-quoted on purpose (checked on their own below).
    const auto cmd =
        "shellcheck -s sh -e SC2016 '" + file.string() + "' >'" + (dir / "out").string() + "' 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << name << ":\n" << slurp(dir / "out");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace heliocloud::daskhub::remote
