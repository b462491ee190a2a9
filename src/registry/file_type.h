#pragma once
// File types: the extension of each data file, normalized on copy as the original did (x.FTS -> x.fits), and
// the dataset's `filetype` in catalog.json, whose values the spec fixes (cloudcatalog.md §3.2).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::registry {

// The canonical names, in the order the spec lists them; catalog.json joins a dataset's types in this order.
[[nodiscard]] const std::vector<std::string_view>& canonical_file_types();

// Canonical type for an extension, case-insensitive: fits/fts/fit, cdf, csv, nc/netcdf4,
// netcdf3/ncd/netcdf/ncdf, hdf5/h5/hdf, datamap, txt, binary, other. nullopt when unknown.
[[nodiscard]] std::optional<std::string_view> canonical_file_type(std::string_view extension);

// The extension of the last path segment ("a/b.v1.CDF" -> "CDF"), or nullopt when it has none.
[[nodiscard]] std::optional<std::string_view> extension_of(std::string_view key);

// The key with its extension replaced by the canonical one ("a/x.FTS" -> "a/x.fits"). Throws
// std::invalid_argument when the extension is missing or unknown (validation reports that earlier).
[[nodiscard]] std::string normalize_key_extension(std::string_view key);

// "cdf" < "fits" ... by spec order, for sorting a dataset's set of types.
[[nodiscard]] int file_type_rank(std::string_view canonical);

// Comma-joined in spec order, no spaces ("fits,cdf"), as catalog.json wants it.
[[nodiscard]] std::string join_file_types(std::vector<std::string> types);

[[nodiscard]] std::string known_extensions_hint();

}  // namespace heliocloud::registry
