#include "aws/shared_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/errors.h"
#include "env_guard.h"

namespace aws = heliocloud::aws;

TEST(SharedConfig, ParsesCredentialsFileProfilesAndComments) {
  const auto p = aws::parse_shared_file(
      "# leading comment\n"
      "[default]\n"
      "aws_access_key_id = AKIDDEFAULT\n"
      "aws_secret_access_key=secret/with+chars ; trailing comment\n"
      "; another comment\n"
      "\n"
      "[dev]\n"
      "aws_access_key_id =AKIDDEV  \n"
      "aws_session_token = tok#en\n",
      false);
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p.at("default").at("aws_access_key_id"), "AKIDDEFAULT");
  EXPECT_EQ(p.at("default").at("aws_secret_access_key"), "secret/with+chars");
  EXPECT_EQ(p.at("dev").at("aws_access_key_id"), "AKIDDEV");
  EXPECT_EQ(p.at("dev").at("aws_session_token"),
            "tok#en");  // '#' without a space before is a value character
  EXPECT_EQ(p.at("dev").count("aws_secret_access_key"), 0U);
}

TEST(SharedConfig, ConfigFileUsesProfilePrefixAndNestedSettings) {
  const auto p = aws::parse_shared_file(
      "[default]\nregion = eu-west-1\n"
      "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\n"
      "s3 =\n  max_concurrent_requests = 20\n  multipart_threshold = 64MB\n"
      "output = json\n"
      "[sso-session corp]\nsso_region = us-east-1\n",
      true);
  EXPECT_EQ(p.at("default").at("region"), "eu-west-1");
  EXPECT_EQ(p.at("admin").at("role_arn"), "arn:aws:iam::123456789012:role/Admin");
  EXPECT_EQ(p.at("admin").at("s3.max_concurrent_requests"), "20");
  EXPECT_EQ(p.at("admin").at("s3.multipart_threshold"), "64MB");
  EXPECT_EQ(p.at("admin").at("output"), "json");
  EXPECT_EQ(p.at("sso-session corp").at("sso_region"), "us-east-1");
  EXPECT_EQ(p.count("profile admin"), 0U);
}

TEST(SharedConfig, KeysBeforeAnySectionAndLinesWithoutEqualsAreIgnored) {
  const auto p = aws::parse_shared_file("orphan = 1\n[a]\nnot a setting\nk = v\n[b\n", false);
  EXPECT_EQ(p.at("a").size(), 1U);
  EXPECT_EQ(p.at("a").at("k"), "v");
  EXPECT_TRUE(p.at("b").empty());  // unterminated header still opens a section, as botocore does
}

namespace {

class SharedFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("hc-aws-cfg-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    write("config",
          "[default]\nregion = ap-south-1\n[profile dev]\nregion = eu-central-1\naws_access_key_id = "
          "FROMCONFIG\n");
    write("credentials",
          "[default]\naws_access_key_id = AKID1\naws_secret_access_key = S1\n"
          "[dev]\naws_access_key_id = AKID2\naws_secret_access_key = S2\naws_session_token = T2\n"
          "[broken]\naws_access_key_id = ONLYID\n");
    env_.set("AWS_CONFIG_FILE", (dir_ / "config").string());
    env_.set("AWS_SHARED_CREDENTIALS_FILE", (dir_ / "credentials").string());
    for (const char* v : {"AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION"})
      env_.unset(v);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::filesystem::path dir_;
  aws::testing::EnvGuard env_;
};

TEST_F(SharedFiles, CredentialsFileWinsOverConfigFile) {
  const auto p = aws::load_shared_profiles();
  EXPECT_EQ(p.at("dev").at("aws_access_key_id"), "AKID2");
  EXPECT_EQ(p.at("dev").at("region"), "eu-central-1");
}

TEST_F(SharedFiles, ProfileProviderHonoursAwsProfile) {
  EXPECT_EQ(aws::ProfileCredentialsProvider().get().access_key_id, "AKID1");
  env_.set("AWS_PROFILE", "dev");
  const auto c = aws::ProfileCredentialsProvider().get();
  EXPECT_EQ(c.access_key_id, "AKID2");
  EXPECT_EQ(c.secret_access_key, "S2");
  EXPECT_EQ(c.session_token, "T2");
  EXPECT_EQ(aws::region_from_environment(), "eu-central-1");
}

