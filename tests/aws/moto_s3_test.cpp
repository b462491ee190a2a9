// S3 operations against moto: buckets, objects (buffer and file), ranges, metadata, copy, multipart upload
// and multipart copy, listing over 1000 keys, batch delete, policies, requester pays, error mapping, presign.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "aws/s3.h"
#include "aws/s3_transfer.h"
#include "http/client.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;

namespace {

std::string pattern(std::size_t n, unsigned seed) {
  std::string s(n, '\0');
  std::uint32_t x = (seed * 2654435761U) + 1;
  for (auto& c : s) {
    x = (x * 1664525U) + 1013904223U;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

class S3Moto : public ::testing::Test {
 protected:
  void SetUp() override {
    bucket_ = unique_name("hc-s3");
    s3_.create_bucket(bucket_);
    dir_ = std::filesystem::temp_directory_path() / unique_name("hc-s3-files");
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  aws::S3Client s3_{moto_config()};
  std::string bucket_;
  std::filesystem::path dir_;
};

TEST_F(S3Moto, HeadBucketAndLocation) {
  EXPECT_NO_THROW(s3_.head_bucket(bucket_));
  EXPECT_TRUE(s3_.bucket_exists(bucket_));
  EXPECT_FALSE(s3_.bucket_exists(unique_name("hc-missing")));
  EXPECT_EQ(s3_.get_bucket_location(bucket_), "us-east-1");
}

TEST_F(S3Moto, PutGetHeadDeleteFromBuffer) {
  const std::string body = "hello, \xE2\x98\x80 world";
  aws::PutObjectOptions opts;
  opts.content_type = "text/plain; charset=utf-8";
  opts.metadata = {{"Origin", "unit-test"}};
  const std::string key = "dir with space/caf\xC3\xA9+plus&amp=.txt";
  const std::string etag = s3_.put_object(bucket_, key, body, opts);
  EXPECT_FALSE(etag.empty());

  const auto head = s3_.head_object(bucket_, key);
  EXPECT_EQ(head.size, body.size());
  EXPECT_EQ(head.etag, etag);
  EXPECT_EQ(head.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(head.metadata.at("origin"), "unit-test");

  const auto got = s3_.get_object(bucket_, key);
  EXPECT_EQ(got.body, body);
  EXPECT_EQ(got.info.etag, etag);

  aws::GetObjectOptions range;
  range.range = aws::ByteRange{.first = 7, .last = 9};
  EXPECT_EQ(s3_.get_object(bucket_, key, range).body, body.substr(7, 3));
  range.range = aws::ByteRange{.first = 7, .last = std::nullopt};
  EXPECT_EQ(s3_.get_object(bucket_, key, range).body, body.substr(7));

  s3_.delete_object(bucket_, key);
  EXPECT_THROW(s3_.head_object(bucket_, key), aws::NotFoundError);
}

TEST_F(S3Moto, FileRoundTripAndEmptyObject) {
  const std::string data = pattern(300000, 7);
  const auto src = dir_ / "in.bin";
  std::ofstream(src, std::ios::binary) << data;
  s3_.put_object_from_file(bucket_, "f/in.bin", src, {});
  const auto dst = dir_ / "out.bin";
  const auto info = s3_.get_object_to_file(bucket_, "f/in.bin", dst);
  EXPECT_EQ(info.size, data.size());
  std::ifstream in(dst, std::ios::binary);
  const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(back, data);

  s3_.put_object(bucket_, "empty", "");
  const auto empty_path = dir_ / "empty";
  EXPECT_EQ(s3_.get_object_to_file(bucket_, "empty", empty_path).size, 0U);
  EXPECT_TRUE(std::filesystem::exists(empty_path));
  EXPECT_EQ(std::filesystem::file_size(empty_path), 0U);
}

TEST_F(S3Moto, ErrorMapping) {
  try {
    s3_.get_object(bucket_, "no/such/key");
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NoSuchKey");
    EXPECT_EQ(e.http_status(), 404);
    EXPECT_EQ(e.service(), "S3");
    EXPECT_EQ(e.operation(), "GetObject");
    EXPECT_EQ(e.attempts(), 1);  // a 404 is final, never retried
  }
  const std::string missing = unique_name("hc-missing");
  try {
    s3_.put_object(missing, "k", "x");
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "NoSuchBucket");
  }
  EXPECT_THROW(s3_.head_bucket(missing), aws::NotFoundError);
  EXPECT_THROW(s3_.get_bucket_policy(bucket_), aws::NotFoundError);  // NoSuchBucketPolicy
  // A file that does not exist locally is a local error, not an S3 one.
  EXPECT_THROW(s3_.put_object_from_file(bucket_, "k", dir_ / "nope"), std::filesystem::filesystem_error);
}

TEST_F(S3Moto, ConditionalCreate) {
  aws::PutObjectOptions create_only;
  create_only.if_none_match = true;
  s3_.put_object(bucket_, "once", "first", create_only);
  EXPECT_THROW(s3_.put_object(bucket_, "once", "second", create_only), aws::ConditionalCheckFailedError);
  EXPECT_EQ(s3_.get_object(bucket_, "once").body, "first");
}

TEST_F(S3Moto, CopyObjectKeepsOrReplacesMetadata) {
  aws::PutObjectOptions opts;
  opts.content_type = "application/json";
  opts.metadata = {{"a", "1"}};
  s3_.put_object(bucket_, "src.json", "{\"x\":1}", opts);
  const std::string other = unique_name("hc-s3-dst");
  s3_.create_bucket(other);
  EXPECT_FALSE(s3_.copy_object(bucket_, "src.json", other, "copy of src.json").empty());
  const auto h = s3_.head_object(other, "copy of src.json");
  EXPECT_EQ(h.content_type, "application/json");
  EXPECT_EQ(h.metadata.at("a"), "1");
  EXPECT_EQ(s3_.get_object(other, "copy of src.json").body, "{\"x\":1}");

  aws::CopyObjectOptions replace;
  replace.content_type = "text/plain";
  replace.metadata = {{"b", "2"}};
  s3_.copy_object(bucket_, "src.json", bucket_, "replaced", replace);
  const auto r = s3_.head_object(bucket_, "replaced");
  EXPECT_EQ(r.content_type, "text/plain");
  EXPECT_EQ(r.metadata.count("a"), 0U);
  EXPECT_EQ(r.metadata.at("b"), "2");
  EXPECT_THROW(s3_.copy_object(bucket_, "absent", bucket_, "x"), aws::NotFoundError);
}

TEST_F(S3Moto, MultipartUploadFromFileAndBufferThenMultipartCopy) {
  // 11 MiB with 5 MiB parts: three parts, the last one short (S3 requires >= 5 MiB for all but the last).
  const std::string data = pattern((11U << 20) + 12345, 3);
  const auto path = dir_ / "big.bin";
  std::ofstream(path, std::ios::binary) << data;

  aws::TransferConfig tc;
  tc.multipart_threshold = 5U << 20;
  tc.part_size = 5U << 20;
  tc.copy_threshold = 5U << 20;
  tc.copy_part_size = 5U << 20;
  tc.concurrency = 3;
  const aws::S3Transfer transfer(s3_, tc);

  aws::PutObjectOptions opts;
  opts.content_type = "application/x-test";
  opts.metadata = {{"kind", "big"}};
  const std::string etag = transfer.upload_file(path, bucket_, "big/file.bin", opts);
  EXPECT_NE(etag.find("-3"), std::string::npos) << etag;  // multipart ETags end in -<part count>
  auto head = s3_.head_object(bucket_, "big/file.bin");
  EXPECT_EQ(head.size, data.size());
  EXPECT_EQ(head.content_type, "application/x-test");
  EXPECT_EQ(s3_.get_object(bucket_, "big/file.bin").body, data);

  EXPECT_NE(transfer.upload_buffer(data, bucket_, "big/buffer.bin").find("-3"), std::string::npos);
  EXPECT_EQ(s3_.get_object(bucket_, "big/buffer.bin").body, data);

  const std::string copy_etag = transfer.copy(bucket_, "big/file.bin", bucket_, "big/copy.bin");
  EXPECT_NE(copy_etag.find("-3"), std::string::npos) << "expected UploadPartCopy, got " << copy_etag;
  head = s3_.head_object(bucket_, "big/copy.bin");
  EXPECT_EQ(head.size, data.size());
  EXPECT_EQ(head.content_type, "application/x-test");
  EXPECT_EQ(head.metadata.at("kind"), "big");
  EXPECT_EQ(s3_.get_object(bucket_, "big/copy.bin").body, data);

  const auto downloaded = dir_ / "down.bin";
  transfer.download_file(bucket_, "big/copy.bin", downloaded);
  EXPECT_EQ(std::filesystem::file_size(downloaded), data.size());
}

TEST_F(S3Moto, MultipartPrimitivesAndAbort) {
  const std::string data = pattern(6U << 20, 5);
  const std::string upload = s3_.create_multipart_upload(bucket_, "manual/obj");
  ASSERT_FALSE(upload.empty());
  EXPECT_FALSE(s3_.upload_part(bucket_, "manual/obj", upload, 1, data).empty());
  auto open = s3_.list_multipart_uploads(bucket_, "manual/");
  ASSERT_EQ(open.size(), 1U);
  EXPECT_EQ(open[0].key, "manual/obj");
  EXPECT_EQ(open[0].upload_id, upload);
  s3_.abort_multipart_upload(bucket_, "manual/obj", upload);
  EXPECT_TRUE(s3_.list_multipart_uploads(bucket_, "manual/").empty());
  EXPECT_THROW(s3_.head_object(bucket_, "manual/obj"), aws::NotFoundError);
  // A multipart transfer into a missing bucket fails at CreateMultipartUpload with the S3 error.
  aws::TransferConfig tc;
  tc.multipart_threshold = 5U << 20;
  EXPECT_THROW(aws::S3Transfer(s3_, tc).upload_buffer(data, unique_name("hc-missing"), "k"),
               aws::NotFoundError);
}

TEST_F(S3Moto, ListingPaginatesOverMoreThan1000KeysAndBatchDelete) {
  constexpr std::size_t kCount = 1234;
  std::vector<aws::BulkPut> puts;
  for (std::size_t i = 0; i < kCount; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "many/%05zu.txt", i);
    puts.push_back({.key = name, .body = "x", .file = {}, .options = {}});
  }
  puts.push_back({.key = "other/outside.txt", .body = "yy", .file = {}, .options = {}});
  const aws::S3Transfer transfer(s3_);
  const auto failures = transfer.put_objects(bucket_, puts, 8);
  EXPECT_TRUE(failures.empty());

  const auto first = s3_.list_objects_v2(bucket_, {.prefix = "many/",
                                                   .delimiter = "",
                                                   .continuation_token = "",
                                                   .start_after = "",
                                                   .max_keys = 1000,
                                                   .requester_pays = false});
  EXPECT_EQ(first.objects.size(), 1000U);
  EXPECT_TRUE(first.truncated);
  EXPECT_FALSE(first.next_continuation_token.empty());

  const auto all = s3_.list_all_objects(bucket_, "many/");
  ASSERT_EQ(all.size(), kCount);
  std::set<std::string> keys;
  for (const auto& o : all) {
    keys.insert(o.key);
    EXPECT_EQ(o.size, 1U);
  }
  EXPECT_EQ(keys.size(), kCount);
  EXPECT_EQ(*keys.begin(), "many/00000.txt");
  EXPECT_EQ(*keys.rbegin(), "many/01233.txt");

  const auto delimited = s3_.list_objects_v2(bucket_, {.prefix = "",
                                                       .delimiter = "/",
                                                       .continuation_token = "",
                                                       .start_after = "",
                                                       .max_keys = 1000,
                                                       .requester_pays = false});
  EXPECT_EQ(delimited.common_prefixes, (std::vector<std::string>{"many/", "other/"}));

  EXPECT_TRUE(transfer.delete_prefix(bucket_, "many/").empty());
  EXPECT_TRUE(s3_.list_all_objects(bucket_, "many/").empty());
  EXPECT_EQ(s3_.list_all_objects(bucket_).size(), 1U);
  EXPECT_TRUE(s3_.delete_objects(bucket_, {"other/outside.txt", "never-existed"})
                  .empty());  // S3 deletes are idempotent
  EXPECT_TRUE(s3_.list_all_objects(bucket_).empty());
}

TEST_F(S3Moto, BulkCopyInParallel) {
  std::vector<aws::BulkPut> puts;
  std::vector<aws::BulkCopy> copies;
  for (int i = 0; i < 50; ++i) {
    puts.push_back(
        {.key = "src/" + std::to_string(i), .body = "v" + std::to_string(i), .file = {}, .options = {}});
    copies.push_back({.src_bucket = bucket_,
                      .src_key = "src/" + std::to_string(i),
                      .dst_bucket = bucket_,
                      .dst_key = "dst/" + std::to_string(i),
                      .options = {}});
  }
  copies.push_back({.src_bucket = bucket_,
                    .src_key = "src/missing",
                    .dst_bucket = bucket_,
                    .dst_key = "dst/missing",
                    .options = {}});
  const aws::S3Transfer transfer(s3_);
  // put_objects borrows the bodies: keep the strings alive (they are in `puts` itself here).
  std::vector<std::string> bodies;
  bodies.reserve(puts.size());
  for (auto& p : puts) bodies.push_back(std::string(p.key.substr(4)));
  for (std::size_t i = 0; i < puts.size(); ++i) puts[i].body = bodies[i];
  ASSERT_TRUE(transfer.put_objects(bucket_, puts, 6).empty());
  const auto failures = transfer.copy_objects(copies, 6);
  ASSERT_EQ(failures.size(), 1U);
  EXPECT_EQ(failures[0].index, 50U);
  EXPECT_THROW(std::rethrow_exception(failures[0].error), aws::NotFoundError);
  EXPECT_EQ(s3_.list_all_objects(bucket_, "dst/").size(), 50U);
  EXPECT_EQ(s3_.get_object(bucket_, "dst/42").body, "42");
}

TEST_F(S3Moto, BucketPolicyAndRequestPayment) {
  const std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Sid":"ro","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::)" +
      bucket_ + R"(/*"}]})";
  s3_.put_bucket_policy(bucket_, policy);
  const auto got = nlohmann::json::parse(s3_.get_bucket_policy(bucket_));
  EXPECT_EQ(got, nlohmann::json::parse(policy));
  s3_.delete_bucket_policy(bucket_);
  EXPECT_THROW(s3_.get_bucket_policy(bucket_), aws::NotFoundError);

  // moto 5.2 accepts PutBucketRequestPayment but does not keep it (GET ?requestPayment answers a listing),
  // so the read-back is covered by the local-server test; here the calls and the header must be accepted.
  s3_.put_bucket_request_payment(bucket_, true);
  // The requester-pays header is accepted on reads and writes of such a bucket.
  aws::PutObjectOptions put;
  put.requester_pays = true;
  s3_.put_object(bucket_, "rp", "paid", put);
  aws::GetObjectOptions get;
  get.requester_pays = true;
  EXPECT_EQ(s3_.get_object(bucket_, "rp", get).body, "paid");
  EXPECT_EQ(s3_.head_object(bucket_, "rp", get).size, 4U);
  s3_.put_bucket_request_payment(bucket_, false);
}

TEST_F(S3Moto, PresignedGetWorksWithoutCredentials) {
  s3_.put_object(bucket_, "shared/file name.txt", "presigned body");
  const std::string url = s3_.presign("GET", bucket_, "shared/file name.txt", std::chrono::seconds(300));
  EXPECT_NE(url.find("X-Amz-Signature="), std::string::npos);
  heliocloud::http::Client http;
  heliocloud::http::Request req;
  req.url = url;
  const auto resp = http.send(req, {});
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.body, "presigned body");
}

TEST_F(S3Moto, DeleteBucket) {
  const std::string b = unique_name("hc-s3-del");
  s3_.create_bucket(b);
  s3_.delete_bucket(b);
  EXPECT_FALSE(s3_.bucket_exists(b));
}

}  // namespace
