#include "daskhub/remote/steps.h"

#include <charconv>

#include "base/text.h"
#include "daskhub/remote/setup_error.h"

namespace heliocloud::daskhub::remote {
namespace {

// The number a step's name starts with ("03-deploy-daskhub" -> 3).
int number_of(const Step& step) {
  int n = -1;
  std::from_chars(step.name.data(), step.name.data() + step.name.size(), n);
  return n;
}

// A token made of digits only, as a number; -1 otherwise.
int number_in(std::string_view token) {
  int n = -1;
  const auto* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, n);
  return !token.empty() && ec == std::errc() && ptr == end ? n : -1;
}

std::string names_of(const std::vector<const Step*>& steps) {
  std::vector<std::string> names;
  names.reserve(steps.size());
  for (const Step* s : steps) names.emplace_back(s->name);
  return base::join(names, ", ");
}

}  // namespace

std::string_view action_name(Action action) {
  switch (action) {
    case Action::Deploy:
      return "deploy";
    case Action::Status:
      return "status";
    case Action::Teardown:
      return "teardown";
  }
  return "?";
}

std::vector<const Step*> steps_of(Action action) {
  std::vector<const Step*> out;
  for (const Step& s : kSteps) {
    const bool teardown_step = s.name.starts_with("99-");
    if ((action == Action::Deploy && !teardown_step) || (action == Action::Teardown && teardown_step))
      out.push_back(&s);
  }
  return out;
}

const Step& find_step(std::string_view token, Action action) {
  const auto candidates = steps_of(action);
  if (candidates.empty())
    throw SetupError("--step applies to deploy and teardown, not to " + std::string(action_name(action)));
  const int number = number_in(token);
  std::vector<const Step*> matches;
  for (const Step& s : kSteps) {
    if (s.name == token || s.script() == token || (number >= 0 && number_of(s) == number))
      matches.push_back(&s);
  }
  if (matches.size() > 1) {
    throw SetupError("--step " + std::string(token) + " is ambiguous: it could be " + names_of(matches) +
                     "; give the step's name");
  }
  if (matches.empty()) {
    throw SetupError("--step " + std::string(token) + " is not a step of the Daskhub kit; " +
                     std::string(action_name(action)) + " has: " + names_of(candidates) +
                     " (a name, its script, or its number)");
  }
  const Step& step = *matches.front();
  for (const Step* c : candidates) {
    if (c == &step) return step;
  }
  const Action other = action == Action::Deploy ? Action::Teardown : Action::Deploy;
  throw SetupError(std::string(step.name) + " is a step of " + std::string(action_name(other)) + ", not of " +
                   std::string(action_name(action)) + ": run `heliocloud daskhub <instance> " +
                   std::string(action_name(other)) + " --step " + std::string(token) + "`");
}

}  // namespace heliocloud::daskhub::remote
