#pragma once
// Following a step's output while it runs. SSM returns a command's output only once it has ended, and only
// its first 24,000 characters, so the runner reads the step's log file on the host instead: a short
// read-only command returns the bytes after the ones already printed, base64-encoded (the exact bytes, even
// a UTF-8 character cut in two), at most kLogChunkBytes at a time so the answer stays under SSM's limit.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::daskhub::remote {

// 15,000 bytes are 20,000 base64 characters, plus a header line: under GetCommandInvocation's 24,000.
inline constexpr std::size_t kLogChunkBytes = 15000;

class LogFollower {
 public:
  explicit LogFollower(std::string path) : path_(std::move(path)) {}

  // The script that reads the next chunk of the log (as root, /bin/sh).
  [[nodiscard]] std::vector<std::string> read_script() const;
  // Takes what read_script() printed and returns the bytes that are new since the last read; nullopt when
  // the answer is not a log read's (then nothing changes).
  [[nodiscard]] std::optional<std::string> take(std::string_view read_output);

  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::uint64_t offset() const noexcept { return offset_; }  // bytes printed so far
  [[nodiscard]] bool exists() const noexcept { return exists_; }           // the last read found the file
  // The file had more bytes at the last read than have been returned: read again.
  [[nodiscard]] bool behind() const noexcept { return size_ > offset_; }

 private:
  std::string path_;
  std::uint64_t offset_ = 0;
  std::uint64_t size_ = 0;
  bool exists_ = false;
};

// When no log can be read, the part of a command's captured stdout not printed yet: SSM hands it over when
// the command ends (should it ever grow while the command runs, each look prints only what was added).
class OutputDelta {
 public:
  // already_printed: bytes of the same stream printed from elsewhere (the log, before it became unreadable).
  explicit OutputDelta(std::size_t already_printed = 0) : printed_(already_printed) {}
  [[nodiscard]] std::string next(std::string_view content);

 private:
  std::size_t printed_ = 0;
};

}  // namespace heliocloud::daskhub::remote
