#!/usr/bin/env python3
"""Local AWS for the integration tests: moto_server (moto 5.2.1) with what `cdk deploy` needs patched.

    python3 moto_launcher.py -H 127.0.0.1 -p 5123        (any moto_server flag works)

The CDK CLI deploys through CloudFormation change sets, and stock moto gets several details of those
wrong. Everything below patches moto's classes in this process only; no installed file is touched.
Each installer states the symptom the CLI shows without it:

  A. template_url_on_ip       The CLI hands CreateChangeSet a TemplateURL such as
                              http://127.0.0.1:5123/<bucket>/<key>. Moto reads a URL path-style only when
                              it mentions "localhost"; for an IP it takes "127" as the bucket
                              -> "The specified bucket does not exist".
  B. change_set_exports       A stack made by a CREATE change set gets a private, empty export table, so
                              Fn::ImportValue of another stack's export fails ("No export named ...").
  C. execute_change_set       ExecuteChangeSet never recomputes Outputs nor registers Exports (the CLI
                              prints no Outputs, list-exports stays empty); it also finds change sets by
                              name across all stacks and keeps executed ones, so the CLI, which names
                              every change set "cdk-deploy-change-set" and waits for it to disappear,
                              hangs forever on the first update.
  D. change_set_calls         DescribeChangeSet/DeleteChangeSet/ListChangeSets ignore the StackName, and
                              DeleteChangeSet of an unknown change set is an HTTP 500 (the SDK retries for
                              about 50 s; `cdk diff` stalls). AWS answers success; so do we.
  E. previous_ssm_parameter   An UPDATE change set with UsePreviousValue for an AWS::SSM::Parameter::Value
                              parameter (CDK's BootstrapVersion, on every update) re-resolves the already
                              resolved value ("33") as a parameter name -> HTTP 500 -> "XML parse error".
  F. deleted_stack_outputs    DescribeStacks of a deleted stack evaluates its Outputs lazily and thereby
                              re-creates the resources they reference (a bucket re-appears after destroy).
  G. cognito_resources        AWS::Cognito::UserPool/UserPoolClient/UserPoolDomain are not known to moto's
                              CloudFormation: skipped, Ref gives "", a GetAtt in an Output is an HTTP 500.
                              Small models backed by moto's cognito-idp backend are registered here.
  H. bucket_update           (not in the shared reference) Updating an AWS::S3::Bucket that has Tags but no
                              BucketName (every CDK bucket with a generated name), e.g. when only its
                              DeletionPolicy changes, reads Properties["BucketName"] -> HTTP 500 KeyError;
                              the SDK retries ExecuteChangeSet on a half-applied stack.
  I. secret_resources         (not in the shared reference) AWS::SecretsManager::Secret is not known to moto's
                              CloudFormation: skipped, Ref gives "" (the Daskhub's API tokens, its outputs and
                              the IAM statements naming them). A small model backed by moto's secretsmanager
                              backend is registered here; it generates the value as GenerateSecretString says.
  J. kms_key_cfn              (not in the shared reference) AWS::KMS::Key with Tags: moto hands CloudFormation's
                              {Key, Value} tags to KMS's tagger, which reads TagKey -> HTTP 500 KeyError, and the
                              stack never gets its key. A KeyPolicy given as an object (CloudFormation's form) is
                              stored as an object, so describe-key/get-key-policy answer HTTP 500; AWS stores it as
                              JSON text, and so do we.
  K. instance_update          (not in the shared reference) AWS::EC2::Instance has no update handler: any update
                              that touches an instance (its metadata, or a resource referencing an SSM-typed
                              parameter, which the CLI sends on every deploy) drops it from the stack, so its
                              outputs vanish. Here an instance is replaced where AWS replaces it (another image or
                              subnet) and kept otherwise.
  L. keep_alive               (opt-in: HC_MOTO_KEEP_ALIVE=1, for the benchmarks) werkzeug ends every answer with
                              "Connection: close", so each request pays a TCP connect and close on the client,
                              which AWS does not charge; a benchmark of client CPU per request measures the
                              emulator's connection policy instead of the client. With it, a connection stays
                              open after a request that carried no body (GET, HEAD, DELETE, CopyObject).
"""
import contextlib
import os
import selectors
import sys
import threading
import types
from urllib.parse import urlparse

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing as cfn_parsing
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation import utils as cfn_utils
from moto.cloudformation.exceptions import CloudFormationError
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult, EmptyResult

