#include "registry/index_set.hpp"

#include <algorithm>
#include <unordered_map>

namespace heliocloud::registry {

void IndexSet::add_year(int year, IndexFile file) { years_[year] = std::move(file); }

std::set<int> IndexSet::merge(std::vector<IndexRow> rows, const std::vector<std::string>& extra_columns) {
  std::set<int> changed;
  std::set<int> touched;  // years whose rows were removed or added: they need sorting even if unchanged
  std::unordered_map<std::string, const IndexRow*> incoming;
  incoming.reserve(rows.size());
  for (const auto& row : rows) incoming[row.datakey] = &row;

  // Drop rows being replaced, wherever they are; a row that comes back identical does not count as a change.
  std::unordered_map<std::string, int> removed_from;
  for (auto& [year, file] : years_) {
    auto& existing = file.rows;
    const auto end = std::remove_if(existing.begin(), existing.end(), [&, y = year](const IndexRow& r) {
      const auto it = incoming.find(r.datakey);
      if (it == incoming.end()) return false;
      if (!(r == *it->second) || it->second->start.year() != y) changed.insert(y);
      removed_from[r.datakey] = y;
      touched.insert(y);
      return true;
    });
    existing.erase(end, existing.end());
  }
  for (auto& row : rows) {
    const int year = row.start.year();
    auto& file = years_[year];
    if (file.rows.empty() && file.extra_columns.empty()) file.extra_columns = extra_columns;
    const auto was = removed_from.find(row.datakey);
    if (was == removed_from.end() || was->second != year) changed.insert(year);
    touched.insert(year);
    file.rows.push_back(std::move(row));
  }
  for (const int year : touched) {
    auto& r = years_[year].rows;
    std::sort(r.begin(), r.end(), index_order);
  }
  // A touched file whose rows all moved elsewhere stays as an empty (header-only) file: objects are never
  // deleted from a dataset bucket, and an empty year is still valid for clients.
  return changed;
}

int IndexSet::fraction_digits(int at_least) const {
  int digits = at_least;
  for (const auto& [year, file] : years_) {
    for (const auto& row : file.rows) {
      digits = std::max({digits, fraction_digits_needed(row.start), fraction_digits_needed(row.stop)});
      if (digits == 9) return 9;
    }
  }
  return digits;
}

}  // namespace heliocloud::registry
