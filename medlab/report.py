"""Rebuild the model card of a finished run from its stored results (no model is loaded).

    python -m medlab.report RUN_DIR
    python -m medlab.report RUN_DIR --baseline Qwen3-4B-Base=runs/base_eval/evaluate/eval \\
        --baseline Qwen3-4B-Instruct=runs/instruct_eval --out /tmp/card --title "med-advisor-tiny"

RUN_DIR is a directory a pipeline wrote (it holds manifest.json). A baseline PATH is an eval
directory (`<run>/<phase>/eval`), a phase directory or a run directory (its last phase).
Writes `<out>/MODEL_CARD.md`, `<out>/tables.json` and `<out>/plots/*.png` (default out:
RUN_DIR/report) and prints the card's path. The same as
`python -m medlab.run +experiment=report report.run_dir=RUN_DIR`.
A missing or invalid RUN_DIR or baseline prints one `medlab: error:` line and exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from medlab.errors import MedlabError
from medlab.evaluation.card import write_model_card


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one `medlab: error:` line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        print(f"medlab: error: {message}. See `python -m medlab.report --help`.", file=sys.stderr)
        sys.exit(2)


def _baseline(text: str) -> tuple[str, str]:
    name, sep, path = text.partition("=")
    if not sep or not name.strip() or not path.strip():
        raise argparse.ArgumentTypeError(f"--baseline {text!r}: expected NAME=PATH")
    return name.strip(), path.strip()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = _Parser(
        prog="python -m medlab.report",
        description="Write MODEL_CARD.md, tables.json and plots for a finished medlab run.",
    )
    parser.add_argument("run_dir", type=Path, help="run directory (holds manifest.json)")
    parser.add_argument(
        "--baseline",
        action="append",
        type=_baseline,
        default=[],
        metavar="NAME=PATH",
        help="a baseline row: an eval dir, a phase dir or a run dir (repeatable)",
    )
    parser.add_argument("--out", type=Path, default=None, help="output dir (RUN_DIR/report)")
    parser.add_argument("--title", default=None, help="card title (default: experiment name)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.run_dir.is_dir():
        print(
            f"medlab: error: RUN_DIR {str(args.run_dir)!r} is not a directory. Pass the "
            "directory a pipeline wrote (hydra.run.dir, it holds manifest.json).",
            file=sys.stderr,
        )
        return 2
    try:
        card = write_model_card(
            args.run_dir, args.out, baselines=dict(args.baseline) or None, title=args.title
        )
    except MedlabError as exc:
        print(f"medlab: error: {exc}", file=sys.stderr)
        return 2
    print(f"medlab: model card {card}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
