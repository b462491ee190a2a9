#pragma once
// Amazon EC2 (the EC2 query protocol, API 2016-11-15): what the User Portal does with a user's machines and
// key pairs, and what it reads to offer images and instance types.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct Tag {
  std::string key;
  std::string value;
  bool operator==(const Tag&) const = default;
};

// The value of tag `key`, if there is one.
std::optional<std::string> find_tag(const std::vector<Tag>& tags, std::string_view key);

// A DescribeInstances/DescribeKeyPairs filter: "tag:Owner" = {"alice"}, "instance-state-name" = {...}.
struct Filter {
  std::string name;
  std::vector<std::string> values;
};

struct Instance {
  std::string instance_id;
  std::string instance_type;
  std::string state;  // pending | running | shutting-down | terminated | stopping | stopped
  std::string image_id;
  std::string key_name;
  std::string launch_time;       // ISO 8601, as EC2 gives it
  std::string platform_details;  // "Linux/UNIX", "Windows", ...
  std::string root_device_name;  // "/dev/xvda" (Amazon Linux), "/dev/sda1" (Ubuntu): tells the ssh user
  std::string public_dns_name;
  std::string public_ip_address;
  std::string private_ip_address;
  std::string subnet_id;
  std::vector<Tag> tags;
};

struct InstanceStateChange {
  std::string instance_id;
  std::string previous_state;
  std::string current_state;
};

struct RunInstanceRequest {
  std::string image_id;
  std::string instance_type;
  std::optional<std::string> key_name;
  std::optional<std::string> subnet_id;
  std::vector<std::string> security_group_ids;
  std::optional<std::string> instance_profile_arn;
  // The root volume: gp3, encrypted, deleted with the instance. Left to the image's default when absent.
  std::optional<std::string> root_device_name;
  std::optional<int> root_volume_size_gb;
  std::vector<Tag> tags;  // put on the instance and its volumes at launch
};

struct Image {
  std::string image_id;
  std::string name;
  std::string description;
  std::string owner_id;
  std::string architecture;  // x86_64 | arm64
  std::string platform_details;
  std::string creation_date;
  std::string root_device_name;
  std::optional<int> root_volume_size_gb;  // the snapshot's size: the smallest volume the image can have
};

struct KeyPair {
  std::string key_pair_id;
  std::string key_name;
  std::string key_fingerprint;
  std::string key_type;  // rsa | ed25519 (moto leaves it empty for rsa)
  std::vector<Tag> tags;
};

struct CreatedKeyPair {
  KeyPair key_pair;
  std::string key_material;  // the private key: returned once, in this answer only
};

struct InstanceTypeInfo {
  std::string instance_type;
  int vcpus = 0;
  long long memory_mib = 0;
  int gpus = 0;
  std::vector<std::string> architectures;
};

class Ec2Client {
 public:
  explicit Ec2Client(ClientConfig config);

  // Every instance matching the filters (and ids, when given), across all pages.
  std::vector<Instance> describe_instances(const std::vector<Filter>& filters,
                                           const std::vector<std::string>& instance_ids = {}) const;
  // Launches one instance with IMDSv2 required; returns it as EC2 answered (state pending).
  Instance run_instance(const RunInstanceRequest& request) const;
  std::vector<InstanceStateChange> start_instances(const std::vector<std::string>& instance_ids) const;
  std::vector<InstanceStateChange> stop_instances(const std::vector<std::string>& instance_ids) const;
  std::vector<InstanceStateChange> terminate_instances(const std::vector<std::string>& instance_ids) const;
  void create_tags(const std::vector<std::string>& resource_ids, const std::vector<Tag>& tags) const;

  std::vector<Image> describe_images(const std::vector<std::string>& image_ids) const;

  std::vector<KeyPair> describe_key_pairs(const std::vector<Filter>& filters) const;
  // key_type rsa or ed25519; the private key comes back as PEM.
  CreatedKeyPair create_key_pair(const std::string& key_name, const std::string& key_type,
                                 const std::vector<Tag>& tags) const;
  void delete_key_pair(const std::string& key_name) const;

  std::vector<InstanceTypeInfo> describe_instance_types(const std::vector<std::string>& instance_types) const;

  const ServiceClient& service() const noexcept { return client_; }

 private:
  std::vector<InstanceStateChange> change_state(const std::string& action,
                                                const std::vector<std::string>& instance_ids) const;
  ServiceClient client_;
};

}  // namespace heliocloud::aws
