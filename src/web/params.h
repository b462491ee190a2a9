#pragma once
// Name/value pairs from a query string, an urlencoded form or a route's path: names are case-sensitive and
// a name may repeat (checkboxes, multi-selects), so the pairs stay in order.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::web {

class Params {
 public:
  using Entry = std::pair<std::string, std::string>;

  Params() = default;
  Params(std::initializer_list<Entry> entries) : entries_(entries) {}

  void add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  [[nodiscard]] bool has(std::string_view name) const;
  // The first value of that name.
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> get_all(std::string_view name) const;
  [[nodiscard]] const std::vector<Entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

  friend bool operator==(const Params&, const Params&) = default;

 private:
  std::vector<Entry> entries_;
};

}  // namespace heliocloud::web
