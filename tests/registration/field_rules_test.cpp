#include "registration/field_rules.h"

#include <gtest/gtest.h>

namespace reg = heliocloud::registration;
using std::nullopt;

TEST(Username, AcceptsWhatCognitoAccepts) {
  for (const char* name : {"ada", "Ada.Lovelace", "a", "user@example.org", "o'brien-2", "j\xc3\xbcrgen",
                           "\xe4\xb8\xad\xe6\x96\x87", "plus+tag", "x_y~z"})
    EXPECT_EQ(reg::check_username(name), nullopt) << name;
  EXPECT_EQ(reg::check_username(std::string(128, 'a')), nullopt);
}

TEST(Username, RefusesEmptyLongSpacedAndInvisibleNames) {
  EXPECT_EQ(reg::check_username(""), "Enter a user name.");
  EXPECT_EQ(reg::check_username(std::string(129, 'a')),
            "The user name can have at most 128 characters (it has 129).");
  // Characters, not bytes: 128 two-byte letters are fine.
  std::string umlauts;
  for (int i = 0; i < 128; ++i) umlauts += "\xc3\xbc";
  EXPECT_EQ(reg::check_username(umlauts), nullopt);
  EXPECT_EQ(reg::check_username("ada lovelace"), "The user name cannot contain spaces.");
  EXPECT_EQ(reg::check_username(" ada"), "The user name cannot contain spaces.");
  EXPECT_EQ(reg::check_username("ada\xc2\xa0l"), "The user name cannot contain spaces.");  // no-break space
  EXPECT_EQ(reg::check_username("ad\xe2\x80\x8b"
                                "a"),
            "The user name cannot contain control or invisible characters.");
  EXPECT_EQ(reg::check_username(std::string("ad\0a", 4)),
            "The user name cannot contain control or invisible characters.");
  EXPECT_EQ(reg::check_username("ad\xff"), "The user name is not valid UTF-8 text.");
}

TEST(Email, AcceptsOrdinaryAddresses) {
  for (const char* email :
       {"ada@example.org", "ada.lovelace+hc@mail.nasa.gov", "a@b.co", "o'brien@x-y.example",
        "user@xn--bcher-kva.example", "first.last@sub.domain.museum"})
    EXPECT_EQ(reg::check_email(email), nullopt) << email;
}

TEST(Email, SaysWhichPartIsWrong) {
  EXPECT_EQ(reg::check_email(""), "Enter an e-mail address.");
  EXPECT_EQ(reg::check_email("ada.example.org"), "The e-mail address needs an @, as in name@example.org.");
  const std::string before = "The part of the e-mail address before the @ is not valid";
  const std::string after =
      "The part of the e-mail address after the @ is not a valid domain name, such as example.org.";
  for (const char* email : {"@example.org", ".ada@example.org", "ada.@example.org", "a..b@example.org",
                            "ada lovelace@example.org", "a@b@example.org", "ad(a)@example.org"})
    EXPECT_TRUE(reg::check_email(email).value_or("").starts_with(before)) << email;
  EXPECT_TRUE(reg::check_email(std::string(65, 'a') + "@example.org").value_or("").starts_with(before));
  for (const char* email :
       {"ada@", "ada@example", "ada@example.", "ada@-example.org", "ada@example-.org", "ada@exa_mple.org",
        "ada@[127.0.0.1]", "ada@1.2.3.4", "ada@ex..org",
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): split after \xbc, one address
        "ada@b\xc3\xbc"
        "cher.example"})
    EXPECT_EQ(reg::check_email(email), after) << email;
  EXPECT_EQ(reg::check_email("a@" + std::string(64, 'b') + ".org"), after);  // a label over 63
  EXPECT_EQ(reg::check_email(std::string(64, 'a') + "@" + std::string(63, 'b') + "." + std::string(63, 'c') +
                             "." + std::string(63, 'd') + ".org"),
            "The e-mail address can have at most 254 characters.");
}

TEST(Affiliation, AtMostFiftyCharactersOfText) {
  EXPECT_EQ(reg::check_affiliation("NASA Goddard Space Flight Center"), nullopt);
  EXPECT_EQ(reg::check_affiliation(std::string(50, 'x')), nullopt);
  EXPECT_EQ(reg::check_affiliation(""), "Enter your affiliation or sponsor.");
  EXPECT_EQ(reg::check_affiliation(std::string(51, 'x')),
            "The affiliation can have at most 50 characters (it has 51).");
  std::string accented;
  for (int i = 0; i < 50; ++i) accented += "\xc3\xa9";  // 100 bytes, 50 characters
  EXPECT_EQ(reg::check_affiliation(accented), nullopt);
  EXPECT_EQ(reg::check_affiliation("NASA\nGSFC"),
            "The affiliation cannot contain control or invisible characters.");
  // NOLINTNEXTLINE(misc-misleading-bidirectional): the test is that such text is refused
  EXPECT_EQ(reg::check_affiliation("NASA \xe2\x80\xae"
                                   "CFSG"),
            "The affiliation cannot contain control or invisible characters.");
}
