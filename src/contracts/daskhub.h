#pragma once
// The contract between the Daskhub stack and its deploy kit on the admin host: the stack's outputs, which the
// kit's bootstrap step reads (aws cloudformation describe-stacks) and puts in place of <<CNF_OUTPUT_Key>>.
// The first twelve keys are exactly the original's, because operators' copies of the kit and runbooks use
// them.
#include <array>
#include <string_view>

namespace heliocloud::contracts::daskhub {

// Where the stack delivers the rendered kit on the admin host, owned by kKitOwner (files 0600, scripts 0700);
// `heliocloud daskhub` runs the steps there through SSM Run Command.
inline constexpr std::string_view kKitDirectory = "/home/ssm-user/daskhub";
inline constexpr std::string_view kKitOwner = "ssm-user";

namespace outputs {
inline constexpr std::string_view kInstanceId = "InstanceID";            // the admin host
inline constexpr std::string_view kKmsArn = "KMSArn";                    // EKS secrets encryption key
inline constexpr std::string_view kAutoscalingPolicyArn = "ASGArn";      // cluster-autoscaler policy
inline constexpr std::string_view kS3PolicyArn = "CustomS3Arn";          // Base S3 managed policy
inline constexpr std::string_view kAdminRoleArn = "AdminRoleArn";        // mapped to system:masters
inline constexpr std::string_view kRoute53PolicyArn = "Route53Arn";      // external-dns policy
inline constexpr std::string_view kEfsId = "EFSId";                      // shared home volume
inline constexpr std::string_view kEfsMountPolicyArn = "EFSMountArn";    // EFS CSI / mount policy
inline constexpr std::string_view kCognitoClientId = "CognitoClientId";  // JupyterHub's client
inline constexpr std::string_view kCognitoDomainPrefix = "CognitoDomainPrefix";
inline constexpr std::string_view kCognitoUserPoolId = "CognitoUserPoolId";
inline constexpr std::string_view kCognitoClientIdKubecost = "CognitoClientIdKubeCost";  // only with metrics
// Ours: the API keys live in Secrets Manager (generated at deploy); the kit reads them at run time.
inline constexpr std::string_view kHubApiKeySecretArn = "HubApiKeySecretArn";  // proxy.secretToken
inline constexpr std::string_view kGatewayApiKeySecretArn =
    "GatewayApiKeySecretArn";  // dask-gateway apiToken
}  // namespace outputs

// Every output the kit needs when monitoring is off; kCognitoClientIdKubecost is added when it is on.
inline constexpr std::array<std::string_view, 13> kRequiredOutputs = {outputs::kInstanceId,
                                                                      outputs::kKmsArn,
                                                                      outputs::kAutoscalingPolicyArn,
                                                                      outputs::kS3PolicyArn,
                                                                      outputs::kAdminRoleArn,
                                                                      outputs::kRoute53PolicyArn,
                                                                      outputs::kEfsId,
                                                                      outputs::kEfsMountPolicyArn,
                                                                      outputs::kCognitoClientId,
                                                                      outputs::kCognitoDomainPrefix,
                                                                      outputs::kCognitoUserPoolId,
                                                                      outputs::kHubApiKeySecretArn,
                                                                      outputs::kGatewayApiKeySecretArn};

}  // namespace heliocloud::contracts::daskhub
