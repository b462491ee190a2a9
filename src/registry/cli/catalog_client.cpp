#include "registry/cli/catalog_client.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "aws/credentials.h"
#include "cloudcatalog/catalog_reader.h"
#include "cloudcatalog/download.h"
#include "cloudcatalog/listing_writer.h"
#include "registry/cli/progress_printer.h"
#include "registry/cli/usage_error.h"

namespace heliocloud::registry::cli {
namespace {

using cloudcatalog::CatalogDataset;

void add_access_flags(CLI::App& cmd, CatalogClientFlags& f) {
  cmd.add_flag(
      "--sign", f.sign,
      "Sign requests with your AWS credentials (default: anonymous, as for a public bucket; needed for "
      "requester-pays buckets)");
  cmd.add_option("--profile", f.profile, "Sign requests with this profile's credentials");
  cmd.add_option("--region", f.region, "The bucket's region (default: AWS_REGION, else us-east-1)");
}

cloudcatalog::S3Access access_of(const CatalogClientFlags& f) {
  cloudcatalog::S3Access access{.config = aws::ClientConfig::from_environment(), .anonymous = true};
  if (f.region) access.config.region = *f.region;
  if (access.config.region.empty()) access.config.region = "us-east-1";
  if (f.profile) {
    access.config.credentials = std::make_shared<aws::ProfileCredentialsProvider>(*f.profile);
    access.anonymous = false;
  } else if (f.sign) {
    access.anonymous = false;
  }
  return access;
}

Instant parse_flag_time(const std::string& flag, const std::string& text) {
  try {
    return parse_time(text);
  } catch (const TimeError& e) {
    throw UsageError(flag + ": " + e.what());
  }
}

// --start/--stop, or the dataset's whole coverage (stop just after its last instant: stop is exclusive).
std::pair<Instant, Instant> range_of(const CatalogClientFlags& f, const CatalogDataset& d) {
  const Instant start = f.start ? parse_flag_time("--start", *f.start) : d.start;
  const Instant stop =
      f.stop ? parse_flag_time("--stop", *f.stop)
             : Instant{.seconds = d.stop.seconds + std::chrono::seconds(1), .nanos = d.stop.nanos};
  if (!(start < stop)) throw UsageError("--stop must be after --start");
  return {start, stop};
}

int print_datasets(const cloudcatalog::CatalogDocument& catalog, bool json) {
  if (json) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& d : catalog.datasets)
      out.push_back({{"id", d.id},
                     {"title", d.title},
                     {"start", format_time(d.start, fraction_digits_needed(d.start))},
                     {"stop", format_time(d.stop, fraction_digits_needed(d.stop))},
                     {"index", d.index}});
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::size_t id_width = 2;
  for (const auto& d : catalog.datasets) id_width = std::max(id_width, d.id.size());
  const auto line = [&](const std::string& id, const std::string& start, const std::string& stop,
                        const std::string& title) {
    std::cout << id << std::string(id_width - id.size() + 2, ' ') << start << "  " << stop << "  " << title
              << "\n";
  };
  line("ID", "START               ", "STOP                ", "TITLE");
  for (const auto& d : catalog.datasets) line(d.id, format_time(d.start, 0), format_time(d.stop, 0), d.title);
  return 0;
}

// Streamed: one year file's rows in memory at a time (cloudcatalog/listing_writer.h).
int print_files(const cloudcatalog::CatalogReader& reader, const Instant& start, const Instant& stop,
                const CatalogClientFlags& f) {
  const auto format = f.csv    ? cloudcatalog::ListingFormat::Csv
                      : f.json ? cloudcatalog::ListingFormat::Json
                               : cloudcatalog::ListingFormat::Table;
  cloudcatalog::ListingWriter writer(std::cout, format);
  reader.stream(f.dataset, start, stop, writer);
  writer.finish();
  for (const auto& note : writer.notes()) std::cerr << "heliocloud: note: " << note << "\n";
  if (format == cloudcatalog::ListingFormat::Table)
    std::cerr << writer.row_count() << " files, " << human_bytes(static_cast<double>(writer.bytes()))
              << ", from " << writer.index_files_read() << " index files\n";
  return 0;
}

int get_files(const cloudcatalog::S3Fetcher& fetcher, const CatalogDataset& dataset,
              const cloudcatalog::FileListing& listing, const CatalogClientFlags& f) {
  std::uint64_t total = 0;
  for (const auto& r : listing.rows) total += r.size;
  ProgressPrinter progress(stderr);
  progress.dataset_started(dataset.id, listing.rows.size(), total);
  const auto report = cloudcatalog::download_files(
      fetcher.s3(), dataset, listing.rows,
      {.out = f.out, .parallel = f.parallel, .on_file = [&](std::uint64_t bytes, bool /*skipped*/) {
         progress.file_copied(dataset.id, bytes);
       }});
  progress.finish(dataset.id, std::to_string(report.downloaded) + " downloaded (" +
                                  human_bytes(static_cast<double>(report.bytes)) + "), " +
                                  std::to_string(report.skipped) + " already there, " +
                                  std::to_string(report.failures.size()) + " failed");
  for (const auto& failure : report.failures)
    std::cerr << "heliocloud: " << failure.datakey << ": " << failure.reason << "\n";
  return report.failures.empty() ? 0 : 1;
}

}  // namespace

