#pragma once
// Every failure of a call surfaces as an AwsError (or a subclass callers can catch by meaning).
#include <stdexcept>
#include <string>
#include <vector>

namespace heliocloud::aws {

struct ErrorInfo {
  std::string service;    // "S3", "DynamoDB", ...
  std::string operation;  // "GetObject"
  long http_status = 0;   // 0 when no response arrived (transport failure)
  std::string code;       // AWS error code ("NoSuchKey"), or a transport code ("Timeout", "Truncated", ...)
  std::string message;
  std::string request_id;
  int attempts = 1;                  // how many times the call was tried before this error was raised
  std::vector<std::string> reasons;  // DynamoDB TransactionCanceledException: one code per transaction item
};

class AwsError : public std::runtime_error {
 public:
  explicit AwsError(ErrorInfo info);
  const ErrorInfo& info() const noexcept { return info_; }
  const std::string& service() const noexcept { return info_.service; }
  const std::string& operation() const noexcept { return info_.operation; }
  long http_status() const noexcept { return info_.http_status; }
  const std::string& code() const noexcept { return info_.code; }
  const std::string& aws_message() const noexcept { return info_.message; }
  const std::string& request_id() const noexcept { return info_.request_id; }
  int attempts() const noexcept { return info_.attempts; }

 private:
  ErrorInfo info_;
};

// A missing bucket, key, table, item, stack, function, parameter, upload...
class NotFoundError : public AwsError {
  using AwsError::AwsError;
};
// What the call would create exists already (a Cognito user name, a Secrets Manager secret name).
class AlreadyExistsError : public AwsError {
  using AwsError::AwsError;
};
// Denied by policy, or credentials the service does not accept.
class AccessDeniedError : public AwsError {
  using AwsError::AwsError;
};
// DynamoDB ConditionExpression false, or an S3 precondition (If-Match...) not met.
class ConditionalCheckFailedError : public AwsError {
  using AwsError::AwsError;
};
// DynamoDB TransactWriteItems cancelled; reasons() holds one code per item ("None", "ConditionalCheckFailed",
// ...).
class TransactionCanceledError : public AwsError {
 public:
  using AwsError::AwsError;
  const std::vector<std::string>& reasons() const noexcept { return info().reasons; }
  bool conditional_check_failed() const noexcept;
};
// Throttling / SlowDown / 429 that persisted through every retry.
class ThrottledError : public AwsError {
  using AwsError::AwsError;
};
// The request itself is wrong (ValidationException, InvalidRequest, MalformedXML, ...).
class ValidationError : public AwsError {
  using AwsError::AwsError;
};
// 5xx from the service.
class ServiceUnavailableError : public AwsError {
  using AwsError::AwsError;
};
// No usable HTTP response: connection refused, reset, DNS, TLS, truncated body. code() says which.
class TransportError : public AwsError {
  using AwsError::AwsError;
};
// Connect or total/stall timeout fired.
class TimeoutError : public TransportError {
  using TransportError::TransportError;
};
// No credentials could be found or fetched.
class CredentialsError : public AwsError {
  using AwsError::AwsError;
};

enum class ErrorKind {
  Generic,
  NotFound,
  AlreadyExists,
  AccessDenied,
  ConditionalCheckFailed,
  TransactionCanceled,
  Throttled,
  Validation,
  ServiceUnavailable,
  Transport,
  Timeout,
  Credentials
};
// The meaning of an error, by AWS code first and HTTP status second.
ErrorKind classify(const ErrorInfo& info);
// Throws the exception type classify() names.
[[noreturn]] void throw_error(ErrorInfo info);

// True for codes the SDKs treat as throttling (SlowDown, Throttling, ProvisionedThroughputExceeded...).
bool is_throttling_code(const std::string& code);

}  // namespace heliocloud::aws
