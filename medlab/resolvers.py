"""OmegaConf resolvers used by the configs (registered once, idempotently)."""

from __future__ import annotations

from omegaconf import OmegaConf

from medlab.config import ASSETS_DIR


def register_resolvers() -> None:
    """`${medlab_assets:}` -> absolute path of the installed package's assets directory."""
    if not OmegaConf.has_resolver("medlab_assets"):
        OmegaConf.register_new_resolver("medlab_assets", lambda: str(ASSETS_DIR))
