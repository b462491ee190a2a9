#include "aws/attribute_value.h"

#include <gtest/gtest.h>

namespace ddb = heliocloud::aws::dynamodb;
using nlohmann::json;

TEST(AttributeValue, ToAttributeValueCoversEveryJsonType) {
  const json in{{"s", "x"},   {"i", -3},      {"u", 7U},       {"f", 1.5},
                {"b", false}, {"z", nullptr}, {"l", {1, "a"}}, {"m", {{"k", "v"}}}};
  const json item = ddb::to_item(in);
  EXPECT_EQ(item["s"], (json{{"S", "x"}}));
  EXPECT_EQ(item["i"], (json{{"N", "-3"}}));
  EXPECT_EQ(item["u"], (json{{"N", "7"}}));
  EXPECT_EQ(item["f"], (json{{"N", "1.5"}}));
  EXPECT_EQ(item["b"], (json{{"BOOL", false}}));
  EXPECT_EQ(item["z"], (json{{"NULL", true}}));
  EXPECT_EQ(item["l"], (json{{"L", {{{"N", "1"}}, {{"S", "a"}}}}}));
  EXPECT_EQ(item["m"], (json{{"M", {{"k", {{"S", "v"}}}}}}));
  EXPECT_EQ(ddb::from_item(item), in);
}

TEST(AttributeValue, FromDynamoDbSetsNumbersAndBinary) {
  EXPECT_EQ(ddb::from_attribute_value({{"N", "12345678901234"}}), 12345678901234LL);
  EXPECT_EQ(ddb::from_attribute_value({{"N", "-5"}}), -5);
  EXPECT_EQ(ddb::from_attribute_value({{"N", "18446744073709551615"}}), 18446744073709551615ULL);
  EXPECT_DOUBLE_EQ(ddb::from_attribute_value({{"N", "1e3"}}).get<double>(), 1000.0);
  EXPECT_EQ(ddb::from_attribute_value({{"SS", {"a", "b"}}}), (json{"a", "b"}));
  EXPECT_EQ(ddb::from_attribute_value({{"NS", {"1", "2.5"}}}), (json{1, 2.5}));
  EXPECT_EQ(ddb::from_attribute_value({{"B", "AAEC"}}), "AAEC");
}

TEST(AttributeValue, RejectsMalformedInput) {
  EXPECT_THROW(ddb::from_attribute_value(json{{"S", "a"}, {"N", "1"}}), std::invalid_argument);
  EXPECT_THROW(ddb::from_attribute_value(json{{"Q", "a"}}), std::invalid_argument);
  EXPECT_THROW(ddb::from_attribute_value(json{{"N", "12abc"}}), std::invalid_argument);
  EXPECT_THROW(ddb::to_item(json::array()), std::invalid_argument);
}
