#include "web/session_key.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace web = heliocloud::web;
namespace fs = std::filesystem;

namespace {

fs::path write_file(const std::string& name, const std::string& bytes) {
  const fs::path path = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST(SessionKey, FromAFileWithoutItsTrailingLineBreak) {
  const auto path = write_file("hc-key-ok", std::string(40, 'k') + "\n");
  const auto key = web::session_key_from_file(path.string());
  ASSERT_TRUE(key.ok()) << key.error;
  EXPECT_EQ(*key.value, std::string(40, 'k'));
  fs::remove(path);
}

TEST(SessionKey, RefusesAShortOrMissingFileWithoutShowingTheKey) {
  const auto path = write_file("hc-key-short", "s3cr3t-but-short\n");
  const auto key = web::session_key_from_file(path.string());
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error,
            "the session key file " + path.string() +
                " holds 16 bytes; the session key needs at least 32 (e.g. head -c 48 /dev/urandom | base64)");
  EXPECT_EQ(key.error.find("s3cr3t"), std::string::npos);
  fs::remove(path);
  EXPECT_EQ(web::session_key_from_file("/nonexistent/key").error,
            "cannot read the session key file /nonexistent/key");
}

TEST(SessionKey, FromASecretStringOrBinary) {
  EXPECT_EQ(*web::session_key_from_secret(std::string(32, 's'), std::nullopt, "arn").value,
            std::string(32, 's'));
  EXPECT_EQ(*web::session_key_from_secret(std::nullopt, std::string(33, '\0'), "arn").value,
            std::string(33, '\0'));
  EXPECT_EQ(web::session_key_from_secret("short", std::nullopt, "arn:key").error,
            "the secret arn:key holds 5 bytes; the session key needs at least 32 (e.g. head -c 48 "
            "/dev/urandom | base64)");
  EXPECT_EQ(web::session_key_from_secret(std::nullopt, std::nullopt, "arn:key").error,
            "the secret arn:key has no value");
}
