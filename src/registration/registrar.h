#pragma once
// A registration in the user pool, all or nothing: create the user (no invitation), give it the chosen
// password as a permanent one, disable it until an administrator approves it. If any step after the first
// fails, the user is deleted again, so the pool never keeps a half-registered user, nor an enabled one
// nobody approved (the original left the account enabled when the disable failed: webapps doc §9.20).
//
// Between the password and the disable steps the new user is enabled for the time of one call. Only the
// person registering knows the password, and AdminDisableUser also revokes any token issued meanwhile.
#include <functional>
#include <string>
#include <string_view>

#include "registration/registration_form.h"
#include "registration/user_directory.h"

namespace heliocloud::registration {

struct RegistrationOutcome {
  enum class Kind {
    Registered,   // the user exists, disabled, with its password
    NameTaken,    // someone has this user name (409)
    Refused,      // the user pool refused a value the form's checks let through (400)
    Unavailable,  // AWS is throttling, down or unreachable: worth trying again soon (503)
    Failed,       // anything else on our side, e.g. permissions or configuration (502)
  };
  Kind kind = Kind::Registered;
  // Except for Registered: what to tell the person, and the field it is about (empty: the whole form).
  // Never AWS's own error text: that goes to the log.
  FieldError error = {};
};

class Registrar {
 public:
  using Log = std::function<void(std::string_view line)>;

  // `directory` must outlive the registrar. `log` gets one line per registration and per failure, with
  // the AWS error details (and never the password).
  Registrar(UserDirectory& directory, Log log);

  // `form` has passed validate().
  [[nodiscard]] RegistrationOutcome register_user(const RegistrationForm& form) const;

 private:
  RegistrationOutcome roll_back(const RegistrationForm& form, std::string_view step,
                                const std::exception& cause) const;
  void log(const RegistrationForm& form, const std::string& line) const;

  UserDirectory& directory_;
  Log log_;
};

}  // namespace heliocloud::registration
