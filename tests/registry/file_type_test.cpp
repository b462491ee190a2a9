#include "registry/file_type.h"

#include <gtest/gtest.h>

namespace heliocloud::registry {
namespace {

TEST(FileType, NormalizesAliasesCaseInsensitively) {
  const std::vector<std::pair<std::string, std::string>> table{
      {"fits", "fits"},       {"FTS", "fits"},      {"fit", "fits"},       {"cdf", "cdf"},
      {"CDF", "cdf"},         {"csv", "csv"},       {"nc", "netcdf4"},     {"netcdf4", "netcdf4"},
      {"netcdf3", "netcdf3"}, {"ncd", "netcdf3"},   {"netcdf", "netcdf3"}, {"ncdf", "netcdf3"},
      {"hdf5", "hdf5"},       {"H5", "hdf5"},       {"hdf", "hdf5"},       {"datamap", "datamap"},
      {"txt", "txt"},         {"binary", "binary"}, {"other", "other"}};
  for (const auto& [ext, canonical] : table) {
    ASSERT_TRUE(canonical_file_type(ext)) << ext;
    EXPECT_EQ(*canonical_file_type(ext), canonical) << ext;
  }
  EXPECT_FALSE(canonical_file_type("bad"));
  EXPECT_FALSE(canonical_file_type("exe"));
}

TEST(FileType, NormalizesOnlyTheExtension) {
  EXPECT_EQ(normalize_key_extension("MMS1/Data.v2.FTS"), "MMS1/Data.v2.fits");
  EXPECT_EQ(normalize_key_extension("a/x.h5"), "a/x.hdf5");
  EXPECT_EQ(normalize_key_extension("a/x.cdf"), "a/x.cdf");
  EXPECT_THROW((void)normalize_key_extension("a/noext"), std::invalid_argument);
  EXPECT_THROW((void)normalize_key_extension("a/x.bad"), std::invalid_argument);
}

TEST(FileType, ExtensionOfLastSegmentOnly) {
  EXPECT_EQ(extension_of("a.dir/file.cdf"), "cdf");
  EXPECT_FALSE(extension_of("a.dir/file"));
  EXPECT_FALSE(extension_of(".hidden"));
  EXPECT_FALSE(extension_of("file."));
}

TEST(FileType, JoinsInSpecOrderWithoutSpaces) {
  EXPECT_EQ(join_file_types({"hdf5", "cdf", "fits", "cdf"}), "fits,cdf,hdf5");
  EXPECT_EQ(join_file_types({}), "");
}

}  // namespace
}  // namespace heliocloud::registry
