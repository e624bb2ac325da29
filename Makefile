# zkclear — the two commands: `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# Crypto is slow unoptimised: tests are built in release mode with testing enabled.
SWIFT_TEST_FLAGS := -c release -Xswiftc -enable-testing

.PHONY: all build deps venv test test-swift test-interop demo bench leakcheck clean help

help:
	@echo "make demo   - run zkclear end to end on the bundled circuits"
	@echo "make test   - run every test (Swift + Python interop against py_ecc/arkworks)"
	@echo "make bench  - release benchmarks side by side with mcl and arkworks -> docs/BENCHMARKS.md"
	@echo "make build  - release build of the zkclear CLI (.build/release/zkclear)"
	@echo "make leakcheck - GMP-heavy tests under AddressSanitizer/LeakSanitizer (debug build, a few minutes)"

deps:
	@if [ ! -f /usr/include/gmp.h ] && [ ! -f /usr/include/x86_64-linux-gnu/gmp.h ] && ! dpkg -s libgmp-dev >/dev/null 2>&1; then \
	  echo "installing libgmp-dev"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libgmp-dev; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libgmp-dev; fi; \
	fi

# Independent implementations used only by tests and benchmarks, pinned.
$(VPY): tools/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -r tools/requirements.txt
	@touch $(VPY)

venv: $(VPY)

build: deps
	$(SWIFT) build -c release --product zkclear

test: deps venv
	$(SWIFT) build $(SWIFT_TEST_FLAGS) --build-tests
	ZKCLEAR_PYTHON=$(abspath $(VPY)) ZKCLEAR_ROOT=$(CURDIR) $(SWIFT) test $(SWIFT_TEST_FLAGS) --skip-build --disable-swift-testing
	@if [ -x tools/interop.sh ]; then ZKCLEAR_PYTHON=$(abspath $(VPY)) tools/interop.sh; fi

demo: deps
	$(SWIFT) build -c release --product zkclear
	.build/release/zkclear demo

bench: deps venv
	$(SWIFT) build -c release --product zkclear
	$(SWIFT) build -c release --product ZKBench
	ZKCLEAR_PYTHON=$(abspath $(VPY)) ZKCLEAR_ROOT=$(CURDIR) .build/release/ZKBench --write docs/BENCHMARKS.md

leakcheck: deps
	tools/leakcheck.sh

clean:
	rm -rf .build .build-asan $(VENV)
