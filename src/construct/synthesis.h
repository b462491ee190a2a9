#pragma once
// Rendering every stack of an app into its template, in memory: the assembly writer writes these, and
// tests read them without a cloud assembly on disk.

#include <nlohmann/json.hpp>
#include <vector>

namespace heliocloud::construct {

class App;
class Stack;

struct RenderedStack {
  Stack* stack;
  nlohmann::ordered_json template_json;
};

// All stacks in tree order. Every stack is rendered before any exports are added, because rendering a
// consumer is what gives its producer the export.
std::vector<RenderedStack> render_templates(App& app);

}  // namespace heliocloud::construct
