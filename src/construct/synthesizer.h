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
  std::string staged_name;       // "asset.<hash>[.ext]" inside the assembly
  bool directory = false;        // directories are zipped by the CLI when it publishes
  std::string display_name;
};

struct AssetLocation {
  Value bucket_name;
  std::string object_key;
};

class StackSynthesizer {
 public:
  static constexpr const char* kQualifier = "hnb659fds";
  static constexpr int kBootstrapVersion = 6;
  static constexpr int kLookupBootstrapVersion = 8;

  explicit StackSynthesizer(Stack& stack) : stack_(stack) {}

  AssetLocation add_file_asset(FileAssetSource source);
  const std::vector<FileAssetSource>& file_assets() const { return assets_; }

  std::string lookup_role_arn() const;
  // The SSM parameter `cdk bootstrap` writes its version to.
  static std::string bootstrap_version_parameter();
  // BootstrapVersion parameter and the CheckBootstrapVersion rule.
  static void contribute_to_template(TemplateSections& sections);
  // The stack artifact's "properties" in manifest.json.
  nlohmann::ordered_json artifact_properties(const std::string& template_file,
                                             const std::string& template_hash) const;
  // The <artifact>.assets.json document.
  nlohmann::ordered_json asset_manifest(const std::string& template_file, const std::string& template_hash,
                                        const std::string& manifest_version) const;
  // The manifest.json artifact that points the CLI at that document.
  static nlohmann::ordered_json asset_manifest_artifact(const std::string& assets_file);

 private:
  std::string account() const;  // literal or ${AWS::AccountId}
  std::string region() const;   // literal or ${AWS::Region}
  std::string role_arn(const std::string& kind) const;
  std::string bucket_name_text() const;
  // "<hash>.zip" for a directory (the CLI zips it), "<hash><ext>" for a file.
  static std::string object_key(const FileAssetSource& source);
  nlohmann::ordered_json destination(const std::string& object_key, std::string& id_out) const;

  Stack& stack_;
  std::vector<FileAssetSource> assets_;
};

}  // namespace heliocloud::construct
