#include "aws/ec2.h"

#include <stdexcept>

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kEc2Version = "2016-11-15";

ServiceInfo ec2_info() {
  return {.name = "EC2", .signing_name = "ec2", .endpoint_prefix = "ec2", .env_id = "EC2"};
}

// EC2 lists are <nameSet><item>...</item></nameSet>.
std::vector<const xml::Node*> items(const xml::Node& parent, std::string_view set_name) {
  const xml::Node* set = parent.child(set_name);
  return set == nullptr ? std::vector<const xml::Node*>{} : set->children_named("item");
}

std::vector<Tag> tags_of(const xml::Node& parent) {
  std::vector<Tag> out;
  for (const auto* item : items(parent, "tagSet"))
    out.push_back({.key = item->child_text("key"), .value = item->child_text("value")});
  return out;
}

std::optional<int> optional_int(const xml::Node* node) {
  if (node == nullptr || node->text.empty()) return std::nullopt;
  try {
    return std::stoi(node->text);
  } catch (const std::exception&) {
    throw std::runtime_error("EC2: \"" + node->text + "\" in <" + node->name + "> is not a number");
  }
}

// Query lists are numbered from 1: Prefix.1, Prefix.2, ...
void add_list(sigv4::QueryParams& params, const std::string& prefix, const std::vector<std::string>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    params.emplace_back(prefix + "." + std::to_string(i + 1), values[i]);
}

void add_filters(sigv4::QueryParams& params, const std::vector<Filter>& filters) {
  for (std::size_t i = 0; i < filters.size(); ++i) {
    const std::string prefix = "Filter." + std::to_string(i + 1);
    params.emplace_back(prefix + ".Name", filters[i].name);
    add_list(params, prefix + ".Value", filters[i].values);
  }
}

void add_tags(sigv4::QueryParams& params, const std::string& prefix, const std::vector<Tag>& tags) {
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string tag = prefix + "." + std::to_string(i + 1);
    params.emplace_back(tag + ".Key", tags[i].key);
    params.emplace_back(tag + ".Value", tags[i].value);
  }
}

void add_tag_specification(sigv4::QueryParams& params, int index, const std::string& resource_type,
                           const std::vector<Tag>& tags) {
  const std::string prefix = "TagSpecification." + std::to_string(index);
  params.emplace_back(prefix + ".ResourceType", resource_type);
  add_tags(params, prefix + ".Tag", tags);
}

Instance instance_of(const xml::Node& item) {
  Instance out;
  out.instance_id = item.child_text("instanceId");
  out.instance_type = item.child_text("instanceType");
  if (const auto* state = item.child("instanceState")) out.state = state->child_text("name");
  out.image_id = item.child_text("imageId");
  out.key_name = item.child_text("keyName");
  out.launch_time = item.child_text("launchTime");
  out.platform_details = item.child_text("platformDetails");
  out.root_device_name = item.child_text("rootDeviceName");
  out.public_dns_name = item.child_text("dnsName");
  out.public_ip_address = item.child_text("ipAddress");
  out.private_ip_address = item.child_text("privateIpAddress");
  out.subnet_id = item.child_text("subnetId");
  out.tags = tags_of(item);
  if (out.instance_id.empty()) throw std::runtime_error("EC2: an instance in the answer has no instanceId");
  return out;
}

KeyPair key_pair_of(const xml::Node& node) {
  return {.key_pair_id = node.child_text("keyPairId"),
          .key_name = node.child_text("keyName"),
          .key_fingerprint = node.child_text("keyFingerprint"),
          .key_type = node.child_text("keyType"),
          .tags = tags_of(node)};
}

void require_ids(const std::string& action, const std::vector<std::string>& ids) {
  if (ids.empty()) throw std::invalid_argument("EC2 " + action + ": no instance ids given");
}

}  // namespace

std::optional<std::string> find_tag(const std::vector<Tag>& tags, std::string_view key) {
  for (const auto& t : tags)
    if (t.key == key) return t.value;
  return std::nullopt;
}

Ec2Client::Ec2Client(ClientConfig config) : client_(std::move(config), ec2_info()) {}