Backend = cfn_models.CloudFormationBackend
Response = cfn_responses.CloudFormationResponse


class NoSuchChangeSet(CloudFormationError):
    """What AWS answers (HTTP 404, code ChangeSetNotFound) for a change set that does not exist."""

    code = "ChangeSetNotFoundException"

    def __init__(self, name):
        super().__init__(f"ChangeSet [{name}] does not exist")


def lookup_change_set(backend, name, stack=None):
    """The change set called `name` (an ARN, or a name within `stack` when given); the newest wins."""
    if name in backend.change_sets:
        return backend.change_sets[name]
    found = None
    for change_set in backend.change_sets.values():
        if change_set.change_set_name != name:
            continue
        if stack and stack not in (change_set.stack_name, change_set.stack_id):
            continue
        found = change_set
    return found


def install_template_url_on_ip():
    original = cfn_utils.get_stack_from_s3_url

    def read_template(template_url, account_id, partition):
        parts = urlparse(template_url)
        host = parts.hostname or ""
        if host.endswith("amazonaws.com") or "localhost" in template_url:
            return original(template_url, account_id, partition)
        from moto.s3.models import s3_backends

        bucket, key = parts.path.lstrip("/").split("/", 1)  # path style: /<bucket>/<key>
        return s3_backends[account_id][partition].get_object(bucket, key).value.decode("utf-8")

    # Both modules imported the function by name; replace every reference.
    cfn_utils.get_stack_from_s3_url = read_template
    cfn_responses.get_stack_from_s3_url = read_template
    cfn_models.get_stack_from_s3_url = read_template


def install_change_set_exports():
    original = Backend.create_change_set

    def create_change_set(self, stack_name, *args, **kwargs):
        change_set_id, stack_id = original(self, stack_name, *args, **kwargs)
        stack = self.stacks.get(stack_id)
        if stack is not None:
            # Share the region's export table itself (not a copy), as create_stack does.
            stack.cross_stack_resources = self.exports
            stack.resource_map.cross_stack_resources = self.exports
        return change_set_id, stack_id

    Backend.create_change_set = create_change_set


def install_execute_change_set():
    original = Backend.execute_change_set

    def execute_change_set(self, change_set_name, stack_name=None):
        change_set = lookup_change_set(self, change_set_name, stack_name)
        if change_set is None:
            raise NoSuchChangeSet(change_set_name)
        stack = change_set.stack
        previous_exports = [export.name for export in stack.exports]
        original(self, change_set.change_set_id, stack_name)
        # The stack now runs the change set's template: rebuild Outputs and Exports from it.
        stack._parse_template()
        stack.output_map = stack._create_output_map()
        for name in previous_exports:
            self.exports.pop(name, None)
        self._validate_export_uniqueness(stack)
        self.exports.update({export.name: export for export in stack.exports})
        # On AWS executing a change set removes every change set of that stack.
        for change_set_id in [k for k, v in self.change_sets.items() if v.stack_id == stack.stack_id]:
            del self.change_sets[change_set_id]

    Backend.execute_change_set = execute_change_set


def install_change_set_calls():
    def describe_change_set(self):
        name = self._get_param("ChangeSetName")
        change_set = lookup_change_set(self.cloudformation_backend, name, self._get_param("StackName"))
        if change_set is None:
            raise NoSuchChangeSet(name)
        return ActionResult(change_set)

    def delete_change_set(self):
        backend = self.cloudformation_backend
        change_set = lookup_change_set(backend, self._get_param("ChangeSetName"), self._get_param("StackName"))
        if change_set is not None:
            del backend.change_sets[change_set.change_set_id]
        return EmptyResult()  # deleting what is not there is not an error

    def list_change_sets(self):
        stack = self._get_param("StackName")
        summaries = [
            c for c in self.cloudformation_backend.change_sets.values()
            if not stack or stack in (c.stack_name, c.stack_id)
        ]
        return ActionResult({"Summaries": summaries})

    Response.describe_change_set = describe_change_set
    Response.delete_change_set = delete_change_set
    Response.list_change_sets = list_change_sets


