#include "web/sign_in/chunked_cookie.h"

#include <stdexcept>

namespace heliocloud::web::sign_in {
namespace {

std::string piece_name(std::string_view name, std::size_t index) {
  return std::string(name) + "_" + std::to_string(index);
}

// The index of a cookie named NAME_<digits>, or nullopt.
std::optional<std::size_t> piece_index(std::string_view cookie_name, std::string_view name) {
  if (cookie_name.size() <= name.size() + 1 || !cookie_name.starts_with(name) ||
      cookie_name[name.size()] != '_')
    return std::nullopt;
  const auto digits = cookie_name.substr(name.size() + 1);
  if (digits.size() > 2) return std::nullopt;
  std::size_t index = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    index = (index * 10) + static_cast<std::size_t>(c - '0');
  }
  return index;
}

}  // namespace

std::vector<SetCookie> chunk_cookie(std::string_view name, std::string_view value,
                                    std::optional<std::chrono::seconds> max_age) {
  // The count prefix ("N.") takes two characters of the first piece.
  const std::size_t count = (value.size() + 2 + kCookieChunkChars - 1) / kCookieChunkChars;
  if (count > kMaxCookieChunks)
    throw std::length_error("a value of " + std::to_string(value.size()) + " characters needs more than " +
                            std::to_string(kMaxCookieChunks) + " cookies");
  const std::string whole = std::to_string(count) + "." + std::string(value);
  std::vector<SetCookie> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back({.name = piece_name(name, i),
                   .value = whole.substr(i * kCookieChunkChars, kCookieChunkChars),
                   .max_age = max_age});
  }
  return out;
}

std::optional<std::string> read_chunked_cookie(const Params& cookies, std::string_view name) {
  const auto first = cookies.get(piece_name(name, 0));
  if (!first) return std::nullopt;
  const auto dot = first->find('.');
  if (dot != 1 || (*first)[0] < '1' || (*first)[0] > '9') return std::nullopt;
  const auto count = static_cast<std::size_t>((*first)[0] - '0');
  if (count > kMaxCookieChunks) return std::nullopt;
  std::string value = first->substr(2);
  for (std::size_t i = 1; i < count; ++i) {
    const auto piece = cookies.get(piece_name(name, i));
    if (!piece) return std::nullopt;
    value += *piece;
  }
  return value;
}

std::vector<SetCookie> expire_chunked_cookie(const Params& cookies, std::string_view name, std::size_t keep) {
  std::vector<SetCookie> out;
  std::vector<std::size_t> done;
  const auto expire = [&](std::size_t index) {
    if (index < keep) return;
    for (const auto d : done) {
      if (d == index) return;
    }
    done.push_back(index);
    out.push_back(expired_cookie(piece_name(name, index)));
  };
  expire(0);
  for (const auto& [cookie_name, value] : cookies.entries()) {
    if (const auto index = piece_index(cookie_name, name)) expire(*index);
  }
  return out;
}

}  // namespace heliocloud::web::sign_in
