# Redress: the two commands a new user runs on a fresh Debian 12.
#   make run    install what is missing, build, open the app on a demo docket
#   make test   install what is missing, build, run the whole test suite

BUILD ?= _build
DEMO_DIR ?= $(HOME)/.local/share/redress-demo
DEMO ?= $(DEMO_DIR)/demo.redress
# -noreset: the X server must not reset when the last client leaves, or a
# test that starts after every other one has closed its window may find no
# display for a moment ("cannot open display").
XVFB ?= xvfb-run -a -s "-screen 0 1280x800x24 -noreset"

.PHONY: all deps build run test bench clean demo

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

run: demo
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/redress "$(DEMO)"

test: build
	@set -e; rc=0; \
	$(XVFB) dbus-run-session -- meson test -C $(BUILD) --print-errorlogs --num-processes 2 || rc=$$?; \
	/usr/bin/python3 .ci/summary.py $(BUILD)/meson-logs/testlog.json || true; \
	exit $$rc

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
