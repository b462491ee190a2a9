#pragma once
// Format rules of AWS names, as the services document them. Each returns an empty string when the value is
// valid, else what is wrong in words an operator can act on.

#include <string>
#include <vector>

namespace heliocloud::config {

std::string checkAccountId(const std::string& v);
std::string checkRegion(const std::string& v);
std::string checkVpcId(const std::string& v);
std::string checkAcmCertificateArn(const std::string& v);
std::string checkS3BucketName(const std::string& v);
std::string checkCognitoDomainPrefix(const std::string& v);
std::string checkDomainName(const std::string& v);
std::string checkDnsLabel(const std::string& v);
std::string checkEmailLocalPart(const std::string& v);

// The candidate closest to `word` by edit distance, or "" when none is close enough to be a likely typo.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace heliocloud::config
