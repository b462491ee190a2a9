#pragma once
// What the launch form offers: the current images of the supported systems, found through AWS's public SSM
// parameters (so they follow the distributions' updates without a code change, where the original kept AMI
// ids per region in code), with the smallest root volume each allows (DescribeImages); the configured
// instance types with vCPUs and memory (DescribeInstanceTypes) and, when the Price List API answers, their
// on-demand Linux price in the portal's region. These are the same for every user, so they are read with the
// function's own credentials and cached: images for an hour, types once, prices for a day (a failed price
// look-up is tried again after ten minutes, and shows "–" meanwhile).
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "aws/ec2.h"

namespace heliocloud::portal {

struct ImageSource {
  std::string label;      // "Amazon Linux 2023"
  std::string parameter;  // the public SSM parameter whose value is the current AMI id
};

// Amazon Linux 2023 and Ubuntu 24.04 LTS, x86_64.
[[nodiscard]] std::vector<ImageSource> default_image_sources();
// The original's catalogue (webapps doc §A4.3): general purpose, compute, memory and GPU types.
[[nodiscard]] std::vector<std::string> default_instance_types();

struct ImageChoice {
  std::string label;
  aws::Image image;
  int minimum_volume_gb = 1;  // the image's root snapshot size
};

struct TypeChoice {
  std::string instance_type;
  int vcpus = 0;
  long long memory_mib = 0;
  std::optional<double> usd_per_hour;
};

// "1 GiB", "0.5 GiB", "16 GiB".
[[nodiscard]] std::string memory_text(long long memory_mib);
// "$0.0104/hour", or "–" when there is no price.
[[nodiscard]] std::string price_text(const std::optional<double>& usd_per_hour);

struct CatalogOptions {
  std::vector<ImageSource> images = default_image_sources();
  std::vector<std::string> instance_types = default_instance_types();
  std::function<void(std::string_view)> log;
  std::function<std::chrono::steady_clock::time_point()> clock = std::chrono::steady_clock::now;
};

class Catalog {
 public:
  Catalog(aws::ClientConfig config, CatalogOptions options);

  // The images that resolve now, in the configured order; one that does not is left out (and logged).
  // Throws aws::AwsError when EC2 cannot describe them.
  [[nodiscard]] std::vector<ImageChoice> images() const;
  // Every configured type EC2 knows, in the configured order, with prices where known.
  [[nodiscard]] std::vector<TypeChoice> instance_types() const;
  [[nodiscard]] const std::vector<std::string>& allowed_types() const noexcept {
    return options_.instance_types;
  }

 private:
  std::vector<ImageChoice> read_images() const;
  void refresh_prices(std::vector<TypeChoice>& types) const;

  aws::ClientConfig config_;
  CatalogOptions options_;
  mutable std::mutex mu_;
  mutable std::vector<ImageChoice> images_;
  mutable std::optional<std::chrono::steady_clock::time_point> images_read_;
  mutable std::vector<TypeChoice> types_;
  mutable std::optional<std::chrono::steady_clock::time_point> prices_read_;
  mutable bool prices_ok_ = false;
};

}  // namespace heliocloud::portal
