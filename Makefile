# The README's two commands: `make serve` and `make test`. Everything they need is installed here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup serve build test browser bench screenshots clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[site,test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## Build and serve the handbook at http://$(HOST):$(PORT)
serve: setup
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

## A browser for the browser tests: Playwright's own if installed, else Debian's chromium.
browser:
	@$(BIN)/python -m tests.browser_path >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Everything: set up, build strictly, run every test (engine, flows, Pyodide, browser).
test: setup browser
	$(BIN)/python -m pytest

bench: build browser
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/workshop_bench.py --site site --phone

screenshots: build browser
	$(BIN)/python benchmarks/screenshots.py

clean:
	rm -rf site .pytest_cache
