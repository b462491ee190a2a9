// Choosing the front door from the environment and the command line.
#include "web/front_door.h"

#include <gtest/gtest.h>

#include <vector>

namespace web = heliocloud::web;
using Kind = web::FrontDoor::Kind;

namespace {

heliocloud::base::Result<web::FrontDoor> choose(std::vector<const char*> args,
                                                const char* runtime_api = nullptr) {
  return web::choose_front_door(args, runtime_api);
}

}  // namespace

TEST(FrontDoor, LambdaWhenTheRuntimeApiIsSet) {
  const auto door = choose({}, "127.0.0.1:9001");
  ASSERT_TRUE(door.ok()) << door.error;
  EXPECT_EQ(door.value->kind, Kind::Lambda);
  EXPECT_FALSE(choose({"--listen", "127.0.0.1:1"}, "127.0.0.1:9001").ok());
}

TEST(FrontDoor, LocalOnLoopback8080ByDefault) {
  for (const char* empty_api : {static_cast<const char*>(nullptr), ""}) {
    const auto door = choose({}, empty_api);
    ASSERT_TRUE(door.ok());
    EXPECT_EQ(door.value->kind, Kind::Local);
    EXPECT_EQ(door.value->local.listen.host, "127.0.0.1");
    EXPECT_EQ(door.value->local.listen.port, 8080);
    EXPECT_FALSE(door.value->local.allow_non_loopback);
  }
}

TEST(FrontDoor, ListenAndAllowNonLoopbackOptions) {
  const auto spaced = choose({"--listen", "[::1]:9090"});
  ASSERT_TRUE(spaced.ok()) << spaced.error;
  EXPECT_EQ(spaced.value->local.listen.host, "::1");
  EXPECT_EQ(spaced.value->local.listen.port, 9090);
  const auto joined = choose({"--listen=0.0.0.0:80", "--allow-non-loopback"});
  ASSERT_TRUE(joined.ok()) << joined.error;
  EXPECT_EQ(joined.value->local.listen.host, "0.0.0.0");
  EXPECT_TRUE(joined.value->local.allow_non_loopback);
}

TEST(FrontDoor, BadOptionsSayWhatIsWrong) {
  EXPECT_EQ(choose({"--listen"}).error, "--listen needs HOST:PORT, e.g. --listen 127.0.0.1:8080");
  EXPECT_EQ(choose({"--port", "80"}).error, "unknown option '--port'");
  EXPECT_NE(choose({"--listen", "nonsense"}).error.find("--listen: "), std::string::npos);
  testing::internal::CaptureStderr();
  EXPECT_EQ(web::usage_error("boom"), 2);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("error: boom\nusage:"), std::string::npos);
}
