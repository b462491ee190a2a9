#include "construct/asset.h"

#include "construct/app.h"
#include "construct/cfn_resource.h"
#include "construct/fingerprint.h"
#include "construct/stack.h"
#include "construct/synthesizer.h"

namespace heliocloud::construct {

Asset::Asset(Construct& scope, std::string id, const std::filesystem::path& source)
    : Construct(scope, std::move(id)), hash_(fingerprint(source, &app().fingerprint_cache())) {
  const bool directory = std::filesystem::is_directory(source);
  staged_name_ = "asset." + hash_ + (directory ? "" : source.extension().string());
  const auto location =
      stack().synthesizer().add_file_asset({.hash = hash_,
                                            .source = std::filesystem::absolute(source),
                                            .staged_name = staged_name_,
                                            .directory = directory,
                                            .display_name = path().substr(stack().path().size() + 1)});
  bucket_name_ = location.bucket_name;
  object_key_ = location.object_key;
}

void Asset::add_resource_metadata_to(CfnResource& resource, const std::string& property) const {
  if (!app().asset_metadata_enabled()) return;
  resource.add_resource_metadata("aws:asset:path", staged_name_);
  resource.add_resource_metadata("aws:asset:is-bundled", false);
  resource.add_resource_metadata("aws:asset:property", property);
}

}  // namespace heliocloud::construct
