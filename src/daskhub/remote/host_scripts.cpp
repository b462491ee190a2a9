#include "daskhub/remote/host_scripts.h"

#include <ctime>

#include "base/text.h"
#include "contracts/daskhub.h"
#include "daskhub/quoting.h"

namespace heliocloud::daskhub::remote {
namespace {

// SSM writes the command lines into one script; a script of ours is split the same way.
std::vector<std::string> lines_of(const std::string& script) {
  std::vector<std::string> out;
  for (const auto line : base::split(script, '\n')) out.emplace_back(line);
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string assign(std::string_view name, std::string_view value) {
  return std::string(name) + "=" + shell_quote(value) + "\n";
}

// Runs as root with /bin/sh (dash on some hosts: POSIX only). Exit statuses: see host_scripts.h.
constexpr std::string_view kStepWrapper = R"sh(if [ ! -f "$kit/$script" ]; then
  echo "heliocloud: $kit/$script is not on this host; the Daskhub stack puts the kit there when the host starts (heliocloud daskhub <instance> status shows what the host has)" >&2
  exit 66
fi
if ! id -u "$owner" >/dev/null 2>&1; then
  echo "heliocloud: user $owner, who owns the kit, does not exist on this host" >&2
  exit 67
fi
if ! command -v runuser >/dev/null 2>&1; then
  echo "heliocloud: runuser (util-linux) is missing on this host" >&2
  exit 69
fi
# Created by the owner, so that 00-bootstrap (the owner) can still chmod its state directory.
if ! runuser -u "$owner" -- sh -c 'mkdir -p "$1/.kit/logs" && chmod 0700 "$1/.kit" "$1/.kit/logs" && : >>"$2"' sh "$kit" "$log"; then
  echo "heliocloud: cannot create the step log $log as $owner" >&2
  exit 73
fi
if command -v flock >/dev/null 2>&1; then
  exec 9>>"$kit/.kit/run.lock"
  if ! flock -n 9; then
    echo "heliocloud: another step of the kit is running on this host (it holds $kit/.kit/run.lock); wait for it to end" >&2
    exit 75
  fi
else
  echo "heliocloud: flock is missing on this host; running without the lock that keeps two steps apart" >&2
fi
)sh";

// The step itself, in bash (the kit's scripts need it anyway): a login shell for the PATH an operator has,
// stdin closed so nothing can wait for an answer, stdout and stderr together into the log and to SSM.
constexpr std::string_view kRunStep = R"sh(set -o pipefail
export PATH="/usr/local/bin:$PATH"
cd "$1" && "./$2" </dev/null 2>&1 | tee -a "$3")sh";

// The agent reboots the host when a script exits with 194 (its "reboot and run again" request): a step
// never asks for that, so such a status is reported as a plain failure.
constexpr std::string_view kExitWithStepStatus = R"sh(rc=$?
if [ "$rc" -eq 194 ]; then
  echo "heliocloud: the step exited with 194, which SSM takes as a reboot request; reported as 1" >&2
  rc=1
fi
exit "$rc"
)sh";

constexpr std::string_view kKitCheck = R"sh(echo "heliocloud-kit-check 1"
if id -u "$owner" >/dev/null 2>&1; then echo "owner yes"; else echo "owner no"; fi
if [ -d "$kit" ]; then echo "kit yes"; else echo "kit no"; fi
for f in "$kit"/[0-9][0-9]-*.sh; do
  if [ -f "$f" ]; then echo "script ${f##*/}"; fi
done
lock="$kit/.kit/run.lock"
if [ -e "$lock" ] && command -v flock >/dev/null 2>&1 && ! flock -n "$lock" true; then echo "busy yes"; else echo "busy no"; fi
)sh";

constexpr std::string_view kStatusOuter = R"sh(if [ ! -d "$kit" ]; then
  echo "kit          not on this host ($kit): the Daskhub stack puts it there when the host starts"
  exit 0
fi
if ! id -u "$owner" >/dev/null 2>&1; then
  echo "kit owner    $owner does not exist on this host"
  exit 0
fi
)sh";

// bash, as the owner, whose kubeconfig 01-deploy-k8s wrote; $1 = kit, $2 = log lines. Read-only; exits 0
// once it has reported, whatever the report says.
constexpr std::string_view kStatusReport = R"sh(kit="$1" lines="$2"
export PATH="/usr/local/bin:$PATH"
cd "$kit" || exit 1
row() { printf '%-12s %s\n' "$1" "$2"; }
scripts=([0-9][0-9]-*.sh)
row kit "$kit: ${scripts[*]}"
if [[ -r .kit/stack-outputs.tsv ]]; then
  row bootstrap "done $(date -u -r .kit/stack-outputs.tsv +%Y-%m-%dT%H:%M:%SZ)"
else
  row bootstrap "not run yet"
fi
for tool in kubectl eksctl helm kustomize; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    row "$tool" "missing (00-tools installs it)"
    continue
  fi
  case "$tool" in
  kubectl) version="$(kubectl version --client 2>/dev/null | head -n 1)" ;;
  eksctl) version="$(eksctl version 2>/dev/null)" ;;
  helm) version="$(helm version --short 2>/dev/null)" ;;
  kustomize) version="$(kustomize version 2>/dev/null)" ;;
  esac
  row "$tool" "$version"
