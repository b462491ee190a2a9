#pragma once
// The shared AWS files (~/.aws/config and ~/.aws/credentials), as the CLI and SDKs read them.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::aws {

using Profile = std::map<std::string, std::string>;
using Profiles = std::map<std::string, Profile>;

// Parses one file. In the config file sections are "[default]" and "[profile NAME]" (other kinds, such as
// "[sso-session x]", are kept under their full header); in the credentials file a section is the bare name.
// Lines starting with '#' or ';' are comments, as is the rest of a line after " #" or " ;". An indented
// line after "key =" is a sub-setting and is stored as "key.sub".
Profiles parse_shared_file(std::string_view text, bool is_config_file);

// Both files merged: AWS_CONFIG_FILE (default ~/.aws/config) and AWS_SHARED_CREDENTIALS_FILE
// (default ~/.aws/credentials), the credentials file winning where both set a key. Missing files are empty.
Profiles load_shared_profiles();

// AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
std::string active_profile_name();

std::optional<std::string> get_env(const char* name);  // unset and empty are both "not set"

}  // namespace heliocloud::aws
