#include "web/url_encoding.h"

#include "base/percent_encoding.h"

namespace heliocloud::web {

using base::percent_decode;

Params parse_urlencoded(std::string_view text) {
  Params params;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (piece.empty()) continue;
    const auto eq = piece.find('=');
    if (eq == std::string_view::npos) {
      params.add(percent_decode(piece, true), "");
    } else {
      params.add(percent_decode(piece.substr(0, eq), true), percent_decode(piece.substr(eq + 1), true));
    }
  }
  return params;
}

}  // namespace heliocloud::web
