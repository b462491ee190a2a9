#pragma once
// This machine and its processes, as the registry's local leases and staging directories name them: a name
// made of host and process id lets a later run tell that its holder was killed and take over at once.
#include <sys/types.h>

#include <string>

namespace heliocloud::base {

// This machine's host name (gethostname); empty when it has none.
[[nodiscard]] std::string host_name();

// True when no process `pid` exists on this machine any more (a process that exists but belongs to another
// user is not gone). False for pid <= 0.
[[nodiscard]] bool process_is_gone(pid_t pid);

}  // namespace heliocloud::base