def install_previous_ssm_parameter():
    original = Response.create_change_set

    @contextlib.contextmanager
    def previous_values_as_given(stack):
        """While the request is handled, 'previous value' of an SSM-typed parameter is its name again."""
        resource_map = stack.resource_map
        resolved = resource_map.resolved_parameters
        as_given = dict(resolved)
        declared = (stack.template_dict or {}).get("Parameters") or {}
        for key, declaration in declared.items():
            if str(declaration.get("Type", "")).startswith("AWS::SSM::Parameter::"):
                as_given[key] = stack.parameters.get(key, declaration.get("Default"))
        resource_map.resolved_parameters = as_given
        try:
            yield
        finally:
            resource_map.resolved_parameters = resolved

    def create_change_set(self):
        if self._get_param("ChangeSetType", "CREATE") != "UPDATE":
            return original(self)
        try:
            stack = self.cloudformation_backend.get_stack(self._get_param("StackName"))
        except Exception:  # unknown stack: let moto report it
            return original(self)
        with previous_values_as_given(stack):
            return original(self)

    Response.create_change_set = create_change_set


def install_deleted_stack_outputs():
    original = cfn_models.Stack.delete

    def delete(self):
        original(self)
        # An empty Outputs section: nothing left to evaluate, no exports.
        self.output_map = cfn_parsing.OutputMap(self.resource_map, {"Outputs": {}}, self.stack_id)

    cfn_models.Stack.delete = delete


def install_bucket_update():
    from moto.s3.models import FakeBucket

    original = FakeBucket.update_from_cloudformation_json.__func__

    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json,
                                        account_id, region_name):
        properties = cloudformation_json.get("Properties") or {}
        if "BucketName" not in properties:
            # A generated name stays the bucket's name: say so, and moto updates the bucket in place.
            cloudformation_json = dict(cloudformation_json)
            cloudformation_json["Properties"] = dict(properties, BucketName=original_resource.name)
        return original(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name)

    FakeBucket.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)


def install_kms_key_cfn():
    import json

    from moto.kms.models import Key

    original = Key.create_from_cloudformation_json.__func__

    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        properties = dict(cloudformation_json.get("Properties") or {})
        properties["Tags"] = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in properties.get("Tags") or []]
        if not isinstance(properties.get("KeyPolicy"), str):
            properties["KeyPolicy"] = json.dumps(properties.get("KeyPolicy"))
        cloudformation_json = dict(cloudformation_json, Properties=properties)
        return original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)

    Key.create_from_cloudformation_json = classmethod(create_from_cloudformation_json)


def install_instance_update():
    from moto.ec2.models.instances import Instance

    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                        region_name):
        properties = cloudformation_json.get("Properties") or {}
        replaced = (properties.get("ImageId") != original_resource.image_id
                    or properties.get("SubnetId") != original_resource.subnet_id)
        if not replaced:
            original_resource.instance_type = properties.get("InstanceType", original_resource.instance_type)
            return original_resource
        original_resource.terminate()
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    Instance.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)


def _has_cfn_attr(cls, attr):
    return attr in cls.ATTRIBUTES


def _get_cfn_attribute(self, attribute_name):
    return self.ATTRIBUTES[attribute_name](self)


def _update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                     region_name):
    original_resource.delete(account_id, region_name)  # replace: delete the old one, create anew
    return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)


