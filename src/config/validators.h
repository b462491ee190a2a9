#pragma once
// Format rules of AWS names, as the services document them. Each returns an empty string when the value is
// valid, else what is wrong in words an operator can act on.

#include <string>
#include <vector>

namespace heliocloud::config {

std::string check_account_id(const std::string& v);
std::string check_region(const std::string& v);
std::string check_vpc_id(const std::string& v);
std::string check_acm_certificate_arn(const std::string& v);
std::string check_s3_bucket_name(const std::string& v);
std::string check_cognito_domain_prefix(const std::string& v);
std::string check_domain_name(const std::string& v);
std::string check_dns_label(const std::string& v);
// An IPv4 network in CIDR notation, e.g. 203.0.113.0/24 or 0.0.0.0/0.
std::string check_ipv4_cidr(const std::string& v);
// A TCP port number, 1-65535.
std::string check_tcp_port(const std::string& v);
std::string check_email_local_part(const std::string& v);
std::string check_email_address(const std::string& v);
// An availability zone name (us-east-1a); `region`, when not empty, must be the zone's region.
std::string check_availability_zone(const std::string& v, const std::string& region);
// The ARN of an IAM user or role (what an EKS identity mapping accepts).
std::string check_iam_principal_arn(const std::string& v);
// A Kubernetes resource quantity for a volume size: a positive whole number with an optional binary (Ki..Ei)
// or decimal (k..E) suffix, like 10000Gi.
std::string check_storage_quantity(const std::string& v);
// A container image repository without tag (public.ecr.aws/org/image) and an image tag (2025.01.29).
std::string check_image_repository(const std::string& v);
std::string check_image_tag(const std::string& v);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a likely typo.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace heliocloud::config
