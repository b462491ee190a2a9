#include "registration/registrar.h"

#include "aws/errors.h"
#include "base/text.h"

namespace heliocloud::registration {
namespace {

using Kind = RegistrationOutcome::Kind;

const char* const kUnavailableMessage =
    "The registration service is busy or cannot be reached right now. Nothing was saved; please try again "
    "in a few minutes.";
const char* const kFailedMessage =
    "Your registration could not be completed because of a problem on our side. Nothing was saved; please "
    "try again later.";

// Which field a Cognito InvalidParameterException is about, from its message ("Invalid email address
// format.", "... custom:affiliation ..."): the form's checks mirror Cognito's, so this is rare.
FieldError refused_value(const std::string& aws_message) {
  const std::string m = base::to_lower(aws_message);
  if (m.find("password") != std::string::npos)
    return {.field = field::kPassword, .message = "The user pool refused this password. Choose another one."};
  if (m.find("email") != std::string::npos)
    return {.field = field::kEmail,
            .message = "The user pool refused this e-mail address. Check it, or use another one."};
  if (m.find("affiliation") != std::string::npos)
    return {.field = field::kAffiliation,
            .message = "The user pool refused this affiliation. Shorten or simplify it."};
  if (m.find("username") != std::string::npos)
    return {.field = field::kUsername,
            .message = "The user pool refused this user name. Choose another one."};
  return {.field = "", .message = "The user pool refused the registration. Check the fields and try again."};
}

// The outcome of a failed call, by what the failure means (not by its text).
RegistrationOutcome outcome_of(const std::exception& e, const RegistrationForm& form) {
  if (const auto* aws = dynamic_cast<const aws::AwsError*>(&e)) {
    const std::string& code = aws->code();
    if (code == "UsernameExistsException") {
      return {.kind = Kind::NameTaken,
              .error = {.field = field::kUsername,
                        .message = "The user name \"" + form.username + "\" is taken. Choose another one."}};
    }
    if (code == "AliasExistsException") {
      return {.kind = Kind::NameTaken,
              .error = {.field = field::kEmail,
                        .message = "An account with this e-mail address exists already."}};
    }
    if (code == "InvalidPasswordException") {
      return {
          .kind = Kind::Refused,
          .error = {
              .field = field::kPassword,
              .message = "The password does not meet the user pool's password policy. Choose another one."}};
    }
    if (code == "InvalidParameterException")
      return {.kind = Kind::Refused, .error = refused_value(aws->aws_message())};
    if ((dynamic_cast<const aws::ThrottledError*>(aws) != nullptr) ||
        (dynamic_cast<const aws::ServiceUnavailableError*>(aws) != nullptr) ||
        (dynamic_cast<const aws::TransportError*>(aws) != nullptr)) {
      return {.kind = Kind::Unavailable, .error = {.field = "", .message = kUnavailableMessage}};
    }
  }
  return {.kind = Kind::Failed, .error = {.field = "", .message = kFailedMessage}};
}

}  // namespace

Registrar::Registrar(UserDirectory& directory, Log log) : directory_(directory), log_(std::move(log)) {}

void Registrar::log(const RegistrationForm& form, const std::string& line) const {
  if (!log_) return;
  // AWS error texts do not echo passwords, but a log is no place to find out that one did.
  std::string scrubbed = line;
  if (!form.password.empty()) {
    for (auto at = scrubbed.find(form.password); at != std::string::npos;
         at = scrubbed.find(form.password, at))
      scrubbed.replace(at, form.password.size(), "[password]");
  }
  log_(scrubbed);
}

RegistrationOutcome Registrar::register_user(const RegistrationForm& form) const {
  try {
    directory_.create_user({.username = form.username, .email = form.email, .affiliation = form.affiliation});
  } catch (const std::exception& e) {
    log(form, "registration user=" + form.username + " step=create failed: " + e.what());
    return outcome_of(e, form);
  }
  const char* step = "set_password";
  try {
    directory_.set_password(form.username, form.password);
    step = "disable";
    directory_.disable_user(form.username);
  } catch (const std::exception& e) {
    return roll_back(form, step, e);
  }
  log(form, "registration user=" + form.username + " registered: disabled until an administrator enables it");
  return {.kind = Kind::Registered, .error = {}};
}

RegistrationOutcome Registrar::roll_back(const RegistrationForm& form, std::string_view step,
                                         const std::exception& cause) const {
  log(form, "registration user=" + form.username + " step=" + std::string(step) + " failed: " + cause.what() +
                "; deleting the user again");
  try {
    directory_.delete_user(form.username);
  } catch (const aws::NotFoundError&) {
    // ignored: gone already (a retried delete whose first attempt went through): what the roll-back wanted.
  } catch (const std::exception& e) {
    // After a failed disable the user is enabled with the chosen password; before it, enabled with a
    // password nobody knows. Either way an administrator must delete it.
    log(form,
        "registration user=" + form.username + " ROLL-BACK FAILED, the user is left in the pool " +
            (step == "disable" ? "ENABLED with the password the person chose" : "with no known password") +
            ": delete it by hand: " + e.what());
    return {
        .kind = Kind::Failed,
        .error = {
            .field = "",
            .message =
                "Your registration failed part-way and could not be undone. Please write to the HelioCloud "
                "administrators before you try again with this user name."}};
  }
  return outcome_of(cause, form);
}

}  // namespace heliocloud::registration
