"""W&B dashboards as code: a workspace (and a report) for a medlab run or sweep directory.

    python -m medlab.dashboard RUN_OR_SWEEP_DIR            # offline: writes DIR/dashboard.json
    python -m medlab.dashboard RUN_OR_SWEEP_DIR --publish  # saves it to W&B (WANDB_API_KEY)

`CATALOG` names, section by section, the metric keys medlab's stages log (training loss / lr /
grad norm / throughput; SFT accuracy; DPO rewards and log-probs; GRPO reward per function,
advantage signal, KL, entropy, clip ratios, truncation, generation share, the vLLM log-prob
mismatch; held-out metrics per phase). `definition` keeps the panels whose keys the directory's
stages logged (its `*/csv/metrics.csv` headers; all of them before anything ran), expands
`{reward}` to the run's reward functions, and filters the runs to the W&B group of the
experiment (of the sweep, for a sweep directory, where a sweep section compares the jobs).
Offline (the default, as medlab's W&B runs) the definition is written to the directory with the
command that publishes it; with `--publish` (or logger.wandb.mode=online) `wandb-workspaces`
saves the workspace and, for a finished pipeline (manifest.json), a report.

Simplified: line plots against the step only; one workspace per directory (a view named after
the group), no per-panel styling. A test checks every catalogued key against a real tiny run.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from omegaconf import OmegaConf

from medlab.config.logger import WandbConfig, parse_logger_config
from medlab.errors import ConfigError
from medlab.sweep_summary import sweep_name

FILE_NAME = "dashboard.json"
ALL = ("sft", "dpo", "grpo")


@dataclass(frozen=True)
class Panel:
    title: str
    keys: tuple[str, ...]
    """Metric keys on one line plot; `{reward}` stands for each GRPO reward function."""
    stages: tuple[str, ...]
    """The stages that log every key (the test runs each of them)."""
    only_with: str = ""
    """Set when a stage logs the keys only under a setting (the tiny CPU run does not)."""


@dataclass(frozen=True)
class Section:
    name: str
    panels: tuple[Panel, ...]


CATALOG: tuple[Section, ...] = (
    Section(
        "Training",
        (
            Panel("loss", ("train/loss",), ALL),
            Panel("learning rate", ("train/lr",), ALL),
            Panel("gradient norm (before clipping)", ("train/grad_norm",), ALL),
            Panel("tokens / s", ("train/tokens_per_sec",), ("sft", "dpo")),
            Panel("step time (s)", ("train/step_time",), ("sft", "dpo")),
            Panel("token accuracy", ("train/mean_token_accuracy",), ("sft",)),
        ),
    ),
    Section(
        "DPO rewards and log-probs",
        (
            Panel("implicit rewards", ("rewards/chosen", "rewards/rejected"), ("dpo",)),
            Panel("reward margin", ("rewards/margins",), ("dpo",)),
            Panel("preference accuracy", ("rewards/accuracies",), ("dpo",)),
            Panel("log-probs", ("logps/chosen", "logps/rejected"), ("dpo",)),
        ),
    ),
    Section(
        "GRPO rollouts",
        (
            Panel("reward per function", ("rewards/{reward}/mean",), ("grpo",)),
            Panel("total reward", ("rollout/reward_mean", "rollout/reward_std"), ("grpo",)),
            Panel(
                "advantage signal (groups with zero reward std, unscorable rows)",
                ("rollout/frac_reward_zero_std", "rollout/num_unscorable"),
                ("grpo",),
            ),
            Panel(
                "completion length",
                (
                    "rollout/completion_length_min",
                    "rollout/completion_length_mean",
                    "rollout/completion_length_max",
                ),
                ("grpo",),
            ),
            Panel("truncated completions (no EOS)", ("rollout/clipped_ratio",), ("grpo",)),
        ),
    ),
    Section(
        "GRPO policy update",
        (
            Panel("KL to the reference (k3)", ("train/kl",), ("grpo",)),
            Panel("entropy", ("train/entropy",), ("grpo",)),
            Panel("clip ratios", ("train/clip_ratio_low", "train/clip_ratio_high"), ("grpo",)),
            Panel("generation share of the step", ("time/generation_share",), ("grpo",)),
            Panel("step / generation time (s)", ("time/step_s", "time/generation_s"), ("grpo",)),
        ),
    ),
    Section(
        "GRPO rollout engine (vLLM)",
        (
            Panel(
                "engine / trainer log-prob mismatch",
                ("rollout/logprob_mismatch_mean", "rollout/logprob_mismatch_max"),
                ("grpo",),
                only_with="stage.backend=vllm",
            ),
            Panel(
                "importance-sampling ratio",
                ("rollout/is_ratio_min", "rollout/is_ratio_mean", "rollout/is_ratio_max"),
                ("grpo",),
                only_with="stage.backend=vllm",
            ),
        ),
    ),
    Section(
        "Evaluation (held-out, per phase)",
        (
            Panel("SFT / DPO held-out loss", ("val/loss",), ("sft", "dpo")),
            Panel("SFT held-out token accuracy", ("val/mean_token_accuracy",), ("sft",)),
            Panel(
                "DPO held-out preference accuracy / margin",
                ("val/rewards/accuracies", "val/rewards/margins"),
                ("dpo",),
            ),
            Panel(
                "GRPO held-out reward per function (greedy)",
                ("val/rewards/{reward}/mean", "val/reward_mean"),
                ("grpo",),
            ),
        ),
    ),
)


def expand(keys: tuple[str, ...], rewards: list[str]) -> list[str]:
    """`keys` with each `{reward}` key repeated for every reward function (none: dropped)."""
    out: list[str] = []
    for key in keys:
        out += [key.format(reward=r) for r in rewards] if "{reward}" in key else [key]
    return out


def logged_keys(directory: Path) -> set[str]:
    """Every metric key in the CSV metrics of the stages under `directory` (any depth)."""
    keys: set[str] = set()
    for path in sorted(directory.glob("**/csv/metrics.csv")):
        with path.open(newline="") as handle:
            keys.update(next(csv.reader(handle), []))
    return keys - {"epoch", "step"}


def reward_names(keys: set[str]) -> list[str]:
    """GRPO reward functions, from the `rewards/<name>/mean` keys the run logged."""
    names = {k.split("/")[1] for k in keys if k.startswith("rewards/") and k.endswith("/mean")}
    return sorted(n for n in names if f"rewards/{n}/mean" in keys)


def sections(keys: set[str]) -> list[dict[str, Any]]:
    """The catalogue as plain data, reduced to panels whose keys were logged (`keys` empty:
    nothing ran yet, every panel kept; a `{reward}` panel then has no keys and is dropped)."""
    rewards = reward_names(keys)
    out = []
    for section in CATALOG:
        panels = []
        for panel in section.panels:
            names = expand(panel.keys, rewards)
            if keys:
                names = [k for k in names if k in keys]
            if names:
                panels.append({"title": panel.title, "keys": names})
        if panels:
            out.append({"name": section.name, "panels": panels})
    return out


def _config(run_dir: Path) -> dict[str, Any]:
    data = OmegaConf.to_container(OmegaConf.load(run_dir / ".hydra" / "config.yaml"))
    assert isinstance(data, dict)
    return data  # type: ignore[return-value]


def _sweep_jobs(directory: Path) -> list[dict[str, str]]:
    with (directory / "summary.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def definition(directory: Path) -> dict[str, Any]:
    """The dashboard of a run directory (`.hydra/config.yaml`) or a sweep directory
    (`summary.csv` and one directory per job) as plain JSON-ready data."""
    directory = Path(directory)
    is_sweep = (directory / "summary.csv").is_file() or (directory / "multirun.yaml").is_file()
    configs = [directory] if not is_sweep else sorted(directory.glob("*/.hydra/config.yaml"))
    if not is_sweep and not (directory / ".hydra" / "config.yaml").is_file():
        raise ConfigError(
            f"{directory}: not a medlab run directory (no .hydra/config.yaml) nor a sweep "
            "directory (no summary.csv). Pass the hydra.run.dir or hydra.sweep.dir of a run."
        )
    if not configs:
        raise ConfigError(f"{directory}: a sweep directory without any job's .hydra/config.yaml.")
    cfg = _config(directory if not is_sweep else configs[0].parent.parent)
    wandb_cfg = _wandb(cfg)
    experiment = str(cfg.get("experiment_name", "default"))
    group = sweep_name(experiment, directory) if is_sweep else wandb_cfg.group or experiment
    keys = logged_keys(directory)
    found = sections(keys)
    if is_sweep:
        jobs = _sweep_jobs(directory) if (directory / "summary.csv").is_file() else []
        metric = next((j["metric_name"] for j in jobs if j.get("metric_name")), "")
        if metric and (not keys or metric in keys):
            panel = {"title": f"{metric} of each job", "keys": [metric]}
            found.insert(0, {"name": f"Sweep {group}", "panels": [panel]})
    out: dict[str, Any] = {
        "entity": wandb_cfg.entity,
        "project": wandb_cfg.project,
        "group": group,
        "name": f"medlab {group}",
        "sections": found,
    }
    if (directory / "manifest.json").is_file():  # a (finished) pipeline: a report too
        manifest = json.loads((directory / "manifest.json").read_text())
        out["report"] = {
            "title": f"medlab {experiment} ({group})",
            "stages": [
                {"stage": s.get("stage"), "final_metrics": s.get("final_metrics") or {}}
                for s in manifest.get("stages", [])
            ],
        }
    return out


def _line_plots(section: dict[str, Any]) -> list[Any]:
    import wandb_workspaces.reports.v2 as wr

    return [wr.LinePlot(title=p["title"], y=list(p["keys"])) for p in section["panels"]]


def build_workspace(defn: dict[str, Any], entity: str) -> Any:
    """A `wandb_workspaces` Workspace: one open section per catalogue section, the runs of the
    definition's W&B group only."""
    import wandb_workspaces.workspaces as ws

    return ws.Workspace(
        entity=entity,
        project=defn["project"],
        name=defn["name"],
        sections=[
            ws.Section(name=s["name"], panels=_line_plots(s), is_open=True)
            for s in defn["sections"]
        ],
        runset_settings=ws.RunsetSettings(filters=[ws.Metric("Group") == defn["group"]]),
    )


