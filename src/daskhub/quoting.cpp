#include "daskhub/quoting.h"

#include "base/digest.h"

namespace heliocloud::daskhub {

std::string shell_quote(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  out += '\'';
  return out;
}

std::string yaml_quote(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\u00" + base::to_hex(std::string_view(&c, 1));
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace heliocloud::daskhub
