"""Chat with a checkpoint in the terminal, decoded as the med-advisor card recommends.

    python -m medlab.chat model.path=logs/tiny_pipeline/runs/DATE/med_advisor_phase3/hf_checkpoint
    python -m medlab.chat model.path=DIR generation.max_new_tokens=256 \\
        generation.repetition_penalty=1.15
    python -m medlab.chat model.path=DIR generation.system_prompt=null     # no system prompt
    echo "What does insulin do?" | python -m medlab.chat model.path=DIR    # one reply, then EOF

Reads one user message per line from stdin and prints `assistant: <reply>`; `/reset` clears the
conversation, `/exit` or end of input quits. Decoding and the education-only system prompt are
`medlab.config.evaluation.GenerationConfig`'s defaults (greedy, repetition_penalty 1.10,
no_repeat_ngram_size 6), overridable with `generation.<field>=...`; `model.<field>=...` sets
the other `ModelConfig` fields (e.g. `model.chat_template=tokenizer` for a Hub chat model's own
template, `model.dtype=bfloat16`). Replies come from
`medlab.evaluation.generation.generate_replies`, the same code the evaluation suites use.
Deliberately simple: no streaming, the whole conversation is re-encoded every turn.
A missing or unloadable model.path, or a bad override, prints one `medlab: error:` line and
exits with status 2. This is an education demo, not a medical advice system.
"""

from __future__ import annotations

import os
import sys
import typing
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import yaml

from medlab.config import ModelConfig, from_dict
from medlab.config.evaluation import GenerationConfig
from medlab.errors import ConfigError, MedlabError
from medlab.evaluation.checkpoint_eval import load_for_eval
from medlab.evaluation.generation import generate_replies

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

Message = dict[str, Any]
Generate = Callable[[Any, Any, list[list[Message]], GenerationConfig], list[str]]


def _value(cls: type, field: str, raw: str) -> Any:
    """`raw` typed for `cls.field`: text fields keep the text as given (colons included)."""
    if raw in ("null", "None", "~"):
        return None
    hint = typing.get_type_hints(cls).get(field)
    options = typing.get_args(hint) or (hint,)
    if str in options or typing.get_origin(hint) is typing.Literal:
        return raw
    try:
        return yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw


def parse_overrides(argv: list[str]) -> tuple[ModelConfig, GenerationConfig]:
    """(model, generation) configs from `section.field=value` arguments (ConfigError if bad)."""
    sections: dict[str, dict[str, Any]] = {"model": {}, "generation": {}}
    classes = {"model": ModelConfig, "generation": GenerationConfig}
    for arg in argv:
        key, sep, raw = arg.partition("=")
        section, _, field = key.partition(".")
        if not sep or section not in sections or not field or "." in field:
            raise ConfigError(
                f"argument {arg!r}: expected model.<field>=VALUE or generation.<field>=VALUE, "
                "e.g. model.path=DIR generation.max_new_tokens=256."
            )
        sections[section][field] = _value(classes[section], field, raw)
    if not sections["model"].get("path"):
        raise ConfigError(
            "model.path: required. Pass model.path=DIR, a Hugging Face checkpoint directory "
            "(e.g. <run_dir>/<phase>/hf_checkpoint) or a Hub id."
        )
    model_cfg = from_dict(ModelConfig, {"name": "chat", **sections["model"]}, "model")
    gen_cfg = from_dict(GenerationConfig, sections["generation"], "generation")
    gen_cfg.validate("generation")
    return model_cfg, gen_cfg


def load_model(model_cfg: ModelConfig) -> tuple[Any, Any]:
    """(model in eval mode, tokenizer); loading failures raise ModelLoadError naming model.path."""
    return load_for_eval(model_cfg)


def chat_loop(
    model: Any,
    tokenizer: Any,
    cfg: GenerationConfig,
    lines: Iterable[str],
    out: TextIO,
    generate: Generate | None = None,
    prompt: str = "",
) -> list[Message]:
    """Answer each user line; `/reset` clears the history, `/exit` stops. Returns the history."""
    if generate is None:
        generate = generate_replies
    history: list[Message] = []
    out.write(prompt)
    out.flush()
    for line in lines:
        text = line.strip()
        if text == "/exit":
            break
        if text == "/reset":
            history = []
            out.write("(conversation cleared)\n")
        elif text:
            history.append({"role": "user", "content": text})
            reply = generate(model, tokenizer, [history], cfg)[0]
            history.append({"role": "assistant", "content": reply})
            out.write(f"assistant: {reply}\n")
        out.write(prompt)
        out.flush()
    return history


def main(argv: list[str] | None = None) -> int:
    try:
        model_cfg, gen_cfg = parse_overrides(sys.argv[1:] if argv is None else argv)
        model, tokenizer = load_model(model_cfg)
    except MedlabError as exc:
        print(f"medlab: error: {exc}", file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    if interactive:
        print(
            f"medlab chat with {model_cfg.path} (education only, not medical advice). "
            "/reset clears the conversation, /exit or Ctrl-D quits.",
            file=sys.stderr,
        )
    chat_loop(
        model, tokenizer, gen_cfg, sys.stdin, sys.stdout, prompt="you> " if interactive else ""
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
