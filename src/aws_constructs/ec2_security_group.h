#pragma once
// An EC2 security group (aws-cdk-lib's ec2.SecurityGroup + Connections): all outbound traffic allowed unless
// told otherwise, inbound only as rules are added. Rules between two groups are separate
// SecurityGroupIngress/Egress resources, as aws-cdk-lib makes them, so two groups that allow each other do
// not form a reference cycle.

#include <optional>
#include <string>

#include "aws_constructs/ec2_vpc.h"
#include "construct/cfn_resource.h"

namespace heliocloud::aws_constructs {

// A protocol and port range, as security group rules and their descriptions name it.
struct Port {
  std::string protocol = "tcp";  // "tcp", "udp", "icmp" or "-1" (all)
  int from_port = 0;
  int to_port = 0;

  static Port tcp(int port) { return {.protocol = "tcp", .from_port = port, .to_port = port}; }
  static Port all_traffic() { return {.protocol = "-1", .from_port = -1, .to_port = -1}; }
  // "tcp 443", "all traffic": used in rule descriptions and construct ids.
  std::string label() const;
};

struct SecurityGroupProps {
  const IVpc* vpc = nullptr;
  std::string description;  // GroupDescription; the construct path when empty
  std::optional<std::string> security_group_name;
  bool allow_all_outbound = true;
};

class SecurityGroup : public construct::Construct {
 public:
  SecurityGroup(construct::Construct& scope, std::string id, SecurityGroupProps props);

  Value security_group_id() const { return resource_->get_att("GroupId"); }
  bool allows_all_outbound() const { return allow_all_outbound_; }
  const construct::CfnResource& resource() const { return *resource_; }

  // Inbound from an IPv4 range, e.g. "0.0.0.0/0" for a public load balancer.
  void add_ingress_rule(const std::string& cidr_ipv4, const Port& port, const std::string& description = "");
  // Outbound to an IPv4 range (only meaningful when outbound traffic is not all allowed).
  void add_egress_rule(const std::string& cidr_ipv4, const Port& port, const std::string& description = "");
  // Connections: `other` may reach this group on `port` (ingress here, and egress there when `other`
  // restricts its outbound traffic).
  void allow_from(SecurityGroup& other, const Port& port, const std::string& description = "");
  // This group may reach `other` on `port`.
  void allow_to(SecurityGroup& other, const Port& port, const std::string& description = "") {
    other.allow_from(*this, port, description);
  }

 private:
  static Value rule(const std::string& cidr_ipv4, const Port& port, const std::string& description);
  void render_rules();

  construct::CfnResource* resource_;
  bool allow_all_outbound_;
  bool egress_placeholder_ = false;  // egress_ holds only the rule that matches no traffic
  Value::List ingress_;
  Value::List egress_;
};

}  // namespace heliocloud::aws_constructs
