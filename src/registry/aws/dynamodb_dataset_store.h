#pragma once
// DynamoDbDatasetStore: dataset records in an on-demand DynamoDB table (hash key "id", string), for deployed
// instances: no database server and no VPC for the functions. Conditional writes give the versioned put and
// the per-dataset lease; a lease lives in the same table under "lease#<id>" ('#' never occurs in a dataset
// id), and an ingest job's progress under "job#<s3://bucket/folder/>" (attribute "job", not "body").
#include "aws/dynamodb.h"
#include "registry/dataset_store.h"

namespace heliocloud::registry {

class DynamoDbDatasetStore final : public DatasetStore {
 public:
  DynamoDbDatasetStore(const aws::DynamoDbClient& client, std::string table);

  [[nodiscard]] std::optional<StoredRecord> get(const std::string& id) override;
  [[nodiscard]] std::vector<StoredRecord> list() override;
  [[nodiscard]] bool put_if_version(const DatasetRecord& record, std::uint64_t expected_version) override;
  [[nodiscard]] bool try_acquire_lease(const std::string& id, const std::string& owner,
                                       std::chrono::seconds ttl) override;
  void release_lease(const std::string& id, const std::string& owner) override;
  [[nodiscard]] std::optional<std::string> lease_holder(const std::string& id) override;
  [[nodiscard]] std::optional<JobProgress> get_job(const std::string& job) override;
  void put_job(const JobProgress& progress) override;
  [[nodiscard]] std::vector<JobProgress> list_jobs() override;

 private:
  const aws::DynamoDbClient& client_;
  std::string table_;
};

}  // namespace heliocloud::registry
