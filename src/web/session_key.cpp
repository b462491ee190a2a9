#include "web/session_key.h"

#include <fstream>
#include <sstream>

namespace heliocloud::web {
namespace {

base::Result<std::string> long_enough(std::string key, const std::string& where) {
  if (key.size() < kMinSessionKeyBytes) {
    return base::Result<std::string>::failure(
        where + " holds " + std::to_string(key.size()) + " bytes; the session key needs at least " +
        std::to_string(kMinSessionKeyBytes) + " (e.g. head -c 48 /dev/urandom | base64)");
  }
  return base::Result<std::string>::success(std::move(key));
}

}  // namespace

base::Result<std::string> session_key_from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Result<std::string>::failure("cannot read the session key file " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string key = bytes.str();
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  return long_enough(std::move(key), "the session key file " + path);
}

base::Result<std::string> session_key_from_secret(const std::optional<std::string>& text,
                                                  const std::optional<std::string>& binary,
                                                  const std::string& secret_id) {
  if (text) return long_enough(*text, "the secret " + secret_id);
  if (binary) return long_enough(*binary, "the secret " + secret_id);
  return base::Result<std::string>::failure("the secret " + secret_id + " has no value");
}

}  // namespace heliocloud::web
