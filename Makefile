# The README's two commands: `make serve` and `make test`. Everything they need is installed here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup serve build test browser servers bench screenshots clean

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
	HANDBOOK_SITE_URL=http://$(HOST):$(PORT)/ $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

## A browser for the browser tests: Playwright's own if installed, else Debian's chromium.
browser:
	@$(BIN)/python -m tests.browser_path >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Real web servers for the server tests and the benchmark: Debian's nginx (with its brotli_static
## module) and apache2, installed if missing. They are only run as child processes, never as services.
servers:
	@{ command -v nginx >/dev/null || test -x /usr/sbin/nginx; } && test -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so \
	  && { command -v apache2 >/dev/null || test -x /usr/sbin/apache2; } || { \
	  echo "Installing Debian's nginx, its brotli_static module and apache2 for the server tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    nginx libnginx-mod-http-brotli-static apache2 >/dev/null; }

## Everything: set up, build strictly, run every test (engine, flows, Pyodide, browser, servers).
test: setup browser servers
	$(BIN)/python -m pytest

## Figures on nginx with the shipped config (builds its own site for the bench's address).
bench: build browser servers
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/workshop_bench.py --site site --phone

screenshots: build browser
	$(BIN)/python benchmarks/screenshots.py

clean:
	rm -rf site .pytest_cache
