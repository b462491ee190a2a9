#include "registry/time.h"

#include <array>
#include <cstdio>

namespace heliocloud::registry {

namespace {

constexpr std::string_view kExample = "e.g. 2015-09-01T12:11:14Z, 2015-09-01T12:11:14.5+02:00 or 2015-09-01";

[[noreturn]] void fail(std::string_view text, std::string_view why) {
  throw TimeError("\"" + std::string(text) + "\" is not an ISO 8601 time: " + std::string(why) + " (" +
                  std::string(kExample) + ")");
}

// Reads exactly `n` digits at `pos`; returns -1 if they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool is_digit_at(std::string_view s, std::size_t pos) {
  return pos < s.size() && s[pos] >= '0' && s[pos] <= '9';
}

}  // namespace

int Instant::year() const {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(seconds)};
  return static_cast<int>(ymd.year());
}

Instant parse_time(std::string_view text) {
  const std::string_view s = text;
  if (s.empty()) fail(text, "empty");
  std::size_t pos = 0;

  // Date: extended YYYY-MM-DD or basic YYYYMMDD.
  const int y = digits(s, 0, 4);
  if (y < 0) fail(text, "it must start with a 4-digit year");
  int mo = 0;
  int d = 0;
  bool basic = false;
  if (s.size() > 4 && s[4] == '-') {
    mo = digits(s, 5, 2);
    if (mo < 0 || s.size() < 8 || s[7] != '-') fail(text, "the date must be YYYY-MM-DD");
    d = digits(s, 8, 2);
    if (d < 0) fail(text, "the date must be YYYY-MM-DD");
    pos = 10;
  } else {
    mo = digits(s, 4, 2);
    d = digits(s, 6, 2);
    if (mo < 0 || d < 0) fail(text, "the date must be YYYY-MM-DD");
    basic = true;
    pos = 8;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (mo < 1 || mo > 12) fail(text, "month " + std::to_string(mo) + " is out of range");
  if (!ymd.ok()) fail(text, "day " + std::to_string(d) + " does not exist in that month");

  int hh = 0;
  int mm = 0;
  int ss = 0;
  std::uint32_t nanos = 0;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    hh = digits(s, pos, 2);
    if (hh < 0) fail(text, "the hour must be 2 digits after T");
    pos += 2;
    // Minutes and seconds are optional ("missing elements take their smallest value", spec §5).
    const auto take = [&](int& field, const char* name) {
      if (pos < s.size() && s[pos] == ':' && !basic) {
        ++pos;
      } else if (!(basic && is_digit_at(s, pos))) {
        return false;
      }
      field = digits(s, pos, 2);
      if (field < 0) fail(text, std::string("the ") + name + " must be 2 digits");
      pos += 2;
      return true;
    };
    if (take(mm, "minutes") && take(ss, "seconds") && pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      std::size_t n = 0;
      while (is_digit_at(s, pos + n)) ++n;
      if (n == 0) fail(text, "a decimal point must be followed by digits");
      if (n > 9) fail(text, "more than 9 fraction digits (nanoseconds is the finest resolution)");
      std::uint32_t frac = 0;
      for (std::size_t i = 0; i < 9; ++i)
        frac = frac * 10 + (i < n ? static_cast<std::uint32_t>(s[pos + i] - '0') : 0U);
      nanos = frac;
      pos += n;
    }
    if (hh > 23) fail(text, "hour " + std::to_string(hh) + " is out of range");
    if (mm > 59) fail(text, "minute " + std::to_string(mm) + " is out of range");
    if (ss > 59)
      fail(text, "second " + std::to_string(ss) + " is out of range (leap seconds are not supported)");
  }

  // Zone.
  int offset_minutes = 0;
  if (pos < s.size()) {
    if (pos == 10 || (basic && pos == 8)) fail(text, "a date without a time cannot carry a zone");
    if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos] == '-' ? -1 : 1;
      ++pos;
      const int oh = digits(s, pos, 2);
      if (oh < 0) fail(text, "the offset must be +hh:mm");
      pos += 2;
      int om = 0;
      if (pos < s.size()) {
        if (s[pos] == ':') ++pos;
        om = digits(s, pos, 2);
        if (om < 0) fail(text, "the offset must be +hh:mm");
        pos += 2;
      }
      if (oh > 23 || om > 59) fail(text, "the offset is out of range");
      offset_minutes = sign * (oh * 60 + om);
    }
    if (pos != s.size()) fail(text, "unexpected \"" + std::string(s.substr(pos)) + "\"");
  }

  Instant t;
  t.seconds = std::chrono::sys_days{ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
              std::chrono::seconds{ss} - std::chrono::minutes{offset_minutes};
  t.nanos = nanos;
  return t;
}

std::string format_time(const Instant& t, int fraction_digits) {
  const auto day = std::chrono::floor<std::chrono::days>(t.seconds);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t.seconds - day};
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                        static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                        static_cast<int>(hms.seconds().count()));
  std::string out(buf, static_cast<std::size_t>(n));
  if (fraction_digits > 0) {
    n = std::snprintf(buf, sizeof buf, "%09u", t.nanos);
    out += '.';
    out.append(buf, static_cast<std::size_t>(fraction_digits > 9 ? 9 : fraction_digits));
  }
  out += 'Z';
  return out;
}

int fraction_digits_needed(const Instant& t) {
  if (t.nanos == 0) return 0;
  if (t.nanos % 1'000'000 == 0) return 3;
  if (t.nanos % 1'000 == 0) return 6;
  return 9;
}

Instant now_utc() {
  const auto now = std::chrono::system_clock::now();
  Instant t;
  t.seconds = std::chrono::floor<std::chrono::seconds>(now);
  t.nanos = 0;  // modification times are written to the second
  return t;
}

}  // namespace heliocloud::registry
