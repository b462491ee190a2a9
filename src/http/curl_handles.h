#pragma once
// Owning wrappers of libcurl's C handles, so that no path (an exception included) leaks one, and the
// process-wide curl_global_init done exactly once before the first handle.
#include <memory>
#include <string>

struct curl_slist;  // NOLINT(readability-identifier-naming): libcurl's type

namespace heliocloud::http {

struct EasyCleanup {
  void operator()(void* handle) const noexcept;  // curl's CURL* is a void* in C++
};
// A curl easy handle; it keeps its connection cache across curl_easy_reset.
using EasyHandle = std::unique_ptr<void, EasyCleanup>;

// curl_global_init (once per process) and curl_easy_init. Throws std::runtime_error when curl cannot.
[[nodiscard]] EasyHandle new_easy_handle();

// A request's header list (curl_slist).
class HeaderList {
 public:
  void append(const std::string& line);
  [[nodiscard]] curl_slist* get() const noexcept { return list_.get(); }

 private:
  struct FreeAll {
    void operator()(curl_slist* list) const noexcept;
  };
  std::unique_ptr<curl_slist, FreeAll> list_;
};

}  // namespace heliocloud::http
