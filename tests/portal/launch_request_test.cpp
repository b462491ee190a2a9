#include "portal/launch_request.h"

#include <gtest/gtest.h>

using namespace heliocloud::portal;

namespace {

std::vector<ImageChoice> images() {
  ImageChoice al{.label = "Amazon Linux 2023", .image = {}, .minimum_volume_gb = 8};
  al.image.image_id = "ami-0aaaaaaaaaaaaaaaa";
  al.image.root_device_name = "/dev/xvda";
  ImageChoice big{.label = "Big", .image = {}, .minimum_volume_gb = 100};
  big.image.image_id = "ami-0bbbbbbbbbbbbbbbb";
  return {al, big};
}

const std::vector<std::string> kTypes = {"t3.micro", "m5.large"};
const std::vector<std::string> kKeys = {"ada-key"};

LaunchForm good() {
  return {.image_id = "ami-0aaaaaaaaaaaaaaaa",
          .instance_type = "t3.micro",
          .volume_size = "64",
          .key_pair = "ada-key",
          .name = "analysis box"};
}

std::vector<FieldError> errors_of(const LaunchForm& form, const std::vector<std::string>& keys = kKeys) {
  auto result = check_launch(form, images(), kTypes, keys);
  if (auto* e = std::get_if<std::vector<FieldError>>(&result)) return *e;
  return {};
}

}  // namespace

TEST(CheckLaunch, AGoodFormIsAPlan) {
  auto result = check_launch(good(), images(), kTypes, kKeys);
  ASSERT_TRUE(std::holds_alternative<LaunchPlan>(result));
  const auto& plan = std::get<LaunchPlan>(result);
  EXPECT_EQ(plan.image.image.image_id, "ami-0aaaaaaaaaaaaaaaa");
  EXPECT_EQ(plan.instance_type, "t3.micro");
  EXPECT_EQ(plan.volume_gb, 64);
  EXPECT_EQ(plan.key_name, "ada-key");
  EXPECT_EQ(plan.name, "analysis box");
}

TEST(CheckLaunch, FieldNamesFromTheForm) {
  const auto form = launch_form_from(heliocloud::web::Params{{{"image_output", "ami-1"},
                                                              {"instance_type", "t3.micro"},
                                                              {"volume_size", "70"},
                                                              {"key_pair", "k"},
                                                              {"instance_name_for_custom", "n"}}});
  EXPECT_EQ(form.image_id, "ami-1");
  EXPECT_EQ(form.volume_size, "70");
  EXPECT_EQ(form.key_pair, "k");
  EXPECT_EQ(form.name, "n");
}

TEST(CheckLaunch, OnlyOfferedImagesAndTypes) {
  auto form = good();
  form.image_id = "ami-0ccccccccccccccccc";
  form.instance_type = "p5.48xlarge";
  const auto errors = errors_of(form);
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field, "image_output");
  EXPECT_EQ(errors[1].field, "instance_type");
  EXPECT_NE(errors[1].message.find("p5.48xlarge"), std::string::npos);
}

TEST(CheckLaunch, VolumeBetweenTheImagesMinimumAnd256) {
  auto form = good();
  form.image_id = "ami-0bbbbbbbbbbbbbbbb";  // needs 100 GB, the form says 64
  auto errors = errors_of(form);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "volume_size");
  EXPECT_NE(errors[0].message.find("at least 100 GB"), std::string::npos);
  for (const std::string bad : {"257", "-1", "64.5", "sixty", ""}) {
    form = good();
    form.volume_size = bad;
    errors = errors_of(form);
    ASSERT_EQ(errors.size(), 1U) << bad;
    EXPECT_EQ(errors[0].field, "volume_size");
  }
  form = good();
  form.volume_size = "256";
  EXPECT_TRUE(errors_of(form).empty());
  form.volume_size = "8";
  EXPECT_TRUE(errors_of(form).empty());
}

TEST(CheckLaunch, OnlyTheUsersOwnKeyPair) {
  auto form = good();
  form.key_pair = "bobs-key";
  auto errors = errors_of(form);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "key_pair");
  form.key_pair = "";
  errors = errors_of(form, {});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors[0].message.find("create a key pair first"), std::string::npos);
}

TEST(CheckLaunch, NameFitsATag) {
  auto form = good();
  form.name = std::string(129, 'n');
  EXPECT_EQ(errors_of(form).at(0).field, "instance_name_for_custom");
  form.name = "two\nlines";
  EXPECT_EQ(errors_of(form).at(0).field, "instance_name_for_custom");
  form.name = "";
  EXPECT_TRUE(errors_of(form).empty());  // the name is optional, as in the original
}
