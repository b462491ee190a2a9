// scripts/package-lambda.sh: the layout it produces, that it is deterministic, and that the package's
// bootstrap, started the way Lambda starts it (empty environment but AWS_LAMBDA_RUNTIME_API), serves
// invocations using the bundled libraries.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fake_runtime_api.h"

namespace fs = std::filesystem;
using heliocloud::testing::FakeRuntimeApi;
using heliocloud::testing::ScriptedInvocation;
using nlohmann::json;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lambda-package-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int package(const fs::path& out) {
  return run(std::string(HELIOCLOUD_PACKAGER) + " " + HELIOCLOUD_ECHO_FUNCTION + " " + out.string());
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Relative path -> contents and mode, for every file of a package.
std::map<std::string, std::pair<std::string, fs::perms>> snapshot(const fs::path& root) {
  std::map<std::string, std::pair<std::string, fs::perms>> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file())
      files[fs::relative(e.path(), root).string()] = {read(e.path()), e.status().permissions()};
  }
  return files;
}

}  // namespace

TEST(LambdaPackage, LayoutIsBootstrapBinAndEveryLibraryWithTheLoader) {
  TempDir tmp;
  const fs::path out = tmp.path() / "echo";
  ASSERT_EQ(package(out), 0);
  const std::string name = fs::path(HELIOCLOUD_ECHO_FUNCTION).filename().string();
  EXPECT_TRUE(fs::is_regular_file(out / "bin" / name));
  // The binary without its debug info (which stays in the build tree): what `strip --strip-debug` makes of
  // it.
  const fs::path expected = tmp.path() / "stripped";
  ASSERT_EQ(
      std::system(
          ("strip --strip-debug -o '" + expected.string() + "' '" HELIOCLOUD_ECHO_FUNCTION "'").c_str()),
      0);
  EXPECT_EQ(read(out / "bin" / name), read(expected));
  EXPECT_LE(fs::file_size(out / "bin" / name), fs::file_size(HELIOCLOUD_ECHO_FUNCTION));
  const auto bootstrap_perms = fs::status(out / "bootstrap").permissions();
  EXPECT_NE(bootstrap_perms & fs::perms::owner_exec, fs::perms::none);
  EXPECT_NE(bootstrap_perms & fs::perms::others_exec, fs::perms::none);  // Lambda runs it as another user
  EXPECT_EQ(read(out / "bootstrap").rfind("#!/bin/sh\n", 0), 0U);
  for (const char* lib : {"libc.so.6", "libstdc++.so.6", "libcurl.so.4", "libm.so.6", "libgcc_s.so.1"}) {
    EXPECT_TRUE(fs::is_regular_file(out / "lib" / lib)) << lib;
  }
  bool has_loader = false;
  for (const auto& e : fs::directory_iterator(out / "lib")) {
    has_loader = has_loader || e.path().filename().string().starts_with("ld-linux");
    EXPECT_FALSE(e.is_symlink()) << e.path()
                                 << ": the zip must carry contents, not links into the build machine";
  }
  EXPECT_TRUE(has_loader);
  // Nothing of the build machine's paths in what runs on Lambda.
  EXPECT_EQ(read(out / "bootstrap").find(tmp.path().string()), std::string::npos);
}

TEST(LambdaPackage, SameBinarySamePackageAndStaleFilesGo) {
  TempDir tmp;
  ASSERT_EQ(package(tmp.path() / "a"), 0);
  fs::create_directories(tmp.path() / "b" / "lib");
  std::ofstream(tmp.path() / "b" / "lib" / "libold.so.1") << "left over from an earlier build";
  ASSERT_EQ(package(tmp.path() / "b"), 0);
  EXPECT_EQ(snapshot(tmp.path() / "a"), snapshot(tmp.path() / "b"));
  EXPECT_FALSE(fs::exists(tmp.path() / "b" / "lib" / "libold.so.1"));
  // No staging directory left behind next to the packages.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
  EXPECT_EQ(entries, 2U);
}

TEST(LambdaPackage, RefusesWhatIsNotAnExecutable) {
  TempDir tmp;
  std::ofstream(tmp.path() / "notes.txt") << "text";
  EXPECT_NE(run(std::string(HELIOCLOUD_PACKAGER) + " " + (tmp.path() / "notes.txt").string() + " " +
                (tmp.path() / "out").string() + " 2>/dev/null"),
            0);
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(LambdaPackage, BootstrapServesInvocationsWithTheBundledLibraries) {
  TempDir tmp;
  const fs::path out = tmp.path() / "echo";
  ASSERT_EQ(package(out), 0);
  FakeRuntimeApi api({ScriptedInvocation{.request_id = "req-a", .payload = R"({"hello": "lambda"})"}});
  // As Lambda starts it: nothing in the environment but what the runtime sets (no PATH, no LD_LIBRARY_PATH),
  // and from another working directory. The fake API drops the connection after the script, so the function
  // exits.
  const int rc = run("cd / && env -i AWS_LAMBDA_RUNTIME_API=" + api.authority() + " " +
                     (out / "bootstrap").string() + " 2>/dev/null");
  EXPECT_NE(rc, 0);  // the Runtime API went away
  const auto posts = api.posts();
  ASSERT_EQ(posts.size(), 1U);
  EXPECT_EQ(posts[0].target, "/2018-06-01/runtime/invocation/req-a/response");
  const json body = json::parse(posts[0].body);
  EXPECT_EQ(body["echo"], json({{"hello", "lambda"}}));
  bool saw_libc = false;
  for (const auto& loaded : body["loaded"]) {
    const std::string path = loaded.get<std::string>();
    if (path.find("libc.so.6") == std::string::npos && path.find("libstdc++") == std::string::npos) continue;
    saw_libc = true;
    EXPECT_EQ(path.rfind((out / "lib").string(), 0), 0U) << path << " was not loaded from the package";
  }
  EXPECT_TRUE(saw_libc);
}
