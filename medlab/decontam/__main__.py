"""`python -m medlab.decontam`: the overlap report of a composed experiment, or `--bench`.

Usage (see `medlab.decontam` for the method):

    python -m medlab.decontam --out /tmp/decontam +experiment=tiny_pipeline
    python -m medlab.decontam --bench [--rows 33000 --items 20000]
"""

from __future__ import annotations

from medlab.decontam import __doc__ as decontam_doc


def main(argv: list[str] | None = None) -> int:
    """`python -m medlab.decontam`: see the module docstring."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m medlab.decontam",
        description=decontam_doc,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", default=".", help="directory for decontamination.json / .md")
    parser.add_argument("--bench", action="store_true", help="time synthetic MedReason-size data")
    parser.add_argument("--rows", type=int, default=33_000, help="--bench: training rows")
    parser.add_argument("--items", type=int, default=20_000, help="--bench: evaluation items")
    args, overrides = parser.parse_known_args(argv)
    if args.bench:
        from medlab.decontam.bench import run_bench

        print(run_bench(args.rows, args.items))
        return 0
    from medlab.decontam.sources import cli_report

    return cli_report(overrides, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
