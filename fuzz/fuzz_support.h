#pragma once
// What every fuzz target shares: the input as text, and the one way a broken invariant is reported (a message
// naming it, then abort, which libFuzzer records as a crash with the input that caused it).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace heliocloud::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Stops the run: `what` names the invariant that does not hold.
[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void require(bool holds, std::string_view what, std::string_view detail = {}) {
  if (!holds) fail(what, detail);
}

// Splits a structured input: the text up to `separator` (all of it when there is none), removed from `text`
// with the separator.
inline std::string_view take_until(std::string_view& text, char separator) {
  const auto end = text.find(separator);
  const auto piece = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return piece;
}

// A refusal must explain itself: an exception of the documented type with a message. Any other exception
// escapes the target and libFuzzer reports it (std::terminate).
template <typename Error, typename Body>
void refused_with(Body&& body) {
  try {
    body();
  } catch (const Error& e) {
    require(!std::string_view(e.what()).empty(), "an error has a message");
  }
}

}  // namespace heliocloud::fuzz
