# The two commands of the README quick start, and the steps they are made of.
#   make demo       a whole HelioCloud on this machine (scripts/demo.sh): installs what is missing, builds only
#                   what the demo runs, deploys instance/demo.yaml to a local AWS emulator with the real CDK CLI,
#                   publishes and reads back a sample dataset, serves the Portal and the Registration page
#   make demo-stop  stops what `make demo` left running
#   make test       install everything, build, run every test (unit, CDK CLI, moto integration, clang-tidy)
# and the hardening checks (README "Sanitizers, fuzzing and clang-tidy"), which CI runs after `make test`:
#   make sanitize     unit and moto tests built with AddressSanitizer + UndefinedBehaviorSanitizer
#   make fuzz-replay  every fuzz target over its corpus in fuzz/corpus (regressions only)
#   make fuzz         fuzz every target for FUZZ_SECONDS (default 60) and print executions and coverage
.PHONY: demo demo-stop test sanitize fuzz fuzz-replay deps build bench lint tidy clean

FUZZ_SECONDS ?= 60

demo:
	@./scripts/demo.sh

demo-stop:
	@./scripts/demo.sh stop

test: deps build
	@./scripts/timed.sh test ctest --preset default --timeout 600 -j2

sanitize: deps
	@[ -f build-sanitize/build.ninja ] || ./scripts/timed.sh sanitize-configure cmake --preset sanitize
	@./scripts/timed.sh sanitize-build cmake --build build-sanitize
	@./scripts/timed.sh sanitize-test ctest --preset sanitize --timeout 600 -j2

fuzz-replay: deps
	@./scripts/timed.sh fuzz-build ./scripts/fuzz.sh build
	@./scripts/timed.sh fuzz-replay ./scripts/fuzz.sh replay

fuzz: deps
	@./scripts/timed.sh fuzz-build ./scripts/fuzz.sh build
	@./scripts/timed.sh fuzz ./scripts/fuzz.sh run $(FUZZ_SECONDS)

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
	build/bin/cloudcatalog_files_bench
	./bench/web/run.sh

lint: build
	./scripts/check-format.sh
	./scripts/check-tidy.sh build

# .clang-tidy over every unit (about 12 minutes on 2 cores; also part of make lint and make test).
tidy: build
	./scripts/check-tidy.sh build

clean: demo-stop
	rm -rf build build-sanitize build-fuzz cdk.out
