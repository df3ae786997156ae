# borderlines: `make run` (local broker + worker + sample feed, events printed) and `make test`.
# Every target does its own set-up on a fresh machine (Python 3.11, Java 17, Maven).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FEED ?= samples/feed.jsonl
GOLD ?=

.PHONY: help
help: ## Show the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

.PHONY: install
install: $(STAMP) ## Create the virtualenv, install the package, the spaCy model and the broker jars
	@$(BIN)/borderlines broker fetch >/dev/null

.PHONY: run
run: install ## Start a local broker and the worker, replay the sample feed, print events (Ctrl-C stops)
	@FEED=$(FEED) bash deploy/local/run.sh

.PHONY: test
test: install ## Run the whole test suite (unit + integration against a broker the tests start)
	$(BIN)/pytest

.PHONY: test-unit
test-unit: $(STAMP) ## Unit tests only (no network)
	$(BIN)/pytest tests/unit

.PHONY: lint
lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check workers tests
	$(BIN)/mypy

.PHONY: eval
eval: $(STAMP) ## Score the enrichment on a gold file: make eval GOLD=path/to/gold.jsonl
	@test -n "$(GOLD)" || { echo "usage: make eval GOLD=path/to/gold.jsonl"; exit 2; }
	$(BIN)/borderlines eval $(GOLD) --bare

.PHONY: compose-check
compose-check: ## Validate docker-compose.yml (needs docker-compose; no engine required)
	docker-compose -f docker-compose.yml config -q

.PHONY: clean
clean: ## Remove local broker data and worker state (keeps the venv and the jar cache)
	rm -rf .local

.PHONY: bench
.PHONY: profile
profile: install ## py-spy profile of the offline enrichment: make profile FEED=items.jsonl (writes bench/results/profile.svg)
	@mkdir -p bench/results
	$(BIN)/py-spy record --rate 50 --output bench/results/profile.svg -- $(BIN)/borderlines enrich --in $(FEED) --out bench/results/profile-enriched.jsonl

bench: install ## Benchmark (docs/PERFORMANCE.md): make bench FEED=items.jsonl [TOPICS=labels.jsonl] [LIMIT=1000] [ROUNDS=1]
	$(BIN)/python bench/bench.py --feed $(FEED) $(if $(TOPICS),--topics $(TOPICS)) --limit $(or $(LIMIT),1000) --rounds $(or $(ROUNDS),1)
