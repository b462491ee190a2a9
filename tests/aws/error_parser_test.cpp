#include "aws/error_parser.h"

#include <gtest/gtest.h>

#include "aws/errors.h"

namespace aws = heliocloud::aws;

namespace {
heliocloud::http::Response response(long status, std::string body,
                                    std::map<std::string, std::string> headers = {}) {
  heliocloud::http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}
}  // namespace

TEST(ErrorParser, S3ErrorDocument) {
  const auto e = aws::parse_error_response(
      response(
          404,
          R"(<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key><RequestId>RID1</RequestId></Error>)"),
      "S3", "GetObject");
  EXPECT_EQ(e.code, "NoSuchKey");
  EXPECT_EQ(e.message, "The specified key does not exist.");
  EXPECT_EQ(e.request_id, "RID1");
  EXPECT_EQ(e.http_status, 404);
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::NotFound);
}

TEST(ErrorParser, QueryProtocolErrorResponse) {
  const auto e = aws::parse_error_response(
      response(400,
               "<ErrorResponse "
               "xmlns=\"https://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
               "<Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error>"
               "<RequestId>RID2</RequestId></ErrorResponse>"),
      "CloudFormation", "DescribeStacks");
  EXPECT_EQ(e.code, "ValidationError");
  EXPECT_EQ(e.request_id, "RID2");
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::NotFound);  // CloudFormation's way of saying "no such stack"
}

TEST(ErrorParser, JsonProtocolWithTypePrefixAndCancellationReasons) {
  auto e = aws::parse_error_response(
      response(
          400,
          R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"})",
          {{"x-amzn-requestid", "RID3"}}),
      "DynamoDB", "PutItem");
  EXPECT_EQ(e.code, "ConditionalCheckFailedException");
  EXPECT_EQ(e.message, "The conditional request failed");
  EXPECT_EQ(e.request_id, "RID3");
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::ConditionalCheckFailed);

  e = aws::parse_error_response(
      response(
          400,
          R"({"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled","CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"x"}]})"),
      "DynamoDB", "TransactWriteItems");
  EXPECT_EQ(e.code, "TransactionCanceledException");
  EXPECT_EQ(e.reasons, (std::vector<std::string>{"None", "ConditionalCheckFailed"}));
  try {
    aws::throw_error(e);
  } catch (const aws::TransactionCanceledError& t) {
    EXPECT_TRUE(t.conditional_check_failed());
    EXPECT_NE(std::string(t.what()).find("ConditionalCheckFailed"), std::string::npos);
  }
}

TEST(ErrorParser, RestJsonErrorTypeHeader) {
  const auto e = aws::parse_error_response(
      response(404,
               R"({"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:1:function:f"})",
               {{"x-amzn-errortype",
                 "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.awsgirl/"}}),
      "Lambda", "Invoke");
  EXPECT_EQ(e.code, "ResourceNotFoundException");
  EXPECT_EQ(e.message, "Function not found: arn:aws:lambda:us-east-1:1:function:f");
}

TEST(ErrorParser, BodilessHeadAndHtmlPages) {
  auto e = aws::parse_error_response(response(404, "", {{"x-amz-request-id", "RID4"}}), "S3", "HeadObject");
  EXPECT_EQ(e.code, "NotFound");
  EXPECT_EQ(e.request_id, "RID4");
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::NotFound);
  e = aws::parse_error_response(response(403, ""), "S3", "HeadBucket");
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::AccessDenied);
  e = aws::parse_error_response(response(500, "<html><title>500 Internal Server Error</html>"), "S3",
                                "PutObject");
  EXPECT_EQ(e.code, "InternalError");
  EXPECT_NE(e.message.find("<html>"), std::string::npos);
  EXPECT_EQ(aws::classify(e), aws::ErrorKind::ServiceUnavailable);
}

TEST(ErrorParser, S3ErrorInsideA200) {
  EXPECT_TRUE(
      aws::is_s3_error_document("<?xml version=\"1.0\"?>\n<Error><Code>InternalError</Code></Error>"));
  EXPECT_TRUE(aws::is_s3_error_document("<Error><Code>SlowDown</Code></Error>"));
  EXPECT_FALSE(aws::is_s3_error_document("<CopyObjectResult><ETag>x</ETag></CopyObjectResult>"));
  EXPECT_FALSE(aws::is_s3_error_document(""));
}

TEST(Errors, ExceptionsCarryEveryField) {
  aws::ErrorInfo info{.service = "S3",
                      .operation = "GetObject",
                      .http_status = 404,
                      .code = "NoSuchKey",
                      .message = "gone",
                      .request_id = "RID",
                      .attempts = 3,
                      .reasons = {}};
  try {
    aws::throw_error(info);
    FAIL() << "throw_error returned";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.service(), "S3");
    EXPECT_EQ(e.operation(), "GetObject");
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.code(), "NoSuchKey");
    EXPECT_EQ(e.request_id(), "RID");
    EXPECT_EQ(std::string(e.what()),
              "S3 GetObject: HTTP 404 NoSuchKey: gone (request id RID) [gave up after 3 attempts]");
  }
}

TEST(Errors, MappingByCodeThenStatus) {
  auto kind = [](long status, const char* code) {
    return aws::classify(aws::ErrorInfo{.service = "X",
                                        .operation = "Op",
                                        .http_status = status,
                                        .code = code,
                                        .message = "",
                                        .request_id = "",
                                        .attempts = 1,
                                        .reasons = {}});
  };
  EXPECT_EQ(kind(503, "SlowDown"), aws::ErrorKind::Throttled);
  EXPECT_EQ(kind(400, "ThrottlingException"), aws::ErrorKind::Throttled);
  EXPECT_EQ(kind(400, "ProvisionedThroughputExceededException"), aws::ErrorKind::Throttled);
  EXPECT_EQ(kind(429, "Whatever"), aws::ErrorKind::Throttled);
  EXPECT_EQ(kind(403, "AccessDenied"), aws::ErrorKind::AccessDenied);
  EXPECT_EQ(kind(400, "ParameterNotFound"), aws::ErrorKind::NotFound);
  EXPECT_EQ(kind(404, "NoSuchBucket"), aws::ErrorKind::NotFound);
  EXPECT_EQ(kind(400, "ValidationException"), aws::ErrorKind::Validation);
  EXPECT_EQ(kind(500, "InternalError"), aws::ErrorKind::ServiceUnavailable);
  EXPECT_EQ(kind(0, "Timeout"), aws::ErrorKind::Timeout);
  EXPECT_EQ(kind(0, "Truncated"), aws::ErrorKind::Transport);
  EXPECT_EQ(kind(409, "BucketAlreadyOwnedByYou"), aws::ErrorKind::Generic);
}
