#pragma once
// IndexSet: all year files of one dataset, merged as one. A datakey appears once in the whole dataset: when a
// re-ingested file replaces its row, the old row goes even if its start (and so its year) changed. The
// original replaced each year file with only the current job's rows (cloudcatalog.md §7 #15); we merge.
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "registry/index_file.h"

namespace heliocloud::registry {

// A job's rows, merged into a dataset one year file at a time: an ingest holds the job's rows and one year
// file, not every year of the dataset (decades of files would otherwise be read into memory for each ingest).
class YearMerger {
 public:
  YearMerger(std::vector<IndexRow> rows, std::vector<std::string> extra_columns);
  YearMerger(const YearMerger&) = delete;  // by_key_ points into by_year_
  YearMerger& operator=(const YearMerger&) = delete;

  // The years the job's rows land in (their start's UTC year).
  [[nodiscard]] std::set<int> incoming_years() const;

  // Merges into one year's file (empty when the dataset has none for that year): rows whose datakey the job
  // re-ingests leave it (whichever year they move to), the job's rows of that year join it, and it is
  // re-sorted. Returns whether its content changed. Every year file of the dataset must pass through here
  // once.
  bool merge(int year, IndexFile& file) const;

  // The precision the job's rows need, and at least `at_least`.
  [[nodiscard]] int fraction_digits(int at_least) const;

 private:
  std::map<int, std::vector<IndexRow>> by_year_;
  std::unordered_map<std::string, const IndexRow*> by_key_;
  std::vector<std::string> extra_columns_;
};

// The precision the rows of `file` need, and at least `at_least`.
[[nodiscard]] int fraction_digits(const IndexFile& file, int at_least);

class IndexSet {
 public:
  // Adds an existing year file (as read from the bucket).
  void add_year(int year, IndexFile file);

  // Merges rows: a row whose datakey is already anywhere in the set replaces it; each row lands in the file
  // of its start's UTC year; touched files are re-sorted. Returns the years whose content changed.
  std::set<int> merge(std::vector<IndexRow> rows, const std::vector<std::string>& extra_columns);

  // The precision for the whole dataset: the most any row needs, and at least `at_least` (the precision
  // already published, so existing files never have to change length).
  [[nodiscard]] int fraction_digits(int at_least) const;

  [[nodiscard]] const std::map<int, IndexFile>& years() const { return years_; }

 private:
  std::map<int, IndexFile> years_;
};

}  // namespace heliocloud::registry
