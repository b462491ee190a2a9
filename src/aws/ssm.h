#pragma once
// AWS Systems Manager Parameter Store (AWS JSON 1.1).
#include <string>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

struct Parameter {
  std::string name;
  std::string type;  // String | StringList | SecureString
  std::string value;
  long long version = 0;
  std::string arn;
};

class SsmClient {
 public:
  explicit SsmClient(ClientConfig config);
  // NotFoundError (ParameterNotFound) when it does not exist.
  Parameter get_parameter(const std::string& name, bool with_decryption = true) const;
  // Returns the new version.
  long long put_parameter(const std::string& name, const std::string& value,
                          const std::string& type = "String", bool overwrite = true) const;
  void delete_parameter(const std::string& name) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