TEST_F(SharedFiles, MissingKeysAndMissingProfilesAreCredentialsErrors) {
  EXPECT_THROW(aws::ProfileCredentialsProvider("broken").get(), aws::CredentialsError);
  EXPECT_THROW(aws::ProfileCredentialsProvider("nope").get(), aws::CredentialsError);
}

TEST_F(SharedFiles, RegionFromEnvironmentPrecedence) {
  EXPECT_EQ(aws::region_from_environment(), "ap-south-1");
  env_.set("AWS_DEFAULT_REGION", "us-west-1");
  EXPECT_EQ(aws::region_from_environment(), "us-west-1");
  env_.set("AWS_REGION", "us-west-2");
  EXPECT_EQ(aws::region_from_environment(), "us-west-2");
}

TEST_F(SharedFiles, ChainPrefersEnvironmentThenProfile) {
  env_.set("AWS_EC2_METADATA_DISABLED", "true");
  env_.unset("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  env_.unset("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
  env_.unset("AWS_ACCESS_KEY_ID");
  env_.unset("AWS_SECRET_ACCESS_KEY");
  EXPECT_EQ(aws::default_credentials_provider()->get().access_key_id, "AKID1");
  env_.set("AWS_ACCESS_KEY_ID", "ENVKEY");
  env_.set("AWS_SECRET_ACCESS_KEY", "ENVSECRET");
  env_.set("AWS_SESSION_TOKEN", "ENVTOKEN");
  const auto c = aws::default_credentials_provider()->get();
  EXPECT_EQ(c.access_key_id, "ENVKEY");
  EXPECT_EQ(c.session_token, "ENVTOKEN");
}

TEST(CredentialsJson, ParsesContainerAndImdsDocuments) {
  const auto c = aws::parse_credentials_json(
      R"({"Code":"Success","AccessKeyId":"ASIAX","SecretAccessKey":"sec","Token":"tok","Expiration":"2030-01-02T03:04:05Z"})");
  EXPECT_EQ(c.access_key_id, "ASIAX");
  EXPECT_EQ(c.session_token, "tok");
  ASSERT_TRUE(c.expiration.has_value());
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*c.expiration), 1893553445);
  EXPECT_THROW(aws::parse_credentials_json(R"({"AccessKeyId":"x"})"), std::runtime_error);
  EXPECT_THROW(aws::parse_credentials_json("not json"), std::runtime_error);
}

TEST(CredentialsJson, Iso8601WithFractionsAndOffsets) {
  EXPECT_EQ(std::chrono::system_clock::to_time_t(aws::parse_iso8601("2030-01-02T03:04:05.123Z")), 1893553445);
  EXPECT_EQ(std::chrono::system_clock::to_time_t(aws::parse_iso8601("2030-01-02T05:04:05+02:00")),
            1893553445);
  EXPECT_THROW(aws::parse_iso8601("yesterday"), std::invalid_argument);
}

namespace {
class CountingProvider : public aws::CredentialsProvider {
 public:
  explicit CountingProvider(std::chrono::seconds lifetime) : lifetime_(lifetime) {}
  aws::Credentials get() override {
    ++calls;
    return {.access_key_id = "K" + std::to_string(calls),
            .secret_access_key = "S",
            .session_token = "T",
            .expiration = std::chrono::system_clock::now() + lifetime_};
  }
  int calls = 0;

 private:
  std::chrono::seconds lifetime_;
};
}  // namespace

TEST(RefreshingProvider, CachesUntilCloseToExpiry) {
  auto longlived = std::make_shared<CountingProvider>(std::chrono::hours(1));
  aws::RefreshingCredentialsProvider a(longlived);
  EXPECT_EQ(a.get().access_key_id, "K1");
  EXPECT_EQ(a.get().access_key_id, "K1");
  EXPECT_EQ(longlived->calls, 1);
  // Credentials that expire within the 5-minute margin are fetched again on every use.
  auto shortlived = std::make_shared<CountingProvider>(std::chrono::minutes(2));
  aws::RefreshingCredentialsProvider b(shortlived);
  EXPECT_EQ(b.get().access_key_id, "K1");
  EXPECT_EQ(b.get().access_key_id, "K2");
}

TEST(EnvironmentProvider, RequiresBothKeys) {
  aws::testing::EnvGuard env;
  env.set("AWS_ACCESS_KEY_ID", "A");
  env.unset("AWS_SECRET_ACCESS_KEY");
  EXPECT_THROW(aws::EnvironmentCredentialsProvider().get(), aws::CredentialsError);
}

}  // namespace
