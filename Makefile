# Tianshan: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
BUILD ?= build
JOBS ?= 2
DB ?= data/tianshan.db
PORT ?= 8080
# UNITY=ON compiles the .cc files of each folder together in batches of 8 (TIANSHAN_UNITY): a cold
# build takes far less CPU, an edit of one .cc recompiles its batch (docs/sanitizer-findings.md has
# the numbers). CI (.ci/run) and `make test-asan` use it; a developer's incremental build does not.
UNITY ?= OFF
# Debug information of the RelWithDebInfo build: full (-g) for a developer's debugger; CI sets
# -g1 (line tables: stack traces still name file and line), a quarter less compile CPU.
DEBUG_INFO ?= -g
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 $(DEBUG_INFO) -DNDEBUG" \
	-DTIANSHAN_WERROR=ON -DTIANSHAN_UNITY=$(UNITY)

.PHONY: run test build deps server server-bin web test-server test-web test-e2e test-asan test-tsan test-cluster deb test-deb fuzz bench bench-national bench-front fmt lint clean

deps:
	@scripts/install-deps.sh

server: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The server binary alone (what `make run` needs: no test binaries).
server-bin: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS) --target tianshan

web: deps
	@cd web && npm run build --silent

build: server web

# Serves the API and the web app on http://localhost:$(PORT) with the demo network.
run: server-bin web
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then $(BUILD)/tianshan --db sqlite:$(DB) demo; fi
	@exec $(BUILD)/tianshan --db sqlite:$(DB) serve --listen 127.0.0.1 --port $(PORT) --web web/dist

# Every test: C++ unit and API tests on SQLite and a private PostgreSQL, web unit tests,
# browser tests in Debian's Chromium.
test: build
	@scripts/run-tests.sh

test-server: server
	@TIANSHAN_REQUIRE_POSTGRES=1 TIANSHAN_OPENAPI_COVERAGE_COMPLETE=1 scripts/with-postgres.sh ctest --test-dir $(BUILD) -j$(JOBS) --output-on-failure
	@head -n 1 $(BUILD)/openapi-coverage.txt

test-web: deps
	@cd web && npm test --silent

test-e2e: build
	@cd e2e && npm test --silent

# Two instances on one PostgreSQL behind nginx (TLS, HTTP/2): sessions across instances,
# sign-ups racing across them, a logout seen by the other (scripts/cluster.sh).
test-cluster: server-bin
	@CLUSTER_DATA=generate scripts/cluster.sh scripts/cluster-test.py

# The Debian package build/tianshan_<version>_amd64.deb (dpkg-deb; packaging/deb/build.sh) and
# its test: contents, Depends, lintian, the units, the maintainer scripts on a scratch root, the
# unpacked server answering with its web app, its system calls against the unit's filter
# (packaging/deb/test.sh; not part of `make test`, run by .ci/run).
deb: server-bin web
	@packaging/deb/build.sh $(BUILD) web/dist

test-deb: deb
	@scripts/install-deps.sh --deb
	@packaging/deb/test.sh $(BUILD)

# The C++ tests built with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/), on
# SQLite and PostgreSQL; and with ThreadSanitizer (build-tsan/), the concurrency tests only.
test-asan: deps
	@JOBS=$(JOBS) scripts/run-sanitized-tests.sh asan

test-tsan: deps
	@JOBS=$(JOBS) scripts/run-sanitized-tests.sh tsan

# Every parser of untrusted input under libFuzzer (fuzz/*_fuzz.cc; clang-14, a build of its own
# in build-fuzz/) for FUZZ_SECONDS each (default 5 minutes); `make test` runs each for 12 s.
FUZZ_SECONDS ?= 300
fuzz: deps
	@fuzz/run.sh $(FUZZ_SECONDS)

bench: build
	@bench/run.sh region

bench-national: build
	@bench/run.sh national

# The front page as a guest on a phone: bytes and first paint, compressed vs not.
bench-front: build
	@cd e2e && npm ci --silent && cd .. && node bench/front_page.mjs

fmt:
	@find server -name '*.cc' -o -name '*.h' | xargs clang-format -i --style=file

lint: server
	@find server/src -name '*.cc' | xargs clang-tidy -p $(BUILD) --quiet 2>/dev/null | grep -E 'warning|error' || echo "clang-tidy: clean"

clean:
	@rm -rf $(BUILD) web/dist
