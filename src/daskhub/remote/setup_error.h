#pragma once
// A problem to fix before the kit can run (no Daskhub stack, no InstanceID output, no kit on the host, an
// unknown --step, a step already running): one message saying what and how; the CLI exits 2 as for a usage
// error. A step that runs and fails is not a SetupError: its exit status is the command's.
#include <stdexcept>

namespace heliocloud::daskhub::remote {

class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace heliocloud::daskhub::remote
