# Seloste: the two commands a fresh machine needs are `make serve` and `make test`.
# Each sets up what it needs (a virtualenv in .venv with exact pins) before it runs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check validate lint schema clean

ADDR ?= 127.0.0.1:8000

# serve: exec, so that the server is make's own child and stops with it (make passes a SIGTERM on to its children)
serve: $(VENV)/.site  ## set up, build and serve the site at http://127.0.0.1:8000/seloste/ (ORGS=slug1,slug2: only those organisations; ADDR=host:port: another address)
	SELOSTE_ONLY="$(ORGS)" exec $(BIN)/mkdocs serve -a "$(ADDR)"

build: $(VENV)/.site  ## set up and build the site (strict) beside site/, which it replaces only if the build succeeds
	$(BIN)/python scripts/build_site.py

test: $(VENV)/.test  ## set up and run every test (lint, format, types, data, unit, build, browser)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts
	$(BIN)/mypy
	$(BIN)/seloste validate
	$(BIN)/seloste schema --check
	$(BIN)/python -m pytest -n auto

check: $(VENV)/.test  ## the fast loop (about 1.5 minutes on two cores): lint, format, types, unit tests, data, schema
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n auto -m "not build and not browser and not slow"
	$(BIN)/seloste validate
	$(BIN)/seloste schema --check

validate: $(VENV)/.site  ## check data/ and report every problem as path:line:col
	$(BIN)/seloste validate

schema: $(VENV)/.site  ## regenerate data/schema/*.json from the model
	$(BIN)/seloste schema --write

lint: $(VENV)/.test
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

$(VENV)/.site: requirements/site.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/site.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.site requirements/test.txt scripts/install-system-packages package-lock.json
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/test.txt
	npm ci --no-audit --no-fund --loglevel=error
	scripts/install-system-packages
	touch $@

clean:
	rm -rf $(VENV) site .site.building-* .site.previous-* .pytest_cache node_modules
