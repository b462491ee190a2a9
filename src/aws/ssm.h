#pragma once
// AWS Systems Manager (AWS JSON 1.1): Parameter Store, and Run Command (a shell script on a managed node;
// its request and answer types are in ssm_commands.h).
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"
#include "aws/ssm_commands.h"

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

  // Run Command. An instance without a registered, online SSM agent is an AwsError with code
  // InvalidInstanceId whose message says so and what to check. SendCommand is never retried once it may have
  // reached SSM: the script would run twice. Throws std::invalid_argument for a request SSM would refuse.
  SentCommand send_command(const SendCommandRequest& request) const;
  // NotFoundError (InvocationDoesNotExist) for a few seconds after SendCommand, until SSM has recorded it.
  CommandInvocation get_command_invocation(const std::string& command_id,
                                           const std::string& instance_id) const;
  // Asks the agent to stop the command (it may already have ended; SSM promises no more than trying).
  void cancel_command(const std::string& command_id, const std::vector<std::string>& instance_ids = {}) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  static constexpr const char* kTarget = "AmazonSSM";  // X-Amz-Target prefix of every SSM operation
  ServiceClient client_;
};

}  // namespace heliocloud::aws
