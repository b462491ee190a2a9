#pragma once
// DynamoDB attribute values <-> ordinary JSON.
//   string -> {"S"}, number -> {"N": "<decimal>"}, bool -> {"BOOL"}, null -> {"NULL": true},
//   array -> {"L"}, object -> {"M"}.
// Back from DynamoDB, sets (SS/NS/BS) become arrays and binary (B) becomes its base64 text. Numbers come back
// as integers when they are integral and fit 64 bits, else as doubles (DynamoDB keeps 38 digits; JSON here
// keeps what a double can).
#include <nlohmann/json.hpp>

namespace heliocloud::aws::dynamodb {

nlohmann::json to_attribute_value(const nlohmann::json& value);
nlohmann::json from_attribute_value(const nlohmann::json& av);

// A whole item (a JSON object) in each direction.
nlohmann::json to_item(const nlohmann::json& object);
nlohmann::json from_item(const nlohmann::json& item);

}  // namespace heliocloud::aws::dynamodb
