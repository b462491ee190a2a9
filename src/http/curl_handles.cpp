#include "http/curl_handles.h"

#include <curl/curl.h>

#include <mutex>
#include <stdexcept>

namespace heliocloud::http {

void EasyCleanup::operator()(void* handle) const noexcept {
  curl_easy_cleanup(handle);
}

EasyHandle new_easy_handle() {
  // curl_global_init is not thread-safe and must run before any other curl call; once for all clients.
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("curl_global_init failed");
  });
  EasyHandle handle(curl_easy_init());
  if (!handle) throw std::runtime_error("curl_easy_init failed");
  return handle;
}

void HeaderList::FreeAll::operator()(curl_slist* list) const noexcept {
  curl_slist_free_all(list);
}

void HeaderList::append(const std::string& line) {
  curl_slist* grown = curl_slist_append(list_.get(), line.c_str());
  if (grown == nullptr) throw std::runtime_error("curl_slist_append failed");
  // On success curl returns the same list head (or a new one when the list was empty).
  static_cast<void>(list_.release());
  list_.reset(grown);
}

}  // namespace heliocloud::http
