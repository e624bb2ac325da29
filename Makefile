# zkclear — the two commands: `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
# Code for the CPU that builds it (`-target-cpu native`): on x86-64 that brings mulx (BMI2),
# which frees the multiplier's fixed rax/rdx registers. Measured on the 2-core AMD EPYC (Zen 2)
# side by side: Fp12 multiply -10 %, NTT -18 %, MSM -5 to -20 %, pairing -7 %; the dependent Fr
# multiply chain +4 % (docs/BENCHMARKS.md). `make ZKCLEAR_CPU=x86-64 build` gives portable code;
# ZKCLEAR_CPU= (empty) leaves the choice to the compiler. A plain `swift build` uses no such flag.
ZKCLEAR_CPU ?= native
CPU_FLAGS := $(if $(strip $(ZKCLEAR_CPU)),-Xswiftc -target-cpu -Xswiftc $(strip $(ZKCLEAR_CPU)))
RELEASE := -c release $(CPU_FLAGS)
# Crypto is slow unoptimised: tests are built in release mode with testing enabled.
SWIFT_TEST_FLAGS := $(RELEASE) -Xswiftc -enable-testing

.PHONY: all build deps venv test test-swift test-interop demo bench leakcheck clean help

help:
	@echo "make demo   - run zkclear end to end on the bundled circuits"
	@echo "make test   - run every test (Swift + Python interop against py_ecc/arkworks)"
	@echo "make bench  - release benchmarks side by side with mcl and arkworks -> docs/BENCHMARKS.md"
	@echo "make build  - release build of the zkclear CLI (.build/release/zkclear)"
	@echo "             (code for this CPU; ZKCLEAR_CPU=x86-64 for portable code)"
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
	$(SWIFT) build $(RELEASE) --product zkclear

test: deps venv
	$(SWIFT) build $(SWIFT_TEST_FLAGS) --build-tests
	ZKCLEAR_PYTHON=$(abspath $(VPY)) ZKCLEAR_ROOT=$(CURDIR) $(SWIFT) test $(SWIFT_TEST_FLAGS) --skip-build --disable-swift-testing
	@if [ -x tools/interop.sh ]; then ZKCLEAR_PYTHON=$(abspath $(VPY)) tools/interop.sh; fi

demo: deps
	$(SWIFT) build $(RELEASE) --product zkclear
	.build/release/zkclear demo

bench: deps venv
	$(SWIFT) build $(RELEASE) --product zkclear
	$(SWIFT) build $(RELEASE) --product ZKBench
	ZKCLEAR_BUILD="swift build $(RELEASE) --product ZKBench" ZKCLEAR_PYTHON=$(abspath $(VPY)) ZKCLEAR_ROOT=$(CURDIR) .build/release/ZKBench --write docs/BENCHMARKS.md

leakcheck: deps
	tools/leakcheck.sh

clean:
	rm -rf .build .build-asan $(VENV)
