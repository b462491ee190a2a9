#pragma once
// IndexSet: all year files of one dataset, merged as one. A datakey appears once in the whole dataset: when a
// re-ingested file replaces its row, the old row goes even if its start (and so its year) changed. The original
// replaced each year file with only the current job's rows (cloudcatalog.md §7 #15); we merge.
#include <map>
#include <set>
#include <vector>

#include "registry/index_file.hpp"

namespace heliocloud::registry {

class IndexSet {
 public:
  // Adds an existing year file (as read from the bucket).
  void add_year(int year, IndexFile file);

  // Merges rows: a row whose datakey is already anywhere in the set replaces it; each row lands in the file of its
  // start's UTC year; touched files are re-sorted. Returns the years whose content changed.
  std::set<int> merge(std::vector<IndexRow> rows, const std::vector<std::string>& extra_columns);

  // The precision for the whole dataset: the most any row needs, and at least `at_least` (the precision already
  // published, so existing files never have to change length).
  [[nodiscard]] int fraction_digits(int at_least) const;

  [[nodiscard]] const std::map<int, IndexFile>& years() const { return years_; }

 private:
  std::map<int, IndexFile> years_;
};

}  // namespace heliocloud::registry
