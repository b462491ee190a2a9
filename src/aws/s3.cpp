#include "aws/s3.h"

#include <stdexcept>

#include "aws/encoding.h"
#include "aws/xml.h"
#include "base/percent_encoding.h"
#include "base/text.h"

namespace heliocloud::aws {
namespace {

constexpr std::string_view kS3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
constexpr std::size_t kDeleteBatch = 1000;

ServiceInfo s3_info() {
  return {.name = "S3", .signing_name = "s3", .endpoint_prefix = "s3", .env_id = "S3"};
}

void add_requester_pays(ServiceRequest& r, bool requester_pays) {
  if (requester_pays) r.headers.emplace_back("x-amz-request-payer", "requester");
}

std::string range_header(const ByteRange& r) {
  return "bytes=" + std::to_string(r.first) + "-" + (r.last ? std::to_string(*r.last) : std::string());
}

void add_get_options(ServiceRequest& r, const GetObjectOptions& o) {
  add_requester_pays(r, o.requester_pays);
  if (o.range) r.headers.emplace_back("Range", range_header(*o.range));
  if (o.if_match) r.headers.emplace_back("If-Match", *o.if_match);
}

void add_put_options(ServiceRequest& r, const PutObjectOptions& o) {
  add_requester_pays(r, o.requester_pays);
  if (!o.content_type.empty()) r.headers.emplace_back("Content-Type", o.content_type);
  if (!o.cache_control.empty()) r.headers.emplace_back("Cache-Control", o.cache_control);
  for (const auto& [k, v] : o.metadata) r.headers.emplace_back("x-amz-meta-" + base::to_lower(k), v);
  if (o.if_none_match) r.headers.emplace_back("If-None-Match", "*");
}

std::uint64_t to_u64(const std::string& s) {
  return s.empty() ? 0 : std::stoull(s);
}

ObjectInfo object_info(const http::Response& resp) {
  ObjectInfo info;
  info.size = resp.body_bytes != 0 || resp.header("content-length").empty()
                  ? resp.body_bytes
                  : to_u64(resp.header("content-length"));
  info.etag = resp.header("etag");
  info.content_type = resp.header("content-type");
  info.last_modified = resp.header("last-modified");
  info.version_id = resp.header("x-amz-version-id");
  for (const auto& [name, value] : resp.headers) {
    if (name.starts_with("x-amz-meta-")) info.metadata[name.substr(11)] = value;
  }
  return info;
}

std::string require_text(const xml::Node& node, std::string_view child, const char* what) {
  const xml::Node* c = node.child(child);
  if (c == nullptr) throw std::runtime_error(std::string("S3 response lacks ") + what);
  return c->text;
}

}  // namespace

S3Client::S3Client(ClientConfig config) : client_(std::move(config), s3_info()) {}

ServiceRequest S3Client::request(std::string operation, std::string method, const std::string& bucket,
                                 const std::string& key) const {
  if (bucket.empty()) throw std::invalid_argument("S3 " + operation + ": empty bucket name");
  ServiceRequest r;
  r.operation = std::move(operation);
  r.method = std::move(method);
  const Url& base = client_.endpoint().url;
  const bool path_style = client_.config().s3_force_path_style || client_.endpoint().custom ||
                          is_ip_address(base.host) || !s3_virtual_host_compatible(bucket);
  const std::string encoded_key = base::percent_encode(key, true);
  if (path_style) {
    r.path = "/" + bucket + (key.empty() ? std::string() : "/" + encoded_key);
  } else {
    Url host = base;
    host.host = bucket + "." + base.host;
    r.endpoint = host;
    r.path = "/" + encoded_key;
  }
  return r;
}

std::string S3Client::copy_source(const std::string& bucket, const std::string& key) {
  return "/" + bucket + "/" + base::percent_encode(key, true);
}

void S3Client::create_bucket(const std::string& bucket) const {
  ServiceRequest r = request("CreateBucket", "PUT", bucket);
  std::string body;
  // us-east-1 is the one region that refuses an explicit LocationConstraint.
  if (client_.config().region != "us-east-1") {
    body = "<CreateBucketConfiguration xmlns=\"" + std::string(kS3Namespace) + "\"><LocationConstraint>" +
           xml::escape(client_.config().region) + "</LocationConstraint></CreateBucketConfiguration>";
    r.headers.emplace_back("Content-Type", "application/xml");
  }
  r.body = body;
  client_.send(r);
}

void S3Client::delete_bucket(const std::string& bucket) const {
  client_.send(request("DeleteBucket", "DELETE", bucket));
}

void S3Client::head_bucket(const std::string& bucket, bool requester_pays) const {
  ServiceRequest r = request("HeadBucket", "HEAD", bucket);
  add_requester_pays(r, requester_pays);
  client_.send(r);
}

bool S3Client::bucket_exists(const std::string& bucket) const {
  try {
    head_bucket(bucket);
    return true;
  } catch (const NotFoundError&) {
    return false;
  }
}

std::string S3Client::get_bucket_location(const std::string& bucket) const {
  ServiceRequest r = request("GetBucketLocation", "GET", bucket);
  r.query = {{"location", ""}};
  const auto doc = xml::parse(client_.send(r).body);
  // An empty LocationConstraint is us-east-1 (and the legacy "EU" is eu-west-1).
  if (doc.text.empty()) return "us-east-1";
  return doc.text == "EU" ? "eu-west-1" : doc.text;
}

std::string S3Client::get_bucket_policy(const std::string& bucket) const {
  ServiceRequest r = request("GetBucketPolicy", "GET", bucket);
  r.query = {{"policy", ""}};
  return client_.send(r).body;
}

void S3Client::put_bucket_policy(const std::string& bucket, const std::string& policy_json) const {
  ServiceRequest r = request("PutBucketPolicy", "PUT", bucket);
  r.query = {{"policy", ""}};
  r.headers.emplace_back("Content-Type", "application/json");
  r.headers.emplace_back("Content-MD5", md5_base64(policy_json));
  r.body = policy_json;
  client_.send(r);
}

void S3Client::delete_bucket_policy(const std::string& bucket) const {
  ServiceRequest r = request("DeleteBucketPolicy", "DELETE", bucket);
  r.query = {{"policy", ""}};
  client_.send(r);
}

void S3Client::put_bucket_request_payment(const std::string& bucket, bool requester_pays) const {
  ServiceRequest r = request("PutBucketRequestPayment", "PUT", bucket);
  r.query = {{"requestPayment", ""}};
  const std::string body = "<RequestPaymentConfiguration xmlns=\"" + std::string(kS3Namespace) +
                           "\"><Payer>" + (requester_pays ? "Requester" : "BucketOwner") +
                           "</Payer></RequestPaymentConfiguration>";
  r.headers.emplace_back("Content-Type", "application/xml");
  r.headers.emplace_back("Content-MD5", md5_base64(body));
  r.body = body;
  client_.send(r);
}

bool S3Client::get_bucket_requester_pays(const std::string& bucket) const {
  ServiceRequest r = request("GetBucketRequestPayment", "GET", bucket);
  r.query = {{"requestPayment", ""}};
  return xml::parse(client_.send(r).body).child_text("Payer") == "Requester";
}

ObjectInfo S3Client::head_object(const std::string& bucket, const std::string& key,
                                 const GetObjectOptions& opts) const {
  ServiceRequest r = request("HeadObject", "HEAD", bucket, key);
  add_get_options(r, opts);
  http::Response resp = client_.send(r);
  resp.body_bytes = 0;  // HEAD carries no body; the size is Content-Length
  return object_info(resp);
}

GetObjectResult S3Client::get_object(const std::string& bucket, const std::string& key,
                                     const GetObjectOptions& opts) const {
  ServiceRequest r = request("GetObject", "GET", bucket, key);
  add_get_options(r, opts);
  http::Response resp = client_.send(r);
  GetObjectResult out;
  out.info = object_info(resp);
  out.info.size = resp.body.size();
  out.body = std::move(resp.body);
  return out;
}

ObjectInfo S3Client::get_object_to_file(const std::string& bucket, const std::string& key,
                                        const std::filesystem::path& path,
                                        const GetObjectOptions& opts) const {
  ServiceRequest r = request("GetObject", "GET", bucket, key);
  add_get_options(r, opts);
  r.response_file = path;
  http::Response resp;
  try {
    resp = client_.send(r);
  } catch (...) {
    std::error_code ignored;  // a partial download must not pass for the object
    std::filesystem::remove(path, ignored);
    throw;
  }
  ObjectInfo info = object_info(resp);
  info.size = resp.body_bytes;
  return info;
}

std::string S3Client::put_object(const std::string& bucket, const std::string& key, std::string_view body,
                                 const PutObjectOptions& opts) const {
  if (key.empty()) throw std::invalid_argument("S3 PutObject: empty key");
  ServiceRequest r = request("PutObject", "PUT", bucket, key);
  add_put_options(r, opts);
  r.body = body;
  return client_.send(r).header("etag");
}

std::string S3Client::put_object_from_file(const std::string& bucket, const std::string& key,
                                           const std::filesystem::path& path,
                                           const PutObjectOptions& opts) const {
  if (key.empty()) throw std::invalid_argument("S3 PutObject: empty key");
  ServiceRequest r = request("PutObject", "PUT", bucket, key);
  add_put_options(r, opts);
  r.body_file = http::FileRange{.path = path, .offset = 0, .length = std::filesystem::file_size(path)};
  return client_.send(r).header("etag");
}

std::string S3Client::copy_object(const std::string& src_bucket, const std::string& src_key,
                                  const std::string& dst_bucket, const std::string& dst_key,
                                  const CopyObjectOptions& opts) const {
  ServiceRequest r = request("CopyObject", "PUT", dst_bucket, dst_key);
  r.headers.emplace_back("x-amz-copy-source", copy_source(src_bucket, src_key));
  add_requester_pays(r, opts.requester_pays);
  if (opts.content_type || !opts.metadata.empty()) {
    r.headers.emplace_back("x-amz-metadata-directive", "REPLACE");
    if (opts.content_type) r.headers.emplace_back("Content-Type", *opts.content_type);
    for (const auto& [k, v] : opts.metadata) r.headers.emplace_back("x-amz-meta-" + base::to_lower(k), v);
  }
  r.error_in_200 = true;
  const auto doc = xml::parse(client_.send(r).body);
  return require_text(doc, "ETag", "CopyObjectResult/ETag");
}

void S3Client::delete_object(const std::string& bucket, const std::string& key, bool requester_pays) const {
  ServiceRequest r = request("DeleteObject", "DELETE", bucket, key);
  add_requester_pays(r, requester_pays);
  client_.send(r);
}

std::vector<DeleteFailure> S3Client::delete_objects(const std::string& bucket,
                                                    const std::vector<std::string>& keys,
                                                    bool requester_pays) const {
  std::vector<ObjectVersion> current;
  current.reserve(keys.size());
  for (const auto& k : keys) current.push_back({.key = k, .version_id = {}, .delete_marker = false});
  return delete_entries(bucket, current, requester_pays);
}

std::vector<DeleteFailure> S3Client::delete_object_versions(
    const std::string& bucket, const std::vector<ObjectVersion>& versions) const {
  return delete_entries(bucket, versions, false);
}

std::vector<DeleteFailure> S3Client::delete_entries(const std::string& bucket,
                                                    const std::vector<ObjectVersion>& entries,
                                                    bool requester_pays) const {
  std::vector<DeleteFailure> failures;
  for (std::size_t start = 0; start < entries.size(); start += kDeleteBatch) {
    const std::size_t end = std::min(entries.size(), start + kDeleteBatch);
    // Quiet mode: the answer lists only failures, keeping it small for 1000-key batches.
    std::string body = "<Delete xmlns=\"" + std::string(kS3Namespace) + "\"><Quiet>true</Quiet>";
    for (std::size_t i = start; i < end; ++i) {
      body += "<Object><Key>" + xml::escape(entries[i].key) + "</Key>";
      if (!entries[i].version_id.empty())
        body += "<VersionId>" + xml::escape(entries[i].version_id) + "</VersionId>";
      body += "</Object>";
    }
    body += "</Delete>";
    ServiceRequest r = request("DeleteObjects", "POST", bucket);
    r.query = {{"delete", ""}};
    r.headers.emplace_back("Content-Type", "application/xml");
    r.headers.emplace_back("Content-MD5", md5_base64(body));  // required by the API
    add_requester_pays(r, requester_pays);
    r.body = body;
    const auto doc = xml::parse(client_.send(r).body);
    for (const xml::Node* e : doc.children_named("Error")) {
      failures.push_back(
          {.key = e->child_text("Key"), .code = e->child_text("Code"), .message = e->child_text("Message")});
    }
  }
  return failures;
}

ObjectVersionsPage S3Client::list_object_versions(const std::string& bucket, const std::string& key_marker,
                                                  const std::string& version_id_marker, int max_keys) const {
  ServiceRequest r = request("ListObjectVersions", "GET", bucket);
  r.query = {{"versions", ""}, {"max-keys", std::to_string(max_keys)}};
  if (!key_marker.empty()) r.query.emplace_back("key-marker", key_marker);
  if (!version_id_marker.empty()) r.query.emplace_back("version-id-marker", version_id_marker);
  const auto doc = xml::parse(client_.send(r).body);
  ObjectVersionsPage page;
  // Versions and delete markers interleave in key order.
  for (const auto& child : doc.children) {
    if (child.name != "Version" && child.name != "DeleteMarker") continue;
    page.versions.push_back({.key = child.child_text("Key"),
                             .version_id = child.child_text("VersionId", "null"),
                             .delete_marker = child.name == "DeleteMarker"});
  }
  page.truncated = doc.child_text("IsTruncated") == "true";
  page.next_key_marker = doc.child_text("NextKeyMarker");
  page.next_version_id_marker = doc.child_text("NextVersionIdMarker");
  return page;
}

void S3Client::put_bucket_versioning(const std::string& bucket, bool enabled) const {
  ServiceRequest r = request("PutBucketVersioning", "PUT", bucket);
  r.query = {{"versioning", ""}};
  const std::string body = "<VersioningConfiguration xmlns=\"" + std::string(kS3Namespace) + "\"><Status>" +
                           (enabled ? "Enabled" : "Suspended") + "</Status></VersioningConfiguration>";
  r.headers.emplace_back("Content-Type", "application/xml");
  r.headers.emplace_back("Content-MD5", md5_base64(body));
  r.body = body;
  client_.send(r);
}

ListObjectsPage S3Client::list_objects_v2(const std::string& bucket, const ListObjectsRequest& req) const {
  ServiceRequest r = request("ListObjectsV2", "GET", bucket);
  r.query = {{"list-type", "2"}, {"max-keys", std::to_string(req.max_keys)}};
  if (!req.prefix.empty()) r.query.emplace_back("prefix", req.prefix);
  if (!req.delimiter.empty()) r.query.emplace_back("delimiter", req.delimiter);
  if (!req.continuation_token.empty()) r.query.emplace_back("continuation-token", req.continuation_token);
  if (!req.start_after.empty()) r.query.emplace_back("start-after", req.start_after);
  add_requester_pays(r, req.requester_pays);
  const auto doc = xml::parse(client_.send(r).body);
  ListObjectsPage page;
  for (const xml::Node* c : doc.children_named("Contents")) {
    page.objects.push_back({.key = c->child_text("Key"),
                            .size = to_u64(c->child_text("Size")),
                            .etag = c->child_text("ETag"),
                            .last_modified = c->child_text("LastModified"),
                            .storage_class = c->child_text("StorageClass")});
  }
  for (const xml::Node* p : doc.children_named("CommonPrefixes"))
    page.common_prefixes.push_back(p->child_text("Prefix"));
  page.truncated = doc.child_text("IsTruncated") == "true";
  page.next_continuation_token = doc.child_text("NextContinuationToken");
  return page;
}

std::vector<ObjectSummary> S3Client::list_all_objects(const std::string& bucket, const std::string& prefix,
                                                      bool requester_pays) const {
  std::vector<ObjectSummary> all;
  ListObjectsRequest req;
  req.prefix = prefix;
  req.requester_pays = requester_pays;
  for (;;) {
    ListObjectsPage page = list_objects_v2(bucket, req);
    all.insert(all.end(), std::make_move_iterator(page.objects.begin()),
               std::make_move_iterator(page.objects.end()));
    if (!page.truncated) break;
    if (page.next_continuation_token.empty()) {
      throw std::runtime_error("S3 ListObjectsV2: truncated page without NextContinuationToken");
    }
    req.continuation_token = page.next_continuation_token;
  }
  return all;
}

std::string S3Client::create_multipart_upload(const std::string& bucket, const std::string& key,
                                              const PutObjectOptions& opts) const {
  ServiceRequest r = request("CreateMultipartUpload", "POST", bucket, key);
  r.query = {{"uploads", ""}};
  add_put_options(r, opts);
  const auto doc = xml::parse(client_.send(r).body);
  return require_text(doc, "UploadId", "InitiateMultipartUploadResult/UploadId");
}

std::string S3Client::upload_part(const std::string& bucket, const std::string& key,
                                  const std::string& upload_id, int part_number, std::string_view data,
                                  bool requester_pays) const {
  ServiceRequest r = request("UploadPart", "PUT", bucket, key);
  r.query = {{"partNumber", std::to_string(part_number)}, {"uploadId", upload_id}};
  add_requester_pays(r, requester_pays);
  r.body = data;
  r.unsigned_payload =
      true;  // the part is already in memory, but hashing 16 MiB per part buys nothing over TLS
  return client_.send(r).header("etag");
}

std::string S3Client::upload_part_from_file(const std::string& bucket, const std::string& key,
                                            const std::string& upload_id, int part_number,
                                            const http::FileRange& range, bool requester_pays) const {
  ServiceRequest r = request("UploadPart", "PUT", bucket, key);
  r.query = {{"partNumber", std::to_string(part_number)}, {"uploadId", upload_id}};
  add_requester_pays(r, requester_pays);
  r.body_file = range;
  return client_.send(r).header("etag");
}

std::string S3Client::upload_part_copy(const std::string& bucket, const std::string& key,
                                       const std::string& upload_id, int part_number,
                                       const std::string& src_bucket, const std::string& src_key,
                                       const ByteRange& range, bool requester_pays) const {
  ServiceRequest r = request("UploadPartCopy", "PUT", bucket, key);
  r.query = {{"partNumber", std::to_string(part_number)}, {"uploadId", upload_id}};
  r.headers.emplace_back("x-amz-copy-source", copy_source(src_bucket, src_key));
  r.headers.emplace_back("x-amz-copy-source-range", range_header(range));
  add_requester_pays(r, requester_pays);
  r.error_in_200 = true;
  const auto doc = xml::parse(client_.send(r).body);
  return require_text(doc, "ETag", "CopyPartResult/ETag");
}

std::string S3Client::complete_multipart_upload(const std::string& bucket, const std::string& key,
                                                const std::string& upload_id,
                                                const std::vector<CompletedPart>& parts,
                                                bool requester_pays) const {
  std::string body = "<CompleteMultipartUpload xmlns=\"" + std::string(kS3Namespace) + "\">";
  for (const auto& p : parts) {
    body += "<Part><PartNumber>" + std::to_string(p.part_number) + "</PartNumber><ETag>" +
            xml::escape(p.etag) + "</ETag></Part>";
  }
  body += "</CompleteMultipartUpload>";
  ServiceRequest r = request("CompleteMultipartUpload", "POST", bucket, key);
  r.query = {{"uploadId", upload_id}};
  r.headers.emplace_back("Content-Type", "application/xml");
  add_requester_pays(r, requester_pays);
  r.body = body;
  r.error_in_200 = true;
  const auto doc = xml::parse(client_.send(r).body);
  return doc.child_text("ETag");
}

void S3Client::abort_multipart_upload(const std::string& bucket, const std::string& key,
                                      const std::string& upload_id, bool requester_pays) const {
  ServiceRequest r = request("AbortMultipartUpload", "DELETE", bucket, key);
  r.query = {{"uploadId", upload_id}};
  add_requester_pays(r, requester_pays);
  client_.send(r);
}

std::vector<MultipartUpload> S3Client::list_multipart_uploads(const std::string& bucket,
                                                              const std::string& prefix) const {
  ServiceRequest r = request("ListMultipartUploads", "GET", bucket);
  r.query = {{"uploads", ""}};
  if (!prefix.empty()) r.query.emplace_back("prefix", prefix);
  const auto doc = xml::parse(client_.send(r).body);
  std::vector<MultipartUpload> out;
  for (const xml::Node* u : doc.children_named("Upload")) {
    out.push_back({.key = u->child_text("Key"),
                   .upload_id = u->child_text("UploadId"),
                   .initiated = u->child_text("Initiated")});
  }
  return out;
}

std::string S3Client::presign(const std::string& method, const std::string& bucket, const std::string& key,
                              std::chrono::seconds expires) const {
  if (expires.count() <= 0 || expires > std::chrono::hours(24 * 7)) {
    throw std::invalid_argument("S3 presign: expiry must be within 1 s and 7 days");
  }
  const ServiceRequest r = request("Presign", method, bucket, key);
  const Url& origin = r.endpoint ? *r.endpoint : client_.endpoint().url;
  const std::string path = origin.base_path + r.path;
  sigv4::Request sreq;
  sreq.method = method;
  sreq.canonical_uri = sigv4::canonical_uri(path, false);
  sreq.headers = {{"host", origin.authority()}};
  const auto p =
      sigv4::presign(sreq, client_.credentials(), {.region = client_.config().region, .service = "s3"},
                     std::chrono::system_clock::now(), expires);
  sigv4::QueryParams unsigned_part(p.query.begin(), p.query.end() - 1);
  return origin.origin() + path + "?" + sigv4::query_string(unsigned_part) +
         "&X-Amz-Signature=" + p.query.back().second;
}

}  // namespace heliocloud::aws
