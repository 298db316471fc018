"""`python -m medlab.decontam`: the overlap report of a composed experiment.

Usage (see `medlab.decontam` for the method):

    python -m medlab.decontam --out /tmp/decontam +experiment=tiny_pipeline

Its timing on synthetic MedReason-size data: `python -m benchmarks.decontam_speed`.
"""

from __future__ import annotations

import argparse

from medlab.decontam import __doc__ as decontam_doc
from medlab.decontam.sources import cli_report


def main(argv: list[str] | None = None) -> int:
    """`python -m medlab.decontam`: see the module docstring."""
    parser = argparse.ArgumentParser(
        prog="python -m medlab.decontam",
        description=decontam_doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", default=".", help="directory for decontamination.json / .md")
    args, overrides = parser.parse_known_args(argv)
    return cli_report(overrides, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
