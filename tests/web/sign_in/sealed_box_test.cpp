// AES-256-GCM sealing: round trip, and every kind of tampering opens to nothing.
#include "web/sign_in/sealed_box.h"

#include <gtest/gtest.h>

#include "base/base64.h"

namespace sign_in = heliocloud::web::sign_in;

namespace {
const std::string kBoxSecret = "an example secret key of at least 32 bytes";
}

TEST(SealedBox, RoundTripsAndHidesThePlaintext) {
  const sign_in::SealedBox box(kBoxSecret, "session");
  const std::string plain = R"({"refresh":"eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.secret"})";
  const auto sealed = box.seal(plain, "hc_session");
  EXPECT_EQ(sealed.find("refresh"), std::string::npos);
  EXPECT_EQ(sealed.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(box.open(sealed, "hc_session"), plain);
  // A fresh nonce each time: the same value never seals to the same text.
  EXPECT_NE(box.seal(plain, "hc_session"), sealed);
  EXPECT_EQ(box.open(box.seal("", "x"), "x"), "");
}

TEST(SealedBox, OpensNothingThatWasTamperedWith) {
  const sign_in::SealedBox box(kBoxSecret, "session");
  const auto sealed = box.seal("the tokens", "hc_session");
  const auto raw = *heliocloud::base::base64url_decode(sealed);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string flipped = raw;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x20);
    EXPECT_EQ(box.open(heliocloud::base::base64url_encode(flipped), "hc_session"), std::nullopt) << i;
  }
  EXPECT_EQ(box.open(heliocloud::base::base64url_encode(raw.substr(0, raw.size() - 1)), "hc_session"),
            std::nullopt);
  EXPECT_EQ(box.open(sealed + "AA", "hc_session"), std::nullopt);
  for (const char* junk : {"", "A", "not base64!", "AAAA", "eyJhbGciOiJub25lIn0"})
    EXPECT_EQ(box.open(junk, "hc_session"), std::nullopt) << junk;
  EXPECT_EQ(box.open(std::string(100000, 'A'), "hc_session"), std::nullopt);
}

TEST(SealedBox, BindsTheKeyPurposeAndContext) {
  const sign_in::SealedBox session(kBoxSecret, "session");
  const auto sealed = session.seal("value", "hc_session");
  EXPECT_EQ(session.open(sealed, "hc_sign_in"), std::nullopt);
  EXPECT_EQ(sign_in::SealedBox(kBoxSecret, "pre-login").open(sealed, "hc_session"), std::nullopt);
  EXPECT_EQ(sign_in::SealedBox(kBoxSecret + "!", "session").open(sealed, "hc_session"), std::nullopt);
  EXPECT_EQ(sign_in::SealedBox(kBoxSecret, "session").open(sealed, "hc_session"), "value");
}

TEST(SealedBox, NeedsALongSecret) {
  EXPECT_THROW(sign_in::SealedBox("short", "session"), std::invalid_argument);
}
