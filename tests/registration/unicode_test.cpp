#include "registration/unicode.h"

#include <gtest/gtest.h>

namespace reg = heliocloud::registration;

TEST(Unicode, DecodesWellFormedUtf8) {
  EXPECT_EQ(reg::decode_utf8("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x8c\x9e"),
            std::u32string(U"a\u00e9\u20ac\U0001F31E"));
  EXPECT_EQ(reg::decode_utf8(""), std::u32string());
}

TEST(Unicode, RefusesMalformedUtf8) {
  EXPECT_EQ(reg::decode_utf8("\xc0\xaf"), std::nullopt);          // overlong '/'
  EXPECT_EQ(reg::decode_utf8("\xed\xa0\x80"), std::nullopt);      // a surrogate
  EXPECT_EQ(reg::decode_utf8("\xf4\x90\x80\x80"), std::nullopt);  // above U+10FFFF
  EXPECT_EQ(reg::decode_utf8("\xe2\x82"), std::nullopt);          // cut short
  EXPECT_EQ(reg::decode_utf8("\x80"), std::nullopt);              // a lone continuation byte
  EXPECT_EQ(reg::decode_utf8("a\xffz"), std::nullopt);
}

TEST(Unicode, TellsSpacesAndInvisibleCharacters) {
  for (const char32_t c : {U' ', U'\t', U'\n', char32_t{0xA0}, char32_t{0x2003}, char32_t{0x3000}})
    EXPECT_TRUE(reg::is_space(c)) << static_cast<unsigned>(c);
  EXPECT_FALSE(reg::is_space(U'_'));
  for (const char32_t c : {char32_t{0}, char32_t{0x1B}, char32_t{0x7F}, char32_t{0x85}, char32_t{0x200B},
                           char32_t{0x202E}, char32_t{0xFEFF}, char32_t{0xE000}, char32_t{0xFFFF}})
    EXPECT_TRUE(reg::is_control_or_invisible(c)) << static_cast<unsigned>(c);
  for (const char32_t c : {U'a', U'@', char32_t{0xE9}, char32_t{0x0301}, char32_t{0x4E2D}})
    EXPECT_FALSE(reg::is_control_or_invisible(c)) << static_cast<unsigned>(c);
}
