#include "custom_resources/s3_versions.h"

#include <algorithm>
#include <stdexcept>

#include "aws/encoding.h"
#include "aws/endpoints.h"
#include "aws/xml.h"

namespace heliocloud::custom_resources {

namespace {

constexpr const char* kS3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
constexpr std::size_t kDeleteBatch = 1000;

// Bucket addressing as S3Client does it: path-style for custom endpoints, IP hosts and names that cannot be a
// TLS host label; virtual-hosted otherwise (AWS is retiring path-style for new buckets).
aws::ServiceRequest bucket_request(const aws::S3Client& s3, std::string operation, std::string method,
                                   const std::string& bucket) {
  if (bucket.empty()) throw std::invalid_argument("S3 " + operation + ": empty bucket name");
  aws::ServiceRequest r;
  r.operation = std::move(operation);
  r.method = std::move(method);
  const auto& endpoint = s3.service().endpoint();
  if (s3.config().s3_force_path_style || endpoint.custom || aws::is_ip_address(endpoint.url.host) ||
      !aws::s3_virtual_host_compatible(bucket)) {
    r.path = "/" + bucket;
  } else {
    aws::Url host = endpoint.url;
    host.host = bucket + "." + host.host;
    r.endpoint = host;
    r.path = "/";
  }
  return r;
}

}  // namespace

ObjectVersionsPage list_object_versions(const aws::S3Client& s3, const std::string& bucket,
                                        const std::string& key_marker, const std::string& version_id_marker,
                                        int max_keys) {
  aws::ServiceRequest r = bucket_request(s3, "ListObjectVersions", "GET", bucket);
  r.query = {{"versions", ""}, {"max-keys", std::to_string(max_keys)}};
  if (!key_marker.empty()) r.query.emplace_back("key-marker", key_marker);
  if (!version_id_marker.empty()) r.query.emplace_back("version-id-marker", version_id_marker);
  const aws::xml::Node doc = aws::xml::parse(s3.service().send(r).body);
  ObjectVersionsPage page;
  // Versions and delete markers interleave in key order; their relative order does not matter for deletion.
  for (const auto& child : doc.children) {
    if (child.name != "Version" && child.name != "DeleteMarker") continue;
    page.versions.push_back(
        {child.child_text("Key"), child.child_text("VersionId", "null"), child.name == "DeleteMarker"});
  }
  page.truncated = doc.child_text("IsTruncated") == "true";
  page.next_key_marker = doc.child_text("NextKeyMarker");
  page.next_version_id_marker = doc.child_text("NextVersionIdMarker");
  return page;
}

std::vector<aws::DeleteFailure> delete_object_versions(const aws::S3Client& s3, const std::string& bucket,
                                                       const std::vector<ObjectVersion>& versions) {
  std::vector<aws::DeleteFailure> failures;
  for (std::size_t start = 0; start < versions.size(); start += kDeleteBatch) {
    const std::size_t end = std::min(versions.size(), start + kDeleteBatch);
    // Quiet: the answer lists only failures, which keeps it small for full batches.
    std::string body = std::string("<Delete xmlns=\"") + kS3Namespace + "\"><Quiet>true</Quiet>";
    for (std::size_t i = start; i < end; ++i) {
      body += "<Object><Key>" + aws::xml::escape(versions[i].key) + "</Key><VersionId>" +
              aws::xml::escape(versions[i].version_id) + "</VersionId></Object>";
    }
    body += "</Delete>";
    aws::ServiceRequest r = bucket_request(s3, "DeleteObjects", "POST", bucket);
    r.query = {{"delete", ""}};
    r.headers.emplace_back("Content-Type", "application/xml");
    r.headers.emplace_back("Content-MD5", aws::md5_base64(body));  // required by DeleteObjects
    r.body = body;
    const aws::xml::Node doc = aws::xml::parse(s3.service().send(r).body);
    for (const aws::xml::Node* e : doc.children_named("Error")) {
      failures.push_back({e->child_text("Key"), e->child_text("Code"), e->child_text("Message")});
    }
  }
  return failures;
}

void put_bucket_versioning(const aws::S3Client& s3, const std::string& bucket, bool enabled) {
  aws::ServiceRequest r = bucket_request(s3, "PutBucketVersioning", "PUT", bucket);
  r.query = {{"versioning", ""}};
  const std::string body = std::string("<VersioningConfiguration xmlns=\"") + kS3Namespace + "\"><Status>" +
                           (enabled ? "Enabled" : "Suspended") + "</Status></VersioningConfiguration>";
  r.headers.emplace_back("Content-Type", "application/xml");
  r.headers.emplace_back("Content-MD5", aws::md5_base64(body));
  r.body = body;
  s3.service().send(r);
}

}  // namespace heliocloud::custom_resources
