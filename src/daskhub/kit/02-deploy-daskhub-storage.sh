#!/usr/bin/env bash
# Step 2: makes the stack's EFS file system reachable from the cluster (one mount target in each of the
# cluster's private subnets, one per zone, guarded by the cluster security group), then creates the hub's
# namespace, the shared EFS volume (PV/PVC), the gp3 default StorageClass and the namespace admin role.
# Re-runnable: mount targets already in place are kept.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=lib/kit.sh
source ./lib/kit.sh
require_tools aws kubectl kustomize
use_cluster
efs_id="$(output EFSId)"

read -r vpc_id cluster_sg < <(aws eks describe-cluster --name "$CLUSTER_NAME" \
  --query 'cluster.resourcesVpcConfig.[vpcId,clusterSecurityGroupId]' --output text)
# EFS allows mount targets in one VPC only: any in another VPC (the original stack made unusable ones in the
# Base VPC, P25; this installer's stack makes none) go first.
while read -r mt_id mt_vpc; do
  [[ -n "$mt_id" && "$mt_vpc" != "$vpc_id" ]] || continue
  log "deleting mount target ${mt_id} (VPC ${mt_vpc}, not the cluster's)"
  aws efs delete-mount-target --mount-target-id "$mt_id"
done < <(aws efs describe-mount-targets --file-system-id "$efs_id" \
  --query 'MountTargets[].[MountTargetId,VpcId]' --output text)
for _ in $(seq 60); do
  others="$(aws efs describe-mount-targets --file-system-id "$efs_id" \
    --query "length(MountTargets[?VpcId!='${vpc_id}'])" --output text)"
  [[ "$others" == 0 ]] && break
  sleep 10
done

# One private subnet (eksctl tags them kubernetes.io/role/internal-elb) per zone.
declare -A subnet_of_zone=()
while read -r subnet zone; do
  [[ -n "${subnet_of_zone[$zone]:-}" ]] || subnet_of_zone[$zone]="$subnet"
done < <(aws ec2 describe-subnets --filters "Name=vpc-id,Values=${vpc_id}" \
  "Name=tag-key,Values=kubernetes.io/role/internal-elb" \
  --query 'sort_by(Subnets,&SubnetId)[].[SubnetId,AvailabilityZone]' --output text)
((${#subnet_of_zone[@]} > 0)) || die "no private subnets found in the cluster VPC ${vpc_id}"
existing="$(aws efs describe-mount-targets --file-system-id "$efs_id" \
  --query 'MountTargets[].AvailabilityZoneName' --output text)"
for zone in "${!subnet_of_zone[@]}"; do
  if grep -qw -- "$zone" <<<"$existing"; then
    log "EFS ${efs_id} already has a mount target in ${zone}"
    continue
  fi
  log "creating an EFS mount target in ${zone}"
  aws efs create-mount-target --file-system-id "$efs_id" --subnet-id "${subnet_of_zone[$zone]}" \
    --security-groups "$cluster_sg" >/dev/null
done
for _ in $(seq 60); do
  pending="$(aws efs describe-mount-targets --file-system-id "$efs_id" \
    --query "length(MountTargets[?LifeCycleState!='available'])" --output text)"
  [[ "$pending" == 0 ]] && break
  sleep 10
done
[[ "$pending" == 0 ]] || die "EFS mount targets did not become available in 10 minutes"

log "creating namespace ${HUB_NAMESPACE}, the EFS volume and the gp3 StorageClass"
kustomize build daskhub-storage/overlays/production | kubectl apply -f -
# EKS marks its own gp2 class default as well on older clusters; keep a single default.
if kubectl get storageclass gp2 >/dev/null 2>&1; then
  kubectl annotate storageclass gp2 storageclass.kubernetes.io/is-default-class=false --overwrite >/dev/null
fi
log "done; next: ./03-deploy-daskhub.sh"
