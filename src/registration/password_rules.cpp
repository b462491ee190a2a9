#include "registration/password_rules.h"

#include <algorithm>
#include <vector>

#include "base/text.h"
#include "registration/unicode.h"

namespace heliocloud::registration {
namespace {

// "a, b and c"
std::string list_in_words(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::vector<std::string> required_kinds(const aws::PasswordPolicy& policy) {
  std::vector<std::string> kinds;
  if (policy.require_uppercase) kinds.emplace_back("an upper-case letter");
  if (policy.require_lowercase) kinds.emplace_back("a lower-case letter");
  if (policy.require_numbers) kinds.emplace_back("a digit");
  if (policy.require_symbols) kinds.emplace_back("a symbol");
  return kinds;
}

}  // namespace

std::optional<std::string> check_password(std::string_view password, const aws::PasswordPolicy& policy) {
  if (password.empty()) return "Enter a password.";
  const auto chars = decode_utf8(password);
  if (!chars) return "The password is not valid UTF-8 text.";
  if (is_space(chars->front()) || is_space(chars->back()))
    return "The password cannot start or end with a space.";
  if (chars->size() > kMaxPasswordLength)
    return "The password can have at most " + base::count_of(kMaxPasswordLength, "character", "characters") +
           ".";

  bool upper = false;
  bool lower = false;
  bool digit = false;
  bool symbol = false;
  for (const char32_t c : *chars) {
    upper = upper || (c >= U'A' && c <= U'Z');
    lower = lower || (c >= U'a' && c <= U'z');
    digit = digit || (c >= U'0' && c <= U'9');
    // Inner spaces count as symbols; leading and trailing ones were refused above.
    symbol = symbol || c == U' ' ||
             (c < 0x80 && kPasswordSymbols.find(static_cast<char>(c)) != std::string_view::npos);
  }
  std::vector<std::string> missing;
  const auto minimum = static_cast<std::size_t>(policy.minimum_length > 0 ? policy.minimum_length : 0);
  if (chars->size() < minimum)
    missing.push_back("at least " + base::count_of(minimum, "character", "characters"));
  if (policy.require_uppercase && !upper) missing.emplace_back("an upper-case letter (A-Z)");
  if (policy.require_lowercase && !lower) missing.emplace_back("a lower-case letter (a-z)");
  if (policy.require_numbers && !digit) missing.emplace_back("a digit (0-9)");
  if (policy.require_symbols && !symbol) {
    std::string spaced;
    for (const char c : kPasswordSymbols) (spaced += c) += ' ';
    missing.push_back("a symbol (one of " + spaced.substr(0, spaced.size() - 1) + ")");
  }
  if (missing.empty()) return std::nullopt;
  return "The password needs " + list_in_words(missing) + ".";
}

std::string describe_password_policy(const aws::PasswordPolicy& policy) {
  std::string out = "At least " + base::count_of(static_cast<std::size_t>(std::max(policy.minimum_length, 1)),
                                                 "character", "characters");
  const auto kinds = required_kinds(policy);
  if (!kinds.empty()) out += ", with " + list_in_words(kinds);
  return out + ".";
}

}  // namespace heliocloud::registration
