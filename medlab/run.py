"""medlab entry point: compose the Hydra config and run the experiment it describes.

    python -m medlab.run                               # default: tiny_sft on CPU, offline
    python -m medlab.run +experiment=med_advisor_sft   # a recipe (see conf/experiment/)
    python -m medlab.run stage.max_steps=20 hydra.run.dir=/tmp/run1
    python -m medlab.run +experiment=afm_sft --cfg job # print the composed config, run nothing

A mistake the user can fix (bad config value, malformed data row, missing model, no network)
prints one `medlab: error:` line naming the key / file / line and exits with status 2.
Returns the last stage's headline held-out metric (loss for sft, preference accuracy for dpo,
correctness for grpo) so Hydra sweepers can optimise it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import hydra
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig

from medlab.errors import MedlabError
from medlab.resolvers import register_resolvers

log = logging.getLogger("medlab")
register_resolvers()
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@hydra.main(version_base="1.3", config_path="../conf", config_name="config")
def main(cfg: DictConfig) -> float | None:
    from medlab.experiment import run_experiment

    run_dir = Path(HydraConfig.get().runtime.output_dir)
    try:
        results = run_experiment(cfg, run_dir)
    except MedlabError as exc:
        print(f"medlab: error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(f"\nmedlab: run directory {run_dir}")
    print(f"  manifest: {run_dir / 'manifest.json'}")
    for name, res in results.items():
        print(f"  {name}: {res['hf_checkpoint']}{_headline(res)}")
    last = list(results.values())[-1]
    key = HEADLINE_METRIC.get(str(last.get("stage")), "val/loss")
    return (last.get("val_after") or {}).get(key)


HEADLINE_METRIC = {
    "sft": "val/loss",
    "dpo": "val/rewards/accuracies",
    "grpo": "val/rewards/mcq_correctness/mean",
}


def _headline(results: dict) -> str:
    """'  held-out <metric> before -> after' for the stage's headline metric, if measured."""
    key = HEADLINE_METRIC.get(str(results.get("stage")), "val/loss")
    before, after = (
        (results.get("val_before") or {}).get(key),
        (results.get("val_after") or {}).get(key),
    )
    if before is None or after is None:
        return ""
    return f"  held-out {key.removeprefix('val/')} {before:.3f} -> {after:.3f}"


if __name__ == "__main__":
    main()