def build_report(defn: dict[str, Any], entity: str) -> Any:
    """A `wandb_workspaces` Report of a finished pipeline: its final metrics, then each section."""
    import wandb_workspaces.reports.v2 as wr

    runset = wr.Runset(entity=entity, project=defn["project"], filters=f"Group = '{defn['group']}'")
    lines = [
        f"- **{s['stage']}**: "
        + ", ".join(f"{k} = {v:.4g}" for k, v in s["final_metrics"].items() if v is not None)
        for s in defn["report"]["stages"]
    ]
    blocks: list[Any] = [wr.MarkdownBlock(text="\n".join(lines) or "No stage finished.")]
    for section in defn["sections"]:
        blocks += [
            wr.H2(text=section["name"]),
            wr.PanelGrid(runsets=[runset], panels=_line_plots(section)),
        ]
    return wr.Report(
        entity=entity, project=defn["project"], title=defn["report"]["title"], blocks=blocks
    )


def publish(defn: dict[str, Any]) -> list[str]:
    """Save the workspace (and the report) to W&B; returns their URLs."""
    import wandb

    entity = defn["entity"] or wandb.Api().default_entity
    if not entity:
        raise ConfigError("logger.wandb.entity: not set and W&B has no default entity; set it.")
    urls = [build_workspace(defn, entity).save().url]
    if "report" in defn:
        urls.append(build_report(defn, entity).save().url)
    return urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m medlab.dashboard", description=__doc__)
    parser.add_argument("directory", type=Path, help="a medlab run or sweep directory")
    parser.add_argument("--publish", action="store_true", help="save it to W&B now")
    args = parser.parse_args(argv)
    try:
        defn = definition(args.directory)
        online = args.publish or _mode(args.directory) == "online"
        if online:
            for url in publish(defn):
                print(f"medlab: saved {url}")
            return 0
    except ConfigError as exc:
        print(f"medlab: error: {exc}", file=sys.stderr)
        return 2
    path = args.directory / FILE_NAME
    path.write_text(json.dumps(defn, indent=2) + "\n")
    panels = sum(len(s["panels"]) for s in defn["sections"])
    print(
        f"medlab: wrote {path} ({len(defn['sections'])} sections, {panels} panels, W&B group "
        f"{defn['group']!r}). To publish: `wandb sync` the offline runs (wandb/offline-run-*), "
        f"then WANDB_API_KEY=... python -m medlab.dashboard {args.directory} --publish"
    )
    return 0


def _mode(directory: Path) -> str:
    run = directory if (directory / ".hydra").is_dir() else next(directory.glob("*/.hydra"), None)
    if run is None:
        return "offline"
    cfg = _config(run if run.name != ".hydra" else run.parent)
    return _wandb(cfg).mode


def _wandb(cfg: dict[str, Any]) -> WandbConfig:
    """The typed `logger.wandb` node of a stored run config."""
    return parse_logger_config(cfg.get("logger")).wandb


if __name__ == "__main__":
    raise SystemExit(main())
