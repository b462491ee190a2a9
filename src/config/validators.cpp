#include "config/validators.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace heliocloud::config {
namespace {

bool matches(const std::string& v, const char* pattern) {
  return std::regex_match(v, std::regex(pattern));
}

bool startsWith(const std::string& s, const std::string& p) {
  return s.rfind(p, 0) == 0;
}
bool endsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::size_t editDistance(const std::string& a, const std::string& b) {
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

std::string checkAccountId(const std::string& v) {
  return matches(v, "[0-9]{12}") ? ""
                                 : "an AWS account id is exactly 12 digits (quote it to keep leading zeros)";
}

std::string checkRegion(const std::string& v) {
  return matches(v, "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}")
             ? ""
             : "not an AWS region name (like us-east-1 or eu-west-2)";
}

std::string checkVpcId(const std::string& v) {
  return matches(v, "vpc-([0-9a-f]{8}|[0-9a-f]{17})") ? "" : "a VPC id looks like vpc-0123456789abcdef0";
}

std::string checkAcmCertificateArn(const std::string& v) {
  return matches(v,
                 "arn:aws(-[a-z]+)*:acm:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}:[0-9]{12}:certificate/"
                 "[0-9a-f-]+")
             ? ""
             : "an ACM certificate ARN looks like arn:aws:acm:us-east-1:123456789012:certificate/<uuid>";
}

std::string checkS3BucketName(const std::string& v) {
  if (v.size() < 3 || v.size() > 63) return "an S3 bucket name has 3 to 63 characters";
  if (!matches(v, "[a-z0-9][a-z0-9.-]*[a-z0-9]"))
    return "an S3 bucket name uses lower-case letters, digits, '.' and '-', and starts and ends with a "
           "letter or digit";
  if (v.find("..") != std::string::npos) return "an S3 bucket name must not contain two dots in a row";
  if (matches(v, "[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+"))
    return "an S3 bucket name must not look like an IP address";
  for (const char* prefix : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (startsWith(v, prefix)) return std::string("an S3 bucket name must not start with ") + prefix;
  for (const char* suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"})
    if (endsWith(v, suffix)) return std::string("an S3 bucket name must not end with ") + suffix;
  return "";
}

std::string checkCognitoDomainPrefix(const std::string& v) {
  if (!matches(v, "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"))
    return "a Cognito domain prefix has 1 to 63 lower-case letters, digits and '-', not starting or ending "
           "with '-'";
  for (const char* reserved : {"aws", "amazon", "cognito"})
    if (v.find(reserved) != std::string::npos)
      return std::string("a Cognito domain prefix must not contain the reserved word '") + reserved + "'";
  return "";
}

std::string checkDomainName(const std::string& v) {
  return matches(v, "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}") && v.size() <= 253
             ? ""
             : "not a DNS domain name (lower case, like example.org)";
}

std::string checkDnsLabel(const std::string& v) {
  return matches(v, "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?") ? "" : "not a DNS name label (like portal)";
}

std::string checkEmailLocalPart(const std::string& v) {
  return matches(v, "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}")
             ? ""
             : "not the part of an e-mail address before the @";
}

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t bestDistance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace heliocloud::config
