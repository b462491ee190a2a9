#pragma once
// A local file or directory that deploys to the bootstrap bucket (e.g. Lambda code). The directory is staged
// into the assembly as asset.<hash>/ and the CDK CLI zips and uploads it when it publishes.

#include <filesystem>
#include <string>

#include "construct/construct.h"
#include "construct/value.h"

namespace heliocloud::construct {

class Asset : public Construct {
 public:
  Asset(Construct& scope, std::string id, std::filesystem::path source);

  const std::string& hash() const { return hash_; }
  // Where the CLI uploads it: the bootstrap bucket and "<hash>.zip" (directory) or "<hash><ext>" (file).
  const Value& bucketName() const { return bucketName_; }
  const std::string& objectKey() const { return objectKey_; }
  // Name of the staged copy inside the assembly directory.
  const std::string& stagedName() const { return stagedName_; }
  // aws:asset:* metadata for the resource that uses this asset through `property`.
  void addResourceMetadataTo(class CfnResource& resource, const std::string& property) const;

 private:
  std::string hash_;
  std::string stagedName_;
  Value bucketName_;
  std::string objectKey_;
};

}  // namespace heliocloud::construct
