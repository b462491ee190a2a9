#include "aws_constructs/dynamodb_table.h"

namespace heliocloud::aws_constructs {

Table::Table(construct::Construct& scope, std::string id, TableProps props)
    : Construct(scope, std::move(id)) {
  Value::List attributes{
      Value::map({{"AttributeName", Value(props.partitionKey)}, {"AttributeType", Value("S")}})};
  Value::List keys{Value::map({{"AttributeName", Value(props.partitionKey)}, {"KeyType", Value("HASH")}})};
  if (props.sortKey) {
    attributes.push_back(
        Value::map({{"AttributeName", Value(*props.sortKey)}, {"AttributeType", Value("S")}}));
    keys.push_back(Value::map({{"AttributeName", Value(*props.sortKey)}, {"KeyType", Value("RANGE")}}));
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
  resource_->applyRemovalPolicy(props.removalPolicy);
}

}  // namespace heliocloud::aws_constructs
