#include "daskhub/kit_view.h"

#include <stdexcept>
#include <string>

#include "base/percent_encoding.h"
#include "contracts/daskhub.h"
#include "daskhub/quoting.h"

namespace heliocloud::daskhub {
namespace {

using Data = kainjow::mustache::data;

// Offers `value` as name, name_sh and name_yaml (see kit_view.h).
void put(Data& view, const std::string& name, const std::string& value) {
  view.set(name, value);
  view.set(name + "_sh", shell_quote(value));
  view.set(name + "_yaml", yaml_quote(value));
}

void require(const std::string& value, const std::string& key) {
  if (value.empty())
    throw std::invalid_argument("the Daskhub deploy kit needs " + key + "; set it in the instance file");
}

Data list_of(const std::vector<std::string>& values, const std::string& name) {
  Data list{Data::type::list};
  for (const auto& v : values) {
    Data item;
    put(item, name, v);
    list.push_back(item);
  }
  return list;
}

Data identity_mappings(const std::vector<config::IamIdentityMapping>& mappings) {
  Data list{Data::type::list};
  for (const auto& m : mappings) {
    Data item;
    put(item, "arn", m.arn);
    item.set("groups", list_of(m.groups, "group"));
    if (m.username) {
      Data username;
      put(username, "username", *m.username);
      item.set("username", username);
    }
    list.push_back(item);
  }
  return list;
}

Data required_outputs(bool metrics) {
  Data list{Data::type::list};
  auto add = [&list](std::string_view key) {
    Data item;
    put(item, "output", std::string(key));
    list.push_back(item);
  };
  for (const auto key : contracts::daskhub::kRequiredOutputs) add(key);
  if (metrics) add(contracts::daskhub::outputs::kCognitoClientIdKubecost);
  return list;
}

}  // namespace

Data build_view(const config::InstanceConfig& config) {
  if (!config.enabled.daskhub)
    throw std::invalid_argument(
        "the Daskhub deploy kit is only rendered for an instance with enabled.daskhub");
  const auto& dh = config.daskhub;
  const auto& hub = dh.hub;
  require(dh.eksctl.cluster_name, "daskhub.eksctl.metadata.name");
  require(hub.kubernetes_namespace, "daskhub.daskhub.namespace");
  require(hub.domain_url, "daskhub.daskhub.domain_url");
  require(hub.domain_record, "daskhub.daskhub.domain_record");
  require(hub.contact_email, "daskhub.daskhub.contact_email");
  require(dh.storage_size, "daskhub.daskhub_storage.efs-persist.storage");
  for (const auto* image : {&hub.generic_image, &hub.ml_tensorflow_image, &hub.ml_pytorch_image}) {
    require(image->location, "daskhub.daskhub.*_DOCKER_LOCATION");
    require(image->version, "daskhub.daskhub.*_DOCKER_VERSION");
  }

  Data view;
  put(view, "instance_name", config.name);
  put(view, "cluster_name", dh.eksctl.cluster_name);
  // The kit always works in the admin host's region (the stack's), read from IMDS at bootstrap. A region in
  // the config is rendered only so the bootstrap can refuse to run in another one.
  if (!dh.eksctl.region.empty()) {
    Data region;
    put(region, "region", dh.eksctl.region);
    view.set("config_region", region);
  }
  // Mustache has no "first item" marker, so each optional list also comes with a has_<list> flag for the
  // line that introduces it.
  if (!dh.eksctl.availability_zones.empty()) {
    view.set("has_availability_zones", true);
    view.set("availability_zones", list_of(dh.eksctl.availability_zones, "zone"));
  }
  if (!dh.eksctl.iam_identity_mappings.empty()) view.set("has_identity_mappings", true);
  view.set("identity_mappings", identity_mappings(dh.eksctl.iam_identity_mappings));
  put(view, "storage_size", dh.storage_size);
  put(view, "namespace", hub.kubernetes_namespace);
  // z2jh names the user scheduler after the release namespace (P21: the original hard-coded "daskhub").
  put(view, "user_scheduler_name", hub.kubernetes_namespace + "-user-scheduler");
  if (!hub.admin_users.empty()) {
    view.set("has_admin_users", true);
    view.set("admin_users", list_of(hub.admin_users, "user"));
  }
  put(view, "contact_email", hub.contact_email);
  put(view, "domain_url", hub.domain_url);
  put(view, "hub_host", hub.host_name());
  put(view, "hub_url", "https://" + hub.host_name());
  put(view, "generic_image", hub.generic_image.reference());
  put(view, "generic_image_name", hub.generic_image.location);
  put(view, "generic_image_tag", hub.generic_image.version);
  put(view, "mltf_image_name", hub.ml_tensorflow_image.location);
  put(view, "mltf_image_tag", hub.ml_tensorflow_image.version);
  put(view, "mltrch_image_name", hub.ml_pytorch_image.location);
  put(view, "mltrch_image_tag", hub.ml_pytorch_image.version);

  if (config.enabled.daskhub_metrics) {
    const auto& mon = dh.monitoring;
    require(mon.cost_analyzer_domain_prefix, "daskhub.monitoring.cost_analyzer_domain_prefix");
    require(mon.grafana_domain_prefix, "daskhub.monitoring.grafana_domain_prefix");
    require(mon.load_balancer_certificate_arn, "daskhub.monitoring.AWS_LOAD_BALANCER_SSL_CERT");
    Data metrics;
    const std::string cost_host = mon.cost_analyzer_domain_prefix + "." + hub.domain_url;
    const std::string grafana_host = mon.grafana_domain_prefix + "." + hub.domain_url;
    put(metrics, "cost_host", cost_host);
    put(metrics, "cost_url", "https://" + cost_host);
    // The authorize URL carries Kubecost's callback as a query parameter, so it is percent-encoded there.
    metrics.set("cost_redirect_uri_encoded",
                base::percent_encode("https://" + cost_host + "/model/oidc/authorize"));
    put(metrics, "grafana_host", grafana_host);
    put(metrics, "grafana_url", "https://" + grafana_host);
    put(metrics, "certificate_arn", mon.load_balancer_certificate_arn);
    view.set("metrics", metrics);
  }
  view.set("required_outputs", required_outputs(config.enabled.daskhub_metrics));
  return view;
}

}  // namespace heliocloud::daskhub
