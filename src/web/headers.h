#pragma once
// HTTP header fields: names compare case-insensitively (RFC 9110 §5.1), order and repeats are kept, because
// some fields (Set-Cookie) cannot be folded into one line.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::web {

class Headers {
 public:
  using Entry = std::pair<std::string, std::string>;

  void add(std::string name, std::string value);
  // Replaces every field of that name with one.
  void set(std::string name, std::string value);
  void remove(std::string_view name);

  [[nodiscard]] bool has(std::string_view name) const;
  // The first value of that name.
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> get_all(std::string_view name) const;
  [[nodiscard]] const std::vector<Entry>& entries() const noexcept { return entries_; }

 private:
  std::vector<Entry> entries_;
};

// ASCII case-insensitive equality, the comparison for header names, methods in Allow and cookie attributes.
[[nodiscard]] bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace heliocloud::web
