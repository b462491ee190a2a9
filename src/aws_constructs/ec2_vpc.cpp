#include "aws_constructs/ec2_vpc.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "construct/context_provider.h"
#include "construct/stack.h"

namespace heliocloud::aws_constructs {
using construct::CfnResource;
using construct::TagStyle;

std::vector<std::string> split_cidr(const std::string& cidr, std::size_t count) {
  const auto slash = cidr.find('/');
  if (slash == std::string::npos) throw std::invalid_argument("not a CIDR block: " + cidr);
  std::uint32_t base = 0;
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    const auto end = cidr.find_first_of("./", pos);
    base = (base << 8U) | static_cast<std::uint32_t>(std::stoul(cidr.substr(pos, end - pos)));
    pos = end + 1;
  }
  const int prefix = std::stoi(cidr.substr(slash + 1));
  int bits = 0;
  while ((std::size_t{1} << static_cast<unsigned>(bits)) < count) ++bits;
  const int new_prefix = prefix + bits;
  if (new_prefix > 28)
    throw std::invalid_argument(cidr + " is too small for " + std::to_string(count) + " subnets");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t addr = base + static_cast<std::uint32_t>(i << static_cast<unsigned>(32 - new_prefix));
    out.push_back(std::to_string(addr >> 24U) + "." + std::to_string((addr >> 16U) & 0xFFU) + "." +
                  std::to_string((addr >> 8U) & 0xFFU) + "." + std::to_string(addr & 0xFFU) + "/" +
                  std::to_string(new_prefix));
  }
  return out;
}

namespace {

struct BuiltSubnet {
  construct::Construct* scope;
  CfnResource* subnet;
  CfnResource* route_table;
  CfnResource* association;
};

BuiltSubnet make_subnet(construct::Construct& vpc_scope, const Value& vpc_id, const std::string& id,
                        const std::string& group_name, bool is_public, const Value& zone,
                        const std::string& cidr) {
  auto& scope = vpc_scope.make<construct::Construct>(id);
  scope.add_tag("Name", scope.path());
  auto& subnet = scope.make<CfnResource>("Subnet", "AWS::EC2::Subnet",
                                         Value::Map{{"AvailabilityZone", zone},
                                                    {"CidrBlock", Value(cidr)},
                                                    {"MapPublicIpOnLaunch", Value(is_public)},
                                                    {"VpcId", vpc_id}},
                                         TagStyle::KeyValueList);
  // aws-cdk-lib tags only the subnet itself with its group (includeResourceTypes: [AWS::EC2::Subnet]); the
  // route table, EIP and NAT gateway of the subnet carry just the Name.
  subnet.add_tag("aws-cdk:subnet-name", group_name);
  subnet.add_tag("aws-cdk:subnet-type", is_public ? "Public" : "Private");
  auto& table = scope.make<CfnResource>("RouteTable", "AWS::EC2::RouteTable", Value::Map{{"VpcId", vpc_id}},
                                        TagStyle::KeyValueList);
  auto& assoc =
      scope.make<CfnResource>("RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation",
                              Value::Map{{"RouteTableId", table.ref()}, {"SubnetId", subnet.ref()}});
  return {.scope = &scope, .subnet = &subnet, .route_table = &table, .association = &assoc};
}

}  // namespace

