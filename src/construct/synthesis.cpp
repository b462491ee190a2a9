#include "construct/synthesis.h"

#include "construct/app.h"
#include "construct/stack.h"

namespace heliocloud::construct {

std::vector<RenderedStack> render_templates(App& app) {
  const std::vector<Stack*> stacks = app.stacks();
  std::vector<TemplateSections> sections;
  sections.reserve(stacks.size());
  for (Stack* s : stacks) sections.push_back(s->render());
  std::vector<RenderedStack> out;
  out.reserve(stacks.size());
  for (std::size_t i = 0; i < stacks.size(); ++i) {
    stacks[i]->render_exports(sections[i]);
    out.push_back({.stack = stacks[i], .template_json = sections[i].to_template()});
  }
  return out;
}

}  // namespace heliocloud::construct
