#include "aws/s3_transfer.h"

#include <algorithm>
#include <stdexcept>

namespace heliocloud::aws {
namespace {

constexpr std::uint64_t kMinPart = 5ULL << 20;
constexpr std::uint64_t kMaxParts = 10000;

// Grows the part size when the object would need more than 10000 parts.
std::uint64_t effective_part_size(std::uint64_t size, std::uint64_t wanted) {
  std::uint64_t part = std::max(wanted, kMinPart);
  if (size / part >= kMaxParts) part = (size + kMaxParts - 1) / kMaxParts;
  return part;
}

}  // namespace

S3Transfer::S3Transfer(const S3Client& client, TransferConfig config) : client_(client), config_(config) {}

std::size_t S3Transfer::concurrency(std::size_t requested) const {
  std::size_t c = requested != 0 ? requested : config_.concurrency;
  if (c == 0) c = client_.config().max_concurrency;
  return std::max<std::size_t>(1, std::min(c, std::max<std::size_t>(client_.config().max_concurrency, 1)));
}

template <class UploadPart>
std::string S3Transfer::multipart(const std::string& bucket, const std::string& key,
                                  const PutObjectOptions& opts, std::uint64_t size, std::uint64_t part_size,
                                  UploadPart&& upload_part) const {
  const std::uint64_t count = std::max<std::uint64_t>(1, (size + part_size - 1) / part_size);
  const std::string upload_id = client_.create_multipart_upload(bucket, key, opts);
  std::vector<CompletedPart> parts(count);
  try {
    base::ParallelOptions po;
    po.concurrency = concurrency(0);
    po.stop_on_error = true;
    base::rethrow_first(base::parallel_for(count, po, [&](std::size_t i) {
      const std::uint64_t first = i * part_size;
      const std::uint64_t len = std::min(part_size, size - first);
      const int number = static_cast<int>(i + 1);
      parts[i] = {number, upload_part(upload_id, number, first, len)};
    }));
    return client_.complete_multipart_upload(bucket, key, upload_id, parts, opts.requester_pays);
  } catch (...) {
    try {
      client_.abort_multipart_upload(bucket, key, upload_id, opts.requester_pays);
    } catch (...) {  // ignored: the original failure is the one worth reporting
    }
    throw;
  }
}

std::string S3Transfer::upload_file(const std::filesystem::path& path, const std::string& bucket,
                                    const std::string& key, const PutObjectOptions& opts) const {
  const std::uint64_t size = std::filesystem::file_size(path);
  if (size < config_.multipart_threshold) return client_.put_object_from_file(bucket, key, path, opts);
  const std::uint64_t part = effective_part_size(size, config_.part_size);
  return multipart(bucket, key, opts, size, part,
                   [&](const std::string& id, int number, std::uint64_t first, std::uint64_t len) {
                     return client_.upload_part_from_file(
                         bucket, key, id, number,
                         http::FileRange{.path = path, .offset = first, .length = len}, opts.requester_pays);
                   });
}

std::string S3Transfer::upload_buffer(std::string_view data, const std::string& bucket,
                                      const std::string& key, const PutObjectOptions& opts) const {
  if (data.size() < config_.multipart_threshold) return client_.put_object(bucket, key, data, opts);
  const std::uint64_t part = effective_part_size(data.size(), config_.part_size);
  return multipart(bucket, key, opts, data.size(), part,
                   [&](const std::string& id, int number, std::uint64_t first, std::uint64_t len) {
                     return client_.upload_part(bucket, key, id, number, data.substr(first, len),
                                                opts.requester_pays);
                   });
}

std::string S3Transfer::copy(const std::string& src_bucket, const std::string& src_key,
                             const std::string& dst_bucket, const std::string& dst_key,
                             const CopyObjectOptions& opts) const {
  GetObjectOptions head_opts;
  head_opts.requester_pays = opts.requester_pays;
  const ObjectInfo src = client_.head_object(src_bucket, src_key, head_opts);
  if (src.size <= config_.copy_threshold)
    return client_.copy_object(src_bucket, src_key, dst_bucket, dst_key, opts);
  PutObjectOptions put;
  put.requester_pays = opts.requester_pays;
  put.content_type = opts.content_type.value_or(src.content_type);
  put.metadata = opts.content_type || !opts.metadata.empty() ? opts.metadata : src.metadata;
  const std::uint64_t part = effective_part_size(src.size, config_.copy_part_size);
  return multipart(dst_bucket, dst_key, put, src.size, part,
                   [&](const std::string& id, int number, std::uint64_t first, std::uint64_t len) {
                     return client_.upload_part_copy(dst_bucket, dst_key, id, number, src_bucket, src_key,
                                                     ByteRange{.first = first, .last = first + len - 1},
                                                     opts.requester_pays);
                   });
}

void S3Transfer::download_file(const std::string& bucket, const std::string& key,
                               const std::filesystem::path& path, const GetObjectOptions& opts) const {
  client_.get_object_to_file(bucket, key, path, opts);
}

std::vector<base::TaskFailure> S3Transfer::put_objects(const std::string& bucket,
                                                       const std::vector<BulkPut>& items,
                                                       std::size_t conc) const {
  base::ParallelOptions po;
  po.concurrency = concurrency(conc);
  return base::parallel_for(items.size(), po, [&](std::size_t i) {
    const BulkPut& item = items[i];
    if (!item.file.empty()) {
      upload_file(item.file, bucket, item.key, item.options);
    } else {
      client_.put_object(bucket, item.key, item.body, item.options);
    }
  });
}

std::vector<base::TaskFailure> S3Transfer::copy_objects(const std::vector<BulkCopy>& items,
                                                        std::size_t conc) const {
  base::ParallelOptions po;
  po.concurrency = concurrency(conc);
  return base::parallel_for(items.size(), po, [&](std::size_t i) {
    const BulkCopy& c = items[i];
    // Small objects (the common case) need no HeadObject: CopyObject fails cleanly on a too-large source.
    if (config_.copy_threshold >= (5ULL << 30)) {
      client_.copy_object(c.src_bucket, c.src_key, c.dst_bucket, c.dst_key, c.options);
    } else {
      copy(c.src_bucket, c.src_key, c.dst_bucket, c.dst_key, c.options);
    }
  });
}

std::vector<DeleteFailure> S3Transfer::delete_prefix(const std::string& bucket, const std::string& prefix,
                                                     bool requester_pays, std::size_t conc) const {
  const auto objects = client_.list_all_objects(bucket, prefix, requester_pays);
  std::vector<std::vector<std::string>> batches;
  for (std::size_t i = 0; i < objects.size(); i += 1000) {
    auto& b = batches.emplace_back();
    for (std::size_t j = i; j < std::min(objects.size(), i + 1000); ++j) b.push_back(objects[j].key);
  }
  std::vector<std::vector<DeleteFailure>> per_batch(batches.size());
  base::ParallelOptions po;
  po.concurrency = concurrency(conc);
  base::rethrow_first(base::parallel_for(batches.size(), po, [&](std::size_t i) {
    per_batch[i] = client_.delete_objects(bucket, batches[i], requester_pays);
  }));
  std::vector<DeleteFailure> all;
  for (auto& f : per_batch) all.insert(all.end(), f.begin(), f.end());
  return all;
}

}  // namespace heliocloud::aws
