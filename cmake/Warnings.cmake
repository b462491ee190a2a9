# Our own code builds with warnings as errors; third-party headers come in as SYSTEM includes.
# Not enabled: -Wnull-dereference and -Wmaybe-uninitialized, which GCC 12 at -O2 reports inside libstdc++ and
# nlohmann/json instantiations (false positives we cannot fix in our code).
function(heliocloud_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough -Wno-maybe-uninitialized
    -Werror)
endfunction()
