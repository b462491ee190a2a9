// heliocloud: the command line for data providers and operators (validate, upload, ingest, catalog).
#include "registry/cli/cli.h"

int main(int argc, char** argv) {
  return heliocloud::registry::cli::run(argc, argv);
}
