// Lambda, CloudFormation, STS and SSM against moto, plus the role-assuming profile provider.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "aws/cloudformation.h"
#include "aws/credentials.h"
#include "aws/errors.h"
#include "aws/lambda.h"
#include "aws/protocols.h"
#include "aws/s3.h"
#include "aws/ssm.h"
#include "aws/sts.h"
#include "env_guard.h"
#include "moto_support.h"

namespace aws = heliocloud::aws;
using aws::testing::moto_config;
using aws::testing::unique_name;

namespace {

// IAM has no wrapper in the library; the generic query-protocol call is enough for a test role.
std::string create_role(const std::string& name) {
  const aws::ServiceClient iam(
      moto_config(), {.name = "IAM", .signing_name = "iam", .endpoint_prefix = "iam", .env_id = "IAM"});
  const std::string trust =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
  const auto root = aws::query_call(iam, "CreateRole", "2010-05-08",
                                    {{"RoleName", name}, {"AssumeRolePolicyDocument", trust}}, false);
  const auto* arn = root.find("CreateRoleResult/Role/Arn");
  return (arn != nullptr) ? arn->text : std::string();
}

// The smallest valid zip archive (an empty one): moto stores the code without running it.
const std::string kEmptyZip = std::string("PK\x05\x06", 4) + std::string(18, '\0');

TEST(LambdaMoto, InvokeEchoesPayloadAndSurfacesFields) {
  aws::LambdaClient lambda(moto_config());
  const std::string role = create_role(unique_name("hc-role"));
  ASSERT_NE(role.find(":role/"), std::string::npos);
  const std::string fn = unique_name("hc-fn");
  aws::CreateFunctionRequest req;
  req.name = fn;
  req.role_arn = role;
  req.zip_file = kEmptyZip;
  const std::string arn = lambda.create_function(req);
  EXPECT_NE(arn.find(":function:" + fn), std::string::npos);

  const std::string payload = R"({"hello":"world","n":[1,2,3]})";
  aws::InvokeOptions opts;
  opts.log_tail = true;
  const auto r = lambda.invoke(fn, payload, opts);
  EXPECT_EQ(r.status_code, 200);
  EXPECT_TRUE(r.ok()) << r.function_error << ": " << r.payload;
  EXPECT_EQ(nlohmann::json::parse(r.payload),
            nlohmann::json::parse(payload));  // moto's docker-less backend echoes
  // Invoking by ARN (":" is percent-encoded in the path, and double-encoded when signing) works too.
  EXPECT_EQ(lambda.invoke(arn, "{}").payload, "{}");

  lambda.delete_function(fn);
  // moto's docker-less Invoke answers even for unknown functions, so the error mapping is checked on
  // DeleteFunction; FunctionError and the log tail are checked against the local server (fault tests).
  try {
    lambda.delete_function(fn);
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "ResourceNotFoundException");
    EXPECT_EQ(e.service(), "Lambda");
  }
}

TEST(CloudFormationMoto, OutputsAndResources) {
  aws::CloudFormationClient cfn(moto_config());
  const std::string stack = unique_name("hc-stack");
  const std::string bucket = unique_name("hc-cfn-bucket");
  const std::string tmpl = R"({
    "Parameters": {"Name": {"Type": "String"}},
    "Resources": {
      "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Ref": "Name"}}},
      "Param": {"Type": "AWS::SSM::Parameter",
                "Properties": {"Name": {"Fn::Sub": "/${AWS::StackName}/bucket"}, "Type": "String", "Value": {"Ref": "Data"}}}
    },
    "Outputs": {
      "BucketName": {"Value": {"Ref": "Data"}},
      "BucketArn": {"Value": {"Fn::GetAtt": ["Data", "Arn"]}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-arn"}}}
    }
  })";
  const std::string id = cfn.create_stack(stack, tmpl, {{"Name", bucket}});
  EXPECT_NE(id.find(":stack/" + stack + "/"), std::string::npos) << id;

  const auto s = cfn.describe_stack(stack);
  EXPECT_EQ(s.name, stack);
  EXPECT_EQ(s.status, "CREATE_COMPLETE");
  EXPECT_EQ(s.output("BucketName"), bucket);
  EXPECT_EQ(s.output("BucketArn"), "arn:aws:s3:::" + bucket);
  EXPECT_EQ(s.parameters.at("Name"), bucket);
  const auto outputs = cfn.stack_outputs(stack);
  EXPECT_EQ(outputs.size(), 2U);

  const auto resources = cfn.list_stack_resources(stack);
  ASSERT_EQ(resources.size(), 2U);
  bool saw_bucket = false;
  for (const auto& r : resources) {
    if (r.logical_id == "Data") {
      saw_bucket = true;
      EXPECT_EQ(r.type, "AWS::S3::Bucket");
      EXPECT_EQ(r.physical_id, bucket);
      EXPECT_EQ(r.status, "CREATE_COMPLETE");
    }
  }
  EXPECT_TRUE(saw_bucket);
  EXPECT_TRUE(aws::S3Client(moto_config()).bucket_exists(bucket));

  EXPECT_THROW(cfn.describe_stack(unique_name("hc-no-stack")), aws::NotFoundError);
  cfn.delete_stack(stack);
}

