#include "portal/catalog.h"

#include <cstdio>
#include <map>

#include "aws/errors.h"
#include "aws/pricing.h"
#include "aws/ssm.h"

namespace heliocloud::portal {
namespace {

constexpr auto kImagesFor = std::chrono::hours(1);
constexpr auto kPricesFor = std::chrono::hours(24);
constexpr auto kPriceRetryAfter = std::chrono::minutes(10);

void say(const std::function<void(std::string_view)>& log, const std::string& line) {
  if (log) log(line);
}

}  // namespace

std::vector<ImageSource> default_image_sources() {
  return {
      {.label = "Amazon Linux 2023",
       .parameter = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"},
      {.label = "Ubuntu 24.04 LTS",
       .parameter = "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"}};
}

std::vector<std::string> default_instance_types() {
  return {"t2.nano",     "t2.micro",     "t2.small",    "t2.medium",  "m5.large",   "m5.xlarge",
          "m5.2xlarge",  "m5.4xlarge",   "c5.large",    "c5.xlarge",  "c5.2xlarge", "c5.4xlarge",
          "c5.9xlarge",  "r5.large",     "r5.xlarge",   "r5.2xlarge", "r5.4xlarge", "r5.8xlarge",
          "g4dn.xlarge", "g4dn.2xlarge", "g4dn.4xlarge"};
}

std::string memory_text(long long memory_mib) {
  char text[32];
  if (memory_mib % 1024 == 0) {
    std::snprintf(text, sizeof text, "%lld GiB", memory_mib / 1024);
  } else {
    std::snprintf(text, sizeof text, "%.1f GiB", static_cast<double>(memory_mib) / 1024.0);
  }
  return text;
}

std::string price_text(const std::optional<double>& usd_per_hour) {
  if (!usd_per_hour) return "–";
  char text[32];
  std::snprintf(text, sizeof text, "$%.4f/hour", *usd_per_hour);
  return text;
}

Catalog::Catalog(aws::ClientConfig config, CatalogOptions options)
    : config_(std::move(config)), options_(std::move(options)) {}

std::vector<ImageChoice> Catalog::read_images() const {
  const aws::SsmClient ssm(config_);
  std::vector<std::pair<ImageSource, std::string>> found;  // source, AMI id
  for (const auto& source : options_.images) {
    try {
      found.emplace_back(source, ssm.get_parameter(source.parameter, false).value);
    } catch (const aws::NotFoundError&) {
      say(options_.log, "launch form: no image for " + source.label + ": SSM parameter " + source.parameter +
                            " does not exist here");
    }
  }
  std::vector<std::string> ids;
  ids.reserve(found.size());
  for (const auto& f : found) ids.push_back(f.second);
  std::map<std::string, aws::Image> described;
  if (!ids.empty()) {
    for (auto& image : aws::Ec2Client(config_).describe_images(ids)) described[image.image_id] = image;
  }
  std::vector<ImageChoice> out;
  for (const auto& [source, id] : found) {
    const auto it = described.find(id);
    if (it == described.end()) {
      say(options_.log,
          "launch form: " + source.label + " names image " + id + ", which EC2 does not describe");
      continue;
    }
    out.push_back({.label = source.label,
                   .image = it->second,
                   .minimum_volume_gb = it->second.root_volume_size_gb.value_or(1)});
  }
  return out;
}

std::vector<ImageChoice> Catalog::images() const {
  const auto now = options_.clock();
  {
    std::scoped_lock lock(mu_);
    if (images_read_ && now - *images_read_ < kImagesFor && !images_.empty()) return images_;
  }
  auto fresh = read_images();  // outside the lock: a slow AWS answer must not hold up other pages
  std::scoped_lock lock(mu_);
  images_ = fresh;
  images_read_ = now;
  return fresh;
}

void Catalog::refresh_prices(std::vector<TypeChoice>& types) const {
  aws::ClientConfig pricing_config = config_;
  pricing_config.retry.max_attempts = 2;  // a form waits for it; the next try is minutes away anyway
  try {
    std::map<std::string, double> prices;
    for (const auto& p :
         aws::PricingClient(pricing_config).linux_on_demand_prices(config_.region, options_.instance_types))
      prices.try_emplace(p.instance_type, p.usd_per_hour);
    for (auto& t : types) {
      const auto it = prices.find(t.instance_type);
      t.usd_per_hour = it == prices.end() ? std::nullopt : std::optional<double>(it->second);
    }
    prices_ok_ = true;
  } catch (const std::exception& e) {
    say(options_.log, std::string("launch form: prices unavailable: ") + e.what());
    prices_ok_ = false;
  }
}

std::vector<TypeChoice> Catalog::instance_types() const {
  const auto now = options_.clock();
  std::scoped_lock lock(mu_);  // held through the calls: they happen about once a day
  if (types_.empty()) {
    std::map<std::string, aws::InstanceTypeInfo> known;
    for (auto& info : aws::Ec2Client(config_).describe_instance_types(options_.instance_types))
      known[info.instance_type] = info;
    for (const auto& name : options_.instance_types) {
      if (const auto it = known.find(name); it != known.end())
        types_.push_back({.instance_type = name,
                          .vcpus = it->second.vcpus,
                          .memory_mib = it->second.memory_mib,
                          .usd_per_hour = std::nullopt});
    }
  }
  const auto age = prices_read_ ? now - *prices_read_ : std::chrono::steady_clock::duration::max();
  if (!prices_read_ || age >= (prices_ok_ ? std::chrono::steady_clock::duration(kPricesFor)
                                          : std::chrono::steady_clock::duration(kPriceRetryAfter))) {
    refresh_prices(types_);
    prices_read_ = now;
  }
  return types_;
}

}  // namespace heliocloud::portal
