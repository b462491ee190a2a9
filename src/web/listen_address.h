#pragma once
// The local server's --listen option: "host:port", "[v6]:port" or ":port" (127.0.0.1). A web app with
// cookies and CSRF keys is for this machine only unless the operator says otherwise, so loopback is the test.
#include <string>
#include <string_view>

#include "base/result.h"

namespace heliocloud::web {

struct ListenAddress {
  std::string host = "127.0.0.1";  // brackets removed for IPv6
  int port = 8080;                 // 0: any free port
};

[[nodiscard]] base::Result<ListenAddress> parse_listen_address(std::string_view text);

// 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool is_loopback(std::string_view host) noexcept;

}  // namespace heliocloud::web