CatalogClientCommands add_catalog_client_commands(CLI::App& app, CatalogClientFlags& f) {
  CatalogClientCommands c;
  const char* catalog_help = "The CloudCatalog endpoint: s3://BUCKET/ or https://HOST/PATH/";
  c.datasets = app.add_subcommand("datasets", "List the datasets of a CloudCatalog endpoint");
  c.datasets->add_option("catalog", f.catalog, catalog_help)->required();
  c.datasets->add_flag("--json", f.json, "Print JSON");
  add_access_flags(*c.datasets, f);

  c.files = app.add_subcommand("files",
                               "List a dataset's files in [--start, --stop), reading only the index files of "
                               "those years");
  c.files->add_option("catalog", f.catalog, catalog_help)->required();
  c.files->add_option("dataset", f.dataset, "The dataset id")->required();
  c.files->add_option("--start", f.start, "From this time (ISO 8601; default: the dataset's start)");
  c.files->add_option("--stop", f.stop, "Until this time, not included (default: the dataset's end)");
  auto* csv = c.files->add_flag("--csv", f.csv, "Print CSV in the CloudCatalog index format");
  c.files->add_flag("--json", f.json, "Print JSON")->excludes(csv);
  add_access_flags(*c.files, f);

  c.get =
      app.add_subcommand("get", "Download a dataset's files in [--start, --stop) into a folder, in parallel");
  c.get->add_option("catalog", f.catalog, catalog_help)->required();
  c.get->add_option("dataset", f.dataset, "The dataset id")->required();
  c.get->add_option("--start", f.start, "From this time (ISO 8601)")->required();
  c.get->add_option("--stop", f.stop, "Until this time, not included")->required();
  c.get->add_option("--out", f.out, "The folder to download into (files keep their path under the dataset)")
      ->required();
  c.get->add_option("--parallel", f.parallel, "Downloads at once")->check(CLI::Range(1, 64));
  add_access_flags(*c.get, f);
  return c;
}

int run_catalog_client(const CatalogClientCommands& c, const CatalogClientFlags& f) {
  cloudcatalog::S3Fetcher fetcher(access_of(f));
  const cloudcatalog::CatalogReader reader(fetcher, cloudcatalog::parse_endpoint(f.catalog));
  if (*c.datasets) return print_datasets(reader.catalog(), f.json);
  const auto& dataset = reader.dataset(f.dataset);
  const auto [start, stop] = range_of(f, dataset);
  if (*c.files) return print_files(reader, start, stop, f);
  // A download needs every file's size first (the progress line's total and time left), so `get` holds the
  // rows in range; never the index files' other rows.
  return get_files(fetcher, dataset, reader.files(f.dataset, start, stop), f);
}

}  // namespace heliocloud::registry::cli
