#pragma once
// The two RPC wire protocols over ServiceClient: AWS JSON 1.0/1.1 (DynamoDB, SSM) and the query protocol
// (STS, CloudFormation, IAM): form-encoded POST, XML answer. Usable directly for operations without a
// wrapper.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "aws/service_client.h"
#include "aws/xml.h"

namespace heliocloud::aws {

// POST / with X-Amz-Target: <target_prefix>.<operation>; returns the parsed JSON answer ({} when empty).
nlohmann::json json_rpc_call(const ServiceClient& client, std::string_view target_prefix,
                             std::string_view json_version, const std::string& operation,
                             const nlohmann::json& body, bool idempotent);

// POST / with Action=<action>&Version=<version>&params...; returns the document's root element.
xml::Node query_call(const ServiceClient& client, const std::string& action, const std::string& version,
                     const sigv4::QueryParams& params, bool idempotent);

// application/x-www-form-urlencoded with SigV4's percent-encoding (space as %20).
std::string form_encode(const sigv4::QueryParams& params);

}  // namespace heliocloud::aws
