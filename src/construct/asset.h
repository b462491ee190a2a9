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
  Asset(Construct& scope, std::string id, const std::filesystem::path& source);

  // Where the CLI uploads it: the bootstrap bucket and "<hash>.zip" (directory) or "<hash><ext>" (file).
  const Value& bucket_name() const { return bucket_name_; }
  const std::string& object_key() const { return object_key_; }
  // aws:asset:* metadata for the resource that uses this asset through `property`.
  void add_resource_metadata_to(class CfnResource& resource, const std::string& property) const;

 private:
  std::string hash_;
  std::string staged_name_;
  Value bucket_name_;
  std::string object_key_;
};

}  // namespace heliocloud::construct
