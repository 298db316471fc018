"""LoRA trains the embedding (and untied lm_head) rows of the tokens medlab's chat template adds.

A "base checkpoint" in tmp_path has the committed tiny tokenizer without Qwen's markup tokens
(<think>, </think>, tool-call markers) and a tiny model sized to it. Loading it through
`load_tokenizer` + `build_causal_lm` with the medlab_chatml template adds those tokens with
fresh rows; `apply_lora` must train exactly those rows (peft trainable tokens), and both exports
(merged, adapter-only) must carry them and the resized vocabulary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

from medlab.checkpointing import export_hf_checkpoint
from medlab.config import LoRAConfig, ModelConfig, TinyModelConfig
from medlab.models.build import (
    added_token_ids,
    apply_lora,
    build_causal_lm,
    build_tiny_model,
    count_parameters,
)
from medlab.models.tokenizer import MARKUP_TOKENS, TINY_TOKENIZER_DIR, load_tokenizer
from medlab.models.tokenizer import added_token_ids as tokenizer_added_ids

BASE_VOCAB = 4096  # the committed tokenizer without its 6 markup tokens (ids 4096..4101)
LORA = LoRAConfig(enabled=True, r=4, alpha=8, target_modules=["q_proj", "v_proj"])
CHAT = [
    {"role": "user", "content": "Is water wet?"},
    {"role": "assistant", "content": "<think>\nThink briefly.\n</think>\n\nYes, it is."},
]


def tiny_cfg(tie: bool) -> TinyModelConfig:
    return TinyModelConfig(
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        intermediate_size=64,
        tie_word_embeddings=tie,
    )


def save_base_checkpoint(directory: Path, tie: bool, model_rows: int | None = None) -> Path:
    """A checkpoint whose tokenizer lacks the markup tokens; the model has `model_rows` rows
    (default: exactly the base vocabulary)."""
    directory.mkdir(parents=True, exist_ok=True)
    data = json.loads((TINY_TOKENIZER_DIR / "tokenizer.json").read_text())
    data["added_tokens"] = [t for t in data["added_tokens"] if t["content"] not in MARKUP_TOKENS]
    (directory / "tokenizer.json").write_text(json.dumps(data))
    config = (TINY_TOKENIZER_DIR / "tokenizer_config.json").read_text()
    (directory / "tokenizer_config.json").write_text(config)
    base_tokenizer = AutoTokenizer.from_pretrained(directory)
    assert len(base_tokenizer) == BASE_VOCAB and "<think>" not in base_tokenizer.get_vocab()
    model = build_tiny_model(tiny_cfg(tie), base_tokenizer)
    if model_rows is not None:
        model.resize_token_embeddings(model_rows, mean_resizing=False)
    model.save_pretrained(directory)
    return directory


def load_base(directory: Path):  # type: ignore[no-untyped-def]
    tokenizer = load_tokenizer(directory, chat_template="medlab_chatml")
    model = build_causal_lm(ModelConfig(name="base", path=str(directory)), tokenizer)
    return tokenizer, model


def train_steps(model: torch.nn.Module, input_ids: torch.Tensor, steps: int = 3) -> None:
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=1e-2, weight_decay=0.0)
    model.train()
    for _ in range(steps):
        model(input_ids=input_ids, labels=input_ids).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.eval()


@pytest.fixture(params=[False, True], ids=["untied", "tied"])
def tie(request) -> bool:
    return bool(request.param)


def test_load_tokenizer_records_the_tokens_it_adds(tmp_path):
    tokenizer = load_tokenizer(save_base_checkpoint(tmp_path, tie=False))
    assert tokenizer_added_ids(tokenizer) == list(range(BASE_VOCAB, BASE_VOCAB + 6))
    assert tokenizer.convert_tokens_to_ids("<think>") in tokenizer_added_ids(tokenizer)
    assert tokenizer_added_ids(load_tokenizer(None)) == []  # the committed one has them all


def test_build_causal_lm_resizes_and_records_added_rows(tmp_path):
    tokenizer, model = load_base(save_base_checkpoint(tmp_path, tie=False))
    assert model.get_input_embeddings().weight.shape[0] == len(tokenizer) == BASE_VOCAB + 6
    assert model.config.vocab_size == len(tokenizer)
    assert added_token_ids(model) == list(range(BASE_VOCAB, BASE_VOCAB + 6))
    _, again = load_base(tmp_path)  # seeded resize: every build starts from the same rows
    assert torch.equal(again.get_input_embeddings().weight, model.get_input_embeddings().weight)


def test_added_tokens_landing_in_padding_rows_are_recorded(tmp_path):
    """A checkpoint whose embedding is padded past its tokenizer (as Qwen's is): no resize, but
    the rows the added tokens land on were never trained, so they are recorded too."""
    padded = BASE_VOCAB + 16
    tokenizer, model = load_base(save_base_checkpoint(tmp_path, tie=False, model_rows=padded))
    assert model.get_input_embeddings().weight.shape[0] == padded
    assert added_token_ids(model) == list(range(BASE_VOCAB, BASE_VOCAB + 6))


def test_no_added_tokens_means_plain_lora(tiny_model):
    assert added_token_ids(tiny_model) == []
    peft_model = apply_lora(tiny_model, LORA, added_token_ids(tiny_model))
    trainable = [n for n, p in peft_model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in n for n in trainable)


def test_lora_trains_added_rows_and_exports_them(tmp_path, tie, caplog):
    tokenizer, model = load_base(save_base_checkpoint(tmp_path / "base", tie=tie))
    ids = added_token_ids(model)
    embed_before = model.get_input_embeddings().weight.detach().clone()
    head_before = model.get_output_embeddings().weight.detach().clone()
    with caplog.at_level("INFO", logger="medlab.models.build"):
        peft_model = apply_lora(model, LORA, ids)
    assert f"LoRA: training 6 added token rows (ids {ids})" in caplog.text
    trainable, _ = count_parameters(peft_model)
    lora_params = sum(p.numel() for n, p in peft_model.named_parameters() if "lora_" in n)
    heads = 1 if tie else 2  # an untied head gets its own rows
    assert trainable == lora_params + heads * len(ids) * 32  # only the rows, not the matrices

    input_ids = torch.tensor([tokenizer.apply_chat_template(CHAT, tokenize=True)["input_ids"]])
    think = tokenizer.convert_tokens_to_ids("<think>")
    assert think in ids and think in input_ids
    train_steps(peft_model, input_ids)
    with torch.no_grad():
        logits = peft_model(input_ids=input_ids).logits

    adapter_dir = export_hf_checkpoint(peft_model, tokenizer, tmp_path / "adapter", False)
    merged_dir = export_hf_checkpoint(peft_model, tokenizer, tmp_path / "merged", True)

    merged = AutoModelForCausalLM.from_pretrained(merged_dir)
    assert merged.config.vocab_size == len(tokenizer) == BASE_VOCAB + 6
    assert len(AutoTokenizer.from_pretrained(merged_dir)) == len(tokenizer)
    embed: Any = merged.get_input_embeddings().weight
    head: Any = merged.get_output_embeddings().weight
    others = [i for i in range(len(tokenizer)) if i not in ids]
    assert not torch.equal(embed[think], embed_before[think])  # the added row trained
    assert torch.equal(embed[others], embed_before[others])  # every other row stayed frozen
    assert all(not torch.equal(head[i], head_before[i]) for i in ids)  # head rows trained
    assert torch.equal(head[others], head_before[others])
    assert (head is embed) == tie
    with torch.no_grad():
        torch.testing.assert_close(merged(input_ids=input_ids).logits, logits)

    assert_adapter_export_carries_rows(adapter_dir, tmp_path / "base", input_ids, logits, ids)


def assert_adapter_export_carries_rows(
    adapter_dir: Path, base_dir: Path, input_ids: torch.Tensor, logits: torch.Tensor, ids: list
) -> None:
    """merge_on_save=false: the adapter holds the trained rows; base + adapter = trained model."""
    from peft import PeftModel

    tensors = load_file(str(adapter_dir / "adapter_model.safetensors"))
    deltas = [k for k in tensors if k.endswith("embed_tokens.token_adapter.trainable_tokens_delta")]
    assert len(deltas) == 1 and tensors[deltas[0]].shape == (len(ids), 32)
    _, base = load_base(base_dir)  # the base checkpoint, resized to the exported tokenizer
    reloaded = PeftModel.from_pretrained(base, adapter_dir).eval()
    with torch.no_grad():
        torch.testing.assert_close(reloaded(input_ids=input_ids).logits, logits)


def test_disabled_adapters_also_disable_the_trained_rows(tmp_path):
    """DPO's `adapters_disabled` reference is the base model: peft's disable_adapter() switches
    off the trainable-token rows along with the LoRA weights."""
    tokenizer, model = load_base(save_base_checkpoint(tmp_path, tie=False))
    peft_model: Any = apply_lora(model, LORA, added_token_ids(model))
    input_ids = torch.tensor([tokenizer.apply_chat_template(CHAT, tokenize=True)["input_ids"]])
    train_steps(peft_model, input_ids)
    _, base = load_base(tmp_path)
    with torch.no_grad():
        trained = peft_model(input_ids=input_ids).logits
        with peft_model.disable_adapter():
            disabled = peft_model(input_ids=input_ids).logits
        expected = base.eval()(input_ids=input_ids).logits
    assert not torch.allclose(trained, expected)
    torch.testing.assert_close(disabled, expected)


@pytest.mark.slow
def test_sft_stage_with_lora_trains_checkpoints_and_exports_added_rows(tmp_path, chat_rows):
    """run_stage end to end: the policy passes the added ids to apply_lora, the Lightning
    checkpoint holds the trained rows, and the merged export holds them too."""
    from medlab.stage_registry import run_stage
    from medlab.stages.trainer import last_checkpoint
    from tests.conftest import compose_config

    base_dir = save_base_checkpoint(tmp_path / "base", tie=False)
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in chat_rows * 2))
    overrides = [f"model.path={base_dir}", "model.name=base", "logger=csv"]
    overrides += [f"data.train_files=[{data}]", f"data.val_files=[{data}]"]
    overrides += ["stage.max_steps=2", "stage.warmup_steps=1", "stage.val_every_n_steps=2"]
    overrides += ["stage.checkpoint_every_n_steps=2", "stage.micro_batch_size=2", "stage.lr=1e-2"]
    overrides += ["stage.lora.enabled=true", "stage.lora.r=4", "stage.lora.alpha=8"]
    run_stage(compose_config(overrides), tmp_path / "run")

    checkpoint = last_checkpoint(tmp_path / "run")
    assert checkpoint is not None
    state = torch.load(checkpoint, map_location="cpu", weights_only=False)["state_dict"]
    deltas = [k for k in state if k.endswith("token_adapter.trainable_tokens_delta.default")]
    assert len(deltas) == 2  # embedding and the untied lm_head

    tokenizer, base = load_base(base_dir)
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "run" / "hf_checkpoint")
    assert merged.config.vocab_size == len(tokenizer)
    think = tokenizer.convert_tokens_to_ids("<think>")
    embed: Any = merged.get_input_embeddings().weight
    base_embed: Any = base.get_input_embeddings().weight
    assert not torch.equal(embed[think], base_embed[think])
    assert torch.equal(embed[:BASE_VOCAB], base_embed[:BASE_VOCAB])
