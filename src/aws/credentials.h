#pragma once
// Credentials and where they come from, in the order the AWS SDKs look: environment, shared files (with
// role_arn + source_profile assumed through STS), container endpoint (ECS), EC2 instance metadata (IMDSv2).
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace heliocloud::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  std::optional<std::chrono::system_clock::time_point> expiration;

  bool empty() const { return access_key_id.empty() || secret_access_key.empty(); }
};

class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  // Returns usable credentials or throws CredentialsError. Must be safe to call from several threads.
  virtual Credentials get() = 0;
};

class StaticCredentialsProvider final : public CredentialsProvider {
 public:
  explicit StaticCredentialsProvider(Credentials c) : creds_(std::move(c)) {}
  Credentials get() override { return creds_; }

 private:
  Credentials creds_;
};

// No credentials: requests go unsigned, as anonymous readers of public buckets send them (the CloudCatalog
// client's first try). The service client sends no Authorization header for empty credentials.
class AnonymousCredentialsProvider final : public CredentialsProvider {
 public:
  Credentials get() override { return {}; }
};

// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (what Lambda gives a function).
class EnvironmentCredentialsProvider final : public CredentialsProvider {
 public:
  Credentials get() override;
};

// Wraps a provider of temporary credentials and refreshes them a margin before they expire, so that
// concurrent calls neither see expired keys nor all hit the source at once.
class RefreshingCredentialsProvider final : public CredentialsProvider {
 public:
  explicit RefreshingCredentialsProvider(std::shared_ptr<CredentialsProvider> source,
                                         std::chrono::seconds margin = std::chrono::minutes(5));
  Credentials get() override;

 private:
  std::shared_ptr<CredentialsProvider> source_;
  std::chrono::seconds margin_;
  std::mutex mu_;
  std::optional<Credentials> cached_;
};

// ECS/EKS container credentials: AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI (under 169.254.170.2),
// with AWS_CONTAINER_AUTHORIZATION_TOKEN or _TOKEN_FILE as the Authorization header.
class ContainerCredentialsProvider final : public CredentialsProvider {
 public:
  static bool configured();
  Credentials get() override;
};

// EC2 instance metadata, IMDSv2: a session token first (PUT), then the role name and its credentials.
class InstanceMetadataCredentialsProvider final : public CredentialsProvider {
 public:
  explicit InstanceMetadataCredentialsProvider(std::string endpoint = "http://169.254.169.254");
  static bool disabled();  // AWS_EC2_METADATA_DISABLED=true
  Credentials get() override;

 private:
  std::string endpoint_;
};

// A named profile of the shared files: static keys, or role_arn + source_profile (assumed through STS).
class ProfileCredentialsProvider final : public CredentialsProvider {
 public:
  explicit ProfileCredentialsProvider(std::string profile = {});  // empty: AWS_PROFILE or "default"
  Credentials get() override;

 private:
  Credentials resolve(const std::string& name, int depth);
  std::string profile_;
  std::mutex mu_;
  std::optional<Credentials> cached_;
};

// Tries each provider in turn; the first that yields credentials is remembered for later calls.
class CredentialsChain final : public CredentialsProvider {
 public:
  explicit CredentialsChain(std::vector<std::shared_ptr<CredentialsProvider>> providers);
  Credentials get() override;

 private:
  std::vector<std::shared_ptr<CredentialsProvider>> providers_;
  std::mutex mu_;
  std::shared_ptr<CredentialsProvider> chosen_;
};

// The SDKs' default order: environment, shared files, container, instance metadata.
std::shared_ptr<CredentialsProvider> default_credentials_provider();

// Parses the JSON document the container and IMDS endpoints return (AccessKeyId, SecretAccessKey, Token,
// Expiration).
Credentials parse_credentials_json(const std::string& body);
// ISO 8601 UTC timestamp ("2026-11-25T10:00:00Z", fractional seconds allowed) to a time point.
std::chrono::system_clock::time_point parse_iso8601(const std::string& text);

}  // namespace heliocloud::aws
