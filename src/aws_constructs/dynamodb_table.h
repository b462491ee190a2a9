#pragma once
// An on-demand DynamoDB table with point-in-time recovery and encryption at rest; permissions to its items
// are granted with the grant_* methods.

#include <optional>
#include <string>

#include "aws_constructs/grant.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct TableProps {
  std::string partition_key;
  std::optional<std::string> sort_key;
  construct::RemovalPolicy removal_policy = construct::RemovalPolicy::Retain;
};

class Table : public construct::Construct {
 public:
  Table(construct::Construct& scope, std::string id, TableProps props);
  Value table_name() const { return resource_->ref(); }
  Value table_arn() const { return resource_->get_att("Arn"); }

  // Get items and scan the table (no writes).
  void grant_read_data(IGrantable& principal) const;
  // Get, put, update, delete and condition-check single items: what a writer that knows its keys needs
  // (no Scan or Query).
  void grant_read_write_items(IGrantable& principal) const;

 private:
  construct::CfnResource* resource_;
};

}  // namespace heliocloud::aws_constructs
