#include "construct/asset.h"

#include "construct/app.h"
#include "construct/cfn_resource.h"
#include "construct/fingerprint.h"
#include "construct/stack.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {

Asset::Asset(Construct& scope, std::string id, std::filesystem::path source)
    : Construct(scope, std::move(id)), hash_(fingerprint(source, &app().fingerprintCache())) {
  const bool directory = std::filesystem::is_directory(source);
  stagedName_ = "asset." + hash_ + (directory ? "" : source.extension().string());
  const auto location =
      stack().synthesizer().addFileAsset({hash_, std::filesystem::absolute(source), stagedName_, directory,
                                          path().substr(stack().path().size() + 1)});
  bucketName_ = location.bucketName;
  objectKey_ = location.objectKey;
}

void Asset::addResourceMetadataTo(CfnResource& resource, const std::string& property) const {
  if (!app().assetMetadataEnabled()) return;
  resource.addResourceMetadata("aws:asset:path", stagedName_);
  resource.addResourceMetadata("aws:asset:is-bundled", false);
  resource.addResourceMetadata("aws:asset:property", property);
}

}  // namespace heliocloud::construct
