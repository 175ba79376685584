# Two commands matter: `make demo` and `make test`. Both set everything up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen

.PHONY: venv demo test lint format bench clean system deb screenshots

venv: $(STAMP)

system:
	@bash scripts/bootstrap-system.sh

$(STAMP): pyproject.toml scripts/bootstrap-system.sh
	@bash scripts/bootstrap-system.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[test,dev]"
	@touch $(STAMP)

# Starts the embedded reference backend with demo data and the till against it.
# Without a display it runs under a virtual X server (xvfb-run).
demo: venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		QT_QPA_PLATFORM= $(BIN)/till --demo; \
	else \
		echo "No display found: running the demo under xvfb-run (a virtual screen)."; \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/till --demo; \
	fi

test: venv
	$(BIN)/python -m pytest --durations=10

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy devices offline_queue server
	$(BIN)/mypy till

format: venv
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: venv
	$(BIN)/python bench/decode_bench.py ../shared/samples/codes
	$(BIN)/python bench/server_bench.py
	$(BIN)/python bench/queue_bench.py
	$(BIN)/python bench/identify_bench.py

deb: venv
	bash packaging/debian/build-deb.sh

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache
