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
    v = (v * 10) + (s[i] - '0');
  }
  return v;
}

bool is_digit_at(std::string_view s, std::size_t pos) {
  return pos < s.size() && s[pos] >= '0' && s[pos] <= '9';
}

struct TimeOfDay {
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  std::uint32_t nanos = 0;
};

// Reads one ISO 8601 text left to right: date, then optional time, then optional zone. Every failure names
// the whole text and what is wrong with it.
class TimeReader {
 public:
  explicit TimeReader(std::string_view text) : s_(text) {
    if (s_.empty()) fail(s_, "empty");
  }

  // Extended YYYY-MM-DD or basic YYYYMMDD.
  std::chrono::year_month_day date() {
    const int y = digits(s_, 0, 4);
    if (y < 0) fail(s_, "it must start with a 4-digit year");
    int mo = 0;
    int d = 0;
    if (s_.size() > 4 && s_[4] == '-') {
      mo = digits(s_, 5, 2);
      if (mo < 0 || s_.size() < 8 || s_[7] != '-') fail(s_, "the date must be YYYY-MM-DD");
      d = digits(s_, 8, 2);
      if (d < 0) fail(s_, "the date must be YYYY-MM-DD");
      pos_ = 10;
    } else {
      mo = digits(s_, 4, 2);
      d = digits(s_, 6, 2);
      if (mo < 0 || d < 0) fail(s_, "the date must be YYYY-MM-DD");
      basic_ = true;
      pos_ = 8;
    }
    date_end_ = pos_;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    if (mo < 1 || mo > 12) fail(s_, "month " + std::to_string(mo) + " is out of range");
    if (!ymd.ok()) fail(s_, "day " + std::to_string(d) + " does not exist in that month");
    return ymd;
  }

  // "T" (or "t" or a space) and hh[:mm[:ss[.fraction]]]; midnight when there is no time.
  TimeOfDay time() {
    TimeOfDay t;
    if (pos_ >= s_.size() || (s_[pos_] != 'T' && s_[pos_] != 't' && s_[pos_] != ' ')) return t;
    ++pos_;
    t.hours = digits(s_, pos_, 2);
    if (t.hours < 0) fail(s_, "the hour must be 2 digits after T");
    pos_ += 2;
    // Minutes and seconds are optional ("missing elements take their smallest value", spec §5).
    if (field(t.minutes, "minutes") && field(t.seconds, "seconds")) t.nanos = fraction();
    if (t.hours > 23) fail(s_, "hour " + std::to_string(t.hours) + " is out of range");
    if (t.minutes > 59) fail(s_, "minute " + std::to_string(t.minutes) + " is out of range");
    if (t.seconds > 59)
      fail(s_, "second " + std::to_string(t.seconds) + " is out of range (leap seconds are not supported)");
    return t;
  }

  // "Z", "+hh:mm", "+hhmm", "+hh" or nothing (UTC); then the text must end.
  int zone_offset_minutes() {
    if (pos_ == s_.size()) return 0;
    if (pos_ == date_end_) fail(s_, "a date without a time cannot carry a zone");
    int offset = 0;
    if ((s_[pos_] == 'Z' || s_[pos_] == 'z') && pos_ + 1 == s_.size()) {
      ++pos_;
    } else if (s_[pos_] == '+' || s_[pos_] == '-') {
      offset = numeric_offset();
    }
    if (pos_ != s_.size()) fail(s_, "unexpected \"" + std::string(s_.substr(pos_)) + "\"");
    return offset;
  }

 private:
  // The next two-digit field of the time, after ':' (extended) or directly (basic). False when absent.
  bool field(int& value, const char* name) {
    if (pos_ < s_.size() && s_[pos_] == ':' && !basic_) {
      ++pos_;
    } else if (!(basic_ && is_digit_at(s_, pos_))) {
      return false;
    }
    value = digits(s_, pos_, 2);
    if (value < 0) fail(s_, std::string("the ") + name + " must be 2 digits");
    pos_ += 2;
    return true;
  }

  // ".5" or ",5" after the seconds, as nanoseconds.
  std::uint32_t fraction() {
    if (pos_ >= s_.size() || (s_[pos_] != '.' && s_[pos_] != ',')) return 0;
    ++pos_;
    std::size_t n = 0;
    while (is_digit_at(s_, pos_ + n)) ++n;
    if (n == 0) fail(s_, "a decimal point must be followed by digits");
    if (n > 9) fail(s_, "more than 9 fraction digits (nanoseconds is the finest resolution)");
    std::uint32_t nanos = 0;
    for (std::size_t i = 0; i < 9; ++i)
      nanos = (nanos * 10) + (i < n ? static_cast<std::uint32_t>(s_[pos_ + i] - '0') : 0U);
    pos_ += n;
    return nanos;
  }

  int numeric_offset() {
    const int sign = s_[pos_] == '-' ? -1 : 1;
    ++pos_;
    const int oh = digits(s_, pos_, 2);
    if (oh < 0) fail(s_, "the offset must be +hh:mm");
    pos_ += 2;
    int om = 0;
    if (pos_ < s_.size()) {
      if (s_[pos_] == ':') ++pos_;
      om = digits(s_, pos_, 2);
      if (om < 0) fail(s_, "the offset must be +hh:mm");
      pos_ += 2;
    }
    if (oh > 23 || om > 59) fail(s_, "the offset is out of range");
    return sign * ((oh * 60) + om);
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t date_end_ = 0;
  bool basic_ = false;  // YYYYMMDD: the time has no ':' either
};

}  // namespace

int Instant::year() const {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(seconds)};
  return static_cast<int>(ymd.year());
}

Instant parse_time(std::string_view text) {
  TimeReader reader(text);
  const auto ymd = reader.date();
  const TimeOfDay tod = reader.time();
  const int offset_minutes = reader.zone_offset_minutes();
  Instant t;
  t.seconds = std::chrono::sys_days{ymd} + std::chrono::hours{tod.hours} + std::chrono::minutes{tod.minutes} +
              std::chrono::seconds{tod.seconds} - std::chrono::minutes{offset_minutes};
  t.nanos = tod.nanos;
  return t;
}

std::string format_time(const Instant& t, int fraction_digits) {
  const auto day = std::chrono::floor<std::chrono::days>(t.seconds);
  const std::chrono::year_month_day ymd{day};
  const auto secs = (t.seconds - day).count();
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", year,
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                          static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                          static_cast<int>(secs % 60));
    std::string out(buf, static_cast<std::size_t>(n));
    out += 'Z';
    return out;
  }
  char buf[32] = "0000-00-00T00:00:00";
  const auto put = [&](int at, int width, long long v) {
    for (int i = at + width - 1; i >= at; --i, v /= 10) buf[i] = static_cast<char>('0' + (v % 10));
  };
  put(0, 4, year);
  put(5, 2, static_cast<unsigned>(ymd.month()));
  put(8, 2, static_cast<unsigned>(ymd.day()));
  put(11, 2, secs / 3600);
  put(14, 2, secs / 60 % 60);
  put(17, 2, secs % 60);
  int n = 19;
  const int digits = fraction_digits > 9 ? 9 : fraction_digits;
  if (digits > 0) {
    buf[n++] = '.';
    char frac[9];
    long long v = t.nanos;
    for (int i = 8; i >= 0; --i, v /= 10) frac[i] = static_cast<char>('0' + (v % 10));
    for (int i = 0; i < digits; ++i) buf[n++] = frac[i];
  }
  buf[n++] = 'Z';
  return std::string(buf, static_cast<std::size_t>(n));
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
