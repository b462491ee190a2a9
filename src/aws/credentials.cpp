#include "aws/credentials.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "aws/client_config.h"
#include "aws/errors.h"
#include "aws/shared_config.h"
#include "aws/sts.h"
#include "base/retry.h"
#include "http/client.h"

namespace heliocloud::aws {
namespace {

[[noreturn]] void no_credentials(const std::string& source, const std::string& why) {
  ErrorInfo e;
  e.service = "Credentials";
  e.operation = source;
  e.code = "CredentialsNotFound";
  e.message = why;
  throw_error(std::move(e));
}

// The metadata endpoints are link-local and answer in milliseconds when present; off EC2/ECS they do not
// exist at all, and a long connect timeout would stall every program that falls through the chain.
constexpr http::Timeouts kMetadataTimeouts{.connect = std::chrono::milliseconds(1000),
                                           .total = std::chrono::milliseconds(5000),
                                           .stall = std::chrono::milliseconds(2000)};

http::Response metadata_request(http::Client& http, const std::string& source, const http::Request& req) {
  std::optional<http::Response> response;
  std::string last;
  // The endpoints answer at once when they are there: try again straight away, but not when nothing listens.
  base::retry({.max_attempts = 3, .give_up_at = std::nullopt}, [&](int) -> base::NextAttempt {
    try {
      response = http.send(req, kMetadataTimeouts);
      return std::nullopt;
    } catch (const http::TransportError& e) {
      last = e.what();
      const bool absent = e.kind() == http::TransportFailure::ConnectFailed ||
                          e.kind() == http::TransportFailure::ResolveFailed;
      if (absent) return std::nullopt;
      return base::Backoff{.base = std::chrono::milliseconds(0), .cap = std::chrono::milliseconds(0)};
    }
  });
  if (!response) no_credentials(source, req.url + ": " + last);
  return std::move(*response);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

bool needs_refresh(const Credentials& c, std::chrono::seconds margin) {
  return c.expiration && std::chrono::system_clock::now() + margin >= *c.expiration;
}

}  // namespace

std::chrono::system_clock::time_point parse_iso8601(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion): the count is checked
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) {
    throw std::invalid_argument("not an ISO 8601 timestamp: " + text);
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  auto tp = std::chrono::system_clock::from_time_t(timegm(&tm));
  // A numeric offset ("+02:00") after the seconds shifts to UTC; "Z" and fractions need nothing.
  const auto tpos = text.find('T');
  const auto off = text.find_first_of("+-", tpos == std::string::npos ? 0 : tpos);
  if (off != std::string::npos) {
    int oh = 0, om = 0;
    // NOLINTNEXTLINE(bugprone-unchecked-string-to-number-conversion): the count is checked
    if (std::sscanf(text.c_str() + off + 1, "%2d:%2d", &oh, &om) >= 1) {
      const auto delta = std::chrono::hours(oh) + std::chrono::minutes(om);
      tp = text[off] == '+' ? tp - delta : tp + delta;
    }
  }
  return tp;
}

Credentials parse_credentials_json(const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object()) throw std::runtime_error("credentials document is not a JSON object");
  Credentials c;
  c.access_key_id = j.value("AccessKeyId", std::string());
  c.secret_access_key = j.value("SecretAccessKey", std::string());
  c.session_token = j.value("Token", j.value("SessionToken", std::string()));
  if (const auto exp = j.value("Expiration", std::string()); !exp.empty()) c.expiration = parse_iso8601(exp);
  if (c.empty()) throw std::runtime_error("credentials document lacks AccessKeyId/SecretAccessKey");
  return c;
}

