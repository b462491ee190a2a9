#include "construct/synthesizer.h"

#include "construct/fn.h"
#include "construct/sha256.h"
#include "construct/stack.h"

namespace heliocloud::construct {

std::string StackSynthesizer::account() const {
  return stack_.env().account.value_or("${AWS::AccountId}");
}
std::string StackSynthesizer::region() const {
  return stack_.env().region.value_or("${AWS::Region}");
}

std::string StackSynthesizer::roleArn(const std::string& kind) const {
  return "arn:${AWS::Partition}:iam::" + account() + ":role/cdk-" + kQualifier + "-" + kind + "-role-" +
         account() + "-" + region();
}

std::string StackSynthesizer::lookupRoleArn() const {
  return roleArn("lookup");
}

std::string StackSynthesizer::bucketNameText() const {
  return std::string("cdk-") + kQualifier + "-assets-" + account() + "-" + region();
}

std::string StackSynthesizer::bootstrapVersionParameter() {
  return std::string("/cdk-bootstrap/") + kQualifier + "/version";
}

std::string StackSynthesizer::objectKey(const FileAssetSource& source) {
  return source.hash + (source.directory ? ".zip" : source.source.extension().string());
}

nlohmann::ordered_json StackSynthesizer::assetManifestArtifact(const std::string& assetsFile) {
  return {{"type", "cdk:asset-manifest"},
          {"properties",
           {{"file", assetsFile},
            {"requiresBootstrapStackVersion", kBootstrapVersion},
            {"bootstrapStackVersionSsmParameter", bootstrapVersionParameter()}}}};
}

AssetLocation StackSynthesizer::addFileAsset(FileAssetSource source) {
  const std::string key = objectKey(source);
  bool known = false;
  for (const auto& a : assets_) known = known || a.hash == source.hash;
  if (!known) assets_.push_back(std::move(source));
  // In a template the bucket name must resolve to the stack's own account and region.
  Value bucket = stack_.isEnvSpecific() ? Value(bucketNameText()) : fn::sub(bucketNameText());
  return {bucket, key};
}

void StackSynthesizer::contributeToTemplate(TemplateSections& sections) const {
  sections.parameters["BootstrapVersion"] = {{"Type", "AWS::SSM::Parameter::Value<String>"},
                                             {"Default", bootstrapVersionParameter()},
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

nlohmann::ordered_json StackSynthesizer::destination(const std::string& objectKey, std::string& idOut) const {
  nlohmann::ordered_json d = nlohmann::ordered_json::object();
  d["bucketName"] = bucketNameText();
  d["objectKey"] = objectKey;
  if (stack_.env().region) d["region"] = *stack_.env().region;
  d["assumeRoleArn"] = roleArn("file-publishing");
  // The CLI treats the destination id as opaque; aws-cdk-lib derives it from the destination itself.
  idOut = stack_.env().account.value_or("current_account") + "-" +
          stack_.env().region.value_or("current_region") + "-" + sha256Hex(d.dump()).substr(0, 8);
  return d;
}

nlohmann::ordered_json StackSynthesizer::artifactProperties(const std::string& templateFile,
                                                            const std::string& templateHash) const {
  nlohmann::ordered_json p = nlohmann::ordered_json::object();
  p["templateFile"] = templateFile;
  if (stack_.props().stackName) p["stackName"] = stack_.stackName();
  p["terminationProtection"] = stack_.props().terminationProtection;
  p["validateOnSynth"] = false;
  p["assumeRoleArn"] = roleArn("deploy");
  p["cloudFormationExecutionRoleArn"] = roleArn("cfn-exec");
  p["stackTemplateAssetObjectUrl"] = "s3://" + bucketNameText() + "/" + templateHash + ".json";
  p["requiresBootstrapStackVersion"] = kBootstrapVersion;
  p["bootstrapStackVersionSsmParameter"] = bootstrapVersionParameter();
  p["additionalDependencies"] = {stack_.artifactId() + ".assets"};
  p["lookupRole"] = {{"arn", lookupRoleArn()},
                     {"requiresBootstrapStackVersion", kLookupBootstrapVersion},
                     {"bootstrapStackVersionSsmParameter", bootstrapVersionParameter()}};
  return p;
}

nlohmann::ordered_json StackSynthesizer::assetManifest(const std::string& templateFile,
                                                       const std::string& templateHash,
                                                       const std::string& manifestVersion) const {
  nlohmann::ordered_json files = nlohmann::ordered_json::object();
  auto add = [&](const std::string& hash, const std::string& displayName, const std::string& path,
                 const char* packaging, const std::string& key) {
    std::string id;
    auto dest = destination(key, id);
    files[hash] = {{"displayName", displayName},
                   {"source", {{"path", path}, {"packaging", packaging}}},
                   {"destinations", {{id, dest}}}};
  };
  for (const auto& a : assets_)
    add(a.hash, a.displayName, a.stagedName, a.directory ? "zip" : "file", objectKey(a));
  add(templateHash, stack_.artifactId() + " Template", templateFile, "file", templateHash + ".json");
  return {{"version", manifestVersion}, {"files", files}, {"dockerImages", nlohmann::ordered_json::object()}};
}

}  // namespace heliocloud::construct
