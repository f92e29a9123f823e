# One command per task. Each target sets up what it needs (a .venv with pinned requirements and the engine).
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PLAYBOOKS := $(VENV)/bin/playbooks
export NO_MKDOCS_2_WARNING := 1

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# --dirty: a save rebuilds only the pages it affects (the playbooks plugin adds the pages a data edit reaches).
serve: $(VENV)/.runtime ## Preview the site with live reload at http://127.0.0.1:8000 (quick: rebuilds what a save affects)
	PLAYBOOKS_PRINT=false $(PY) -m mkdocs serve --dirty --dev-addr 127.0.0.1:8000

serve-full: $(VENV)/.runtime ## Preview the site, rebuilding every page on every save (slower; as before)
	PLAYBOOKS_PRINT=false $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

edit: $(VENV)/.runtime ## Edit the site in the browser (forms, pickers; saves into this folder, Python only)
	$(PLAYBOOKS) edit

build: $(VENV)/.runtime ## Build the public edition into site/ (strict: any warning fails)
	$(PY) -m mkdocs build --strict

build-internal: $(VENV)/.runtime ## Build the internal (staff) edition into site-internal/
	PLAYBOOKS_EDITION=internal $(PY) -m mkdocs build --strict

check: $(VENV)/.runtime ## Check data, front matter and macro calls in about a second (no site build)
	$(PLAYBOOKS) check

# TITLE, SECTION, OWNER and TAG come from the command line (make exports them); "$$TITLE" keeps quotes in titles safe.
new-play: $(VENV)/.runtime ## Start a new play: make new-play TITLE="Hold a coffee with a cop" SECTION=everyday-contact
	$(PLAYBOOKS) new-play --title "$$TITLE" --section "$$SECTION" --owner "$$OWNER" --tag "$$TAG"

lint: $(VENV)/.dev ## Lint, format check, type check and the layer contract of the Python code
	$(VENV)/bin/ruff check src macros tests bench tools
	$(VENV)/bin/ruff format --check src macros tests bench tools
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache  # the layer contract (pyproject.toml [tool.importlinter])

browser: $(VENV)/.dev ## Make sure a Chromium is available for the browser tests
	@$(PLAYBOOKS) browser

readability: $(VENV)/.runtime ## Print the Flesch-Kincaid grade of every play, and the average, as a Markdown table
	$(PLAYBOOKS) readability

# Print and offline editions: public unless EDITION=internal (staff only: never publish those files).
EDITION ?= public
ifeq ($(filter $(EDITION),public internal),)
$(error EDITION must be public or internal, not "$(EDITION)")
endif

# VERSION, EFFECTIVE and SUMMARY come from the command line (make exports them); SUMMARY may be left out.
release: $(VENV)/.runtime ## Issue an edition: make release VERSION=2027.1 EFFECTIVE=2027-01-15 SUMMARY="…" (then push its tag)
	$(PLAYBOOKS) release "$$VERSION" --effective "$$EFFECTIVE" $${SUMMARY:+--summary "$$SUMMARY"}

editions: $(VENV)/.dev browser ## Build the site with every issued edition under archive/, each with its PDF and zip (EDITION=internal)
	PLAYBOOKS_EDITION=$(EDITION) $(PLAYBOOKS) editions

build-offline: $(VENV)/.runtime ## Zip the site to use from disk, search included, into dist/ (EDITION=internal for staff)
	PLAYBOOKS_EDITION=$(EDITION) $(PLAYBOOKS) offline

pdf: $(VENV)/.dev browser ## Save the print edition (cover, contents, every page) as dist/playbooks.pdf (EDITION=internal)
	PLAYBOOKS_EDITION=$(EDITION) $(PLAYBOOKS) pdf

test: $(VENV)/.dev browser ## Run every check and test (lint, data check, pytest with a real browser)
	$(MAKE) --no-print-directory lint check
	$(PY) -m pytest -n 2  # two workers: the machines have 2 cores

bench: $(VENV)/.dev browser ## Benchmark builds vs plain Material, preview speed and the editor's size (long; BENCH_ONLY=real,preview,editor for part)
	$(PY) -m bench.run $(if $(BENCH_ONLY),--only $(BENCH_ONLY))

bench-compare: $(VENV)/.dev ## This engine's build against another version's, taking turns on the same site (REF=tag or commit; long)
	$(PY) -m bench.compare $(REF)

lighthouse: $(VENV)/.dev browser ## Lighthouse (mobile, gzip, median of 3) of 5 pages and the JS/CSS budget (needs npm; optional)
	CHROME_PATH=/usr/bin/chromium $(PY) -m bench.lighthouse $(LIGHTHOUSE_ARGS)

screenshots: $(VENV)/.dev browser ## Take the editor's screenshots for CONTRIBUTING.md (docs/trainers/images/)
	$(PY) tools/editor_screenshots.py

.PHONY: help screenshots serve serve-full edit build build-internal check lint browser test readability new-play release editions build-offline pdf bench bench-compare lighthouse
