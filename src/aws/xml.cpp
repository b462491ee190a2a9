#include "aws/xml.h"

#include <cstdint>
#include <stdexcept>

#include "base/text.h"

namespace heliocloud::aws::xml {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Parser {
 public:
  explicit Parser(std::string_view doc) : s_(doc) {}

  Node document() {
    skip_misc();
    if (!peek('<')) fail("expected a root element");
    Node root = element();
    skip_misc();
    if (pos_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("XML parse error at offset " + std::to_string(pos_) + ": " + what);
  }
  bool peek(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool starts(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n'))
      ++pos_;
  }
  void skip_past(std::string_view end) {
    const auto e = s_.find(end, pos_);
    if (e == std::string_view::npos) fail("unterminated construct, expected '" + std::string(end) + "'");
    pos_ = e + end.size();
  }
  // Prolog, comments, processing instructions and a DOCTYPE carry nothing AWS responses need.
  void skip_misc() {
    for (;;) {
      skip_ws();
      if (starts("<?")) {
        skip_past("?>");
      } else if (starts("<!--")) {
        skip_past("-->");
      } else if (starts("<!DOCTYPE")) {
        skip_past(">");
      } else {
        return;
      }
    }
  }
  std::string name() {
    const auto start = pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/' || c == '=') break;
      ++pos_;
    }
    if (pos_ == start) fail("expected a name");
    return std::string(s_.substr(start, pos_ - start));
  }
  static std::string decode(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        out.push_back(raw[i]);
        continue;
      }
      const auto semi = raw.find(';', i);
      if (semi == std::string_view::npos) throw std::runtime_error("XML parse error: unterminated entity");
      const auto ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "lt") {
        out.push_back('<');
      } else if (ent == "gt") {
        out.push_back('>');
      } else if (ent == "amp") {
        out.push_back('&');
      } else if (ent == "quot") {
        out.push_back('"');
      } else if (ent == "apos") {
        out.push_back('\'');
      } else if (ent.size() > 1 && ent[0] == '#') {
        const bool hex = ent[1] == 'x' || ent[1] == 'X';
        const std::string digits(ent.substr(hex ? 2 : 1));
        std::size_t used = 0;
        const auto cp = std::stoul(digits, &used, hex ? 16 : 10);
        if (used != digits.size() || cp > 0x10FFFF)
          throw std::runtime_error("XML parse error: bad character reference");
        append_utf8(out, static_cast<std::uint32_t>(cp));
      } else {
        throw std::runtime_error("XML parse error: unknown entity &" + std::string(ent) + ";");
      }
      i = semi;
    }
    return out;
  }
  Node element() {
    ++pos_;  // '<'
    Node node;
    node.name = name();
    for (;;) {
      skip_ws();
      if (starts("/>")) {
        pos_ += 2;
        return node;
      }
      if (peek('>')) {
        ++pos_;
        break;
      }
      std::string attr = name();
      skip_ws();
      if (!peek('=')) fail("expected '=' after attribute " + attr);
      ++pos_;
      skip_ws();
      if (!peek('"') && !peek('\'')) fail("expected a quoted attribute value");
      const char q = s_[pos_++];
      const auto end = s_.find(q, pos_);
      if (end == std::string_view::npos) fail("unterminated attribute value");
      node.attributes.emplace_back(std::move(attr), decode(s_.substr(pos_, end - pos_)));
      pos_ = end + 1;
    }
    for (;;) {
      if (pos_ >= s_.size()) fail("unterminated element <" + node.name + ">");
      if (starts("</")) {
        pos_ += 2;
        const std::string closing = name();
        if (closing != node.name) fail("mismatched tags <" + node.name + "> and </" + closing + ">");
        skip_ws();
        if (!peek('>')) fail("expected '>'");
        ++pos_;
        return node;
      }
      if (starts("<!--")) {
        skip_past("-->");
      } else if (starts("<![CDATA[")) {
        pos_ += 9;
        const auto end = s_.find("]]>", pos_);
        if (end == std::string_view::npos) fail("unterminated CDATA");
        node.text.append(s_.substr(pos_, end - pos_));
        pos_ = end + 3;
      } else if (starts("<?")) {
        skip_past("?>");
      } else if (peek('<')) {
        node.children.push_back(element());
      } else {
        const auto end = s_.find('<', pos_);
        if (end == std::string_view::npos) fail("unterminated element <" + node.name + ">");
        node.text += decode(s_.substr(pos_, end - pos_));
        pos_ = end;
      }
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

const Node* Node::child(std::string_view child_name) const {
  for (const auto& c : children) {
    if (c.name == child_name) return &c;
  }
  return nullptr;
}

std::vector<const Node*> Node::children_named(std::string_view child_name) const {
  std::vector<const Node*> out;
  for (const auto& c : children) {
    if (c.name == child_name) out.push_back(&c);
  }
  return out;
}

std::string Node::child_text(std::string_view child_name, std::string_view fallback) const {
  const Node* c = child(child_name);
  return (c != nullptr) ? c->text : std::string(fallback);
}

const Node* Node::find(std::string_view path) const {
  const Node* cur = this;
  while ((cur != nullptr) && !path.empty()) {
    const auto slash = path.find('/');
    cur = cur->child(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
  }
  return cur;
}

Node parse(std::string_view document) {
  return Parser(document).document();
}

std::string escape(std::string_view text) {
  return base::markup_escape(text);
}

}  // namespace heliocloud::aws::xml
