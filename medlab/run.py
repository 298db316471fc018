"""medlab entry point: compose the Hydra config and run the experiment it describes.

    python -m medlab.run                               # default: tiny_sft on CPU, offline
    python -m medlab.run +experiment=med_advisor_sft   # a recipe (see conf/experiment/)
    python -m medlab.run stage.max_steps=20 hydra.run.dir=/tmp/run1
    python -m medlab.run +experiment=afm_sft --cfg job # print the composed config, run nothing

A mistake the user can fix (bad config value, malformed data row, missing model, no network)
prints one `medlab: error:` line naming the key / file / line and exits with status 2.
Returns the final held-out loss so Hydra sweepers can optimise it.
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
    for name, res in results.items():
        before, after = res.get("val_loss_before"), res.get("val_loss_after")
        change = f"  held-out loss {before:.3f} -> {after:.3f}" if before and after else ""
        print(f"  {name}: {res['hf_checkpoint']}{change}")
    last = list(results.values())[-1]
    return last.get("val_loss_after")


if __name__ == "__main__":
    main()
