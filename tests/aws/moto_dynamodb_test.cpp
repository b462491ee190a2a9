// DynamoDB against moto: conditional writes, updates, queries and scans over several pages, transactions.
#include <gtest/gtest.h>

#include "aws/dynamodb.h"
#include "aws/errors.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;
using nlohmann::json;

namespace {

class DynamoMoto : public ::testing::Test {
 protected:
  void SetUp() override {
    table_ = unique_name("hc-ddb");
    ddb_.create_table(table_, {.name = "pk", .type = "S"}, aws::KeyAttribute{.name = "sk", .type = "N"});
  }
  void TearDown() override { ddb_.delete_table(table_); }

  aws::DynamoDbClient ddb_{moto_config()};
  std::string table_;
};

TEST_F(DynamoMoto, PutGetWithTypesRoundTrip) {
  const json item{{"pk", "a"},
                  {"sk", 1},
                  {"name", "caf\xC3\xA9"},
                  {"n", -42},
                  {"f", 2.5},
                  {"ok", true},
                  {"none", nullptr},
                  {"list", {1, "two", false}},
                  {"map", {{"x", {{"y", "z"}}}}},
                  {"big", 1234567890123LL}};
  ddb_.put_item({.table = table_, .item = item, .condition = "", .args = {}});
  const auto got = ddb_.get_item(table_, {{"pk", "a"}, {"sk", 1}}, true);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, item);
  EXPECT_FALSE(ddb_.get_item(table_, {{"pk", "a"}, {"sk", 2}}).has_value());
}

TEST_F(DynamoMoto, ConditionalPutFailsWithConditionalCheckFailed) {
  aws::PutItemRequest put{.table = table_,
                          .item = {{"pk", "once"}, {"sk", 0}, {"v", 1}},
                          .condition = "attribute_not_exists(pk)",
                          .args = {}};
  ddb_.put_item(put);
  put.item["v"] = 2;
  try {
    ddb_.put_item(put);
    FAIL() << "expected ConditionalCheckFailedError";
  } catch (const aws::ConditionalCheckFailedError& e) {
    EXPECT_EQ(e.code(), "ConditionalCheckFailedException");
    EXPECT_EQ(e.http_status(), 400);
    EXPECT_EQ(e.service(), "DynamoDB");
    EXPECT_EQ(e.operation(), "PutItem");
    EXPECT_EQ(e.attempts(), 1);
  }
  EXPECT_EQ(ddb_.get_item(table_, {{"pk", "once"}, {"sk", 0}})->at("v"), 1);
}

TEST_F(DynamoMoto, UpdateItemCountsAndHonoursConditions) {
  ddb_.put_item({.table = table_,
                 .item = {{"pk", "ctr"}, {"sk", 0}, {"count", 0}, {"state", "open"}},
                 .condition = "",
                 .args = {}});
  aws::UpdateItemRequest up;
  up.table = table_;
  up.key = {{"pk", "ctr"}, {"sk", 0}};
  up.update = "SET #c = #c + :one";
  up.condition = "#s = :open";
  up.args.names = {{"#c", "count"}, {"#s", "state"}};
  up.args.values = {{":one", 1}, {":open", "open"}};
  for (int i = 1; i <= 3; ++i) EXPECT_EQ(ddb_.update_item(up)->at("count"), i);

  aws::UpdateItemRequest close = up;
  close.update = "SET #s = :closed";
  close.args.names = {{"#s", "state"}};
  close.args.values = {{":closed", "closed"}, {":open", "open"}};
  close.return_values = "UPDATED_NEW";
  EXPECT_EQ(*ddb_.update_item(close), (json{{"state", "closed"}}));
  EXPECT_THROW(ddb_.update_item(up), aws::ConditionalCheckFailedError);
  EXPECT_EQ(ddb_.get_item(table_, up.key)->at("count"), 3);
}