Vpc::Vpc(construct::Construct& scope, std::string id, const VpcProps& props)
    : Construct(scope, std::move(id)) {
  add_tag("Name", path());
  vpc_ = &make<CfnResource>("Resource", "AWS::EC2::VPC",
                            Value::Map{{"CidrBlock", Value(props.cidr)},
                                       {"EnableDnsHostnames", Value(true)},
                                       {"EnableDnsSupport", Value(true)},
                                       {"InstanceTenancy", Value("default")}},
                            TagStyle::KeyValueList);
  zones_ = stack().availability_zones(props.max_azs);
  const auto blocks = split_cidr(props.cidr, 2 * zones_.size());

  std::vector<BuiltSubnet> publics;
  std::vector<BuiltSubnet> privates;
  publics.reserve(zones_.size());
  for (std::size_t i = 0; i < zones_.size(); ++i)
    publics.push_back(make_subnet(*this, vpc_id(), "PublicSubnet" + std::to_string(i + 1), "Public", true,
                                  zones_[i], blocks[i]));
  privates.reserve(zones_.size());
  for (std::size_t i = 0; i < zones_.size(); ++i)
    privates.push_back(make_subnet(*this, vpc_id(), "PrivateSubnet" + std::to_string(i + 1), "Private", false,
                                   zones_[i], blocks[zones_.size() + i]));

  auto& igw = make<CfnResource>("IGW", "AWS::EC2::InternetGateway", Value::Map{}, TagStyle::KeyValueList);
  auto& attachment = make<CfnResource>("VPCGW", "AWS::EC2::VPCGatewayAttachment",
                                       Value::Map{{"InternetGatewayId", igw.ref()}, {"VpcId", vpc_id()}});

  std::vector<CfnResource*> nats;
  for (std::size_t i = 0; i < publics.size(); ++i) {
    auto& s = publics[i];
    auto& route = s.scope->make<CfnResource>("DefaultRoute", "AWS::EC2::Route",
                                             Value::Map{{"DestinationCidrBlock", Value("0.0.0.0/0")},
                                                        {"GatewayId", igw.ref()},
                                                        {"RouteTableId", s.route_table->ref()}});
    route.add_dependency(attachment);  // the route needs the gateway attached, not just created
    if (i < props.nat_gateways) {
      auto& eip = s.scope->make<CfnResource>("EIP", "AWS::EC2::EIP", Value::Map{{"Domain", Value("vpc")}},
                                             TagStyle::KeyValueList);
      auto& nat = s.scope->make<CfnResource>(
          "NATGateway", "AWS::EC2::NatGateway",
          Value::Map{{"AllocationId", eip.get_att("AllocationId")}, {"SubnetId", s.subnet->ref()}},
          TagStyle::KeyValueList);
      nat.add_dependency(route);
      nat.add_dependency(*s.association);
      nats.push_back(&nat);
    }
    public_.push_back({.subnet_id = s.subnet->ref(),
                       .availability_zone = zones_[i],
                       .route_table_id = s.route_table->ref()});
  }
  for (std::size_t i = 0; i < privates.size(); ++i) {
    auto& s = privates[i];
    if (!nats.empty())
      s.scope->make<CfnResource>("DefaultRoute", "AWS::EC2::Route",
                                 Value::Map{{"DestinationCidrBlock", Value("0.0.0.0/0")},
                                            {"NatGatewayId", nats[i % nats.size()]->ref()},
                                            {"RouteTableId", s.route_table->ref()}});
    private_.push_back({.subnet_id = s.subnet->ref(),
                        .availability_zone = zones_[i],
                        .route_table_id = s.route_table->ref()});
  }
}

LookedUpVpc::LookedUpVpc(construct::Construct& scope, std::string id, const VpcLookupOptions& options)
    : Construct(scope, std::move(id)) {
  nlohmann::ordered_json filter = nlohmann::ordered_json::object();
  if (options.is_default)
    filter["isDefault"] = "true";
  else
    filter["vpc-id"] = options.vpc_id;
  nlohmann::ordered_json props = {{"filter", filter}, {"returnAsymmetricSubnets", true}};
  // What aws-cdk-lib answers before the CLI has looked the VPC up; the CLI reruns the app with the real one.
  const nlohmann::ordered_json dummy = {{"vpcId", "vpc-12345"},
                                        {"vpcCidrBlock", "1.2.3.4/5"},
                                        {"availabilityZones", nlohmann::ordered_json::array()},
                                        {"subnetGroups",
                                         {{{"name", "Public"},
                                           {"type", "Public"},
                                           {"subnets",
                                            {{{"subnetId", "s-12345"}, {"availabilityZone", "dummy1a"}},
                                             {{"subnetId", "s-67890"}, {"availabilityZone", "dummy1b"}}}}},
                                          {{"name", "Private"},
                                           {"type", "Private"},
                                           {"subnets",
                                            {{{"subnetId", "p-12345"}, {"availabilityZone", "dummy1a"}},
                                             {{"subnetId", "p-67890"}, {"availabilityZone", "dummy1b"}}}}}}}};
  const auto found = construct::lookup_context(stack(), "vpc-provider", props, dummy);
  vpc_id_ = found.value("vpcId", "");
  for (const auto& group : found.value("subnetGroups", nlohmann::ordered_json::array())) {
    const std::string type = group.value("type", "");
    for (const auto& s : group.value("subnets", nlohmann::ordered_json::array())) {
      SubnetInfo info{.subnet_id = Value(s.value("subnetId", "")),
                      .availability_zone = Value(s.value("availabilityZone", "")),
                      .route_table_id = Value(s.value("routeTableId", ""))};
      const std::string zone = s.value("availabilityZone", "");
      if (std::ranges::find(zones_, zone) == zones_.end()) zones_.push_back(zone);
      (type == "Public" ? public_ : private_).push_back(info);
    }
  }
  // A default VPC has only public subnets; workloads that want private ones then use those.
  if (private_.empty()) private_ = public_;
}

std::vector<Value> LookedUpVpc::availability_zones() const {
  std::vector<Value> out;
  out.reserve(zones_.size());
  for (const auto& z : zones_) out.emplace_back(z);
  return out;
}

}  // namespace heliocloud::aws_constructs
