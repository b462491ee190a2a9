#include "construct/fingerprint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/digest.h"

namespace fs = std::filesystem;
using heliocloud::construct::content_fingerprint;
using heliocloud::construct::fingerprint;

// data/asset-tree has a subdirectory, a CRLF text file, a binary file with CRLF bytes, a dotfile and the
// .is_custom_resource marker. The expected hashes come from the reference implementation in
// ../shared/tools/cdkprobe/validate/asset-hash.js, which matches aws-cdk-lib's FileSystem.fingerprint.
const fs::path kTree = fs::path(HELIOCLOUD_TEST_DATA) / "asset-tree";

TEST(Fingerprint, DirectoryMatchesAwsCdkLib) {
  EXPECT_EQ(fingerprint(kTree), "847456fa5f290c55e3e569e663bd3dde040ea60b1ebb395496f50701a9f8cf62");
}

TEST(Fingerprint, SingleFileMatchesAwsCdkLib) {
  EXPECT_EQ(fingerprint(kTree / "crlf.txt"),
            "fce05214821d9d15864e31eafb907b854989f6409be6f14870e4393c7b9a9427");
}

TEST(Fingerprint, TextFilesHashWithCrlfAsLf) {
  const fs::path dir = fs::temp_directory_path() / "hc-fp-text";
  fs::create_directories(dir);
  std::ofstream(dir / "lf.txt", std::ios::binary) << "a\nb\n";
  std::ofstream(dir / "crlf.txt", std::ios::binary) << "a\r\nb\r\n";
  EXPECT_EQ(content_fingerprint(dir / "lf.txt"), content_fingerprint(dir / "crlf.txt"));
  EXPECT_EQ(content_fingerprint(dir / "lf.txt").substr(0, 2), "4:");
  fs::remove_all(dir);
}

TEST(Fingerprint, BinaryFilesHashAsTheyAre) {
  // A NUL byte marks the file as binary, so its CRLF bytes are hashed unchanged: 11 bytes, not 10.
  const std::string raw(
      "\x00\x01\x02"
      "binary\r\n",
      11);
  EXPECT_EQ(content_fingerprint(kTree / "sub" / "blob.bin"), "11:" + heliocloud::base::sha256_hex(raw));
}

TEST(Fingerprint, ChangesWhenAFileChangesOrIsRenamed) {
  const fs::path dir = fs::temp_directory_path() / "hc-fp-change";
  fs::remove_all(dir);
  fs::copy(kTree, dir, fs::copy_options::recursive);
  const auto before = fingerprint(dir);
  std::ofstream(dir / "sub" / "plain.txt", std::ios::binary) << "changed\n";
  const auto edited = fingerprint(dir);
  EXPECT_NE(before, edited);
  fs::rename(dir / "sub" / "plain.txt", dir / "sub" / "renamed.txt");
  EXPECT_NE(edited, fingerprint(dir));
  fs::remove_all(dir);
}

TEST(Fingerprint, MissingPathIsAnError) {
  EXPECT_THROW(fingerprint(kTree / "nope"), std::runtime_error);
}
