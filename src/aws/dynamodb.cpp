#include "aws/dynamodb.h"

#include <random>

#include "aws/attribute_value.h"
#include "aws/protocols.h"
#include "base/digest.h"

namespace heliocloud::aws {
namespace {

using dynamodb::from_item;
using dynamodb::to_item;
using nlohmann::json;

ServiceInfo dynamodb_info() {
  return {
      .name = "DynamoDB", .signing_name = "dynamodb", .endpoint_prefix = "dynamodb", .env_id = "DYNAMODB"};
}

void add_expressions(json& body, const std::string& condition, const ExpressionArgs& args) {
  if (!condition.empty()) body["ConditionExpression"] = condition;
  if (!args.names.empty()) body["ExpressionAttributeNames"] = args.names;
  if (!args.values.empty()) body["ExpressionAttributeValues"] = to_item(args.values);
}

ItemPage to_page(const json& resp) {
  ItemPage page;
  if (resp.contains("Items")) {
    for (const auto& it : resp["Items"]) page.items.push_back(from_item(it));
  }
  if (resp.contains("LastEvaluatedKey") && !resp["LastEvaluatedKey"].empty()) {
    page.last_evaluated_key = from_item(resp["LastEvaluatedKey"]);
  }
  return page;
}

std::string random_token() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::uint64_t a = rng();
  const std::uint64_t b = rng();
  return base::to_hex(std::string(reinterpret_cast<const char*>(&a), sizeof a) +
                      std::string(reinterpret_cast<const char*>(&b), sizeof b));
}

}  // namespace

DynamoDbClient::DynamoDbClient(ClientConfig config) : client_(std::move(config), dynamodb_info()) {}

json DynamoDbClient::call(const std::string& operation, const json& body, bool idempotent) const {
  return json_rpc_call(client_, "DynamoDB_20120810", "1.0", operation, body, idempotent);
}

std::optional<json> DynamoDbClient::get_item(const std::string& table, const json& key,
                                             bool consistent_read) const {
  const json resp =
      call("GetItem", {{"TableName", table}, {"Key", to_item(key)}, {"ConsistentRead", consistent_read}});
  if (!resp.contains("Item")) return std::nullopt;
  return from_item(resp["Item"]);
}

void DynamoDbClient::put_item(const PutItemRequest& r) const {
  json body{{"TableName", r.table}, {"Item", to_item(r.item)}};
  add_expressions(body, r.condition, r.args);
  call("PutItem", body);
}

std::optional<json> DynamoDbClient::update_item(const UpdateItemRequest& r) const {
  json body{{"TableName", r.table}, {"Key", to_item(r.key)}, {"UpdateExpression", r.update}};
  add_expressions(body, r.condition, r.args);
  if (!r.return_values.empty()) body["ReturnValues"] = r.return_values;
  // "SET n = n + :one" is not idempotent: a retry after a lost answer would count twice.
  const json resp = call("UpdateItem", body, false);
  if (!resp.contains("Attributes")) return std::nullopt;
  return from_item(resp["Attributes"]);
}

void DynamoDbClient::delete_item(const DeleteItemRequest& r) const {
  json body{{"TableName", r.table}, {"Key", to_item(r.key)}};
  add_expressions(body, r.condition, r.args);
  call("DeleteItem", body);
}

namespace {

// The options Query and Scan share.
template <class Request>
void add_read_options(json& body, const Request& r) {
  if (!r.index.empty()) body["IndexName"] = r.index;
  if (!r.filter.empty()) body["FilterExpression"] = r.filter;
  if (!r.projection.empty()) body["ProjectionExpression"] = r.projection;
  if (r.limit) body["Limit"] = *r.limit;
  if (!r.exclusive_start_key.is_null()) body["ExclusiveStartKey"] = to_item(r.exclusive_start_key);
}

// Follows LastEvaluatedKey until the last page.
template <class Request, class PageFn>
std::vector<json> all_pages(Request r, PageFn page_fn) {
  std::vector<json> all;
  for (;;) {
    ItemPage page = page_fn(r);
    all.insert(all.end(), std::make_move_iterator(page.items.begin()),
               std::make_move_iterator(page.items.end()));
    if (page.last_evaluated_key.is_null()) return all;
    r.exclusive_start_key = std::move(page.last_evaluated_key);
  }
}

}  // namespace

ItemPage DynamoDbClient::query_page(const QueryRequest& r) const {
  json body{{"TableName", r.table},
            {"KeyConditionExpression", r.key_condition},
            {"ScanIndexForward", r.scan_forward},
            {"ConsistentRead", r.consistent_read}};
  add_read_options(body, r);
  add_expressions(body, {}, r.args);
  return to_page(call("Query", body));
}

std::vector<json> DynamoDbClient::query(QueryRequest r) const {
  return all_pages(std::move(r), [this](const QueryRequest& q) { return query_page(q); });
}

ItemPage DynamoDbClient::scan_page(const ScanRequest& r) const {
  json body{{"TableName", r.table}, {"ConsistentRead", r.consistent_read}};
  add_read_options(body, r);
  add_expressions(body, {}, r.args);
  return to_page(call("Scan", body));
}

std::vector<json> DynamoDbClient::scan(ScanRequest r) const {
  return all_pages(std::move(r), [this](const ScanRequest& q) { return scan_page(q); });
}

void DynamoDbClient::transact_write_items(const std::vector<TransactWriteItem>& items,
                                          std::string client_request_token) const {
  json list = json::array();
  for (const auto& it : items) {
    json op{{"TableName", it.table}};
    add_expressions(op, it.condition, it.args);
    switch (it.kind) {
      case TransactWriteItem::Kind::Put:
        op["Item"] = to_item(it.item_or_key);
        list.push_back({{"Put", op}});
        break;
      case TransactWriteItem::Kind::Update:
        op["Key"] = to_item(it.item_or_key);
        op["UpdateExpression"] = it.update;
        list.push_back({{"Update", op}});
        break;
      case TransactWriteItem::Kind::Delete:
        op["Key"] = to_item(it.item_or_key);
        list.push_back({{"Delete", op}});
        break;
      case TransactWriteItem::Kind::ConditionCheck:
        op["Key"] = to_item(it.item_or_key);
        list.push_back({{"ConditionCheck", op}});
        break;
    }
  }
  if (client_request_token.empty()) client_request_token = random_token();
  call("TransactWriteItems", {{"TransactItems", list}, {"ClientRequestToken", client_request_token}}, true);
}

void DynamoDbClient::create_table(const std::string& table, const KeyAttribute& hash,
                                  const std::optional<KeyAttribute>& range) const {
  json defs = json::array({{{"AttributeName", hash.name}, {"AttributeType", hash.type}}});
  json schema = json::array({{{"AttributeName", hash.name}, {"KeyType", "HASH"}}});
  if (range) {
    defs.push_back({{"AttributeName", range->name}, {"AttributeType", range->type}});
    schema.push_back({{"AttributeName", range->name}, {"KeyType", "RANGE"}});
  }
  call("CreateTable",
       {{"TableName", table},
        {"AttributeDefinitions", defs},
        {"KeySchema", schema},
        {"BillingMode", "PAY_PER_REQUEST"}},
       false);
}

void DynamoDbClient::delete_table(const std::string& table) const {
  call("DeleteTable", {{"TableName", table}}, false);
}

}  // namespace heliocloud::aws
