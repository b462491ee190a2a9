#include "aws/errors.h"

#include <algorithm>
#include <string_view>

namespace heliocloud::aws {
namespace {

std::string describe(const ErrorInfo& e) {
  std::string s = e.service + " " + e.operation + ": ";
  if (e.http_status != 0) s += "HTTP " + std::to_string(e.http_status) + " ";
  s += e.code.empty() ? std::string("UnknownError") : e.code;
  if (!e.message.empty()) s += ": " + e.message;
  if (!e.request_id.empty()) s += " (request id " + e.request_id + ")";
  if (!e.reasons.empty()) {
    s += " [reasons:";
    for (const auto& r : e.reasons) s += " " + r;
    s += "]";
  }
  if (e.attempts > 1) s += " [gave up after " + std::to_string(e.attempts) + " attempts]";
  return s;
}

bool one_of(const std::string& code, std::initializer_list<std::string_view> codes) {
  return std::ranges::find(codes, code) != codes.end();
}

}  // namespace

AwsError::AwsError(ErrorInfo info) : std::runtime_error(describe(info)), info_(std::move(info)) {}

bool TransactionCanceledError::conditional_check_failed() const noexcept {
  const auto& r = reasons();
  return std::ranges::find(r, "ConditionalCheckFailed") != r.end();
}

bool is_throttling_code(const std::string& code) {
  return one_of(code, {"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
                       "TooManyRequestsException", "ProvisionedThroughputExceededException",
                       "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
                       "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"});
}

ErrorKind classify(const ErrorInfo& info) {
  const std::string& c = info.code;
  if (one_of(c, {"NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NoSuchBucketPolicy", "NotFound",
                 "ResourceNotFoundException", "ParameterNotFound", "NoSuchEntity", "StackNotFound",
                 "NoSuchVersion", "TableNotFoundException", "UserNotFoundException", "InvocationDoesNotExist",
                 "InvalidCommandId"})) {
    return ErrorKind::NotFound;
  }
  if (one_of(c, {"UsernameExistsException", "AliasExistsException", "ResourceExistsException"})) {
    return ErrorKind::AlreadyExists;
  }
  if (one_of(c, {"AccessDenied", "AccessDeniedException", "AllAccessDisabled", "InvalidAccessKeyId",
                 "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidClientTokenId",
                 "ExpiredToken", "ExpiredTokenException", "Forbidden",
                 // Cognito: a sign-in refused (wrong password, disabled user), not a malformed request.
                 "NotAuthorizedException"})) {
    return ErrorKind::AccessDenied;
  }
  if (one_of(c, {"ConditionalCheckFailedException", "PreconditionFailed"}))
    return ErrorKind::ConditionalCheckFailed;
  if (c == "TransactionCanceledException") return ErrorKind::TransactionCanceled;
  if (is_throttling_code(c) || info.http_status == 429) return ErrorKind::Throttled;
  if (c == "Timeout") return ErrorKind::Timeout;
  if (one_of(c, {"ConnectionFailed", "ConnectionReset", "Truncated", "TransportError", "ResolveFailed",
                 "TlsError"})) {
    return ErrorKind::Transport;
  }
  if (one_of(c, {"CredentialsNotFound", "CredentialsError"})) return ErrorKind::Credentials;
  // CloudFormation reports a missing stack as a generic ValidationError with this wording.
  if (c == "ValidationError" && info.message.find("does not exist") != std::string::npos)
    return ErrorKind::NotFound;
  if (one_of(c,
             {"ValidationException", "ValidationError", "InvalidRequest", "MalformedXML", "InvalidArgument",
              "InvalidParameterValue", "InvalidParameterValueException", "SerializationException",
              "InvalidBucketName", "EntityTooSmall", "InvalidPart", "InvalidPartOrder",
              // Cognito and Secrets Manager: a value the service refuses (a password against the pool's
              // policy, an attribute too long, a request it cannot take in the secret's state).
              "InvalidParameterException", "InvalidPasswordException", "InvalidRequestException"})) {
    return ErrorKind::Validation;
  }
  if (info.http_status == 404) return ErrorKind::NotFound;
  if (info.http_status == 403) return ErrorKind::AccessDenied;
  if (info.http_status == 412) return ErrorKind::ConditionalCheckFailed;
  if (info.http_status >= 500) return ErrorKind::ServiceUnavailable;
  if (info.http_status == 400) return ErrorKind::Validation;
  return ErrorKind::Generic;
}

void throw_error(ErrorInfo info) {
  switch (classify(info)) {
    case ErrorKind::NotFound:
      throw NotFoundError(std::move(info));
    case ErrorKind::AlreadyExists:
      throw AlreadyExistsError(std::move(info));
    case ErrorKind::AccessDenied:
      throw AccessDeniedError(std::move(info));
    case ErrorKind::ConditionalCheckFailed:
      throw ConditionalCheckFailedError(std::move(info));
    case ErrorKind::TransactionCanceled:
      throw TransactionCanceledError(std::move(info));
    case ErrorKind::Throttled:
      throw ThrottledError(std::move(info));
    case ErrorKind::Validation:
      throw ValidationError(std::move(info));
    case ErrorKind::ServiceUnavailable:
      throw ServiceUnavailableError(std::move(info));
    case ErrorKind::Transport:
      throw TransportError(std::move(info));
    case ErrorKind::Timeout:
      throw TimeoutError(std::move(info));
    case ErrorKind::Credentials:
      throw CredentialsError(std::move(info));
    case ErrorKind::Generic:
      break;
  }
  throw AwsError(std::move(info));
}

}  // namespace heliocloud::aws
