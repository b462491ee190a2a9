#include "base/process.h"

#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace heliocloud::base {

std::string host_name() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return host;
}

bool process_is_gone(pid_t pid) {
  // Signal 0 only checks: ESRCH = no such process; EPERM = there is one, of another user.
  return pid > 0 && kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace heliocloud::base
