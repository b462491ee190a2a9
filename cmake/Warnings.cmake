# Our own code builds with warnings as errors; third-party headers come in as SYSTEM includes.
# Not enabled: -Wnull-dereference and -Wmaybe-uninitialized, which GCC 12 at -O2 reports inside libstdc++ and
# nlohmann/json instantiations (false positives we cannot fix in our code).
# -Wno-missing-field-initializers: props are aggregates written with C++20 designated initializers
# (`BucketProps{.public_read = true}`); GCC 12's -Wextra reports every member such an initializer leaves at its
# default, and leaving members at their (safe) defaults is the point.
# The fuzz build (fuzz/, clang) uses the same set; -Wno-maybe-uninitialized is GCC's alone.
function(heliocloud_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized> -Wno-missing-field-initializers -Werror)
endfunction()
