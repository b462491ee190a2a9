#include "aws_constructs/ec2_security_group.h"

#include <cctype>
#include <stdexcept>

namespace heliocloud::aws_constructs {
namespace {

// Construct ids may not contain '/', and read better without punctuation.
std::string id_part(const std::string& path) {
  std::string out;
  for (char c : path)
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out += c;
  return out;
}

Value::Map port_properties(const Port& port) {
  Value::Map m{{"IpProtocol", Value(port.protocol)}};
  if (port.protocol != "-1") {
    m.emplace("FromPort", Value(port.from_port));
    m.emplace("ToPort", Value(port.to_port));
  }
  return m;
}

}  // namespace

std::string Port::label() const {
  if (protocol == "-1") return "all traffic";
  if (from_port == to_port) return protocol + " " + std::to_string(from_port);
  return protocol + " " + std::to_string(from_port) + "-" + std::to_string(to_port);
}

SecurityGroup::SecurityGroup(construct::Construct& scope, std::string id, SecurityGroupProps props)
    : Construct(scope, std::move(id)), allow_all_outbound_(props.allow_all_outbound) {
  if (props.vpc == nullptr) throw std::invalid_argument(path() + ": a security group needs a VPC");
  Value::Map p{{"GroupDescription", Value(props.description.empty() ? path() : props.description)},
               {"VpcId", props.vpc->vpc_id()}};
  if (props.security_group_name) p.emplace("GroupName", Value(*props.security_group_name));
  resource_ = &make<construct::CfnResource>("Resource", "AWS::EC2::SecurityGroup", std::move(p),
                                            construct::TagStyle::KeyValueList);
  if (allow_all_outbound_) {
    egress_.push_back(rule("0.0.0.0/0", Port::all_traffic(), "Allow all outbound traffic by default"));
  } else {
    // A group without egress rules gets EC2's allow-all rule back; aws-cdk-lib's placeholder matches no
    // traffic (an ICMP type/code pair that does not exist) and keeps outbound closed.
    egress_.push_back(Value::map({{"CidrIp", Value("255.255.255.255/32")},
                                  {"Description", Value("Disallow all traffic")},
                                  {"FromPort", Value(252)},
                                  {"IpProtocol", Value("icmp")},
                                  {"ToPort", Value(86)}}));
    egress_placeholder_ = true;
  }
  render_rules();
}

Value SecurityGroup::rule(const std::string& cidr_ipv4, const Port& port, const std::string& description) {
  Value::Map m = port_properties(port);
  m.emplace("CidrIp", Value(cidr_ipv4));
  m.emplace("Description",
            Value(description.empty() ? "from " + cidr_ipv4 + ":" + port.label() : description));
  return Value(std::move(m));
}

void SecurityGroup::render_rules() {
  if (!ingress_.empty()) resource_->set_property("SecurityGroupIngress", Value(ingress_));
  resource_->set_property("SecurityGroupEgress", Value(egress_));
}

void SecurityGroup::add_ingress_rule(const std::string& cidr_ipv4, const Port& port,
                                     const std::string& description) {
  ingress_.push_back(rule(cidr_ipv4, port, description));
  render_rules();
}

void SecurityGroup::add_egress_rule(const std::string& cidr_ipv4, const Port& port,
                                    const std::string& description) {
  if (allow_all_outbound_) return;  // already allowed; a narrower rule would change nothing
  if (egress_placeholder_) egress_.clear();
  egress_placeholder_ = false;
  egress_.push_back(rule(cidr_ipv4, port, description));
  render_rules();
}

void SecurityGroup::allow_from(SecurityGroup& other, const Port& port, const std::string& description) {
  const std::string text = description.empty() ? "from " + other.path() + ":" + port.label() : description;
  Value::Map in = port_properties(port);
  in.emplace("Description", Value(text));
  in.emplace("GroupId", security_group_id());
  in.emplace("SourceSecurityGroupId", other.security_group_id());
  const std::string rule_id = "from " + id_part(other.path()) + ":" + port.label();
  if (try_find_child(rule_id) != nullptr) return;  // allowed already
  make<construct::CfnResource>(rule_id, "AWS::EC2::SecurityGroupIngress", std::move(in));
  if (other.allow_all_outbound_) return;
  Value::Map out = port_properties(port);
  out.emplace("Description", Value("to " + path() + ":" + port.label()));
  out.emplace("DestinationSecurityGroupId", security_group_id());
  out.emplace("GroupId", other.security_group_id());
  other.make<construct::CfnResource>("to " + id_part(path()) + ":" + port.label(),
                                     "AWS::EC2::SecurityGroupEgress", std::move(out));
}

}  // namespace heliocloud::aws_constructs
