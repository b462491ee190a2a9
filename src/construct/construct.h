#pragma once
// The construct tree: every construct has an id unique among its siblings and a path from the root.
// A parent owns its children; children keep their creation order, which is also template order.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace heliocloud::construct {

class Stack;
class App;

// A metadata entry on a construct: annotations (aws:cdk:warning, ...) and path/asset metadata end up here.
struct MetadataEntry {
  std::string type;
  nlohmann::ordered_json data;
};

class Construct {
 public:
  // Root construct (the App).
  explicit Construct(std::string id);
  // scope == nullptr is not allowed here; use make<T>() on the parent, which keeps ownership.
  Construct(Construct& scope, std::string id);
  virtual ~Construct();
  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;

  // Creates a child owned by this construct: auto& b = scope.make<Bucket>("Data", props...).
  template <class T, class... Args>
  T& make(std::string id, Args&&... args) {
    auto child = std::make_unique<T>(*this, std::move(id), std::forward<Args>(args)...);
    T& ref = *child;
    adopt(std::move(child));
    return ref;
  }

  const std::string& id() const { return id_; }
  Construct* scope() const { return scope_; }
  // "heliocloud/Base/UserSharedBucket/Resource" (the app root has an empty path and is not part of it).
  std::string path() const;
  // The ids from the root (excluded) down to this construct.
  std::vector<std::string> path_components() const;
  const std::vector<std::unique_ptr<Construct>>& children() const { return children_; }
  Construct* try_find_child(const std::string& id) const;

  // Pre-order walk of this construct and everything below it.
  template <class F>
  void for_each(F&& visit) {
    visit(*this);
    for (auto& child : children_) child->for_each(visit);
  }

  // The nearest enclosing stack (this construct itself if it is one); throws outside a stack.
  Stack& stack() const;
  Stack* try_stack() const;
  App& app() const;

  void add_metadata(std::string type, nlohmann::ordered_json data);
  const std::vector<MetadataEntry>& metadata() const { return metadata_; }

  // Tags like Tags.of(scope).add(key, value): applied to every taggable resource at or below this construct.
  // A tag set deeper in the tree wins over the same key set higher up.
  void add_tag(std::string key, std::string value);
  const std::vector<std::pair<std::string, std::string>>& tags() const { return tags_; }

 private:
  void adopt(std::unique_ptr<Construct> child);

  std::string id_;
  Construct* scope_ = nullptr;
  std::vector<std::unique_ptr<Construct>> children_;
  std::vector<MetadataEntry> metadata_;
  std::vector<std::pair<std::string, std::string>> tags_;
};

}  // namespace heliocloud::construct
