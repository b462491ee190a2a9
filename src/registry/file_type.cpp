#include "registry/file_type.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "base/text.h"

namespace heliocloud::registry {

namespace {

// extension -> canonical. netcdf/ncd/ncdf meant netCDF-3 in the original; `.nc` is the common netCDF-4 name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kExtensions{{
    {"fits", "fits"},       {"fts", "fits"},      {"fit", "fits"},        {"csv", "csv"},
    {"cdf", "cdf"},         {"nc", "netcdf4"},    {"netcdf4", "netcdf4"}, {"nc4", "netcdf4"},
    {"netcdf3", "netcdf3"}, {"ncd", "netcdf3"},   {"netcdf", "netcdf3"},  {"ncdf", "netcdf3"},
    {"hdf5", "hdf5"},       {"h5", "hdf5"},       {"hdf", "hdf5"},        {"datamap", "datamap"},
    {"txt", "txt"},         {"binary", "binary"}, {"other", "other"},     {"bin", "binary"},
}};

}  // namespace

const std::vector<std::string_view>& canonical_file_types() {
  static const std::vector<std::string_view> kTypes{"fits", "csv",     "cdf", "netcdf3", "netcdf4",
                                                    "hdf5", "datamap", "txt", "binary",  "other"};
  return kTypes;
}

std::optional<std::string_view> canonical_file_type(std::string_view extension) {
  const auto lower = base::to_lower(extension);
  for (const auto& [ext, canonical] : kExtensions) {
    if (ext == lower) return canonical;
  }
  return std::nullopt;
}

std::optional<std::string_view> extension_of(std::string_view key) {
  const auto slash = key.rfind('/');
  const auto name = slash == std::string_view::npos ? key : key.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return std::nullopt;
  return name.substr(dot + 1);
}

std::string normalize_key_extension(std::string_view key) {
  const auto ext = extension_of(key);
  if (!ext) throw std::invalid_argument("\"" + std::string(key) + "\" has no file extension");
  const auto canonical = canonical_file_type(*ext);
  if (!canonical) throw std::invalid_argument("\"" + std::string(key) + "\" has an unknown extension");
  std::string out(key.substr(0, key.size() - ext->size()));
  out += *canonical;
  return out;
}

int file_type_rank(std::string_view canonical) {
  const auto& types = canonical_file_types();
  const auto it = std::ranges::find(types, canonical);
  return static_cast<int>(it - types.begin());
}

std::string join_file_types(std::vector<std::string> types) {
  std::ranges::sort(types, [](const std::string& a, const std::string& b) {
    return file_type_rank(a) < file_type_rank(b);
  });
  types.erase(std::ranges::unique(types).begin(), types.end());
  std::string out;
  for (const auto& t : types) {
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

std::string known_extensions_hint() {
  std::string out;
  for (const auto& [ext, canonical] : kExtensions) {
    if (!out.empty()) out += ", ";
    out += ext;
  }
  return "use one of: " + out;
}

}  // namespace heliocloud::registry
