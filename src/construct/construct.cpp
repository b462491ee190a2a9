#include "construct/construct.h"

#include <stdexcept>

#include "construct/app.h"
#include "construct/stack.h"

namespace heliocloud::construct {

Construct::Construct(std::string id) : id_(std::move(id)) {}

Construct::Construct(Construct& scope, std::string id) : id_(std::move(id)), scope_(&scope) {
  if (id_.empty()) throw std::invalid_argument("construct under '" + scope.path() + "' has an empty id");
  if (id_.find('/') != std::string::npos)
    throw std::invalid_argument("construct id '" + id_ + "' under '" + scope.path() +
                                "' must not contain '/'");
  if (scope.try_find_child(id_) != nullptr)
    throw std::invalid_argument("there is already a construct with id '" + id_ + "' in '" + scope.path() +
                                "'");
}

Construct::~Construct() = default;

void Construct::adopt(std::unique_ptr<Construct> child) {
  children_.push_back(std::move(child));
}

std::vector<std::string> Construct::path_components() const {
  std::vector<std::string> out;
  for (const Construct* c = this; c != nullptr && c->scope_ != nullptr; c = c->scope_) out.push_back(c->id_);
  return {out.rbegin(), out.rend()};
}

std::string Construct::path() const {
  std::string out;
  for (const auto& c : path_components()) out += (out.empty() ? "" : "/") + c;
  return out;
}

Construct* Construct::try_find_child(const std::string& id) const {
  for (const auto& child : children_)
    if (child->id_ == id) return child.get();
  return nullptr;
}

Stack* Construct::try_stack() const {
  for (const Construct* c = this; c != nullptr; c = c->scope_)
    if (const auto* s = dynamic_cast<const Stack*>(c))
      return const_cast<Stack*>(s);  // NOLINT: tree is mutable
  return nullptr;
}

Stack& Construct::stack() const {
  Stack* s = try_stack();
  if (s == nullptr) throw std::logic_error("construct '" + path() + "' is not inside a stack");
  return *s;
}

App& Construct::app() const {
  const Construct* c = this;
  while (c->scope_ != nullptr) c = c->scope_;
  const auto* a = dynamic_cast<const App*>(c);
  if (a == nullptr) throw std::logic_error("construct '" + path() + "' is not inside an App");
  return const_cast<App&>(*a);  // NOLINT: the tree is mutable; constness is about the path walk
}

void Construct::add_metadata(std::string type, nlohmann::ordered_json data) {
  metadata_.push_back({.type = std::move(type), .data = std::move(data)});
}

void Construct::add_tag(std::string key, std::string value) {
  for (auto& [k, v] : tags_)
    if (k == key) {
      v = std::move(value);
      return;
    }
  tags_.emplace_back(std::move(key), std::move(value));
}

}  // namespace heliocloud::construct
