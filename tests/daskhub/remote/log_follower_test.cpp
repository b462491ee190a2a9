// Reading a log in chunks: the read script's answers turned into new bytes, and SSM's copy printed once.
#include "daskhub/remote/log_follower.h"

#include <gtest/gtest.h>

#include "base/base64.h"

namespace heliocloud::daskhub::remote {
namespace {

std::string answer(std::size_t size, const std::string& bytes) {
  return "log " + std::to_string(size) + "\n" + base::base64_encode(bytes) + "\n";
}

TEST(LogFollower, ReadsFollowTheOffset) {
  LogFollower log("/home/ssm-user/daskhub/.kit/logs/it's.log");
  auto script = log.read_script();
  EXPECT_EQ(script.front(), "f='/home/ssm-user/daskhub/.kit/logs/it'\\''s.log'");
  EXPECT_EQ(script[3], "  tail -c +1 \"$f\" | head -c 15000 | base64 -w 0");

  EXPECT_EQ(log.take(answer(10, "hello")), "hello");  // the file had more than one read returned
  EXPECT_TRUE(log.exists());
  EXPECT_TRUE(log.behind());
  EXPECT_EQ(log.offset(), 5U);
  EXPECT_EQ(log.read_script()[3], "  tail -c +6 \"$f\" | head -c 15000 | base64 -w 0");
  EXPECT_EQ(log.take(answer(10, " log\n")), " log\n");
  EXPECT_FALSE(log.behind());
  EXPECT_EQ(log.take(answer(10, "")), "");
  EXPECT_EQ(log.offset(), 10U);
  // The file grew between stat and tail: what was read counts.
  EXPECT_EQ(log.take(answer(10, "abc")), "abc");
  EXPECT_EQ(log.offset(), 13U);
  EXPECT_FALSE(log.behind());
}

TEST(LogFollower, BytesArriveExactly) {
  LogFollower log("/l");
  const std::string cut_character = "caf\xC3";  // the rest of "é" comes with the next chunk
  const std::string binary("\x00\xFF\n", 3);
  EXPECT_EQ(log.take(answer(7, cut_character)), cut_character);
  EXPECT_EQ(log.take(answer(7, binary)), binary);
}

TEST(LogFollower, AMissingFileIsNotAFailure) {
  LogFollower log("/l");
  EXPECT_EQ(log.take("nolog\n"), "");
  EXPECT_FALSE(log.exists());
  EXPECT_EQ(log.offset(), 0U);
}

TEST(LogFollower, AnythingElseIsNotALogRead) {
  LogFollower log("/l");
  for (const char* wrong :
       {"", "\n", "log\n", "log x\nAAAA\n", "log 4", "log 4\n!!!!\n", "log -1\n\n", "Segmentation fault\n"}) {
    EXPECT_EQ(log.take(wrong), std::nullopt) << wrong;
  }
  EXPECT_EQ(log.take(answer(kLogChunkBytes + 1, std::string(kLogChunkBytes + 1, 'x'))), std::nullopt);
  EXPECT_EQ(log.offset(), 0U);
  EXPECT_FALSE(log.exists());
}

TEST(OutputDelta, PrintsOnlyWhatIsNew) {
  OutputDelta delta;
  EXPECT_EQ(delta.next(""), "");
  EXPECT_EQ(delta.next("one\n"), "one\n");
  EXPECT_EQ(delta.next("one\n"), "");
  EXPECT_EQ(delta.next("one\ntwo\n"), "two\n");
  EXPECT_EQ(delta.next("one\n"), "");  // never backwards
  OutputDelta after_log(4);            // the log printed "one\n" before it became unreadable
  EXPECT_EQ(after_log.next("one\ntwo\n"), "two\n");
}

}  // namespace
}  // namespace heliocloud::daskhub::remote
