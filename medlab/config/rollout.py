"""Typed config of a custom GRPO generation backend: the optional top-level `rollout` node,
``+rollout._target_=my_pkg.engines.MyBackend`` (+ its constructor arguments), used instead of
`stage.backend`'s engine (`medlab.stages.grpo_setup.build_backend`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from medlab.config.parsing import reject


@dataclass
class RolloutConfig:
    """A generation backend class (any class with `GenerationBackend.generate`) and the keyword
    arguments it is built with."""

    target: str
    """Import path of the class (the node's `_target_`)."""
    arguments: dict[str, Any] = field(default_factory=dict)
    """The node's other keys, passed to the class."""

    def as_node(self) -> dict[str, Any]:
        """The node again, for `hydra.utils.instantiate`."""
        return {"_target_": self.target, **self.arguments}


def parse_rollout_config(node: Any) -> RolloutConfig:
    """`RolloutConfig` from the resolved `rollout` node, which must name a `_target_`."""
    if not isinstance(node, dict) or "_target_" not in node:
        reject(
            "rollout",
            "expected {_target_: module.Class, ...} naming a generation backend, "
            f"got {node!r}. Leave it out to use Hugging Face generate.",
        )
    arguments = {key: value for key, value in node.items() if key != "_target_"}
    return RolloutConfig(target=str(node["_target_"]), arguments=arguments)
