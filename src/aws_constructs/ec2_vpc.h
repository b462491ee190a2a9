#pragma once
// The VPC an instance runs in: either created (what aws-cdk-lib's ec2.Vpc(maxAzs, natGateways) makes: a
// public and a private-with-egress subnet per AZ, NAT gateways, an internet gateway, route tables) or looked
// up.

#include <string>
#include <vector>

#include "construct/cfn_resource.h"
#include "construct/construct.h"
#include "construct/value.h"

namespace heliocloud::aws_constructs {

using construct::Value;

struct SubnetInfo {
  Value subnet_id;
  Value availability_zone;
  Value route_table_id;
};

// What other stacks need of a VPC, whichever way it came to be.
class IVpc {
 public:
  virtual ~IVpc() = default;
  virtual Value vpc_id() const = 0;
  virtual const std::vector<SubnetInfo>& public_subnets() const = 0;
  virtual const std::vector<SubnetInfo>& private_subnets() const = 0;
  virtual std::vector<Value> availability_zones() const = 0;
};

struct VpcProps {
  std::string cidr = "10.0.0.0/16";
  std::size_t max_azs = 2;
  std::size_t nat_gateways = 1;
};

class Vpc : public construct::Construct, public IVpc {
 public:
  Vpc(construct::Construct& scope, std::string id, const VpcProps& props = {});
  Value vpc_id() const override { return vpc_->ref(); }
  const std::vector<SubnetInfo>& public_subnets() const override { return public_; }
  const std::vector<SubnetInfo>& private_subnets() const override { return private_; }
  std::vector<Value> availability_zones() const override { return zones_; }

 private:
  construct::CfnResource* vpc_;
  std::vector<Value> zones_;
  std::vector<SubnetInfo> public_;
  std::vector<SubnetInfo> private_;
};

// An existing VPC found through the CDK CLI's "vpc-provider" context lookup (Vpc.fromLookup).
struct VpcLookupOptions {
  bool is_default = false;
  std::string vpc_id;  // when not the default VPC
};

class LookedUpVpc : public construct::Construct, public IVpc {
 public:
  LookedUpVpc(construct::Construct& scope, std::string id, const VpcLookupOptions& options);
  Value vpc_id() const override { return Value(vpc_id_); }
  const std::vector<SubnetInfo>& public_subnets() const override { return public_; }
  const std::vector<SubnetInfo>& private_subnets() const override { return private_; }
  std::vector<Value> availability_zones() const override;

 private:
  std::string vpc_id_;
  std::vector<std::string> zones_;
  std::vector<SubnetInfo> public_;
  std::vector<SubnetInfo> private_;
};

// Splits an IPv4 CIDR block into `count` equal blocks (the next power of two), in order.
std::vector<std::string> split_cidr(const std::string& cidr, std::size_t count);

}  // namespace heliocloud::aws_constructs
