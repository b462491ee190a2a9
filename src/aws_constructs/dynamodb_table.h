#pragma once
// An on-demand DynamoDB table with point-in-time recovery.

#include <optional>
#include <string>

#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct TableProps {
  std::string partitionKey;
  std::optional<std::string> sortKey;
  construct::RemovalPolicy removalPolicy = construct::RemovalPolicy::Retain;
};

class Table : public construct::Construct {
 public:
  Table(construct::Construct& scope, std::string id, TableProps props);
  Value tableName() const { return resource_->ref(); }
  Value tableArn() const { return resource_->getAtt("Arn"); }

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
