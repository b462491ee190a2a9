#pragma once
// The CloudCatalog client commands, on src/cloudcatalog: read any CloudCatalog endpoint (s3://bucket/ or
// https://...), anonymously by default (public buckets), signed with --sign or --profile:
//   datasets <catalog> [--json]                                  id, title, start, stop
//   files <catalog> <dataset> [--start T] [--stop T] [--csv|--json]   the index rows in range
//   get <catalog> <dataset> --start T --stop T --out DIR         download them in parallel (skips present
//   files)
#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>

namespace heliocloud::registry::cli {

struct CatalogClientFlags {
  std::string catalog;
  std::string dataset;
  std::optional<std::string> start;
  std::optional<std::string> stop;
  bool json = false;
  bool csv = false;
  bool sign = false;
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::string out;
  std::size_t parallel = 8;
};

struct CatalogClientCommands {
  CLI::App* datasets = nullptr;
  CLI::App* files = nullptr;
  CLI::App* get = nullptr;

  [[nodiscard]] bool chosen() const { return *datasets || *files || *get; }
};

CatalogClientCommands add_catalog_client_commands(CLI::App& app, CatalogClientFlags& flags);

// 0, or 1 when a file could not be downloaded. Throws UsageError for wrong times, CatalogError when the
// endpoint cannot be read.
int run_catalog_client(const CatalogClientCommands& commands, const CatalogClientFlags& flags);

}  // namespace heliocloud::registry::cli
