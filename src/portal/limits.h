#pragma once
// The User Portal's limits (webapps doc §A1, §A4.5). The original enforced the first only at launch and the
// second only in its template; here the server checks both, on every path that could break them.
#include <cstddef>

namespace heliocloud::portal {

inline constexpr int kMaxRunningMachines = 3;  // running + pending, counted on launch and on start
inline constexpr int kMaxKeyPairs = 5;
inline constexpr int kMaxVolumeGb = 256;
inline constexpr int kDefaultVolumeGb = 64;  // the original form's default (upstream fa09316)
inline constexpr int kStoppedMachinesShown = 5;
// A dataset page lists at most this many index rows (a year of a 1-minute dataset has half a million); the
// page says how many more there are.
inline constexpr std::size_t kMaxDatasetRows = 500;

}  // namespace heliocloud::portal
