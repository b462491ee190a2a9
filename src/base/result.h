#pragma once
// A value, or a message saying why there is none: what crosses an edge where exceptions must not (the Lambda
// Runtime API loop, a provider's answer to CloudFormation). Result<> is "ok, or why not".
#include <optional>
#include <string>
#include <utility>

namespace heliocloud::base {

// The value of a Result whose success carries nothing.
struct Done {};

template <class T = Done>
struct Result {
  std::optional<T> value;
  std::string error;  // empty when ok

  [[nodiscard]] bool ok() const noexcept { return value.has_value(); }
  // The value, after ok() said there is one; on a failed Result it throws std::bad_optional_access instead
  // of reading nothing (and the checks of clang-tidy see a checked access).
  [[nodiscard]] T& get() & { return value.value(); }
  [[nodiscard]] const T& get() const& { return value.value(); }

  static Result success(T v = T{}) { return Result{std::move(v), {}}; }
  static Result failure(std::string why) { return Result{std::nullopt, std::move(why)}; }
};

}  // namespace heliocloud::base
