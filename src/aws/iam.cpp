#include "aws/iam.h"

#include <stdexcept>

#include "aws/protocols.h"

namespace heliocloud::aws {
namespace {

constexpr const char* kIamVersion = "2010-05-08";

ServiceInfo iam_info() {
  return {.name = "IAM", .signing_name = "iam", .endpoint_prefix = "iam", .env_id = "IAM"};
}

const xml::Node& result_of(const xml::Node& root, const std::string& action) {
  const xml::Node* r = root.child(action + "Result");
  if (r == nullptr) throw std::runtime_error("IAM " + action + ": the answer has no " + action + "Result");
  return *r;
}

// IAM lists are <Name><member>...</member></Name>.
std::vector<const xml::Node*> members(const xml::Node& result, std::string_view list_name) {
  const xml::Node* list = result.child(list_name);
  return list == nullptr ? std::vector<const xml::Node*>{} : list->children_named("member");
}

AccessKeyMetadata key_of(const xml::Node& node) {
  return {.access_key_id = node.child_text("AccessKeyId"),
          .status = node.child_text("Status"),
          .create_date = node.child_text("CreateDate")};
}

// IAM pages with Marker/IsTruncated; `visit` sees each page's result element.
template <class Visit>
void paged(const ServiceClient& client, const std::string& action, const sigv4::QueryParams& params,
           Visit&& visit) {
  std::string marker;
  do {
    sigv4::QueryParams page = params;
    if (!marker.empty()) page.emplace_back("Marker", marker);
    const xml::Node root = query_call(client, action, kIamVersion, page, true);
    const xml::Node& result = result_of(root, action);
    visit(result);
    marker = result.child_text("IsTruncated") == "true" ? result.child_text("Marker") : std::string();
  } while (!marker.empty());
}

}  // namespace

GlobalEndpoint iam_endpoint_for(const std::string& region) {
  if (region.starts_with("cn-"))
    return {.url = "https://iam.cn-north-1.amazonaws.com.cn", .signing_region = "cn-north-1"};
  if (region.starts_with("us-gov-"))
    return {.url = "https://iam.us-gov.amazonaws.com", .signing_region = "us-gov-west-1"};
  return {.url = "https://iam.amazonaws.com", .signing_region = "us-east-1"};
}

IamClient::IamClient(const ClientConfig& config)
    : client_(with_fixed_endpoint(config, iam_info(), iam_endpoint_for(config.region).url,
                                  iam_endpoint_for(config.region).signing_region),
              iam_info()) {}

IamUser IamClient::get_user(const std::string& user_name) const {
  const xml::Node root = query_call(client_, "GetUser", kIamVersion, {{"UserName", user_name}}, true);
  const xml::Node* user = result_of(root, "GetUser").child("User");
  if (user == nullptr) throw std::runtime_error("IAM GetUser: the answer has no User");
  return {.user_name = user->child_text("UserName"),
          .user_id = user->child_text("UserId"),
          .arn = user->child_text("Arn"),
          .create_date = user->child_text("CreateDate")};
}

std::vector<AccessKeyMetadata> IamClient::list_access_keys(const std::string& user_name) const {
  std::vector<AccessKeyMetadata> out;
  paged(client_, "ListAccessKeys", {{"UserName", user_name}}, [&](const xml::Node& result) {
    for (const auto* m : members(result, "AccessKeyMetadata")) out.push_back(key_of(*m));
  });
  return out;
}

CreatedAccessKey IamClient::create_access_key(const std::string& user_name) const {
  // Not retried: a retry after a lost answer would make a second key whose secret nobody saw.
  const xml::Node root =
      query_call(client_, "CreateAccessKey", kIamVersion, {{"UserName", user_name}}, false);
  const xml::Node* key = result_of(root, "CreateAccessKey").child("AccessKey");
  if (key == nullptr || key->child_text("SecretAccessKey").empty())
    throw std::runtime_error("IAM CreateAccessKey: the answer carries no secret access key");
  return {.metadata = key_of(*key), .secret_access_key = key->child_text("SecretAccessKey")};
}

void IamClient::update_access_key(const std::string& user_name, const std::string& access_key_id,
                                  const std::string& status) const {
  if (status != "Active" && status != "Inactive")
    throw std::invalid_argument("IAM UpdateAccessKey: status \"" + status + "\" is not Active or Inactive");
  query_call(client_, "UpdateAccessKey", kIamVersion,
             {{"UserName", user_name}, {"AccessKeyId", access_key_id}, {"Status", status}}, true);
}

void IamClient::delete_access_key(const std::string& user_name, const std::string& access_key_id) const {
  query_call(client_, "DeleteAccessKey", kIamVersion,
             {{"UserName", user_name}, {"AccessKeyId", access_key_id}}, true);
}

std::vector<MfaDevice> IamClient::list_mfa_devices(const std::string& user_name) const {
  std::vector<MfaDevice> out;
  paged(client_, "ListMFADevices", {{"UserName", user_name}}, [&](const xml::Node& result) {
    for (const auto* m : members(result, "MFADevices"))
      out.push_back(
          {.serial_number = m->child_text("SerialNumber"), .enable_date = m->child_text("EnableDate")});
  });
  return out;
}

}  // namespace heliocloud::aws
