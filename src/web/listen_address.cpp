#include "web/listen_address.h"

#include <arpa/inet.h>

#include <array>
#include <charconv>

namespace heliocloud::web {

base::Result<ListenAddress> parse_listen_address(std::string_view text) {
  using R = base::Result<ListenAddress>;
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return R::failure("'" + std::string(text) + "' is not host:port");
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  if (host.starts_with('[')) {
    if (!host.ends_with(']') || host.size() < 3)
      return R::failure("'" + std::string(text) + "': bad [IPv6] host");
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return R::failure("'" + std::string(text) + "': write an IPv6 host in brackets, e.g. [::1]:8080");
  }
  int port = -1;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() || port < 0 ||
      port > 65535)
    return R::failure("'" + std::string(text) + "': the port must be a number from 0 to 65535");
  return R::success({.host = host.empty() ? "127.0.0.1" : std::string(host), .port = port});
}

bool is_loopback(std::string_view host) noexcept {
  if (host == "localhost") return true;
  const std::string h(host);
  std::array<unsigned char, 4> v4{};
  if (inet_pton(AF_INET, h.c_str(), v4.data()) == 1) return v4[0] == 127;
  std::array<unsigned char, 16> v6{};
  if (inet_pton(AF_INET6, h.c_str(), v6.data()) == 1) {
    for (std::size_t i = 0; i < 15; ++i) {
      if (v6[i] != 0) return false;
    }
    return v6[15] == 1;
  }
  return false;
}

}  // namespace heliocloud::web
