# The two commands of the README quick start, and the steps they are made of.
#   make demo   install everything, build, synthesize instance/example.yaml through the real CDK CLI
#   make test   install everything, build, run every test (unit, CDK CLI, moto integration)
.PHONY: demo test deps build bench lint clean

CDK := node_modules/.bin/cdk
CDK_ENV := CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 NODE_NO_WARNINGS=1

demo: deps build
	$(CDK_ENV) $(CDK) synth -c instance=example --no-notices -q
	@echo "Stacks of instance 'example':"
	@$(CDK_ENV) $(CDK) ls -c instance=example --no-notices 2>/dev/null | sed 's/^/  /'
	@echo "Templates and asset manifests are in $(CURDIR)/cdk.out:"
	@ls cdk.out/*.template.json | sed 's/^/  /'

test: deps build
	@./scripts/timed.sh test ctest --preset default --timeout 600 -j2

deps:
	@./scripts/timed.sh deps ./scripts/install-deps.sh

build:
	@[ -f build/build.ninja ] || ./scripts/timed.sh configure cmake --preset default
	@./scripts/timed.sh build cmake --build build

bench: deps build
	cmake --build build --target bench
	./bench/construct/run.sh
	./bench/aws/run.sh build 1000 10
	build/bin/registry_bench
	build/bin/registry_ingest_bench
	./bench/web/run.sh

lint: build
	./scripts/check-format.sh
	./scripts/check-naming.sh build

clean:
	rm -rf build cdk.out
