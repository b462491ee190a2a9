#pragma once
// Publishes datasets the way the original platform did (original-platform.md §4.5 and §4.8), through any
// ObjectStore, so the import is tested on the original's bytes: data files under <folder>/, one
// `<id>_<YYYY>.csv` per year of the rows' start (manifest order, no stop column, header `# startDate, key,
// size`, every value in single quotes, times `2015-09-01 12:11:14+00:00`), and a tab-indented catalog.json
// without a version, with `dataset_id`, nulls, a list `filetype`, an index without the final '/' and status
// "1200/OK".
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/object_store.h"

namespace heliocloud::registry::test {

struct OriginalFile {
  std::string time;  // as the manifest had it, ISO with Z: 2015-09-01T12:11:14Z
  std::string key;   // under the dataset's folder
  std::uint64_t size = 0;
};

struct OriginalDataset {
  std::string id;
  std::string folder;
  std::string title;
  std::vector<OriginalFile> files;
};

// "2015-09-01T12:11:14Z" -> "2015-09-01 12:11:14+00:00" (str(pd.Timestamp) in UTC).
inline std::string original_index_time(const std::string& iso) {
  std::string t = iso.substr(0, iso.size() - 1);
  t[10] = ' ';
  return t + "+00:00";
}

// "2015-09-01T12:11:14Z" -> "2015-09-01T12:11:14+00:00" (datetime.isoformat()).
inline std::string original_catalog_time(const std::string& iso) {
  return iso.substr(0, iso.size() - 1) + "+00:00";
}

inline void publish_as_original(ObjectStore& store, const std::string& bucket,
                                const std::vector<OriginalDataset>& datasets) {
  auto catalog = nlohmann::ordered_json::array();
  for (const auto& d : datasets) {
    std::map<std::string, std::string> years;  // year -> file body
    std::string start = d.files.front().time;
    std::string stop = start;
    for (const auto& f : d.files) {
      store.put(bucket, d.folder + "/" + f.key, std::string(f.size, 'x'), "application/octet-stream");
      auto& body = years[f.time.substr(0, 4)];
      if (body.empty()) body = "# startDate, key, size\n";
      body += "'" + original_index_time(f.time) + "','s3://" + bucket + "/" + d.folder + "/" + f.key + "','" +
              std::to_string(f.size) + "'\n";
      start = std::min(start, f.time);
      stop = std::max(stop, f.time);  // "Not really the end date": the latest start (§7 #6)
    }
    for (const auto& [year, body] : years)
      store.put(bucket, d.folder + "/" + d.id + "_" + year + ".csv", body, "text/csv");
    nlohmann::ordered_json e;
    e["dataset_id"] = d.id;
    e["index"] = "s3://" + bucket + "/" + d.folder;
    e["title"] = d.title;
    e["start"] = original_catalog_time(start);
    e["stop"] = original_catalog_time(stop);
    e["modification"] = nullptr;
    e["indextype"] = "csv";
    e["filetype"] = {"cdf"};
    e["description"] = "Data from the Magnetospheric Multiscale Mission run by NASA ";
    e["resource"] = "SPASE-1234567";
    e["creation"] = "2015-09-01T00:00:00";
    e["expiration"] = nullptr;
    e["verified"] = nullptr;
    e["citation"] = nullptr;
    e["contact"] = "Dr. Soandso, ephemerus.sosandso@nasa.gov";
    e["about"] = nullptr;
    e["multiyear"] = false;
    e["id"] = d.id;
    e["about_url"] = "https://www.nasa.gov";
    catalog.push_back(std::move(e));
  }
  nlohmann::ordered_json doc;
  doc["endpoint"] = "s3://" + bucket;
  doc["name"] = "Dr. Helio Cloud";
  doc["region"] = "us-east-1";
  doc["contact"] = "helio.cloud@jhuapl.edu";
  doc["egress"] = "user-pays";
  doc["status"] = "1200/OK";
  doc["description"] = nullptr;
  doc["citation"] = nullptr;
  doc["comment"] = nullptr;
  doc["catalog"] = std::move(catalog);
  store.put(bucket, "catalog.json", doc.dump(1, '\t'), "binary/octet-stream");
}

// The platform fixture's MMS upload (shared/fixtures/cloudcatalog/platform-registry/test-heliocloud-uploads,
// tests/registry/data/manifest/valid_multiple_years.csv) with small sizes, so that it also goes to moto
// quickly.
inline OriginalDataset original_mms() {
  const std::string dir = "mms1/fgm/brst/l2/2015/09/01/";
  return {.id = "MMS",
          .folder = "MMS",
          .title = "MMS data",
          .files = {{.time = "2015-09-01T12:11:14Z",
                     .key = dir + "mms1_fgm_brst_l2_20150901121114_v4.18.0.cdf",
                     .size = 4641},
                    {.time = "2015-09-01T12:20:54Z",
                     .key = dir + "mms1_fgm_brst_l2_20150901122054_v4.18.0.cdf",
                     .size = 4603},
                    {.time = "2016-09-01T12:30:44Z",
                     .key = dir + "mms1_fgm_brst_l2_20150901123044_v4.18.0.cdf",
                     .size = 3462},
                    {.time = "2016-09-01T17:45:00Z",
                     .key = dir + "mms1_fgm_brst_l2_20150901174500_v4.18.0.cdf",
                     .size = 297}}};
}

}  // namespace heliocloud::registry::test
