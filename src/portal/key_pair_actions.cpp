#include "portal/key_pair_actions.h"

#include <algorithm>

#include "aws/errors.h"
#include "contracts/portal.h"
#include "portal/key_pair_name.h"
#include "portal/limits.h"
#include "web/http_error.h"

namespace heliocloud::portal {

KeyPairActions::KeyPairActions(const aws::Ec2Client& ec2, std::string owner)
    : ec2_(ec2), owner_(std::move(owner)) {}

std::vector<aws::KeyPair> KeyPairActions::list() const {
  return ec2_.describe_key_pairs(
      {{.name = "tag:" + std::string(contracts::portal::kOwnerTag), .values = {owner_}}});
}

std::vector<std::string> KeyPairActions::names() const {
  std::vector<std::string> out;
  for (const auto& k : list()) out.push_back(k.key_name);
  return out;
}

aws::CreatedKeyPair KeyPairActions::create(const std::string& name) const {
  if (auto problem = key_pair_name_problem(name)) throw web::HttpError(400, *problem);
  if (list().size() >= static_cast<std::size_t>(kMaxKeyPairs))
    throw web::HttpError(409, "You have " + std::to_string(kMaxKeyPairs) +
                                  " key pairs, the most allowed. Delete one before creating another.");
  try {
    return ec2_.create_key_pair(name, "rsa",
                                {{.key = std::string(contracts::portal::kOwnerTag), .value = owner_},
                                 {.key = "Dashboard", .value = "True"}});
  } catch (const aws::AwsError& e) {
    if (e.code() == "InvalidKeyPair.Duplicate")
      throw web::HttpError(409,
                           "Key pair name: " + name +
                               " is taken (key pair names are shared by everyone here); choose another.");
    throw;
  }
}

void KeyPairActions::remove(const std::string& name) const {
  const auto own = names();
  if (std::ranges::find(own, name) == own.end())
    throw web::HttpError(403, "Key pair " + name + " is not one of your key pairs.");
  ec2_.delete_key_pair(name);
}

}  // namespace heliocloud::portal
