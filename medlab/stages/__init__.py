"""Training stages: what runs between a typed config and an exported checkpoint.

    kind.py                 StageKind and its one call shape (PhaseRun -> PhaseOutcome; StageInputs -> StageParts)
    builders.py             build_sft / build_dpo / build_grpo: datamodule + LightningModule of a training kind
    training_run.py         train_stage / train_phase: tokenizer, build, Trainer, fit or resume, export, results
    trainer.py              the Lightning Trainer (hardware, strategies, FSDP2 sharding, checkpoint callbacks)
    sft.py dpo.py grpo.py   the LightningModules: batch in, pure loss (medlab.losses) out, manual optimisation
    dpo_setup.py grpo_setup.py    what DPO / GRPO need besides the module (reference, rewards, rollout engine)
    reference.py reference_cache.py   the reference model (frozen copy, adapters off, precomputed) of DPO and GRPO
    optim.py distributed.py       AdamW + schedule + step; sums over ranks and validation replays
    grpo_metrics.py grpo_scoring.py   GRPO's rollout metrics and reward scoring
    *_datamodule.py         chat rows, preference pairs, prompts
    finite_guard.py         stop on a non-finite loss / gradient / weight

The kinds themselves are listed once, in `medlab.stage_registry`.
"""