std::vector<Instance> Ec2Client::describe_instances(const std::vector<Filter>& filters,
                                                    const std::vector<std::string>& instance_ids) const {
  std::vector<Instance> out;
  std::string next_token;
  do {
    sigv4::QueryParams params;
    add_filters(params, filters);
    add_list(params, "InstanceId", instance_ids);
    if (!next_token.empty()) params.emplace_back("NextToken", next_token);
    const xml::Node root = query_call(client_, "DescribeInstances", kEc2Version, params, true);
    for (const auto* reservation : items(root, "reservationSet"))
      for (const auto* item : items(*reservation, "instancesSet")) out.push_back(instance_of(*item));
    next_token = root.child_text("nextToken");
  } while (!next_token.empty());
  return out;
}

Instance Ec2Client::run_instance(const RunInstanceRequest& request) const {
  if (request.image_id.empty() || request.instance_type.empty())
    throw std::invalid_argument("EC2 RunInstances: an image id and an instance type are required");
  sigv4::QueryParams params{{"ImageId", request.image_id},
                            {"InstanceType", request.instance_type},
                            {"MinCount", "1"},
                            {"MaxCount", "1"},
                            // IMDSv2 only: a server-side request forgery cannot read the role's credentials.
                            {"MetadataOptions.HttpTokens", "required"},
                            {"MetadataOptions.HttpEndpoint", "enabled"}};
  if (request.key_name) params.emplace_back("KeyName", *request.key_name);
  if (request.subnet_id) params.emplace_back("SubnetId", *request.subnet_id);
  add_list(params, "SecurityGroupId", request.security_group_ids);
  if (request.instance_profile_arn)
    params.emplace_back("IamInstanceProfile.Arn", *request.instance_profile_arn);
  if (request.root_volume_size_gb) {
    if (!request.root_device_name)
      throw std::invalid_argument("EC2 RunInstances: a root volume size needs the image's root device name");
    params.emplace_back("BlockDeviceMapping.1.DeviceName", *request.root_device_name);
    params.emplace_back("BlockDeviceMapping.1.Ebs.VolumeSize", std::to_string(*request.root_volume_size_gb));
    params.emplace_back("BlockDeviceMapping.1.Ebs.VolumeType", "gp3");
    params.emplace_back("BlockDeviceMapping.1.Ebs.Encrypted", "true");
    params.emplace_back("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true");
  }
  if (!request.tags.empty()) {
    add_tag_specification(params, 1, "instance", request.tags);
    add_tag_specification(params, 2, "volume", request.tags);
  }
  // Not retried: a repeated RunInstances would start a second machine.
  const xml::Node root = query_call(client_, "RunInstances", kEc2Version, params, false);
  const auto launched = items(root, "instancesSet");
  if (launched.size() != 1)
    throw std::runtime_error("EC2 RunInstances: expected one instance in the answer, got " +
                             std::to_string(launched.size()));
  return instance_of(*launched.front());
}

std::vector<InstanceStateChange> Ec2Client::change_state(const std::string& action,
                                                         const std::vector<std::string>& instance_ids) const {
  require_ids(action, instance_ids);
  sigv4::QueryParams params;
  add_list(params, "InstanceId", instance_ids);
  const xml::Node root = query_call(client_, action, kEc2Version, params, true);
  std::vector<InstanceStateChange> out;
  for (const auto* item : items(root, "instancesSet")) {
    InstanceStateChange change{.instance_id = item->child_text("instanceId")};
    if (const auto* s = item->child("previousState")) change.previous_state = s->child_text("name");
    if (const auto* s = item->child("currentState")) change.current_state = s->child_text("name");
    out.push_back(std::move(change));
  }
  return out;
}

std::vector<InstanceStateChange> Ec2Client::start_instances(const std::vector<std::string>& ids) const {
  return change_state("StartInstances", ids);
}

std::vector<InstanceStateChange> Ec2Client::stop_instances(const std::vector<std::string>& ids) const {
  return change_state("StopInstances", ids);
}

std::vector<InstanceStateChange> Ec2Client::terminate_instances(const std::vector<std::string>& ids) const {
  return change_state("TerminateInstances", ids);
}

void Ec2Client::create_tags(const std::vector<std::string>& resource_ids,
                            const std::vector<Tag>& tags) const {
  if (resource_ids.empty() || tags.empty())
    throw std::invalid_argument("EC2 CreateTags: no resources or no tags");
  sigv4::QueryParams params;
  add_list(params, "ResourceId", resource_ids);
  add_tags(params, "Tag", tags);
  query_call(client_, "CreateTags", kEc2Version, params, true);
}

