"""`VLLMBackend`: GRPO rollouts on a colocated, in-process vLLM engine (``stage.backend=vllm``).

The engine lives in the training process, next to the policy (TRL's "colocate" mode): one
engine per training rank, built lazily on the first `generate` from the policy's current
weights, and kept in step with the policy by `sync_weights(model)`, which the GRPO module calls
at train start (after a resume checkpoint is loaded) and after every optimizer step. The push
is in place (no engine restart): the policy's weights as its forward pass uses them (LoRA
merged, trainable token rows applied, FSDP shards gathered), under Hugging Face names.

- GPU: the worker model's own `load_weights` (what TRL's colocate mode does).
- CPU: vLLM pre-packs linear weights for oneDNN and drops the originals, so `load_weights`
  fails there; the worker's `reload_weights(weights_iterator=..., is_checkpoint_format=True)`
  re-runs the packing, and a tied lm_head (whose packed copy the reload leaves stale) is
  repacked by hand. Guarded by `current_platform.is_cpu()`: the GPU path stays the plain one.

Each completion is its own request seeded from torch's (CPU) RNG, so a run that restores the
RNG on resume samples the same completions. Log-probs of the sampled tokens come back from the
engine under its sampling distribution (`logprobs_mode="processed_logprobs"`: temperature,
top-k, top-p applied), for the GRPO module's mismatch metric and importance-sampling correction.

Simplifications: text only; one engine per rank (tensor_parallel_size > 1 and multi-rank
engines use vLLM's `external_launcher`, never run here); the engine starts from dummy weights
and takes the policy's through the same push as every step (nothing written to disk).

Run it (vLLM lives in its own venv, `make vllm-install`):
    .venv-vllm/bin/python -m medlab.run +experiment=tiny_grpo stage.backend=vllm
Test it: ``make test-vllm`` (tests/vllm/).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from typing import Any

import torch

from medlab.config import VLLMConfig
from medlab.errors import ConfigError
from medlab.rollout.backend import GenerationOutput, SamplingConfig
from medlab.rollout.policy_weights import base_model, policy_weights, ties_word_embeddings

log = logging.getLogger(__name__)

CPU_DEFAULT_KV_CACHE_BYTES = 1 << 30
"""KV cache of a CPU engine when kv_cache_memory_bytes is null (vLLM would otherwise reserve
gpu_memory_utilization x the host's memory)."""
CPU_DEFAULT_BATCHED_TOKENS = 4096
SEED_HIGH = 2**31 - 1

NOT_INSTALLED = (
    "stage.backend=vllm: vLLM is not installed in this environment ({python}). "
    "Run `make vllm-install` and start medlab from .venv-vllm "
    "(.venv-vllm/bin/python -m medlab.run ...), or set stage.backend=hf."
)


VLLMSettings = VLLMConfig
"""How the engine is built: `stage.vllm` (`medlab.config.VLLMConfig`), the one definition."""


class VLLMBackend:
    """`GenerationBackend` on an in-process `vllm.LLM`; see the module docstring."""

    def __init__(self, settings: VLLMSettings | None = None, max_model_len: int = 2048) -> None:
        if importlib.util.find_spec("vllm") is None:
            import sys

            raise ConfigError(NOT_INSTALLED.format(python=sys.executable))
        self.settings = settings or VLLMSettings()
        self.max_model_len = self.settings.max_model_len or max_model_len
        self.llm: Any = None
        self._config_dir: tempfile.TemporaryDirectory[str] | None = None
        self._tied_head = False

    # ---- the protocol ----------------------------------------------------------------------
    def generate(
        self,
        model: torch.nn.Module,
        prompt_ids: torch.Tensor,  # [P, Lp] left-padded
        prompt_mask: torch.Tensor,  # [P, Lp]
        num_generations: int,
        sampling: SamplingConfig,
        eos_token_ids: list[int],
        pad_token_id: int,
        greedy: bool = False,
    ) -> GenerationOutput:
        """G completions of each prompt (rows of one prompt contiguous) and the engine's
        log-prob of every sampled token."""
        if self.llm is None:
            self.llm = self._build(model)
        prompts = [
            {"prompt_token_ids": row[keep.bool()].tolist()}
            for row, keep in zip(prompt_ids.cpu(), prompt_mask.cpu(), strict=True)
        ]
        requests = [p for p in prompts for _ in range(num_generations)]
        if greedy:
            seeds: list[int | None] = [None] * len(requests)
        else:
            seeds = [int(s) for s in torch.randint(0, SEED_HIGH, (len(requests),))]
        params = [sampling_params(sampling, eos_token_ids, seed, greedy) for seed in seeds]
        with self._awake():
            outputs = self.llm.generate(requests, params, use_tqdm=False)
        ids, logps = pack_completions([o.outputs[0] for o in outputs], pad_token_id)
        return GenerationOutput(ids.to(prompt_ids.device), logps.to(prompt_ids.device))

    def sync_weights(self, model: torch.nn.Module) -> None:
        """Push the policy's current weights into the engine, in place. Before the first
        `generate` there is no engine yet (it is built from the then-current weights)."""
        if self.llm is None:
            return
        # An engine first built under inference mode (Lightning's validation) holds inference
        # tensors, which only an inference-mode region may update in place.
        with torch.inference_mode(), self._awake():
            push_weights(self.llm, policy_weights(model), self._tied_head)

    def close(self) -> None:
        """Shut the engine down and free its memory (a later `generate` builds a new one)."""
        if self.llm is not None:
            self.llm.llm_engine.engine_core.shutdown()
            self.llm = None
        if self._config_dir is not None:
            self._config_dir.cleanup()
            self._config_dir = None

    # ---- engine ----------------------------------------------------------------------------
    def _build(self, model: torch.nn.Module) -> Any:
        # The weight push hands the worker Python objects: the engine core must live in this
        # process (vLLM's multiprocess client would have to pickle them).
        os.environ["VLLM_ENABLE_V1_MULTIPROCESSING"] = "0"
        from vllm import LLM
        from vllm.platforms import current_platform

        self._config_dir = tempfile.TemporaryDirectory(prefix="medlab-vllm-")
        write_config(model, self._config_dir.name)
        self._tied_head = ties_word_embeddings(model)
        quiet_expected_sync_logs(self._tied_head)
        # vLLM seeds Python's, NumPy's and torch's global RNGs while it starts: keep the
        # trainer's streams as they were (exact resume, data order, dropout).
        with preserved_rng():
            kwargs = self.engine_kwargs(current_platform.is_cpu(), weights_dtype(model))
            llm = LLM(model=self._config_dir.name, **kwargs)
        with torch.inference_mode():
            push_weights(llm, policy_weights(model), self._tied_head)
        log.info("vLLM engine built (max_model_len=%d)", self.max_model_len)
        if self.settings.enable_sleep_mode:
            llm.sleep(level=1)
        return llm

    def engine_kwargs(self, on_cpu: bool, policy_dtype: str) -> dict[str, Any]:
        """Arguments of `vllm.LLM` besides the model directory. dtype=auto is the policy's
        (vLLM's own auto would run an fp32 policy in half precision)."""
        s = self.settings
        kv_bytes = s.kv_cache_memory_bytes
        if kv_bytes is None and on_cpu:
            kv_bytes = CPU_DEFAULT_KV_CACHE_BYTES
        kwargs: dict[str, Any] = dict(
            load_format="dummy",  # the real weights arrive by `push_weights`
            skip_tokenizer_init=True,  # token ids in, token ids out
            runner="generate",
            # vLLM's own model code: its Transformers fallback patches the transformers classes
            # of this process, which the colocated trainer uses too.
            model_impl="vllm",
            generation_config="vllm",  # no defaults from the checkpoint's generation_config
            logprobs_mode="processed_logprobs",
            gpu_memory_utilization=s.gpu_memory_utilization,
            kv_cache_memory_bytes=kv_bytes,
            enable_sleep_mode=s.enable_sleep_mode,
            max_model_len=self.max_model_len,
            dtype=policy_dtype if s.dtype == "auto" else s.dtype,
            enforce_eager=s.enforce_eager or on_cpu,
            seed=s.seed,
            tensor_parallel_size=s.tensor_parallel_size,
            enable_prefix_caching=s.enable_prefix_caching,
        )
        if s.max_num_seqs is not None:
            kwargs["max_num_seqs"] = s.max_num_seqs
        if s.max_num_batched_tokens is not None:
            kwargs["max_num_batched_tokens"] = s.max_num_batched_tokens
        if on_cpu:
            # A prompt prefilled in chunks makes the CPU runner rewind the request's seeded
            # generator (`set_offset`), which CPU generators do not support (vLLM 0.32): whole
            # prompts only, so the step's token budget must hold the longest sequence.
            kwargs["enable_chunked_prefill"] = False
            budget = s.max_num_batched_tokens or CPU_DEFAULT_BATCHED_TOKENS
            kwargs["max_num_batched_tokens"] = max(budget, self.max_model_len)
        if _training_world_size() > 1:
            # One engine per training rank, inside the ranks torchrun / Lightning started.
            kwargs["distributed_executor_backend"] = "external_launcher"
        return kwargs

    @contextlib.contextmanager
    def _awake(self) -> Iterator[None]:
        if not self.settings.enable_sleep_mode:
            yield
            return
        self.llm.wake_up()
        try:
            yield
        finally:
            self.llm.sleep(level=1)


@contextlib.contextmanager
def preserved_rng() -> Iterator[None]:
    """Restore Python's, NumPy's and torch's (CPU and CUDA) global RNG states on exit."""
    import random

    import numpy as np

    python_state, numpy_state = random.getstate(), np.random.get_state()
    devices = list(range(torch.cuda.device_count())) if torch.cuda.is_initialized() else []
    with torch.random.fork_rng(devices=devices):
        yield
    random.setstate(python_state)
    np.random.set_state(numpy_state)


def _training_world_size() -> int:
    """Processes of the training job (vLLM itself sets up a 1-process group in-process)."""
    dist = torch.distributed
    if not (dist.is_available() and dist.is_initialized()):
        return 1
    return int(dist.get_world_size())


def sampling_params(
    sampling: SamplingConfig, eos_token_ids: list[int], seed: int | None, greedy: bool
) -> Any:
    """One completion's `vllm.SamplingParams`: HF generate's stopping rule (stop after the
    first of `eos_token_ids`, which is kept; nothing else stops it), the log-prob of the
    sampled token, and greedy = temperature 0."""
    from vllm import SamplingParams

    return SamplingParams(
        n=1,
        temperature=0.0 if greedy else sampling.temperature,
        top_p=1.0 if greedy else sampling.top_p,
        top_k=0 if greedy else sampling.top_k,  # 0 = off, as in medlab
        max_tokens=sampling.max_completion_length,
        ignore_eos=True,  # only eos_token_ids stop, as with HF generate(eos_token_id=...)
        stop_token_ids=list(eos_token_ids),
        seed=seed,
        logprobs=0,  # the sampled token's log-prob only
        detokenize=False,
    )


def pack_completions(
    completions: list[Any], pad_token_id: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """([N, Lc] ids right-padded with pad_token_id, [N, Lc] fp32 sampled-token log-probs, 0 on
    padding) from vLLM `CompletionOutput`s; Lc = the longest completion."""
    width = max(len(c.token_ids) for c in completions)
    ids = torch.full((len(completions), width), pad_token_id, dtype=torch.long)
    logps = torch.zeros((len(completions), width), dtype=torch.float32)
    for i, c in enumerate(completions):
        n = len(c.token_ids)
        ids[i, :n] = torch.tensor(list(c.token_ids), dtype=torch.long)
        per_token = [
            step[token].logprob for step, token in zip(c.logprobs, c.token_ids, strict=True)
        ]
        logps[i, :n] = torch.tensor(per_token, dtype=torch.float32)
    return ids, logps


def weights_dtype(model: torch.nn.Module) -> str:
    """ "float32" / "bfloat16" / ...: the dtype of the policy's (first floating) weights."""
    dtype = next(p.dtype for p in model.parameters() if p.is_floating_point())
    return str(dtype).removeprefix("torch.")


def write_config(model: torch.nn.Module, directory: str) -> None:
    """The policy's transformers config.json (no weights: the engine loads dummy ones), naming
    its architecture (a model built from a config has none recorded) so that vLLM picks its
    own implementation of it."""
    base = base_model(model)
    config = base.config.to_dict()
    config["architectures"] = [type(base).__name__]
    config["dtype"] = weights_dtype(model)
    with open(os.path.join(directory, "config.json"), "w") as f:
        json.dump(config, f)


def push_weights(llm: Any, weights: Iterator[tuple[str, torch.Tensor]], tied_head: bool) -> None:
    """Load `weights` (HF names) into the engine's model in place, then drop the prefix cache
    (its KV entries were computed with the old weights)."""
    from vllm.platforms import current_platform

    if current_platform.is_cpu():
        llm.collective_rpc(
            "reload_weights", kwargs={"weights_iterator": weights, "is_checkpoint_format": True}
        )
        if tied_head:
            llm.apply_model(repack_tied_head)
    else:
        llm.apply_model(lambda engine_model: engine_model.load_weights(weights))
    llm.reset_prefix_cache()


SYNC_LOGGERS = (
    "vllm.model_executor.model_loader.reload.layerwise",
    "vllm.model_executor.model_loader.reload.inplace",
    "vllm.v1.core.block_pool",
)


class _ExpectedSyncNoise(logging.Filter):
    """Drops what vLLM logs on every weight push that says nothing new: INFO lines (reload
    time, prefix cache reset) and "Failed to load weights" for layers with no checkpoint
    weights of their own (the rotary cache; a tied head, repacked by `repack_tied_head`).
    Other warnings, e.g. weights the push did not cover, still show."""

    def __init__(self, layers_without_weights: set[str]) -> None:
        super().__init__()
        self.layers = layers_without_weights

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return False
        unloaded = record.msg == "%s: Failed to load weights" and bool(record.args)
        return not (unloaded and record.args[0] in self.layers)  # type: ignore[index, operator]


def quiet_expected_sync_logs(tied_head: bool) -> None:
    layers = {"RotaryEmbedding"} | ({"ParallelLMHead"} if tied_head else set())
    for name in SYNC_LOGGERS:
        target = logging.getLogger(name)
        target.filters = [f for f in target.filters if not isinstance(f, _ExpectedSyncNoise)]
        target.addFilter(_ExpectedSyncNoise(layers))


def repack_tied_head(engine_model: torch.nn.Module) -> None:
    """CPU only: redo the oneDNN packing of a head tied to the input embedding, whose packed
    copy `reload_weights` leaves stale (it repacks the embedding, not the head)."""
    head: Any = engine_model.get_submodule("lm_head")
    head.quant_method.process_weights_after_loading(head)
