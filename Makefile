# Two commands matter: `make demo` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: venv demo test lint format bench clean system deb package-check screenshots

venv: $(STAMP)

system:
	@bash scripts/bootstrap-system.sh

$(STAMP): pyproject.toml scripts/bootstrap-system.sh
	@bash scripts/bootstrap-system.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[test,dev,postgres]"
	@touch $(STAMP)

# Starts the embedded reference backend with demo data and the till against it.
# Without a display: a virtual X server (Xvfb) and x11vnc on 127.0.0.1 to look at it; the
# launcher prints the VNC address and password, and Ctrl+C stops every part of the demo.
demo: venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		QT_QPA_PLATFORM= $(BIN)/till --demo; \
	else \
		$(BIN)/python scripts/demo_headless.py; \
	fi

# One worker per core; a test file stays on one worker, so its module-scoped backend is
# started once.
test: venv
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=15

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy devices offline_queue server
	$(BIN)/mypy till

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: venv
	@if [ -d ../shared/samples/codes ]; then \
		$(BIN)/python bench/decode_bench.py ../shared/samples/codes; \
	else \
		echo "../shared/samples/codes is absent (developers' machines only): decode bench on 40 generated frames"; \
		$(BIN)/python bench/decode_bench.py --generate 40 build/bench-frames; \
	fi
	$(BIN)/python bench/server_bench.py
	$(BIN)/python bench/queue_bench.py
	$(BIN)/python bench/identify_bench.py

deb: venv
	WHEEL_CACHE=build/wheels bash packaging/debian/build-deb.sh

# Builds the .deb, lintian (no errors), systemd-analyze verify, installs it into a scratch
# root through its own postinst and runs the installed till and till-server.
package-check: venv
	@bash scripts/bootstrap-system.sh --packaging
	bash packaging/debian/check-deb.sh

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
