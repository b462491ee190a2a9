#include "base/aws_names.h"

#include <array>
#include <regex>
#include <string_view>

namespace heliocloud::base {

std::string check_s3_bucket_name(const std::string& name) {
  static const std::regex kAllowedCharacters("[a-z0-9][a-z0-9.-]*[a-z0-9]");
  static const std::regex kIpAddress("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+");
  // Reserved for S3's own features (punycode, access point aliases, Outposts, multi-region access points...).
  constexpr std::array<std::string_view, 3> kReservedPrefixes = {"xn--", "sthree-", "amzn-s3-demo-"};
  constexpr std::array<std::string_view, 5> kReservedSuffixes = {"-s3alias", "--ol-s3", ".mrap", "--x-s3",
                                                                 "--table-s3"};
  if (name.size() < 3 || name.size() > 63) return "an S3 bucket name has 3 to 63 characters";
  if (!std::regex_match(name, kAllowedCharacters))
    return "an S3 bucket name uses lower-case letters, digits, '.' and '-', and starts and ends with a "
           "letter or digit";
  if (name.find("..") != std::string::npos) return "an S3 bucket name must not contain two dots in a row";
  if (std::regex_match(name, kIpAddress)) return "an S3 bucket name must not look like an IP address";
  for (const auto prefix : kReservedPrefixes)
    if (name.starts_with(prefix)) return "an S3 bucket name must not start with " + std::string(prefix);
  for (const auto suffix : kReservedSuffixes)
    if (name.ends_with(suffix)) return "an S3 bucket name must not end with " + std::string(suffix);
  return "";
}

}  // namespace heliocloud::base
