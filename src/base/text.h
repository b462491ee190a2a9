#pragma once
// Text helpers the parsers, the HTTP header reader and the environment readers share. ASCII only on purpose:
// header names, keys and hex are ASCII, and locale-dependent <cctype> must not change what a parser accepts.
// For prefixes and suffixes use C++20's std::string_view::starts_with / ends_with.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::base {

// What trim() strips unless told otherwise: the ASCII white space of isspace() in the "C" locale.
inline constexpr std::string_view kWhitespace = " \t\r\n\v\f";
// Spaces and tabs only: for formats where a line break or CR is data (CSV fields, manifests written by hand).
inline constexpr std::string_view kBlanks = " \t";

// `s` without the characters of `strip` at both ends; empty when nothing else is left.
[[nodiscard]] std::string_view trim(std::string_view s, std::string_view strip = kWhitespace);

// A-Z become a-z; every other byte stays.
[[nodiscard]] std::string to_lower(std::string_view s);

// & < > " ' as character references (&amp; &lt; &gt; &quot; &#39;), which HTML and XML both read: for text
// and attribute values in S3 request bodies and in web pages alike.
[[nodiscard]] std::string markup_escape(std::string_view s);

// The pieces between the separators: "a,,b" gives {"a", "", "b"} and "" gives {""}, so that the caller can
// say which item is empty.
[[nodiscard]] std::vector<std::string_view> split(std::string_view s, char separator);
// The items with `separator` between them ("a, b, c"); "" for none.
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);

// The decimal number `s` starts with ("36.0.0" -> 36, "8080/" -> 8080); nullopt when it starts with no digit
// or the number does not fit an int.
[[nodiscard]] std::optional<int> leading_int(std::string_view s);

// "1 character", "5 characters": `n` and the noun for that many, for messages people read.
[[nodiscard]] std::string count_of(std::size_t n, std::string_view one, std::string_view many);

}  // namespace heliocloud::base
