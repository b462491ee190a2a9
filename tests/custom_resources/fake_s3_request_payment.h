#pragma once
// An S3 stand-in that keeps each bucket's request-payment configuration. moto 5.2.1 accepts
// PutBucketRequestPayment but does not store it (its GET ?requestPayment answers a listing), so the read-back
// that proves Custom::RequesterPays sets and clears the payer is done against this instead, through the real
// S3Client.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "aws/client_config.h"
#include "fake_http_server.h"

namespace heliocloud::testing {

class FakeS3RequestPayment {
 public:
  explicit FakeS3RequestPayment(std::set<std::string> buckets) : buckets_(std::move(buckets)) {}

  aws::ClientConfig client_config() const {
    aws::ClientConfig c;
    c.region = "us-east-1";
    c.endpoint_url = "http://" + server_.authority();
    c.credentials = std::make_shared<aws::StaticCredentialsProvider>(aws::Credentials{
        .access_key_id = "AKIDTEST", .secret_access_key = "secret", .session_token = "", .expiration = {}});
    c.retry.max_attempts = 1;
    return c;
  }
  std::vector<RecordedRequest> requests() const { return server_.requests(); }

 private:
  CannedResponse answer(const RecordedRequest& r) {
    const auto q = r.target.find('?');
    const std::string bucket = r.target.substr(1, q == std::string::npos ? std::string::npos : q - 1);
    std::scoped_lock lock(mu_);
    if (!buckets_.contains(bucket) || q == std::string::npos ||
        (r.target.substr(q) != "?requestPayment" && r.target.substr(q) != "?requestPayment=")) {
      return {
          404,
          {{"Content-Type", "application/xml"}},
          "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>",
          false};
    }
    if (r.method == "PUT") {
      const auto b = r.body.find("<Payer>");
      const auto e = r.body.find("</Payer>");
      if (b == std::string::npos || e == std::string::npos)
        return {400, {}, "<Error><Code>MalformedXML</Code></Error>", false};
      payer_[bucket] = r.body.substr(b + 7, e - b - 7);
      return {200, {}, "", false};
    }
    const std::string payer = payer_.contains(bucket) ? payer_[bucket] : "BucketOwner";
    return {200,
            {{"Content-Type", "application/xml"}},
            "<RequestPaymentConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Payer>" + payer +
                "</Payer></RequestPaymentConfiguration>",
            false};
  }

  std::mutex mu_;
  std::set<std::string> buckets_;
  std::map<std::string, std::string> payer_;
  FakeHttpServer server_{[this](const RecordedRequest& r) { return answer(r); }};
};

}  // namespace heliocloud::testing
