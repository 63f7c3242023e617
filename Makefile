# Redress: the two commands a new user runs on a fresh Debian 12.
#   make run    install what is missing, build, open the app on a demo docket
#   make test   install what is missing, build, run the whole test suite
#   make check-sanitize  the display-free suites under ASan + UBSan + LeakSanitizer
#   make fuzz   every fuzz target for FUZZ_SECONDS (check-fuzz: a short run)

BUILD ?= _build
DEMO_DIR ?= $(HOME)/.local/share/redress-demo
DEMO ?= $(DEMO_DIR)/demo.redress
# -noreset: the X server must not reset when the last client leaves, or a
# test that starts after every other one has closed its window may find no
# display for a moment ("cannot open display").
XVFB ?= xvfb-run -a -s "-screen 0 1280x800x24 -noreset"

SANITIZE_BUILD ?= _build-sanitize
FUZZ_BUILD ?= _build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_TARGETS = exchange states eml pdf odt docx

.PHONY: all deps build run test bench clean demo check-sanitize fuzz check-fuzz check-kill

all: build

deps:
	@bash .ci/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized -Dwerror=true

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

demo: build
	@if [ ! -f "$(DEMO)" ]; then \
	  echo "Creating a demo docket at $(DEMO)"; \
	  mkdir -p "$(DEMO_DIR)" && \
	  $(BUILD)/src/redress-cli --docket "$(DEMO)" init --no-encryption && \
	  $(BUILD)/src/redress-cli --docket "$(DEMO)" demo --cases 50 --seed 1; \
	fi

# REDRESS_LOCALEDIR: the build tree's compiled catalogues, so that
# "make run LANGUAGE=fr" shows the French app without installing it.
run: demo
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data REDRESS_LOCALEDIR=$(BUILD)/po $(BUILD)/src/redress "$(DEMO)"

test: build
	@set -e; rc=0; \
	$(XVFB) dbus-run-session -- meson test -C $(BUILD) --print-errorlogs --num-processes 2 || rc=$$?; \
	/usr/bin/python3 .ci/summary.py $(BUILD)/meson-logs/testlog.json || true; \
	exit $$rc

# A second build with AddressSanitizer and UndefinedBehaviorSanitizer: any
# report aborts the test; LeakSanitizer reports every leak but those of the
# third-party libraries in tests/lsan.supp.  Display-free suites only (GTK
# under ASan needs the cairo renderer and is much slower, TOOLCHAIN P17).
$(SANITIZE_BUILD)/build.ninja:
	meson setup $(SANITIZE_BUILD) --buildtype=debug -Dwerror=true \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all

check-sanitize: deps $(SANITIZE_BUILD)/build.ninja
	meson compile -C $(SANITIZE_BUILD)
	@set -e; rc=0; \
	G_SLICE=always-malloc meson test -C $(SANITIZE_BUILD) --suite model --no-suite loops --print-errorlogs \
	  --num-processes 2 --timeout-multiplier 4 || rc=$$?; \
	/usr/bin/python3 .ci/summary.py $(SANITIZE_BUILD)/meson-logs/testlog.json || true; \
	exit $$rc

# libFuzzer targets (clang, ASan + UBSan, coverage on the whole model).
$(FUZZ_BUILD)/build.ninja:
	CC=clang-14 meson setup $(FUZZ_BUILD) --buildtype=debugoptimized -Dfuzzing=true \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link

fuzz: deps $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD) $(addprefix tests/fuzz/fuzz-,$(FUZZ_TARGETS))
	bash tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

check-fuzz: FUZZ_SECONDS = 45
check-fuzz: fuzz

# The kill loop at KILLS kills of the plain docket (make test runs 1,000).
KILLS ?= 10000
check-kill: build
	REDRESS_KILL_ITERATIONS=$(KILLS) meson test -C $(BUILD) --print-errorlogs --timeout-multiplier 10 \
	  test-kill-loop

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