TEST_F(DynamoMoto, ConditionalDelete) {
  ddb_.put_item(
      {.table = table_, .item = {{"pk", "d"}, {"sk", 0}, {"owner", "me"}}, .condition = "", .args = {}});
  aws::DeleteItemRequest del{.table = table_,
                             .key = {{"pk", "d"}, {"sk", 0}},
                             .condition = "#o = :who",
                             .args = {.names = {{"#o", "owner"}}, .values = {{":who", "you"}}}};
  EXPECT_THROW(ddb_.delete_item(del), aws::ConditionalCheckFailedError);
  del.args.values = {{":who", "me"}};
  ddb_.delete_item(del);
  EXPECT_FALSE(ddb_.get_item(table_, del.key).has_value());
}

TEST_F(DynamoMoto, QueryAndScanFollowPages) {
  for (int i = 0; i < 25; ++i) {
    ddb_.put_item({.table = table_,
                   .item = {{"pk", "q"}, {"sk", i}, {"even", i % 2 == 0}},
                   .condition = "",
                   .args = {}});
  }
  ddb_.put_item(
      {.table = table_, .item = {{"pk", "other"}, {"sk", 0}, {"even", true}}, .condition = "", .args = {}});

  aws::QueryRequest q;
  q.table = table_;
  q.key_condition = "pk = :p AND sk BETWEEN :lo AND :hi";
  q.args.values = {{":p", "q"}, {":lo", 5}, {":hi", 19}};
  q.limit = 4;  // forces several pages
  const auto first = ddb_.query_page(q);
  EXPECT_EQ(first.items.size(), 4U);
  EXPECT_FALSE(first.last_evaluated_key.is_null());
  const auto items = ddb_.query(q);
  ASSERT_EQ(items.size(), 15U);
  for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(items[i].at("sk"), static_cast<int>(i) + 5);

  q.scan_forward = false;
  q.limit.reset();
  EXPECT_EQ(ddb_.query(q).front().at("sk"), 19);

  aws::ScanRequest s;
  s.table = table_;
  s.filter = "#e = :t";
  s.args.names = {{"#e", "even"}};
  s.args.values = {{":t", true}};
  s.limit = 5;
  EXPECT_EQ(ddb_.scan(s).size(), 14U);  // 13 even sort keys in 0..24, plus "other"
}

TEST_F(DynamoMoto, TransactWriteAllOrNothing) {
  ddb_.put_item(
      {.table = table_, .item = {{"pk", "acct"}, {"sk", 1}, {"balance", 10}}, .condition = "", .args = {}});
  using Kind = aws::TransactWriteItem::Kind;
  std::vector<aws::TransactWriteItem> tx{
      {.kind = Kind::Update,
       .table = table_,
       .item_or_key = {{"pk", "acct"}, {"sk", 1}},
       .update = "SET balance = balance - :a",
       .condition = "balance >= :a",
       .args = {.names = json::object(), .values = {{":a", 4}}}},
      {.kind = Kind::Put,
       .table = table_,
       .item_or_key = {{"pk", "acct"}, {"sk", 2}, {"balance", 4}},
       .update = "",
       .condition = "attribute_not_exists(pk)",
       .args = {}},
  };
  ddb_.transact_write_items(tx);
  EXPECT_EQ(ddb_.get_item(table_, {{"pk", "acct"}, {"sk", 1}})->at("balance"), 6);
  EXPECT_EQ(ddb_.get_item(table_, {{"pk", "acct"}, {"sk", 2}})->at("balance"), 4);

  // Second run: the Put's condition fails, so the Update must not apply either.
  try {
    ddb_.transact_write_items(tx);
    FAIL() << "expected TransactionCanceledError";
  } catch (const aws::TransactionCanceledError& e) {
    EXPECT_EQ(e.code(), "TransactionCanceledException");
    ASSERT_EQ(e.reasons().size(), 2U);
    EXPECT_EQ(e.reasons()[0], "None");
    EXPECT_EQ(e.reasons()[1], "ConditionalCheckFailed");
    EXPECT_TRUE(e.conditional_check_failed());
  }
  EXPECT_EQ(ddb_.get_item(table_, {{"pk", "acct"}, {"sk", 1}})->at("balance"), 6);
}

TEST_F(DynamoMoto, MissingTableIsNotFound) {
  try {
    ddb_.get_item(unique_name("hc-no-table"), {{"pk", "x"}, {"sk", 0}});
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "ResourceNotFoundException");
  }
}

}  // namespace
