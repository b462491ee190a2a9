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
  Value subnetId;
  Value availabilityZone;
  Value routeTableId;
};

// What other stacks need of a VPC, whichever way it came to be.
class IVpc {
 public:
  virtual ~IVpc() = default;
  virtual Value vpcId() const = 0;
  virtual const std::vector<SubnetInfo>& publicSubnets() const = 0;
  virtual const std::vector<SubnetInfo>& privateSubnets() const = 0;
  virtual std::vector<Value> availabilityZones() const = 0;
};

struct VpcProps {
  std::string cidr = "10.0.0.0/16";
  std::size_t maxAzs = 2;
  std::size_t natGateways = 1;
};

class Vpc : public construct::Construct, public IVpc {
 public:
  Vpc(construct::Construct& scope, std::string id, VpcProps props = {});
  Value vpcId() const override { return vpc_->ref(); }
  const std::vector<SubnetInfo>& publicSubnets() const override { return public_; }
  const std::vector<SubnetInfo>& privateSubnets() const override { return private_; }
  std::vector<Value> availabilityZones() const override { return zones_; }

 private:
  construct::CfnResource* vpc_;
  std::vector<Value> zones_;
  std::vector<SubnetInfo> public_;
  std::vector<SubnetInfo> private_;
};

// An existing VPC found through the CDK CLI's "vpc-provider" context lookup (Vpc.fromLookup).
struct VpcLookupOptions {
  bool isDefault = false;
  std::string vpcId;  // when not the default VPC
};

class LookedUpVpc : public construct::Construct, public IVpc {
 public:
  LookedUpVpc(construct::Construct& scope, std::string id, const VpcLookupOptions& options);
  Value vpcId() const override { return Value(vpcId_); }
  const std::vector<SubnetInfo>& publicSubnets() const override { return public_; }
  const std::vector<SubnetInfo>& privateSubnets() const override { return private_; }
  std::vector<Value> availabilityZones() const override;

 private:
  std::string vpcId_;
  std::vector<std::string> zones_;
  std::vector<SubnetInfo> public_;
  std::vector<SubnetInfo> private_;
};

// Splits an IPv4 CIDR block into `count` equal blocks (the next power of two), in order.
std::vector<std::string> splitCidr(const std::string& cidr, std::size_t count);

}  // namespace heliocloud::aws_constructs
