#pragma once
// The order aws-cdk-lib lists tags in: its TagManager sorts keys with JavaScript's localeCompare, whose ICU
// root collation puts punctuation before digits before letters and ignores case except to break ties
// (lowercase first). Ordering the same way keeps `cdk diff` against a template the original deployed free of
// tag noise.

#include <string>
#include <utility>
#include <vector>

namespace heliocloud::construct {

// True when `a` comes before `b` in that order (ASCII exactly; other characters after ASCII, by code unit).
bool tag_key_less(const std::string& a, const std::string& b);

// Tags as aws-cdk-lib renders them: sorted by tag_key_less.
std::vector<std::pair<std::string, std::string>> sorted_tags(
    std::vector<std::pair<std::string, std::string>> tags);

}  // namespace heliocloud::construct