Credentials EnvironmentCredentialsProvider::get() {
  Credentials c;
  c.access_key_id = get_env("AWS_ACCESS_KEY_ID").value_or("");
  c.secret_access_key = get_env("AWS_SECRET_ACCESS_KEY").value_or("");
  c.session_token = get_env("AWS_SESSION_TOKEN").value_or("");
  if (c.empty())
    no_credentials("Environment", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set");
  return c;
}

RefreshingCredentialsProvider::RefreshingCredentialsProvider(std::shared_ptr<CredentialsProvider> source,
                                                             std::chrono::seconds margin)
    : source_(std::move(source)), margin_(margin) {}

Credentials RefreshingCredentialsProvider::get() {
  std::scoped_lock lock(mu_);  // one refresh at a time; the others wait and reuse its result
  if (!cached_ || needs_refresh(*cached_, margin_)) cached_ = source_->get();
  return *cached_;
}

bool ContainerCredentialsProvider::configured() {
  return get_env("AWS_CONTAINER_CREDENTIALS_FULL_URI") || get_env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
}

Credentials ContainerCredentialsProvider::get() {
  http::Request req;
  if (auto full = get_env("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
    req.url = *full;
  } else if (auto rel = get_env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
    req.url = "http://169.254.170.2" + *rel;
  } else {
    no_credentials("Container", "AWS_CONTAINER_CREDENTIALS_FULL_URI/_RELATIVE_URI not set");
  }
  std::string token;
  if (auto file = get_env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")) {
    token = read_text_file(*file);  // re-read each time: EKS Pod Identity rotates the file
  } else if (auto t = get_env("AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
    token = *t;
  }
  if (!token.empty()) req.headers.emplace_back("Authorization", token);
  http::Client http;
  const http::Response resp = metadata_request(http, "Container", req);
  if (resp.status != 200)
    no_credentials("Container", req.url + " answered HTTP " + std::to_string(resp.status));
  try {
    return parse_credentials_json(resp.body);
  } catch (const std::exception& e) {
    no_credentials("Container", e.what());
  }
}

InstanceMetadataCredentialsProvider::InstanceMetadataCredentialsProvider(std::string endpoint)
    : endpoint_(get_env("AWS_EC2_METADATA_SERVICE_ENDPOINT").value_or(std::move(endpoint))) {
  while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
}

bool InstanceMetadataCredentialsProvider::disabled() {
  const auto v = get_env("AWS_EC2_METADATA_DISABLED");
  return v && (*v == "true" || *v == "TRUE" || *v == "1");
}

Credentials InstanceMetadataCredentialsProvider::get() {
  if (disabled()) no_credentials("InstanceMetadata", "AWS_EC2_METADATA_DISABLED is set");
  http::Client http;
  http::Request token_req;
  token_req.method = "PUT";
  token_req.url = endpoint_ + "/latest/api/token";
  token_req.headers.emplace_back("X-aws-ec2-metadata-token-ttl-seconds", "21600");
  const http::Response tok = metadata_request(http, "InstanceMetadata", token_req);
  std::vector<std::pair<std::string, std::string>> auth;
  if (tok.status == 200) {
    auth.emplace_back("X-aws-ec2-metadata-token", tok.body);
  } else if (tok.status == 403) {
    no_credentials("InstanceMetadata", "IMDS refused a session token (HTTP 403)");
  }  // other statuses: an IMDSv1-only endpoint; go on without a token
  http::Request role_req;
  role_req.url = endpoint_ + "/latest/meta-data/iam/security-credentials/";
  role_req.headers = auth;
  const http::Response role = metadata_request(http, "InstanceMetadata", role_req);
  if (role.status != 200 || role.body.empty())
    no_credentials("InstanceMetadata", "no IAM role attached to the instance");
  const std::string role_name = role.body.substr(0, role.body.find('\n'));
  http::Request cred_req;
  cred_req.url = role_req.url + role_name;
  cred_req.headers = auth;
  const http::Response cred = metadata_request(http, "InstanceMetadata", cred_req);
  if (cred.status != 200)
    no_credentials("InstanceMetadata", "HTTP " + std::to_string(cred.status) + " for role " + role_name);
  try {
    return parse_credentials_json(cred.body);
  } catch (const std::exception& e) {
    no_credentials("InstanceMetadata", e.what());
  }
}

ProfileCredentialsProvider::ProfileCredentialsProvider(std::string profile) : profile_(std::move(profile)) {}

Credentials ProfileCredentialsProvider::get() {
  std::scoped_lock lock(mu_);
  if (!cached_ || needs_refresh(*cached_, std::chrono::minutes(5))) {
    cached_ = resolve(profile_.empty() ? active_profile_name() : profile_, 0);
  }
  return *cached_;
}

Credentials ProfileCredentialsProvider::resolve(const std::string& name, int depth) {
  if (depth > 4) no_credentials("Profile", "source_profile chain too deep at [" + name + "]");
  const Profiles profiles = load_shared_profiles();
  const auto it = profiles.find(name);
  if (it == profiles.end()) no_credentials("Profile", "profile [" + name + "] not found in the shared files");
  const Profile& p = it->second;
  auto value = [&p](const char* key) {
    const auto f = p.find(key);
    return f == p.end() ? std::string() : f->second;
  };
  const std::string role_arn = value("role_arn");
  if (role_arn.empty() || (depth > 0 && !value("aws_access_key_id").empty())) {
    Credentials c{.access_key_id = value("aws_access_key_id"),
                  .secret_access_key = value("aws_secret_access_key"),
                  .session_token = value("aws_session_token"),
                  .expiration = {}};
    if (c.empty())
      no_credentials("Profile", "profile [" + name + "] has no aws_access_key_id/aws_secret_access_key");
    return c;
  }
  Credentials source;
  if (const auto src = value("source_profile"); !src.empty()) {
    source = resolve(src, depth + 1);
  } else if (const auto cs = value("credential_source"); cs == "Environment") {
    source = EnvironmentCredentialsProvider().get();
  } else if (cs == "EcsContainer") {
    source = ContainerCredentialsProvider().get();
  } else if (cs == "Ec2InstanceMetadata") {
    source = InstanceMetadataCredentialsProvider().get();
  } else {
    no_credentials("Profile",
                   "profile [" + name + "] has role_arn but neither source_profile nor credential_source");
  }
  ClientConfig sts_config;
  sts_config.region = value("region");
  if (sts_config.region.empty()) sts_config.region = region_from_environment();
  if (sts_config.region.empty()) sts_config.region = "us-east-1";
  sts_config.credentials = std::make_shared<StaticCredentialsProvider>(source);
  AssumeRoleRequest req;
  req.role_arn = role_arn;
  req.session_name = value("role_session_name");
  if (req.session_name.empty()) {
    req.session_name = "heliocloud-" +
                       std::to_string(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
  }
  if (const auto d = value("duration_seconds"); !d.empty()) req.duration = std::chrono::seconds(std::stol(d));
  if (const auto x = value("external_id"); !x.empty()) req.external_id = x;
  return StsClient(std::move(sts_config)).assume_role(req).credentials;
}

CredentialsChain::CredentialsChain(std::vector<std::shared_ptr<CredentialsProvider>> providers)
    : providers_(std::move(providers)) {}

Credentials CredentialsChain::get() {
  std::shared_ptr<CredentialsProvider> chosen;
  {
    std::scoped_lock lock(mu_);
    chosen = chosen_;
  }
  if (chosen) return chosen->get();
  std::string reasons;
  for (const auto& p : providers_) {
    try {
      Credentials c = p->get();
      std::scoped_lock lock(mu_);
      chosen_ = p;
      return c;
    } catch (const CredentialsError& e) {
      reasons += std::string(reasons.empty() ? "" : "; ") + e.aws_message();
    }
  }
  no_credentials("Chain", "no credentials found: " + reasons);
}

std::shared_ptr<CredentialsProvider> default_credentials_provider() {
  std::vector<std::shared_ptr<CredentialsProvider>> chain;
  chain.push_back(std::make_shared<EnvironmentCredentialsProvider>());
  chain.push_back(std::make_shared<ProfileCredentialsProvider>());
  if (ContainerCredentialsProvider::configured()) {
    chain.push_back(
        std::make_shared<RefreshingCredentialsProvider>(std::make_shared<ContainerCredentialsProvider>()));
  }
  if (!InstanceMetadataCredentialsProvider::disabled()) {
    chain.push_back(std::make_shared<RefreshingCredentialsProvider>(
        std::make_shared<InstanceMetadataCredentialsProvider>()));
  }
  return std::make_shared<CredentialsChain>(std::move(chain));
}

}  // namespace heliocloud::aws
