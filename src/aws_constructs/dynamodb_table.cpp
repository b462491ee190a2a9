#include "aws_constructs/dynamodb_table.h"

namespace heliocloud::aws_constructs {

Table::Table(construct::Construct& scope, std::string id, TableProps props)
    : Construct(scope, std::move(id)) {
  Value::List attributes{
      Value::map({{"AttributeName", Value(props.partition_key)}, {"AttributeType", Value("S")}})};
  Value::List keys{Value::map({{"AttributeName", Value(props.partition_key)}, {"KeyType", Value("HASH")}})};
  if (props.sort_key) {
    attributes.push_back(
        Value::map({{"AttributeName", Value(*props.sort_key)}, {"AttributeType", Value("S")}}));
    keys.push_back(Value::map({{"AttributeName", Value(*props.sort_key)}, {"KeyType", Value("RANGE")}}));
  }
  resource_ = &make<construct::CfnResource>(
      "Resource", "AWS::DynamoDB::Table",
      Value::Map{
          {"AttributeDefinitions", Value(std::move(attributes))},
          {"BillingMode", Value("PAY_PER_REQUEST")},
          {"KeySchema", Value(std::move(keys))},
          {"PointInTimeRecoverySpecification", Value::map({{"PointInTimeRecoveryEnabled", Value(true)}})},
          {"SSESpecification", Value::map({{"SSEEnabled", Value(true)}})}},
      construct::TagStyle::KeyValueList);
  resource_->apply_removal_policy(props.removal_policy);
}

void Table::grant_read_data(IGrantable& principal) const {
  grant(principal, {"dynamodb:Scan", "dynamodb:GetItem"}, {table_arn()});
}

void Table::grant_read_write_items(IGrantable& principal) const {
  grant(principal,
        {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
         "dynamodb:ConditionCheckItem"},
        {table_arn()});
}

}  // namespace heliocloud::aws_constructs
