#include "aws/encoding.h"

#include <gtest/gtest.h>

namespace aws = heliocloud::aws;

TEST(ContentMd5, IsBase64OfTheMd5Digest) {
  EXPECT_EQ(aws::md5_base64(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
  EXPECT_EQ(aws::md5_base64("The quick brown fox jumps over the lazy dog"), "nhB9nTcrtoJr2B01QqQZ1g==");
}
