#include "aws/ssm.h"

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {
ServiceInfo ssm_info() {
  return {.name = "SSM", .signing_name = "ssm", .endpoint_prefix = "ssm", .env_id = "SSM"};
}
}  // namespace

SsmClient::SsmClient(ClientConfig config) : client_(std::move(config), ssm_info()) {}

Parameter SsmClient::get_parameter(const std::string& name, bool with_decryption) const {
  const auto resp = json_rpc_call(client_, kTarget, "1.1", "GetParameter",
                                  {{"Name", name}, {"WithDecryption", with_decryption}}, true);
  const auto& p = resp.at("Parameter");
  return {.name = p.value("Name", std::string()),
          .type = p.value("Type", std::string()),
          .value = p.value("Value", std::string()),
          .version = p.value("Version", 0LL),
          .arn = p.value("ARN", std::string())};
}

long long SsmClient::put_parameter(const std::string& name, const std::string& value, const std::string& type,
                                   bool overwrite) const {
  const auto resp =
      json_rpc_call(client_, kTarget, "1.1", "PutParameter",
                    {{"Name", name}, {"Value", value}, {"Type", type}, {"Overwrite", overwrite}}, overwrite);
  return resp.value("Version", 0LL);
}

void SsmClient::delete_parameter(const std::string& name) const {
  json_rpc_call(client_, kTarget, "1.1", "DeleteParameter", {{"Name", name}}, true);
}

}  // namespace heliocloud::aws
