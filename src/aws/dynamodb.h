#pragma once
// DynamoDB (AWS JSON 1.0). Items, keys and expression values are ordinary JSON objects here; they are
// converted to and from attribute values (attribute_value.h) at the edge.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_client.h"

namespace heliocloud::aws {

// The parts of a request that feed expressions: #name placeholders and :value placeholders (plain JSON).
struct ExpressionArgs {
  nlohmann::json names = nlohmann::json::object();   // {"#s": "status"}
  nlohmann::json values = nlohmann::json::object();  // {":v": 3}
};

struct PutItemRequest {
  std::string table;
  nlohmann::json item;
  std::string condition;  // e.g. "attribute_not_exists(pk)"; empty = unconditional
  ExpressionArgs args;
};

struct UpdateItemRequest {
  std::string table;
  nlohmann::json key;
  std::string update;  // "SET #n = #n + :one"
  std::string condition;
  ExpressionArgs args;
  std::string return_values = "ALL_NEW";  // NONE | ALL_OLD | UPDATED_OLD | ALL_NEW | UPDATED_NEW
};

struct DeleteItemRequest {
  std::string table;
  nlohmann::json key;
  std::string condition;
  ExpressionArgs args;
};

struct QueryRequest {
  std::string table;
  std::string index;  // empty: the table itself
  std::string key_condition;
  std::string filter;
  std::string projection;
  ExpressionArgs args;
  std::optional<int> limit;  // per page
  bool scan_forward = true;
  bool consistent_read = false;
  nlohmann::json exclusive_start_key;  // null: from the start
};

struct ScanRequest {
  std::string table;
  std::string index;
  std::string filter;
  std::string projection;
  ExpressionArgs args;
  std::optional<int> limit;
  bool consistent_read = false;
  nlohmann::json exclusive_start_key;
};

struct ItemPage {
  std::vector<nlohmann::json> items;
  nlohmann::json last_evaluated_key;  // null when this was the last page
};

struct TransactWriteItem {
  enum class Kind { Put, Update, Delete, ConditionCheck };
  Kind kind = Kind::Put;
  std::string table;
  nlohmann::json item_or_key;  // the item for Put, the key otherwise
  std::string update;          // Update only
  std::string condition;
  ExpressionArgs args;
};

struct KeyAttribute {
  std::string name;
  std::string type = "S";  // S | N | B
};

class DynamoDbClient {
 public:
  explicit DynamoDbClient(ClientConfig config);

  std::optional<nlohmann::json> get_item(const std::string& table, const nlohmann::json& key,
                                         bool consistent_read = false) const;
  // ConditionalCheckFailedError when the condition is false.
  void put_item(const PutItemRequest& request) const;
  // Returns the attributes asked for by return_values (nullopt for NONE).
  std::optional<nlohmann::json> update_item(const UpdateItemRequest& request) const;
  void delete_item(const DeleteItemRequest& request) const;

  ItemPage query_page(const QueryRequest& request) const;
  std::vector<nlohmann::json> query(QueryRequest request) const;  // every page
  ItemPage scan_page(const ScanRequest& request) const;
  std::vector<nlohmann::json> scan(ScanRequest request) const;  // every page

  // All or nothing, up to 100 items. TransactionCanceledError carries one reason per item. A client request
  // token makes the call idempotent for 10 minutes, so it is retried like any other call.
  void transact_write_items(const std::vector<TransactWriteItem>& items,
                            std::string client_request_token = {}) const;

  // For tests and tools: on-demand tables with a hash key and an optional range key.
  void create_table(const std::string& table, const KeyAttribute& hash,
                    const std::optional<KeyAttribute>& range = {}) const;
  void delete_table(const std::string& table) const;

  // Any DynamoDB operation, raw attribute-value JSON in and out.
  nlohmann::json call(const std::string& operation, const nlohmann::json& body, bool idempotent = true) const;
  const ServiceClient& service() const noexcept { return client_; }

 private:
  ServiceClient client_;
};

}  // namespace heliocloud::aws
