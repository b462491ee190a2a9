#!/usr/bin/env bash
# Step 4 (optional; only in kits of instances with enabled.daskhub_metrics): installs or upgrades Kubecost
# (cost-analyzer 2.0.2) in namespace monitoring, signing in with the stack's Kubecost Cognito client. The client
# secret is read at run time and passed with --set-file; it is never printed or written into the kit.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=lib/kit.sh
source ./lib/kit.sh
require_tools aws helm kubectl
use_cluster

user_pool_id="$(output CognitoUserPoolId)"
client_id="$(output CognitoClientIdKubeCost)"
make_secret_dir
secrets="$SECRET_DIR"
fetch_client_secret "$user_pool_id" "$client_id" "${secrets}/kubecost-client-secret"

log "fetching the cost-analyzer chart"
(cd monitoring && helm dependency update >/dev/null)
log "installing release heliocloud-monitoring in ${MONITORING_NAMESPACE}"
helm upgrade heliocloud-monitoring ./monitoring --install --create-namespace --namespace "$MONITORING_NAMESPACE" \
  --timeout 10m30s --wait --values monitoring/values.yaml --values monitoring/values-production.yaml \
  --set-file "cost-analyzer.oidc.clientSecret=${secrets}/kubecost-client-secret"
log "done"
