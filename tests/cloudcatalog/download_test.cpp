#include "cloudcatalog/download.h"

#include <gtest/gtest.h>

#include "cloudcatalog/errors.h"

namespace heliocloud::cloudcatalog {
namespace {

TEST(Download, LocalPathsStayInsideTheOutputFolder) {
  CatalogDataset d;
  d.id = "X";
  d.index = "s3://pub/mms/fpi/";
  EXPECT_EQ(local_path(d, "s3://pub/mms/fpi/2021/a.cdf"), "2021/a.cdf");
  EXPECT_EQ(local_path(d, "s3://other/data/b.cdf"), "other/data/b.cdf");
  EXPECT_EQ(local_path(d, "https://example.org/x/c.cdf"), "example.org/x/c.cdf");
  EXPECT_EQ(local_path(d, "s3://pub/mms/fpi/./d.cdf"), "d.cdf");
  for (const char* bad : {"s3://pub/mms/fpi/../../../etc/passwd", "s3://pub/mms/fpi/", "relative/e.cdf",
                          "s3://pub/mms/fpi/dir/"}) {
    EXPECT_THROW((void)local_path(d, bad), CatalogError) << bad;
  }
}

}  // namespace
}  // namespace heliocloud::cloudcatalog
