#pragma once
// How a stack becomes deployable files, in the shape of aws-cdk-lib's DefaultStackSynthesizer: the bootstrap
// roles and bucket of `cdk bootstrap` (qualifier hnb659fds, version 6), the template itself as a file asset,
// and one asset manifest per stack. The stack says what it contains; this says how it deploys.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "construct/template_sections.h"
#include "construct/value.h"

namespace heliocloud::construct {

class Stack;

struct FileAssetSource {
  std::string hash;
  std::filesystem::path source;  // absolute
  std::string stagedName;        // "asset.<hash>[.ext]" inside the assembly
  bool directory = false;        // directories are zipped by the CLI when it publishes
  std::string displayName;
};

struct AssetLocation {
  Value bucketName;
  std::string objectKey;
};

class StackSynthesizer {
 public:
  static constexpr const char* kQualifier = "hnb659fds";
  static constexpr int kBootstrapVersion = 6;
  static constexpr int kLookupBootstrapVersion = 8;

  explicit StackSynthesizer(Stack& stack) : stack_(stack) {}

  AssetLocation addFileAsset(FileAssetSource source);
  const std::vector<FileAssetSource>& fileAssets() const { return assets_; }

  std::string lookupRoleArn() const;
  // The SSM parameter `cdk bootstrap` writes its version to.
  static std::string bootstrapVersionParameter();
  // BootstrapVersion parameter and the CheckBootstrapVersion rule.
  void contributeToTemplate(TemplateSections& sections) const;
  // The stack artifact's "properties" in manifest.json.
  nlohmann::ordered_json artifactProperties(const std::string& templateFile,
                                            const std::string& templateHash) const;
  // The <artifact>.assets.json document.
  nlohmann::ordered_json assetManifest(const std::string& templateFile, const std::string& templateHash,
                                       const std::string& manifestVersion) const;
  // The manifest.json artifact that points the CLI at that document.
  static nlohmann::ordered_json assetManifestArtifact(const std::string& assetsFile);

 private:
  std::string account() const;  // literal or ${AWS::AccountId}
  std::string region() const;   // literal or ${AWS::Region}
  std::string roleArn(const std::string& kind) const;
  std::string bucketNameText() const;
  // "<hash>.zip" for a directory (the CLI zips it), "<hash><ext>" for a file.
  static std::string objectKey(const FileAssetSource& source);
  nlohmann::ordered_json destination(const std::string& objectKey, std::string& idOut) const;

  Stack& stack_;
  std::vector<FileAssetSource> assets_;
};

}  // namespace heliocloud::construct
