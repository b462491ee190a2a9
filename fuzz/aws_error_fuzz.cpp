// A failed AWS answer, whatever the protocol (S3 XML, query XML, JSON __type, X-Amzn-ErrorType, no body):
// parse_error_response never throws and always gives a code, so a caller can always say what went wrong.
// Input: first byte = status selector, then "content-type\nx-amzn-errortype\n" and the body.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "aws/error_parser.h"
#include "fuzz_support.h"
#include "http/message.h"

using heliocloud::fuzz::require;
namespace aws = heliocloud::aws;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr std::array<long, 8> kStatuses = {400, 403, 404, 409, 500, 503, 301, 200};
  heliocloud::http::Response response;
  response.status = kStatuses.at(data[0] % kStatuses.size());
  auto rest = heliocloud::fuzz::as_text(data + 1, size - 1);
  const auto content_type = heliocloud::fuzz::take_until(rest, '\n');
  const auto error_type = heliocloud::fuzz::take_until(rest, '\n');
  if (!content_type.empty()) response.headers["content-type"] = std::string(content_type);
  if (!error_type.empty()) response.headers["x-amzn-errortype"] = std::string(error_type);
  response.body = std::string(rest);
  response.body_bytes = response.body.size();
  const auto info = aws::parse_error_response(response, "S3", "GetObject");
  require(info.http_status == response.status, "the status is kept");
  require(!info.code.empty(), "there is always an error code", response.body);
  require(info.service == "S3" && info.operation == "GetObject", "service and operation are kept");
  (void)aws::is_s3_error_document(response.body);
  return 0;
}
