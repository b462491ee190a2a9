#pragma once
// Writes the cloud assembly the CDK CLI reads: manifest.json, one template and one asset manifest per stack,
// staged assets, tree.json. Same input, byte-identical output: nothing time- or machine-dependent goes in.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace heliocloud::construct {

class App;

// The assembly schema version we write: 55 (what CLI 2.1148 reads), lowered to what an older CLI says it
// reads.
std::string assembly_version(int cli_assembly_major);

class AssemblyWriter {
 public:
  explicit AssemblyWriter(App& app) : app_(app) {}
  void write();

 private:
  static void prepare_outdir(const std::filesystem::path& outdir);
  nlohmann::ordered_json tree() const;
  App& app_;
};

}  // namespace heliocloud::construct
