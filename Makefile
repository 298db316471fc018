# medlab: `make help` lists the targets. Every target creates .venv and installs first if needed.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ARGS ?=

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install medlab with the pinned versions (constraints.txt)

run: $(STAMP) ## run tiny_pipeline (both recipes on tiny models) offline on CPU; extra overrides via ARGS="..."
	HF_HUB_OFFLINE=1 $(PY) -m medlab.run +experiment=tiny_pipeline $(ARGS)

test: $(STAMP) ## run the whole test suite, slow end-to-end tests included
	HF_HUB_OFFLINE=1 $(PY) -m pytest $(ARGS)

test-fast: $(STAMP) ## run the tests not marked slow
	HF_HUB_OFFLINE=1 $(PY) -m pytest -m "not slow" $(ARGS)

bench: $(STAMP) ## step time (tiny model) and peak step memory (Qwen3 vocabulary) of SFT, DPO, GRPO next to bare PyTorch loops
	HF_HUB_OFFLINE=1 $(PY) -m medlab.bench sft $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m medlab.bench dpo $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m medlab.bench grpo $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m medlab.bench chunking $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m medlab.bench_memory

lint: $(STAMP) ## ruff (lint + format check) and mypy on medlab/
	$(VENV)/bin/ruff check medlab tests tools
	$(VENV)/bin/ruff format --check medlab tests tools
	$(VENV)/bin/mypy

format: $(STAMP) ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix medlab tests tools
	$(VENV)/bin/ruff format medlab tests tools

tokenizer: $(STAMP) ## retrain the committed tiny tokenizer on the project text
	$(PY) -m medlab.models.train_tokenizer

clean: ## remove run outputs (logs/) and caches, keep .venv
	rm -rf logs .pytest_cache .mypy_cache .ruff_cache

.PHONY: help install run test test-fast bench lint format tokenizer clean
