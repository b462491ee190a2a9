#include "config/validators.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <regex>

#include "base/aws_names.h"

namespace heliocloud::config {
namespace {

// Compiling a std::regex costs far more than matching with it, and an instance with Daskhub checks dozens of
// values against the same dozen patterns (a quarter of the installer's run time when compiled per value), so
// each pattern is compiled once.
bool matches(const std::string& v, const char* pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::regex, std::less<>> compiled;
  const std::scoped_lock lock(mutex);
  auto it = compiled.find(std::string_view(pattern));
  if (it == compiled.end()) it = compiled.emplace(pattern, std::regex(pattern)).first;
  return std::regex_match(v, it->second);
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = std::tolower(a[i - 1]) == std::tolower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string check_account_id(const std::string& v) {
  return matches(v, "[0-9]{12}") ? ""
                                 : "an AWS account id is exactly 12 digits (quote it to keep leading zeros)";
}

std::string check_region(const std::string& v) {
  return matches(v, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}")
             ? ""
             : "not an AWS region name (like us-east-1 or eu-west-2)";
}

std::string check_vpc_id(const std::string& v) {
  return matches(v, "vpc-([0-9a-f]{8}|[0-9a-f]{17})") ? "" : "a VPC id looks like vpc-0123456789abcdef0";
}

std::string check_acm_certificate_arn(const std::string& v) {
  return matches(v,
                 "arn:aws(-[a-z]+)*:acm:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}:[0-9]{12}:certificate/"
                 "[0-9a-f-]+")
             ? ""
             : "an ACM certificate ARN looks like arn:aws:acm:us-east-1:123456789012:certificate/<uuid>";
}

// One rule for the instance file and the Registry function's environment (base/aws_names.h).
std::string check_s3_bucket_name(const std::string& v) {
  return base::check_s3_bucket_name(v);
}

std::string check_cognito_domain_prefix(const std::string& v) {
  if (!matches(v, "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"))
    return "a Cognito domain prefix has 1 to 63 lower-case letters, digits and '-', not starting or ending "
           "with '-'";
  for (const char* reserved : {"aws", "amazon", "cognito"})
    if (v.find(reserved) != std::string::npos)
      return std::string("a Cognito domain prefix must not contain the reserved word '") + reserved + "'";
  return "";
}

std::string check_domain_name(const std::string& v) {
  return matches(v, "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}") && v.size() <= 253
             ? ""
             : "not a DNS domain name (lower case, like example.org)";
}

std::string check_dns_label(const std::string& v) {
  return matches(v, "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?") ? "" : "not a DNS name label (like portal)";
}

std::string check_ipv4_cidr(const std::string& v) {
  const std::string octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
  const std::string pattern = octet + "\\." + octet + "\\." + octet + "\\." + octet + "/(3[0-2]|[12]?[0-9])";
  if (!matches(v, pattern.c_str()))
    return "not an IPv4 network in CIDR notation (like 203.0.113.0/24, or 0.0.0.0/0 for anywhere)";
  return "";
}

std::string check_tcp_port(const std::string& v) {
  if (!matches(v, "[1-9][0-9]{0,4}") || std::stol(v) > 65535) return "not a port number from 1 to 65535";
  return "";
}

std::string check_email_local_part(const std::string& v) {
  return matches(v, "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}")
             ? ""
             : "not the part of an e-mail address before the @";
}

std::string check_email_address(const std::string& v) {
  const auto at = v.rfind('@');
  if (at == std::string::npos || at == 0 || !check_email_local_part(v.substr(0, at)).empty() ||
      !check_domain_name(v.substr(at + 1)).empty())
    return "not an e-mail address (like helio.cloud@example.org)";
  return "";
}

std::string check_availability_zone(const std::string& v, const std::string& region) {
  if (!matches(v, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}[a-z]"))
    return "not an availability zone name (a region and a letter, like us-east-1a)";
  if (!region.empty() && v.substr(0, v.size() - 1) != region)
    return "not a zone of region " + region + " (like " + region + "a)";
  return "";
}

std::string check_iam_principal_arn(const std::string& v) {
  return matches(v, "arn:aws(-[a-z]+)*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]{1,512}")
             ? ""
             : "an IAM role or user ARN looks like arn:aws:iam::123456789012:role/Name";
}

std::string check_storage_quantity(const std::string& v) {
  return matches(v, "[1-9][0-9]{0,15}(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?")
             ? ""
             : "not a Kubernetes storage quantity (a whole number with a unit, like 10000Gi or 500G)";
}

std::string check_image_repository(const std::string& v) {
  // registry host[:port] then one or more lower-case path components (the distribution spec's grammar).
  return matches(v, "[a-z0-9]+([.-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)+")
             ? ""
             : "not a container image repository (registry/path without a tag, like "
               "public.ecr.aws/org/image)";
}

std::string check_image_tag(const std::string& v) {
  return matches(v, "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")
             ? ""
             : "not an image tag (letters, digits, '_', '.', '-'; at most 128, like 2025.01.29)";
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace heliocloud::config
