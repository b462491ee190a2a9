#pragma once
// How long a machine has run, as the home page says it (the original's table, webapps doc §A4.1): under a
// minute "Just Launched", under 5 hours in minutes, under 48 hours in hours, then in days. EC2 resets the
// launch time on every start, so this is the time since the last start.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::portal {

[[nodiscard]] std::string elapsed_text(std::chrono::seconds elapsed);

// elapsed_text() of now - launch_time (EC2's ISO 8601 text); empty when the text does not parse.
[[nodiscard]] std::string elapsed_since(std::string_view launch_time,
                                        std::chrono::system_clock::time_point now);

}  // namespace heliocloud::portal
