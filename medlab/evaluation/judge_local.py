"""The LLM judge as a Hugging Face checkpoint on this machine: `LocalHFJudge` decodes greedily
with the checkpoint's own chat template (medlab's ChatML if it has none). Its cache name holds
the resolved path and `checkpoint_fingerprint` (config and weight files), so a retrained judge
never reuses old verdicts.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForCausalLM

from medlab.config.evaluation import GenerationConfig, JudgeConfig
from medlab.errors import ModelLoadError
from medlab.evaluation.generation import generate_replies
from medlab.models.hub import hub_errors_as_model_load_error
from medlab.models.tokenizer import load_tokenizer


def checkpoint_fingerprint(path: str) -> str:
    """Short hash of a local checkpoint's config and weight files (names, sizes, mtimes)."""
    root = Path(path)
    if not root.is_dir():
        return "hub"
    digest = hashlib.sha256()
    for file in sorted(root.iterdir()):
        if file.name == "config.json":
            digest.update(file.read_bytes())
        elif file.suffix in (".safetensors", ".bin"):
            stat = file.stat()
            digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


class LocalHFJudge:
    """A Hugging Face checkpoint on this machine, greedy decoding with its chat template."""

    def __init__(self, cfg: JudgeConfig) -> None:
        path = str(cfg.model)
        try:  # the checkpoint's own template first, medlab's ChatML if it has none
            self.tokenizer = load_tokenizer(path, chat_template="tokenizer")
        except ModelLoadError:
            self.tokenizer = load_tokenizer(path)
        cuda = torch.cuda.is_available()
        with hub_errors_as_model_load_error(path, key="eval.judge.model"):
            model: Any = AutoModelForCausalLM.from_pretrained(
                path, dtype=torch.bfloat16 if cuda else torch.float32
            )
        if model.get_input_embeddings().weight.shape[0] < len(self.tokenizer):
            model.resize_token_embeddings(len(self.tokenizer))
        self.model: Any = (model.to("cuda") if cuda else model).eval()
        self.gen_cfg = GenerationConfig(
            system_prompt=None,
            max_new_tokens=cfg.max_tokens,
            repetition_penalty=1.0,
            no_repeat_ngram_size=0,
            batch_size=1,
        )
        resolved = str(Path(path).resolve()) if Path(path).is_dir() else path
        self.name = f"local:{resolved}#{checkpoint_fingerprint(path)}"

    def complete(self, messages: list[dict[str, str]]) -> str:
        return generate_replies(self.model, self.tokenizer, [messages], self.gen_cfg)[0]
