// heliocloud_embed_files(): the embedded bytes are the files' bytes, paths relative and sorted.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "embed_fixture.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(EmbedFiles, HoldsEveryFileByteForByteUnderItsRelativePath) {
  const auto files = heliocloud::embedded::embed_fixture();
  ASSERT_EQ(files.size(), 4U);
  EXPECT_EQ(files[0].path, "app.0123abcd.js");
  EXPECT_EQ(files[1].path, "app.css");
  EXPECT_EQ(files[2].path, "empty.txt");
  EXPECT_EQ(files[3].path, "logo.png");
  for (const auto& file : files) {
    EXPECT_EQ(file.content,
              read_file(std::string(HELIOCLOUD_EXAMPLE_SITE) + "/static/" + std::string(file.path)))
        << file.path;
  }
  EXPECT_TRUE(files[2].content.empty());
  EXPECT_EQ(files[3].content.size(), 20U);  // NULs included
  EXPECT_NE(heliocloud::base::find_embedded(files, "app.css"), nullptr);
  EXPECT_EQ(heliocloud::base::find_embedded(files, "app"), nullptr);
}
