// Grants to functions (through their role) and of functions and tables.
#include <gtest/gtest.h>

#include "aws_constructs/dynamodb_table.h"
#include "aws_constructs/lambda_function.h"
#include "test_stack.h"

using heliocloud::testing::TestStack;
using nlohmann::json;
namespace aws = heliocloud::aws_constructs;

namespace {

aws::Function& function(TestStack& t, const std::string& id) {
  return t.stack.make<aws::Function>(
      id, aws::FunctionProps{.code_directory = HELIOCLOUD_TEST_LAMBDA_DIR "/registry", .handler = id});
}

// The statements of the policy of the role of function `id` (ServiceRole/DefaultPolicy).
json statements_of(const heliocloud::testing::Template& tpl, const std::string& fn_logical_id) {
  for (const auto& [id, policy] : tpl.find_resources("AWS::IAM::Policy"))
    if (id.starts_with(fn_logical_id.substr(0, fn_logical_id.size() - 8) + "ServiceRoleDefaultPolicy"))
      return policy["Properties"]["PolicyDocument"]["Statement"];
  return json();
}

}  // namespace

TEST(Function, GrantInvokeGoesToTheCallersRole) {
  TestStack t;
  auto& callee = function(t, "Callee");
  auto& caller = function(t, "Caller");
  callee.grant_invoke(caller);
  const auto tpl = t.synth();
  const auto callee_id = tpl.logical_id_of("AWS::Lambda::Function", {{"Handler", "Callee"}});
  const auto caller_id = tpl.logical_id_of("AWS::Lambda::Function", {{"Handler", "Caller"}});
  const auto st = statements_of(tpl, caller_id);
  ASSERT_EQ(st.size(), 2U);  // its logs, and the invoke
  EXPECT_EQ(st[1], json({{"Action", "lambda:InvokeFunction"},
                         {"Effect", "Allow"},
                         {"Resource", {{"Fn::GetAtt", {callee_id, "Arn"}}}}}));
  EXPECT_EQ(statements_of(tpl, callee_id).size(), 1U);  // only its logs
}

TEST(Table, ReadDataAndItemWrites) {
  TestStack t;
  auto& table = t.stack.make<aws::Table>("Records", aws::TableProps{.partition_key = "id"});
  auto& reader = function(t, "Reader");
  auto& writer = function(t, "Writer");
  table.grant_read_data(reader);
  table.grant_read_write_items(writer);
  const auto tpl = t.synth();
  const auto table_id = tpl.logical_id_of("AWS::DynamoDB::Table", json::object());
  const json arn = {{"Fn::GetAtt", {table_id, "Arn"}}};
  const auto reader_st =
      statements_of(tpl, tpl.logical_id_of("AWS::Lambda::Function", {{"Handler", "Reader"}}));
  const auto writer_st =
      statements_of(tpl, tpl.logical_id_of("AWS::Lambda::Function", {{"Handler", "Writer"}}));
  EXPECT_EQ(
      reader_st[1],
      json({{"Action", {"dynamodb:Scan", "dynamodb:GetItem"}}, {"Effect", "Allow"}, {"Resource", arn}}));
  EXPECT_EQ(writer_st[1]["Action"], json({"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                                          "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"}));
  EXPECT_EQ(tpl.only("AWS::DynamoDB::Table")["Properties"]["BillingMode"], "PAY_PER_REQUEST");
}
