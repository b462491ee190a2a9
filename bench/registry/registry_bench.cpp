// Manifest parsing and index merge at 1k, 10k and 100k rows: wall time per phase and peak RSS. Each size runs
// in a child process so its peak RSS is its own (getrusage of a fresh process), not the largest run's so far.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "registry/index_file.h"
#include "registry/index_set.h"
#include "registry/manifest.h"

namespace {

using heliocloud::registry::format_index_file;
using heliocloud::registry::IndexRow;
using heliocloud::registry::IndexSet;
using heliocloud::registry::parse_index_file;
using heliocloud::registry::parse_manifest;

// A manifest of n rows over two years, CloudCatalog columns plus one extra.
std::string make_manifest(std::size_t n, std::size_t offset) {
  std::string m = "# start, stop, datakey, filesize, checksum\n";
  m.reserve(n * 110);
  char line[192];
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t s = (i + offset) * 600;  // one file per 10 minutes from 2019-06-01
    const std::size_t day = s / 86400;
    std::snprintf(
        line, sizeof line,
        "2019-06-01T00:00:00Z,2019-06-01T00:10:00Z,mms1/fgm/brst/%zu/mms1_fgm_%zu_v4.cdf,%zu,%08zx\n", day,
        i + offset, 1000 + i, i * 2654435761U);
    std::string row(line);
    // Real times: day/hour/minute derived from s (kept cheap: date arithmetic inside the parser is what we
    // time).
    const int year = 2019 + static_cast<int>(day / 365);
    const int doy = static_cast<int>(day % 365);
    const int month = 1 + (doy / 31 % 12);
    const int mday = 1 + (doy % 28);
    char t[64];
    std::snprintf(t, sizeof t, "%04d-%02d-%02dT%02zu:%02zu:00Z,%04d-%02d-%02dT%02zu:%02zu:00Z", year, month,
                  mday, s / 3600 % 24, s / 60 % 60, year, month, mday, s / 3600 % 24, (s / 60 % 60) + 0);
    row.replace(0, 41, t);
    m += row;
  }
  return m;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

int run_size(std::size_t n) {
  const auto text = make_manifest(n, 0);
  auto t0 = std::chrono::steady_clock::now();
  const auto parsed = parse_manifest(text, "bench/manifest.csv");
  const double parse_s = seconds_since(t0);
  if (!parsed.problems.empty() || parsed.manifest.rows.size() != n) {
    std::fprintf(stderr, "manifest did not parse: %s\n", parsed.problems.front().to_string().c_str());
    return 1;
  }

  // Merge: an existing dataset of n rows (read from its index files) gets n/2 re-ingested rows and n/2 new
  // ones. Set-up (scoped, so only what an ingest holds stays alive): the existing index files as bytes, the
  // new rows.
  const auto to_rows = [](const heliocloud::registry::Manifest& m) {
    std::vector<IndexRow> rows;
    rows.reserve(m.rows.size());
    for (const auto& r : m.rows)
      rows.push_back({.start = r.start,
                      .stop = r.stop,
                      .datakey = "s3://helio-public/MMS/" + r.published_key,
                      .size = r.size,
                      .extras = r.extras});
    return rows;
  };
  std::vector<std::pair<int, std::string>> files;
  {
    IndexSet seed;
    seed.merge(to_rows(parsed.manifest), parsed.manifest.extra_columns);
    for (const auto& [year, file] : seed.years()) files.emplace_back(year, format_index_file(file, 0));
  }
  std::vector<IndexRow> rows;
  std::vector<std::string> extra_columns;
  {
    const auto incoming = parse_manifest(make_manifest(n, n / 2), "bench/manifest2.csv");
    rows = to_rows(incoming.manifest);
    extra_columns = incoming.manifest.extra_columns;
  }

  t0 = std::chrono::steady_clock::now();
  IndexSet set;
  for (const auto& [year, body] : files) set.add_year(year, parse_index_file(body, "bench"));
  const double read_s = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const auto changed = set.merge(std::move(rows), extra_columns);
  const double merge_s = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  std::size_t total_rows = 0;
  for (const int year : changed) {
    bytes += format_index_file(set.years().at(year), set.fraction_digits(0)).size();
    total_rows += set.years().at(year).rows.size();
  }
  const double write_s = seconds_since(t0);

  std::printf(
      "%8zu rows | parse manifest %8.3f s (%6.2f us/row) | read index %7.3f s | merge %7.3f s | "
      "format %7.3f s | %zu rows, %5.1f MB of index | peak RSS %7.1f MB\n",
      n, parse_s, parse_s * 1e6 / static_cast<double>(n), read_s, merge_s, write_s, total_rows,
      static_cast<double>(bytes) / 1e6, static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes{1'000, 10'000, 100'000};
  if (argc > 1) {
    sizes.clear();
    for (int i = 1; i < argc; ++i) sizes.push_back(std::strtoull(argv[i], nullptr, 10));
  }
  std::printf("registry: manifest parsing and index merge (each size in its own process)\n");
  std::fflush(stdout);
  int status = 0;
  for (const auto n : sizes) {
    const pid_t pid = fork();
    if (pid == 0) {
      const int rc = run_size(n);
      std::fflush(stdout);
      std::fflush(stderr);
      std::_Exit(rc);
    }
    int child = 0;
    waitpid(pid, &child, 0);
    if (!WIFEXITED(child) || WEXITSTATUS(child) != 0) status = 1;
  }
  return status;
}
