#include "construct/synthesizer.h"

#include "base/digest.h"
#include "construct/fn.h"
#include "construct/stack.h"

namespace heliocloud::construct {

std::string StackSynthesizer::account() const {
  return stack_.env().account.value_or("${AWS::AccountId}");
}
std::string StackSynthesizer::region() const {
  return stack_.env().region.value_or("${AWS::Region}");
}

std::string StackSynthesizer::role_arn(const std::string& kind) const {
  return "arn:${AWS::Partition}:iam::" + account() + ":role/cdk-" + kQualifier + "-" + kind + "-role-" +
         account() + "-" + region();
}

std::string StackSynthesizer::lookup_role_arn() const {
  return role_arn("lookup");
}

std::string StackSynthesizer::bucket_name_text() const {
  return std::string("cdk-") + kQualifier + "-assets-" + account() + "-" + region();
}

std::string StackSynthesizer::bootstrap_version_parameter() {
  return std::string("/cdk-bootstrap/") + kQualifier + "/version";
}

std::string StackSynthesizer::object_key(const FileAssetSource& source) {
  return source.hash + (source.directory ? ".zip" : source.source.extension().string());
}

nlohmann::ordered_json StackSynthesizer::asset_manifest_artifact(const std::string& assets_file) {
  return {{"type", "cdk:asset-manifest"},
          {"properties",
           {{"file", assets_file},
            {"requiresBootstrapStackVersion", kBootstrapVersion},
            {"bootstrapStackVersionSsmParameter", bootstrap_version_parameter()}}}};
}

AssetLocation StackSynthesizer::add_file_asset(FileAssetSource source) {
  const std::string key = object_key(source);
  bool known = false;
  for (const auto& a : assets_) known = known || a.hash == source.hash;
  if (!known) assets_.push_back(std::move(source));
  // In a template the bucket name must resolve to the stack's own account and region.
  Value bucket = stack_.is_env_specific() ? Value(bucket_name_text()) : fn::sub(bucket_name_text());
  return {.bucket_name = bucket, .object_key = key};
}

void StackSynthesizer::contribute_to_template(TemplateSections& sections) {
  sections.parameters["BootstrapVersion"] = {{"Type", "AWS::SSM::Parameter::Value<String>"},
                                             {"Default", bootstrap_version_parameter()},
                                             {"Description",
                                              "Version of the CDK Bootstrap resources in this environment, "
                                              "automatically retrieved from SSM Parameter "
                                              "Store. [cdk:skip]"}};
  nlohmann::ordered_json old = nlohmann::ordered_json::array();
  for (int v = 1; v < kBootstrapVersion; ++v) old.push_back(std::to_string(v));
  sections.rules["CheckBootstrapVersion"] = {
      {"Assertions",
       {{{"Assert", {{"Fn::Not", {{{"Fn::Contains", {old, {{"Ref", "BootstrapVersion"}}}}}}}}},
         {"AssertDescription",
          "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the "
          "CDK "
          "CLI."}}}}};
}

nlohmann::ordered_json StackSynthesizer::destination(const std::string& object_key,
                                                     std::string& id_out) const {
  nlohmann::ordered_json d = nlohmann::ordered_json::object();
  d["bucketName"] = bucket_name_text();
  d["objectKey"] = object_key;
  if (stack_.env().region) d["region"] = *stack_.env().region;
  d["assumeRoleArn"] = role_arn("file-publishing");
  // The CLI treats the destination id as opaque; aws-cdk-lib derives it from the destination itself.
  id_out = stack_.env().account.value_or("current_account") + "-" +
           stack_.env().region.value_or("current_region") + "-" + base::sha256_hex(d.dump()).substr(0, 8);
  return d;
}

nlohmann::ordered_json StackSynthesizer::artifact_properties(const std::string& template_file,
                                                             const std::string& template_hash) const {
  nlohmann::ordered_json p = nlohmann::ordered_json::object();
  p["templateFile"] = template_file;
  if (stack_.props().stack_name) p["stackName"] = stack_.stack_name();
  p["terminationProtection"] = stack_.props().termination_protection;
  p["validateOnSynth"] = false;
  p["assumeRoleArn"] = role_arn("deploy");
  p["cloudFormationExecutionRoleArn"] = role_arn("cfn-exec");
  p["stackTemplateAssetObjectUrl"] = "s3://" + bucket_name_text() + "/" + template_hash + ".json";
  p["requiresBootstrapStackVersion"] = kBootstrapVersion;
  p["bootstrapStackVersionSsmParameter"] = bootstrap_version_parameter();
  p["additionalDependencies"] = {stack_.artifact_id() + ".assets"};
  p["lookupRole"] = {{"arn", lookup_role_arn()},
                     {"requiresBootstrapStackVersion", kLookupBootstrapVersion},
                     {"bootstrapStackVersionSsmParameter", bootstrap_version_parameter()}};
  return p;
}

nlohmann::ordered_json StackSynthesizer::asset_manifest(const std::string& template_file,
                                                        const std::string& template_hash,
                                                        const std::string& manifest_version) const {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  auto add = [&](const std::string& hash, const std::string& display_name, const std::string& path,
                 const char* packaging, const std::string& key) {
    std::string id;
    auto dest = destination(key, id);
    files[hash] = {{"displayName", display_name},
                   {"source", {{"path", path}, {"packaging", packaging}}},
                   {"destinations", {{id, dest}}}};
  };
  for (const auto& a : assets_)
    add(a.hash, a.display_name, a.staged_name, a.directory ? "zip" : "file", object_key(a));
  add(template_hash, stack_.artifact_id() + " Template", template_file, "file", template_hash + ".json");
  return {
      {"version", manifest_version}, {"files", files}, {"dockerImages", nlohmann::ordered_json::object()}};
}

}  // namespace heliocloud::construct