std::vector<Image> Ec2Client::describe_images(const std::vector<std::string>& image_ids) const {
  if (image_ids.empty()) throw std::invalid_argument("EC2 DescribeImages: no image ids given");
  sigv4::QueryParams params;
  add_list(params, "ImageId", image_ids);
  const xml::Node root = query_call(client_, "DescribeImages", kEc2Version, params, true);
  std::vector<Image> out;
  for (const auto* item : items(root, "imagesSet")) {
    Image image{.image_id = item->child_text("imageId"),
                .name = item->child_text("name"),
                .description = item->child_text("description"),
                .owner_id = item->child_text("imageOwnerId"),
                .architecture = item->child_text("architecture"),
                .platform_details = item->child_text("platformDetails"),
                .creation_date = item->child_text("creationDate"),
                .root_device_name = item->child_text("rootDeviceName")};
    for (const auto* mapping : items(*item, "blockDeviceMapping"))
      if (mapping->child_text("deviceName") == image.root_device_name)
        if (const auto* ebs = mapping->child("ebs"))
          image.root_volume_size_gb = optional_int(ebs->child("volumeSize"));
    out.push_back(std::move(image));
  }
  return out;
}

std::vector<KeyPair> Ec2Client::describe_key_pairs(const std::vector<Filter>& filters) const {
  sigv4::QueryParams params;
  add_filters(params, filters);
  const xml::Node root = query_call(client_, "DescribeKeyPairs", kEc2Version, params, true);
  std::vector<KeyPair> out;
  for (const auto* item : items(root, "keySet")) out.push_back(key_pair_of(*item));
  return out;
}

CreatedKeyPair Ec2Client::create_key_pair(const std::string& key_name, const std::string& key_type,
                                          const std::vector<Tag>& tags) const {
  if (key_type != "rsa" && key_type != "ed25519")
    throw std::invalid_argument("EC2 CreateKeyPair: key type \"" + key_type + "\" is not rsa or ed25519");
  sigv4::QueryParams params{{"KeyName", key_name}, {"KeyType", key_type}, {"KeyFormat", "pem"}};
  if (!tags.empty()) add_tag_specification(params, 1, "key-pair", tags);
  // Not retried: a retry after a lost answer would fail as a duplicate, and the first key's private half
  // would be lost with that answer.
  const xml::Node root = query_call(client_, "CreateKeyPair", kEc2Version, params, false);
  CreatedKeyPair out{.key_pair = key_pair_of(root), .key_material = root.child_text("keyMaterial")};
  if (out.key_material.empty())
    throw std::runtime_error("EC2 CreateKeyPair: the answer carries no private key");
  if (out.key_pair.tags.empty()) out.key_pair.tags = tags;
  return out;
}

void Ec2Client::delete_key_pair(const std::string& key_name) const {
  query_call(client_, "DeleteKeyPair", kEc2Version, {{"KeyName", key_name}}, true);
}

std::vector<InstanceTypeInfo> Ec2Client::describe_instance_types(
    const std::vector<std::string>& types) const {
  std::vector<InstanceTypeInfo> out;
  std::string next_token;
  do {
    sigv4::QueryParams params;
    add_list(params, "InstanceType", types);
    if (!next_token.empty()) params.emplace_back("NextToken", next_token);
    const xml::Node root = query_call(client_, "DescribeInstanceTypes", kEc2Version, params, true);
    for (const auto* item : items(root, "instanceTypeSet")) {
      InstanceTypeInfo info{.instance_type = item->child_text("instanceType")};
      if (const auto* v = item->find("vCpuInfo/defaultVCpus")) info.vcpus = optional_int(v).value_or(0);
      if (const auto* m = item->find("memoryInfo/sizeInMiB")) info.memory_mib = optional_int(m).value_or(0);
      if (const auto* gpu = item->child("gpuInfo"))
        for (const auto* g : items(*gpu, "gpus")) info.gpus += optional_int(g->child("count")).value_or(0);
      if (const auto* p = item->child("processorInfo"))
        for (const auto* a : items(*p, "supportedArchitectures")) info.architectures.push_back(a->text);
      out.push_back(std::move(info));
    }
    next_token = root.child_text("nextToken");
  } while (!next_token.empty());
  return out;
}

}  // namespace heliocloud::aws
