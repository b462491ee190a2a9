# The two commands of the README quick start, and the steps they are made of.
#   make demo       a whole HelioCloud on this machine (scripts/demo.sh): installs what is missing, builds only
#                   what the demo runs, deploys instance/demo.yaml to a local AWS emulator with the real CDK CLI,
#                   publishes and reads back a sample dataset, serves the Portal and the Registration page
#   make demo-stop  stops what `make demo` left running
#   make test       install everything, build, run every test (unit, CDK CLI, moto integration)
.PHONY: demo demo-stop test deps build bench lint clean

demo:
	@./scripts/demo.sh

demo-stop:
	@./scripts/demo.sh stop

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

clean: demo-stop
	rm -rf build cdk.out
