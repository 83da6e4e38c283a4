# Framing Lens — everything runs inside the local .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements.stamp
PORT ?= 8501
# Who may connect: this machine only. For a classroom LAN: `make run HOST=0.0.0.0` (students then
# open http://<this machine's name>:8501; LAN_NAME is what the start banner prints).
HOST ?= 127.0.0.1
LAN_NAME ?= $(shell hostname)

.PHONY: setup run test test-fast bench lint format clean model screenshots

# The stamp is newer than both requirement files once they are installed, so a second `make setup`
# does nothing and costs nothing.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

run: setup
	@echo "Framing Lens: open http://localhost:$(PORT)/analyze (the seed article is analysed there)"
	$(BIN)/python -m ui.serve --server.port $(PORT) --server.headless true \
		--server.address $(HOST) \
		--browser.serverAddress $(if $(filter 127.0.0.1 localhost ::1,$(HOST)),localhost,$(LAN_NAME)) \
		--browser.gatherUsageStats false

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# Everything except the slow tests (browsers, subprocesses, megabytes of text): under 2 minutes.
test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

# The README's screenshots, refreshed on purpose (a test run saves them to a temporary folder).
screenshots: setup
	FRAMING_LENS_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q tests/ui/test_browser_*.py

# The tone model (analysis/engine/tone/model) from the shipped NewsMTSC copy; deterministic, so the
# committed files are exactly what this writes.
model: setup
	$(BIN)/python -m analysis train-tone

bench: setup
	@set -e; for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
