#pragma once
// The deploy kit's steps (src/daskhub/kit, README there) as `heliocloud daskhub` runs them: which script,
// as whom, for how long at most, and which command runs which steps.
#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace heliocloud::daskhub::remote {

struct Step {
  std::string_view name;  // the script without ".sh": "03-deploy-daskhub"
  std::string_view what;  // one line for progress messages and --help
  // SSM's execution timeout: the kit's own waits plus a margin, so a hung step ends instead of holding the
  // host's lock for good.
  std::chrono::minutes timeout;
  bool as_root = false;   // 00-tools installs into /usr/local/bin; every other step runs as the kit's owner
  bool optional = false;  // only in some kits (04: instances with enabled.daskhub_metrics)

  [[nodiscard]] std::string script() const { return std::string(name) + ".sh"; }
};

// In the order deploy runs them; 99 is teardown's.
inline constexpr std::array<Step, 7> kSteps{{
    {.name = "00-tools",
     .what = "install kubectl, eksctl, helm and kustomize (pinned, checksums verified)",
     .timeout = std::chrono::minutes(15),
     .as_root = true,
     .optional = false},
    {.name = "00-bootstrap",
     .what = "read the Daskhub stack's outputs into the kit",
     .timeout = std::chrono::minutes(10),
     .as_root = false,
     .optional = false},
    // eksctl create cluster takes about 20 minutes, and longer when CloudFormation retries a node group.
    {.name = "01-deploy-k8s",
     .what = "create the EKS cluster and its add-ons",
     .timeout = std::chrono::minutes(60),
     .as_root = false,
     .optional = false},
    // Up to 10 minutes of waiting for EFS mount targets, then kubectl.
    {.name = "02-deploy-daskhub-storage",
     .what = "EFS mount targets, namespace, volumes",
     .timeout = std::chrono::minutes(25),
     .as_root = false,
     .optional = false},
    // helm --wait --timeout 30m30s, after fetching the chart.
    {.name = "03-deploy-daskhub",
     .what = "install JupyterHub + Dask Gateway (helm)",
     .timeout = std::chrono::minutes(45),
     .as_root = false,
     .optional = false},
    // helm --wait --timeout 10m30s.
    {.name = "04-deploy-monitoring",
     .what = "install Kubecost (helm)",
     .timeout = std::chrono::minutes(20),
     .as_root = false,
     .optional = true},
    // Two helm uninstalls (15 min each at most), 20 min for load balancers, 15 for the namespace, 10 for
    // EFS mount targets and about 15 for eksctl delete cluster.
    {.name = "99-delete-daskhub",
     .what = "delete the Daskhub and its cluster",
     .timeout = std::chrono::minutes(100),
     .as_root = false,
     .optional = false},
}};

enum class Action { Deploy, Status, Teardown };

[[nodiscard]] std::string_view action_name(Action action);

// The steps an action runs, in order (none for status).
[[nodiscard]] std::vector<const Step*> steps_of(Action action);

// The step `token` names for `action`: its name ("03-deploy-daskhub"), its script ("03-deploy-daskhub.sh") or
// its number ("03", "3") when only one step has it; "00" and "0" are ambiguous (00-tools, 00-bootstrap).
// Throws SetupError listing the action's steps when the token names none of them.
[[nodiscard]] const Step& find_step(std::string_view token, Action action);

}  // namespace heliocloud::daskhub::remote
