// The verifier against moto's Cognito: a user signs in through the API (moto has no hosted UI), and the
// id and access tokens moto issues verify against the JWKS moto serves at /<pool id>/.well-known/jwks.json,
// with the issuer real Cognito uses.
#include <gtest/gtest.h>

#include <cstdlib>

#include "aws/protocols.h"
#include "aws/service_client.h"
#include "http/client.h"
#include "moto_support.h"
#include "web/sign_in/token_error.h"
#include "web/sign_in/token_verifier.h"

namespace aws = heliocloud::aws;
namespace sign_in = heliocloud::web::sign_in;

namespace {

nlohmann::json cognito(const aws::ServiceClient& client, const std::string& operation,
                       const nlohmann::json& body) {
  return aws::json_rpc_call(client, "AWSCognitoIdentityProviderService", "1.1", operation, body, false);
}

}  // namespace

TEST(MotoCognito, TokensVerifyAgainstThePoolsJwks) {
  const auto config = aws::testing::moto_config();
  const aws::ServiceClient client(config, {.name = "Cognito",
                                           .signing_name = "cognito-idp",
                                           .endpoint_prefix = "cognito-idp",
                                           .env_id = "COGNITO_IDENTITY_PROVIDER"});
  const std::string pool_id = cognito(client, "CreateUserPool",
                                      {{"PoolName", aws::testing::unique_name("sign-in")}})["UserPool"]["Id"];
  const std::string client_id =
      cognito(client, "CreateUserPoolClient",
              {{"UserPoolId", pool_id},
               {"ClientName", "portal"},
               {"ExplicitAuthFlows", {"ALLOW_ADMIN_USER_PASSWORD_AUTH"}}})["UserPoolClient"]["ClientId"];
  cognito(client, "AdminCreateUser",
          {{"UserPoolId", pool_id},
           {"Username", "grace"},
           {"MessageAction", "SUPPRESS"},
           {"UserAttributes", {{{"Name", "email"}, {"Value", "grace@example.org"}}}}});
  cognito(
      client, "AdminSetUserPassword",
      {{"UserPoolId", pool_id}, {"Username", "grace"}, {"Password", "Secret-Pass-1"}, {"Permanent", true}});
  const auto auth = cognito(
      client, "AdminInitiateAuth",
      {{"UserPoolId", pool_id},
       {"ClientId", client_id},
       {"AuthFlow", "ADMIN_USER_PASSWORD_AUTH"},
       {"AuthParameters", {{"USERNAME", "grace"}, {"PASSWORD", "Secret-Pass-1"}}}})["AuthenticationResult"];

  // moto_config() checked that this is the local moto server.
  const std::string jwks_url =
      std::string(std::getenv("AWS_ENDPOINT_URL")) + "/" + pool_id + "/.well-known/jwks.json";
  heliocloud::http::Client http;
  sign_in::KeySet keys(
      [&] {
        heliocloud::http::Request request;
        request.url = jwks_url;
        const auto response = http.send(request, {});
        if (response.status != 200) throw std::runtime_error("JWKS: HTTP " + std::to_string(response.status));
        return response.body;
      },
      sign_in::system_clock());
  const sign_in::TokenVerifier verifier(
      {.issuer = "https://cognito-idp." + config.region + ".amazonaws.com/" + pool_id,
       .client_id = client_id},
      keys, sign_in::system_clock());

  const auto id = verifier.verify(auth["IdToken"].get<std::string>(), sign_in::TokenUse::Id);
  EXPECT_EQ(id["cognito:username"], "grace");
  const auto access = verifier.verify(auth["AccessToken"].get<std::string>(), sign_in::TokenUse::Access);
  EXPECT_EQ(access["username"], "grace");
  EXPECT_EQ(keys.fetch_count(), 1);

  // The same tokens are refused for another pool or client.
  const sign_in::TokenVerifier other_pool(
      {.issuer = "https://cognito-idp." + config.region + ".amazonaws.com/" + pool_id + "x",
       .client_id = client_id},
      keys, sign_in::system_clock());
  EXPECT_THROW((void)other_pool.verify(auth["IdToken"].get<std::string>(), sign_in::TokenUse::Id),
               sign_in::TokenError);
  const sign_in::TokenVerifier other_client(
      {.issuer = "https://cognito-idp." + config.region + ".amazonaws.com/" + pool_id,
       .client_id = "another"},
      keys, sign_in::system_clock());
  EXPECT_THROW((void)other_client.verify(auth["AccessToken"].get<std::string>(), sign_in::TokenUse::Access),
               sign_in::TokenError);
}
