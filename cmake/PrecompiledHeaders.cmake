# Precompiled headers: the build's biggest cost is parsing the same heavy headers in every unit. nlohmann/json
# reaches nearly every unit (construct/value.h, aws/protocols.h, web/request.h, ...) and GoogleTest every test;
# parsing them took 1.5-3 s of each unit's 4-8 s (measured with -ftime-report, README "Build time").
#
# Two precompiled headers are built once and reused by every target (REUSE_FROM), instead of once per target:
#   heliocloud_pch       the standard library headers most units use, and nlohmann/json
#   heliocloud_test_pch  the same plus GoogleTest, for every target that links GoogleTest
# GCC accepts a reused header only when the compile options match; -Winvalid-pch with -Werror turns a mismatch
# into a build error instead of a silent slowdown.
#
# Off (HELIOCLOUD_PRECOMPILED_HEADERS=OFF) the sources compile as written; the clang-tidy check
# (scripts/check-tidy.sh) parses them that way, so a unit that leans on the precompiled header for an include it
# does not write fails there. ccache cannot cache units that use a precompiled header unless told to be sloppy
# about it, so with ccache as the compiler launcher the default is OFF (its hits are faster than any header).
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
  set(heliocloud_pch_default OFF)
else()
  set(heliocloud_pch_default ON)
endif()
option(HELIOCLOUD_PRECOMPILED_HEADERS "Precompile the heavy headers once for all targets" ${heliocloud_pch_default})

set(HELIOCLOUD_PCH_HEADERS
  <algorithm> <chrono> <filesystem> <functional> <map> <memory> <optional> <stdexcept> <string> <string_view>
  <vector> <nlohmann/json.hpp>)

# Collects the targets defined in `dir` and its subdirectories into `out`.
function(heliocloud_targets_below dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    heliocloud_targets_below(${sub} sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Gives every C++ library and executable of the project one of the two precompiled headers. Called once, after
# every add_subdirectory, so that no CMakeLists.txt has to remember it.
function(heliocloud_precompile_headers)
  if(NOT HELIOCLOUD_PRECOMPILED_HEADERS)
    return()
  endif()
  set(stub ${CMAKE_BINARY_DIR}/pch/pch_stub.cpp)
  file(CONFIGURE OUTPUT ${stub} CONTENT "// Compiled only to build the precompiled header.\n")
  add_library(heliocloud_pch STATIC ${stub})
  target_link_libraries(heliocloud_pch PRIVATE nlohmann_json::nlohmann_json)
  target_precompile_headers(heliocloud_pch PRIVATE ${HELIOCLOUD_PCH_HEADERS})
  heliocloud_warnings(heliocloud_pch)
  set(has_tests FALSE)
  if(TARGET GTest::gtest)
    set(has_tests TRUE)
    add_library(heliocloud_test_pch STATIC ${stub})
    target_link_libraries(heliocloud_test_pch PRIVATE nlohmann_json::nlohmann_json GTest::gtest)
    target_precompile_headers(heliocloud_test_pch PRIVATE ${HELIOCLOUD_PCH_HEADERS} <gtest/gtest.h>)
    heliocloud_warnings(heliocloud_test_pch)
  endif()

  # GCC 12 forgets, for code inlined from a precompiled header, that it came from a system header, so its
  # known false positives at -O2 inside libstdc++ (std::string's memcpy "out of bounds", GCC bugs 105329 and
  # 105651) become errors in our units. Off where the precompiled header is used; builds without it (ccache,
  # HELIOCLOUD_PRECOMPILED_HEADERS=OFF) keep them, and the sanitizer build checks bounds at run time.
  set(gcc_pch_quiet $<$<CXX_COMPILER_ID:GNU>:-Wno-array-bounds -Wno-stringop-overflow -Wno-stringop-overread
                    -Wno-restrict>)
  heliocloud_targets_below(${PROJECT_SOURCE_DIR} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(NOT type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$" OR target MATCHES "^heliocloud_(test_)?pch$")
      continue()
    endif()
    get_target_property(libs ${target} LINK_LIBRARIES)
    if(has_tests AND libs MATCHES "GTest::")
      target_precompile_headers(${target} REUSE_FROM heliocloud_test_pch)
    else()
      # Debian installs nlohmann/json and GoogleTest in /usr/include, so every target finds the headers.
      target_precompile_headers(${target} REUSE_FROM heliocloud_pch)
    endif()
    target_compile_options(${target} PRIVATE "${gcc_pch_quiet}")
  endforeach()
endfunction()
