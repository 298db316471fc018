"""The merge kind's `run`: merge two checkpoints of the chain with mergekit, on rank 0.

`base` / `other` default to the checkpoint the previous phase started from and the one it wrote
(a merge right after DPO blends the SFT model with the DPO model). Under several ranks the others
wait on the file system for rank 0's results (`medlab.rank_zero_work`).
"""

from __future__ import annotations

import json
import logging
from functools import partial
from pathlib import Path
from typing import Any

from omegaconf import DictConfig, OmegaConf

from medlab.atomic_files import is_complete
from medlab.config import MergeConfig, from_dict
from medlab.merge.mergekit_merge import run_merge_stage
from medlab.rank_zero_work import run_on_rank_zero
from medlab.stages.kind import PhaseOutcome, PhaseRun

log = logging.getLogger(__name__)


def merge_phase(phase: PhaseRun) -> PhaseOutcome:
    """Merge `merge.base` (default: the previous phase's input) with `merge.other` (default: the
    previous phase's output) into `<phase dir>/hf_checkpoint`."""
    stage_dir = phase.stage_dir
    merged = run_on_rank_zero(  # the other ranks wait, then read rank 0's results
        stage_dir / ".merge_rank0.json",
        partial(_merge, phase.cfg, stage_dir, phase.start_input, phase.start),
        f"merge phase {phase.name}",
    )
    results = merged or json.loads((stage_dir / "results.json").read_text())
    return PhaseOutcome(results, phase.start)


def _merge(
    cfg: DictConfig, stage_dir: Path, started_from: str | None, previous_output: str | None
) -> dict[str, Any]:
    """Rank 0's merge; a finished merge in `stage_dir` is reused."""
    if is_complete(stage_dir / "hf_checkpoint") and (stage_dir / "results.json").is_file():
        log.info("merge already complete, skipping: %s", stage_dir)
        return dict(json.loads((stage_dir / "results.json").read_text()))
    container = OmegaConf.to_container(cfg.get("merge") or {}, resolve=True)
    merge_cfg = from_dict(MergeConfig, container, "merge")
    if merge_cfg.base is None:
        merge_cfg.base = started_from
    if merge_cfg.other is None:
        merge_cfg.other = previous_output
    return run_merge_stage(merge_cfg, stage_dir)