TEST(StsMoto, CallerIdentityAndAssumeRole) {
  aws::StsClient sts(moto_config());
  const auto me = sts.get_caller_identity();
  EXPECT_EQ(me.account, "123456789012");
  EXPECT_NE(me.arn.find("arn:aws:sts::123456789012:"), std::string::npos);

  const auto role = sts.assume_role({.role_arn = "arn:aws:iam::123456789012:role/anything",
                                     .session_name = "hc-session",
                                     .duration = std::chrono::seconds(900),
                                     .external_id = {}});
  EXPECT_EQ(role.credentials.access_key_id.rfind("ASIA", 0), 0U);
  EXPECT_FALSE(role.credentials.secret_access_key.empty());
  EXPECT_FALSE(role.credentials.session_token.empty());
  ASSERT_TRUE(role.credentials.expiration.has_value());
  EXPECT_GT(*role.credentials.expiration, std::chrono::system_clock::now());
  EXPECT_NE(role.arn.find("assumed-role/anything/hc-session"), std::string::npos);
  EXPECT_THROW(sts.assume_role({"arn:aws:iam::123456789012:role/x", "a", std::chrono::seconds(900), {}}),
               std::invalid_argument);

  // The temporary credentials sign further calls (X-Amz-Security-Token included).
  aws::ClientConfig assumed = moto_config();
  assumed.credentials = std::make_shared<aws::RefreshingCredentialsProvider>(
      std::make_shared<aws::AssumeRoleCredentialsProvider>(
          moto_config(), aws::AssumeRoleRequest{.role_arn = "arn:aws:iam::123456789012:role/reader",
                                                .session_name = "hc-reader",
                                                .duration = std::chrono::seconds(900),
                                                .external_id = {}}));
  const auto as_role = aws::StsClient(assumed).get_caller_identity();
  EXPECT_NE(as_role.arn.find("assumed-role/reader/hc-reader"), std::string::npos) << as_role.arn;
}

TEST(StsMoto, ProfileWithRoleArnAndSourceProfileAssumesTheRole) {
  const auto dir = std::filesystem::temp_directory_path() / unique_name("hc-profile");
  std::filesystem::create_directories(dir);
  struct RemoveDir {
    std::filesystem::path p;
    ~RemoveDir() { std::filesystem::remove_all(p); }
  } remove_dir{dir};
  std::ofstream(dir / "credentials")
      << "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n";
  std::ofstream(dir / "config") << "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\n"
                                   "source_profile = base\nrole_session_name = hc-ops\nregion = us-east-1\n";
  aws::testing::EnvGuard env;
  env.set("AWS_SHARED_CREDENTIALS_FILE", (dir / "credentials").string());
  env.set("AWS_CONFIG_FILE", (dir / "config").string());
  const auto creds = aws::ProfileCredentialsProvider("ops").get();
  EXPECT_EQ(creds.access_key_id.rfind("ASIA", 0), 0U);
  EXPECT_FALSE(creds.session_token.empty());
  EXPECT_TRUE(creds.expiration.has_value());
}

TEST(SsmMoto, PutGetAndMissing) {
  aws::SsmClient ssm(moto_config());
  const std::string name = "/" + unique_name("hc") + "/setting";
  EXPECT_EQ(ssm.put_parameter(name, "value one"), 1);
  EXPECT_EQ(ssm.put_parameter(name, "value two"), 2);
  const auto p = ssm.get_parameter(name);
  EXPECT_EQ(p.name, name);
  EXPECT_EQ(p.value, "value two");
  EXPECT_EQ(p.type, "String");
  EXPECT_EQ(p.version, 2);
  ssm.put_parameter(name + "-secret", "s3cr3t", "SecureString");
  EXPECT_EQ(ssm.get_parameter(name + "-secret", true).value, "s3cr3t");
  ssm.delete_parameter(name);
  try {
    ssm.get_parameter(name);
    FAIL() << "expected NotFoundError";
  } catch (const aws::NotFoundError& e) {
    EXPECT_EQ(e.code(), "ParameterNotFound");
    EXPECT_EQ(e.service(), "SSM");
  }
}

}  // namespace
