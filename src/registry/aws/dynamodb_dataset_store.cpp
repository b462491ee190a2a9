#include "registry/aws/dynamodb_dataset_store.h"

#include <algorithm>

#include "registry/aws/aws_errors.h"

namespace heliocloud::registry {

namespace {

constexpr std::string_view kLeasePrefix = "lease#";
constexpr std::string_view kJobPrefix = "job#";

std::int64_t epoch_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

StoredRecord from_item(const nlohmann::json& item) {
  return {.record = record_from_json(nlohmann::ordered_json::parse(item.at("body").get<std::string>())),
          .version = item.at("version").get<std::uint64_t>()};
}

}  // namespace

DynamoDbDatasetStore::DynamoDbDatasetStore(const aws::DynamoDbClient& client, std::string table)
    : client_(client), table_(std::move(table)) {}

std::optional<StoredRecord> DynamoDbDatasetStore::get(const std::string& id) {
  try {
    // Consistent: the version read here is the one a conditional put is checked against.
    const auto item = client_.get_item(table_, {{"id", id}}, true);
    if (!item) return std::nullopt;
    return from_item(*item);
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "reading dataset " + id + " from " + table_);
  }
}

std::vector<StoredRecord> DynamoDbDatasetStore::list() {
  try {
    aws::ScanRequest scan;
    scan.table = table_;
    scan.filter = "attribute_exists(body)";  // records, not leases
    scan.consistent_read = true;
    std::vector<StoredRecord> out;
    for (const auto& item : client_.scan(scan)) out.push_back(from_item(item));
    std::ranges::sort(out, [](const auto& a, const auto& b) { return a.record.id < b.record.id; });
    return out;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "listing datasets in " + table_);
  }
}

bool DynamoDbDatasetStore::put_if_version(const DatasetRecord& record, std::uint64_t expected_version) {
  aws::PutItemRequest put;
  put.table = table_;
  put.item = {{"id", record.id}, {"body", to_json(record).dump()}, {"version", expected_version + 1}};
  if (expected_version == 0) {
    put.condition = "attribute_not_exists(id)";
  } else {
    put.condition = "version = :v";
    put.args.values = {{":v", expected_version}};
  }
  try {
    client_.put_item(put);
    return true;
  } catch (const aws::ConditionalCheckFailedError&) {
    return false;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "writing dataset " + record.id + " to " + table_);
  }
}

bool DynamoDbDatasetStore::try_acquire_lease(const std::string& id, const std::string& owner,
                                             std::chrono::seconds ttl) {
  const auto now = epoch_seconds();
  aws::PutItemRequest put;
  put.table = table_;
  put.item = {{"id", std::string(kLeasePrefix) + id}, {"owner", owner}, {"expires", now + ttl.count()}};
  put.condition = "attribute_not_exists(id) OR expires < :now OR #o = :owner";
  put.args.names = {{"#o", "owner"}};
  put.args.values = {{":now", now}, {":owner", owner}};
  try {
    client_.put_item(put);
    return true;
  } catch (const aws::ConditionalCheckFailedError&) {
    return false;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "taking the lease of dataset " + id);
  }
}

void DynamoDbDatasetStore::release_lease(const std::string& id, const std::string& owner) {
  aws::DeleteItemRequest del;
  del.table = table_;
  del.key = {{"id", std::string(kLeasePrefix) + id}};
  del.condition = "#o = :owner";
  del.args.names = {{"#o", "owner"}};
  del.args.values = {{":owner", owner}};
  try {
    client_.delete_item(del);
  } catch (const aws::ConditionalCheckFailedError&) {
    // ignored: someone else's by now (ours expired): leave it.
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "releasing the lease of dataset " + id);
  }
}

std::optional<std::string> DynamoDbDatasetStore::lease_holder(const std::string& id) {
  try {
    const auto item = client_.get_item(table_, {{"id", std::string(kLeasePrefix) + id}}, true);
    if (!item || !item->contains("owner")) return std::nullopt;
    return item->at("owner").get<std::string>();
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "reading the lease of " + id);
  }
}

std::optional<JobProgress> DynamoDbDatasetStore::get_job(const std::string& job) {
  try {
    const auto item = client_.get_item(table_, {{"id", std::string(kJobPrefix) + job}}, true);
    if (!item) return std::nullopt;
    return job_progress_from_json(nlohmann::ordered_json::parse(item->at("job").get<std::string>()));
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "reading ingest job " + job + " from " + table_);
  }
}

void DynamoDbDatasetStore::put_job(const JobProgress& progress) {
  aws::PutItemRequest put;
  put.table = table_;
  put.item = {{"id", std::string(kJobPrefix) + progress.job},
              {"job", to_json(progress).dump()},
              {"updated", format_time(progress.updated, 9)}};
  try {
    client_.put_item(put);
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "writing ingest job " + progress.job + " to " + table_);
  }
}

std::vector<JobProgress> DynamoDbDatasetStore::list_jobs() {
  try {
    aws::ScanRequest scan;
    scan.table = table_;
    scan.filter = "attribute_exists(#j)";  // jobs, not records or leases
    scan.args.names = {{"#j", "job"}};
    scan.consistent_read = true;
    std::vector<JobProgress> out;
    for (const auto& item : client_.scan(scan))
      out.push_back(job_progress_from_json(nlohmann::ordered_json::parse(item.at("job").get<std::string>())));
    std::ranges::sort(out, [](const auto& a, const auto& b) {
      return a.updated != b.updated ? a.updated > b.updated : a.job < b.job;
    });
    return out;
  } catch (const aws::AwsError& e) {
    throw_store_error(e, "listing ingest jobs in " + table_);
  }
}

}  // namespace heliocloud::registry