done
if [[ -e .kit/run.lock ]] && command -v flock >/dev/null 2>&1 && ! flock -n .kit/run.lock true; then
  row running "a step is running now (its log is below)"
else
  row running "no step"
fi
REGION=""
if [[ -r .kit/stack-outputs.tsv ]]; then
  # shellcheck source=/dev/null
  source ./lib/kit.sh
fi
if [[ -z "$REGION" ]]; then
  row cluster "unknown until 00-bootstrap has run"
else
  state="$(aws eks describe-cluster --name "$CLUSTER_NAME" --query '[cluster.status, cluster.version]' --output text 2>/dev/null)" || state="does not exist"
  row cluster "$CLUSTER_NAME in $REGION: $state"
  row hub "https://$HUB_HOST (namespace $HUB_NAMESPACE)"
  if kubectl config get-contexts -o name 2>/dev/null | grep -qxF "$CLUSTER_NAME"; then
    printf '\n== nodes\n'
    kubectl --context "$CLUSTER_NAME" --request-timeout=20s get nodes 2>&1
    releases=("daskhub:$HUB_NAMESPACE")
    [[ -f 04-deploy-monitoring.sh ]] && releases+=("heliocloud-monitoring:$MONITORING_NAMESPACE")
    for release in "${releases[@]}"; do
      name="${release%%:*}" ns="${release#*:}"
      printf '\n== helm release %s (namespace %s)\n' "$name" "$ns"
      helm --kube-context "$CLUSTER_NAME" status "$name" --namespace "$ns" 2>&1 | grep -E '^(STATUS|REVISION|LAST DEPLOYED|Error):'
      printf '\n== pods in %s\n' "$ns"
      kubectl --context "$CLUSTER_NAME" --request-timeout=20s get pods --namespace "$ns" 2>&1
    done
  else
    row kubectl "no context $CLUSTER_NAME here yet (01-deploy-k8s makes it)"
  fi
fi
latest="$(find .kit/logs -maxdepth 1 -name '*.log' -type f -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d ' ' -f 2-)"
if [[ -n "$latest" ]]; then
  printf '\n== last %s lines of %s/%s\n' "$lines" "$kit" "${latest#./}"
  tail -n "$lines" "$latest"
fi
exit 0
)sh";

}  // namespace

HostLayout HostLayout::admin_host() {
  return {.kit_directory = std::string(contracts::daskhub::kKitDirectory),
          .owner = std::string(contracts::daskhub::kKitOwner)};
}

std::string HostLayout::logs_directory() const {
  return kit_directory + "/.kit/logs";
}

std::string HostLayout::lock_file() const {
  return kit_directory + "/.kit/run.lock";
}

std::string log_path(const HostLayout& host, const Step& step,
                     std::chrono::system_clock::time_point started) {
  const std::time_t t = std::chrono::system_clock::to_time_t(started);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  return host.logs_directory() + "/" + std::string(step.name) + "-" + stamp + ".log";
}

std::vector<std::string> step_script(const HostLayout& host, const Step& step, const std::string& log_file) {
  std::string s = "cd / || exit 1\n";
  s += assign("kit", host.kit_directory) + assign("owner", host.owner) + assign("script", step.script()) +
       assign("log", log_file);
  s += kStepWrapper;
  const std::string run = "bash -lc " + shell_quote(kRunStep) + " step \"$kit\" \"$script\" \"$log\" 9>&-\n";
  s += step.as_root ? run : "runuser -u \"$owner\" -- " + run;
  s += kExitWithStepStatus;
  return lines_of(s);
}

std::vector<std::string> kit_check_script(const HostLayout& host) {
  return lines_of(assign("kit", host.kit_directory) + assign("owner", host.owner) + std::string(kKitCheck));
}

bool KitCheck::has(std::string_view script) const {
  for (const auto& s : scripts) {
    if (s == script) return true;
  }
  return false;
}

std::optional<KitCheck> parse_kit_check(std::string_view output) {
  const auto lines = base::split(output, '\n');
  if (lines.empty() || base::trim(lines.front()) != "heliocloud-kit-check 1") return std::nullopt;
  KitCheck check;
  int answered = 0;  // owner, kit and busy must all be there
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto line = base::trim(lines[i]);
    const auto space = line.find(' ');
    if (space == std::string_view::npos) continue;
    const auto key = line.substr(0, space);
    const auto value = line.substr(space + 1);
    if (key == "script") {
      check.scripts.emplace_back(value);
      continue;
    }
    bool* flag = key == "owner"  ? &check.owner_exists
                 : key == "kit"  ? &check.kit_present
                 : key == "busy" ? &check.busy
                                 : nullptr;
    if (flag == nullptr) continue;
    *flag = value == "yes";
    ++answered;
  }
  if (answered != 3) return std::nullopt;
  return check;
}

std::vector<std::string> status_script(const HostLayout& host, int log_lines) {
  std::string s = "cd / || exit 1\n" + assign("kit", host.kit_directory) + assign("owner", host.owner);
  s += kStatusOuter;
  s += "exec runuser -u \"$owner\" -- bash -lc " + shell_quote(kStatusReport) + " status \"$kit\" " +
       std::to_string(log_lines) + "\n";
  return lines_of(s);
}

}  // namespace heliocloud::daskhub::remote
