#pragma once
// The `daskhub:` section of an instance file: the EKS cluster (eksctl), the shared volume, JupyterHub + Dask
// and Kubecost monitoring, read into DaskhubConfig. What the deploy kit renders comes only from here, so
// every value it needs is either checked and present or a clear error naming file, line and key: never a
// "None" in a file.
#include "config/config_node.h"
#include "config/config_reader.h"
#include "config/instance_config.h"

namespace heliocloud::config {

// Reads daskhub.* of the merged tree into c.daskhub. Needs c.env and c.enabled read first (the cluster's
// region defaults to env.region; required keys depend on enabled.daskhub and enabled.daskhub_metrics).
void read_daskhub_section(ConfigReader& r, const ConfigNode* root, InstanceConfig& c);

}  // namespace heliocloud::config
