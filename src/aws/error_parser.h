#pragma once
// Turns a failed HTTP response into ErrorInfo, whatever the protocol: S3's <Error>, the query protocol's
// <ErrorResponse><Error>, JSON's {"__type": ...} (DynamoDB, SSM), REST-JSON's X-Amzn-ErrorType (Lambda),
// or a bodiless HEAD response (status only).
#include <string>

#include "aws/errors.h"
#include "http/message.h"

namespace heliocloud::aws {

ErrorInfo parse_error_response(const http::Response& response, const std::string& service,
                               const std::string& operation);

// True when a 200 response body is in fact an S3 <Error> document (CopyObject, UploadPartCopy and
// CompleteMultipartUpload report late failures this way).
bool is_s3_error_document(const std::string& body);

}  // namespace heliocloud::aws
