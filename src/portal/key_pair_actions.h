#pragma once
// The user's key pairs: those tagged Owner = the user. Creating one checks the name rules and the limit of
// kMaxKeyPairs on the server (the original only hid its form, webapps doc §9.3) and hands the private key
// back once, to be sent as the download; the portal keeps no copy. Deleting checks the owner first (the
// original deleted any name, §9.2).
#include <string>
#include <vector>

#include "aws/ec2.h"

namespace heliocloud::portal {

class KeyPairActions {
 public:
  KeyPairActions(const aws::Ec2Client& ec2, std::string owner);

  [[nodiscard]] std::vector<aws::KeyPair> list() const;
  [[nodiscard]] std::vector<std::string> names() const;
  // HttpError 400 for a bad name, 409 at the limit or for a name taken (names are account-wide).
  [[nodiscard]] aws::CreatedKeyPair create(const std::string& name) const;
  // HttpError 403 when the user has no key pair of that name.
  void remove(const std::string& name) const;

 private:
  const aws::Ec2Client& ec2_;
  std::string owner_;
};

}  // namespace heliocloud::portal
