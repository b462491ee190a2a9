#include "registry/index_set.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace heliocloud::registry {

void IndexSet::add_year(int year, IndexFile file) {
  years_[year] = std::move(file);
}

YearMerger::YearMerger(std::vector<IndexRow> rows, std::vector<std::string> extra_columns)
    : extra_columns_(std::move(extra_columns)) {
  for (auto& row : rows) {
    const int year = row.start.year();
    by_year_[year].push_back(std::move(row));
  }
  for (const auto& [year, year_rows] : by_year_) {
    for (const auto& row : year_rows) by_key_[row.datakey] = &row;
  }
}

std::set<int> YearMerger::incoming_years() const {
  std::set<int> years;
  for (const auto& [year, rows] : by_year_) years.insert(year);
  return years;
}

bool YearMerger::merge(int year, IndexFile& file) const {
  bool changed = false;
  bool touched = false;  // rows removed or added: the file needs sorting even if its content is the same
  std::unordered_set<std::string_view> removed_here;
  auto& existing = file.rows;
  // Drop rows being replaced; a row that comes back identical, in the same year, is not a change.
  const auto dropped = std::ranges::remove_if(existing, [&](const IndexRow& r) {
    const auto it = by_key_.find(r.datakey);
    if (it == by_key_.end()) return false;
    if (!(r == *it->second) || it->second->start.year() != year) changed = true;
    removed_here.insert(it->second->datakey);  // the incoming row's key: it outlives `r`
    touched = true;
    return true;
  });
  existing.erase(dropped.begin(), dropped.end());
  if (const auto it = by_year_.find(year); it != by_year_.end()) {
    if (existing.empty() && file.extra_columns.empty()) file.extra_columns = extra_columns_;
    for (const auto& row : it->second) {
      if (!removed_here.contains(row.datakey)) changed = true;
      existing.push_back(row);
    }
    touched = true;
  }
  if (touched) std::ranges::sort(existing, index_order);
  // A file whose rows all moved elsewhere stays as an empty (header-only) file: objects are never deleted
  // from a dataset bucket, and an empty year is still valid for clients.
  return changed;
}

int YearMerger::fraction_digits(int at_least) const {
  int digits = at_least;
  for (const auto& [year, rows] : by_year_) {
    for (const auto& row : rows) {
      digits = std::max({digits, fraction_digits_needed(row.start), fraction_digits_needed(row.stop)});
    }
  }
  return std::min(digits, 9);
}

int fraction_digits(const IndexFile& file, int at_least) {
  int digits = at_least;
  for (const auto& row : file.rows) {
    digits = std::max({digits, fraction_digits_needed(row.start), fraction_digits_needed(row.stop)});
    if (digits == 9) return 9;
  }
  return digits;
}

std::set<int> IndexSet::merge(std::vector<IndexRow> rows, const std::vector<std::string>& extra_columns) {
  const YearMerger merger(std::move(rows), extra_columns);
  for (const int year : merger.incoming_years()) years_[year];
  std::set<int> changed;
  for (auto& [year, file] : years_) {
    if (merger.merge(year, file)) changed.insert(year);
  }
  return changed;
}

int IndexSet::fraction_digits(int at_least) const {
  int digits = at_least;
  for (const auto& [year, file] : years_) digits = registry::fraction_digits(file, digits);
  return digits;
}

}  // namespace heliocloud::registry