def cfn_model(service, cfn_type, attributes):
    """Turns a plain class into a model moto's CloudFormation parser finds: a DIRECT subclass of
    CloudFormationModel (found through __subclasses__()) whose __module__ reads moto.<service>.*
    (moto files every model under the second word of its module name)."""

    def decorate(body):
        namespace = {k: v for k, v in vars(body).items() if k not in ("__dict__", "__weakref__")}
        namespace.update({
            "__module__": f"moto.{service}.heliocloud_cfn",
            "ATTRIBUTES": attributes,
            "has_cfn_attr": classmethod(_has_cfn_attr),
            "get_cfn_attribute": _get_cfn_attribute,
            "update_from_cloudformation_json": classmethod(_update_from_cloudformation_json),
            "cloudformation_type": staticmethod(lambda: cfn_type),
            "cloudformation_name_type": staticmethod(lambda: ""),
        })
        return type(body.__name__, (CloudFormationModel,), namespace)

    return decorate


def install_cognito_resources():
    from moto.cognitoidp.models import cognitoidp_backends

    def idp(account_id, region_name):
        return cognitoidp_backends[account_id][region_name]

    def model(cfn_type, attributes):
        return cfn_model("cognitoidp", cfn_type, attributes)

    @model("AWS::Cognito::UserPool", {
        "Arn": lambda s: s.pool.arn,
        "UserPoolId": lambda s: s.pool.id,
        "ProviderName": lambda s: f"cognito-idp.{s.region}.amazonaws.com/{s.pool.id}",
        "ProviderURL": lambda s: f"https://cognito-idp.{s.region}.amazonaws.com/{s.pool.id}",
    })
    class HelioUserPool:
        def __init__(self, pool, region):
            self.pool, self.region = pool, region

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name,
                                            **kwargs):
            properties = dict(cloudformation_json.get("Properties") or {})
            name = properties.pop("UserPoolName", None) or resource_name
            properties.pop("UserPoolTags", None)
            return cls(idp(account_id, region_name).create_user_pool(name, properties), region_name)

        @property
        def physical_resource_id(self):
            return self.pool.id

        def delete(self, account_id, region_name):
            idp(account_id, region_name).user_pools.pop(self.pool.id, None)

    @model("AWS::Cognito::UserPoolClient", {
        "ClientId": lambda s: s.client.id,
        "ClientSecret": lambda s: s.client.secret,
        "Name": lambda s: s.client.extended_config.get("ClientName"),
    })
    class HelioUserPoolClient:
        def __init__(self, client):
            self.client = client

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name,
                                            **kwargs):
            properties = dict(cloudformation_json.get("Properties") or {})
            pool_id = properties.pop("UserPoolId")
            with_secret = str(properties.pop("GenerateSecret", False)).lower() == "true"
            properties.setdefault("ClientName", resource_name)
            return cls(idp(account_id, region_name).create_user_pool_client(pool_id, with_secret, properties))

        @property
        def physical_resource_id(self):
            return self.client.id

        def delete(self, account_id, region_name):
            pool = idp(account_id, region_name).user_pools.get(self.client.user_pool_id)
            if pool is not None:
                pool.clients.pop(self.client.id, None)

    @model("AWS::Cognito::UserPoolDomain", {
        "CloudFrontDistribution": lambda s: s.domain.to_json(extended=True)["CloudFrontDistribution"],
    })
    class HelioUserPoolDomain:
        def __init__(self, domain):
            self.domain = domain

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name,
                                            **kwargs):
            properties = cloudformation_json.get("Properties") or {}
            return cls(idp(account_id, region_name).create_user_pool_domain(
                properties["UserPoolId"], properties["Domain"], properties.get("CustomDomainConfig")))

        @property
        def physical_resource_id(self):
            return self.domain.domain

        def delete(self, account_id, region_name):
            idp(account_id, region_name).user_pool_domains.pop(self.domain.domain, None)

    cfn_parsing.get_model_map.cache_clear()
    cfn_parsing.get_name_type_map.cache_clear()


