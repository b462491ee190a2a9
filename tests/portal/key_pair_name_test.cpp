#include "portal/key_pair_name.h"

#include <gtest/gtest.h>

#include <vector>

using heliocloud::portal::key_pair_name_problem;

TEST(KeyPairName, LettersDigitsDashUnderscoreDot) {
  EXPECT_FALSE(key_pair_name_problem("ada-laptop_2.rsa"));
  EXPECT_FALSE(key_pair_name_problem(std::string(64, 'k')));
}

TEST(KeyPairName, EachProblemNamesTheField) {
  for (const std::string& bad : std::vector<std::string>{"", std::string(65, 'k'), ".hidden", "my key", "a/b",
                                                         "q\"uote", "line\nbreak", "caf\xc3\xa9"}) {
    const auto problem = key_pair_name_problem(bad);
    ASSERT_TRUE(problem) << bad;
    EXPECT_TRUE(problem->starts_with("Key pair name:")) << *problem;
  }
}
