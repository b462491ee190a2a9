#include "registration/field_rules.h"

#include <algorithm>

#include "base/text.h"
#include "registration/unicode.h"

namespace heliocloud::registration {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 §3.2.3 atext: what a local part may hold between its dots without quoting.
bool is_atext(char c) {
  return is_ascii_alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_dot_atom(std::string_view text) {
  if (text.empty()) return false;
  for (const auto part : base::split(text, '.')) {
    if (part.empty() || !std::ranges::all_of(part, is_atext)) return false;
  }
  return true;
}

// RFC 1035 §2.3.1 labels (letters, digits, inner hyphens, 1-63 long), at least two of them, the last one
// not all digits: xn-- labels of internationalized names are letters, digits and hyphens too.
bool is_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  const auto labels = base::split(domain, '.');
  if (labels.size() < 2) return false;
  for (const auto label : labels) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::ranges::all_of(label, [](char c) { return is_ascii_alnum(c) || c == '-'; })) return false;
  }
  const auto top = labels.back();
  return std::ranges::any_of(top, [](char c) { return c < '0' || c > '9'; });
}

}  // namespace

std::optional<std::string> check_username(std::string_view username) {
  if (username.empty()) return "Enter a user name.";
  const auto chars = decode_utf8(username);
  if (!chars) return "The user name is not valid UTF-8 text.";
  if (chars->size() > kMaxUsernameLength) {
    return "The user name can have at most " + base::count_of(kMaxUsernameLength, "character", "characters") +
           " (it has " + std::to_string(chars->size()) + ").";
  }
  if (std::any_of(chars->begin(), chars->end(), is_space)) return "The user name cannot contain spaces.";
  if (std::any_of(chars->begin(), chars->end(), is_control_or_invisible))
    return "The user name cannot contain control or invisible characters.";
  return std::nullopt;
}

std::optional<std::string> check_email(std::string_view email) {
  if (email.empty()) return "Enter an e-mail address.";
  if (email.size() > kMaxEmailLength)
    return "The e-mail address can have at most " +
           base::count_of(kMaxEmailLength, "character", "characters") + ".";
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return "The e-mail address needs an @, as in name@example.org.";
  const auto local = email.substr(0, at);
  const auto domain = email.substr(at + 1);
  if (local.empty() || local.size() > kMaxEmailLocalLength || !is_dot_atom(local)) {
    return "The part of the e-mail address before the @ is not valid: use letters, digits, dots (not two in "
           "a row, not first or last) and ! # $ % & ' * + - / = ? ^ _ ` { | } ~.";
  }
  if (!is_domain(domain)) {
    return "The part of the e-mail address after the @ is not a valid domain name, such as example.org.";
  }
  return std::nullopt;
}

std::optional<std::string> check_affiliation(std::string_view affiliation) {
  if (affiliation.empty()) return "Enter your affiliation or sponsor.";
  const auto chars = decode_utf8(affiliation);
  if (!chars) return "The affiliation is not valid UTF-8 text.";
  if (chars->size() > kMaxAffiliationLength) {
    return "The affiliation can have at most " +
           base::count_of(kMaxAffiliationLength, "character", "characters") + " (it has " +
           std::to_string(chars->size()) + ").";
  }
  if (std::any_of(chars->begin(), chars->end(), is_control_or_invisible))
    return "The affiliation cannot contain control or invisible characters.";
  return std::nullopt;
}

}  // namespace heliocloud::registration