def install_secret_resources():
    import json
    import secrets as random_source

    from moto.secretsmanager.models import secretsmanager_backends

    def manager(account_id, region_name):
        return secretsmanager_backends[account_id][region_name]

    def flag(value, default=False):
        return default if value is None else str(value).lower() == "true"

    @cfn_model("secretsmanager", "AWS::SecretsManager::Secret", {"Id": lambda s: s.arn})
    class HelioSecret:
        def __init__(self, arn):
            self.arn = arn

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name,
                                            **kwargs):
            properties = cloudformation_json.get("Properties") or {}
            backend = manager(account_id, region_name)
            # CloudFormation names an unnamed secret after its logical id plus a random suffix.
            name = properties.get("Name") or f"{resource_name}-{random_source.token_hex(6)}"
            value = properties.get("SecretString")
            generate = properties.get("GenerateSecretString")
            if generate is not None:
                password = json.loads(backend.get_random_password(
                    password_length=int(generate.get("PasswordLength", 32)),
                    exclude_characters=generate.get("ExcludeCharacters", ""),
                    exclude_numbers=flag(generate.get("ExcludeNumbers")),
                    exclude_punctuation=flag(generate.get("ExcludePunctuation")),
                    exclude_uppercase=flag(generate.get("ExcludeUppercase")),
                    exclude_lowercase=flag(generate.get("ExcludeLowercase")),
                    include_space=flag(generate.get("IncludeSpace")),
                    require_each_included_type=flag(generate.get("RequireEachIncludedType"), True)))["RandomPassword"]
                template = generate.get("SecretStringTemplate")
                if template is not None:
                    document = json.loads(template)
                    document[generate["GenerateStringKey"]] = password
                    value = json.dumps(document)
                else:
                    value = password
            backend.create_secret(name=name, secret_string=value, secret_binary=None,
                                  description=properties.get("Description"), tags=properties.get("Tags"),
                                  kms_key_id=properties.get("KmsKeyId"), client_request_token=None,
                                  replica_regions=[], force_overwrite=False)
            return cls(backend.secrets[name].arn)

        @property
        def physical_resource_id(self):
            return self.arn  # Ref of a secret is its ARN

        def delete(self, account_id, region_name):
            backend = manager(account_id, region_name)
            if self.arn in backend.secrets:
                backend.delete_secret(self.arn, recovery_window_in_days=None, force_delete_without_recovery=True)

    cfn_parsing.get_model_map.cache_clear()
    cfn_parsing.get_name_type_map.cache_clear()


def install_keep_alive():
    """L. Keeps a connection open after a request without a body.

    werkzeug adds "Connection: close" to every answer, and after the answer reads whatever else the client
    sent (up to 10 MB, waiting 10 ms for it) so that an unread body does not break the close. On a kept
    connection that read would swallow the client's next request and block, so it is skipped there. A request
    with a body still closes its connection: werkzeug cannot tell whether the application read all of it, and
    the next request line would otherwise start inside the leftover body.
    """
    from werkzeug import serving

    handler = serving.WSGIRequestHandler
    state = threading.local()  # werkzeug's threaded server serves each connection on its own thread
    original_send_header = handler.send_header
    original_run_wsgi = handler.run_wsgi

    def has_no_body(request):
        length = request.headers.get("Content-Length")
        return (length is None or length.strip() == "0") and "Transfer-Encoding" not in request.headers

    def send_header(self, keyword, value):
        if keyword.lower() == "connection" and value.lower() == "close" and has_no_body(self):
            state.kept = True
            return  # http.server then keeps reading requests from this connection
        original_send_header(self, keyword, value)

    def run_wsgi(self):
        state.kept = False
        original_run_wsgi(self)

    class Selector(selectors.DefaultSelector):
        """werkzeug's post-answer read: nothing to wait for on a kept connection."""

        def select(self, timeout=None):
            if getattr(state, "kept", False):
                return []
            return super().select(timeout)

    handler.send_header = send_header
    handler.run_wsgi = run_wsgi
    serving.selectors = types.SimpleNamespace(DefaultSelector=Selector, EVENT_READ=selectors.EVENT_READ)


def install_all():
    install_template_url_on_ip()
    install_change_set_exports()
    install_execute_change_set()
    install_change_set_calls()
    install_previous_ssm_parameter()
    install_deleted_stack_outputs()
    install_bucket_update()
    install_cognito_resources()
    install_secret_resources()
    install_kms_key_cfn()
    install_instance_update()
    if os.environ.get("HC_MOTO_KEEP_ALIVE") == "1":
        install_keep_alive()


if __name__ == "__main__":
    install_all()
    from moto.server import main

    main(sys.argv[1:])
