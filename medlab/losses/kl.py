"""Per-token KL estimator between the policy and a reference model (GRPO's KL penalty).

k3 (Schulman's "approximating KL" low-variance estimator, verl's `low_var_kl`), with
x = logp_ref - logp_theta evaluated at tokens sampled from the policy:

    k3 = exp(x) - x - 1          clamp x to [-c, c] first (c = 20, as verl does)

Since e^x >= 1 + x, k3 >= 0 for every token, with equality exactly when the two log-probs
agree; its expectation under the policy is KL(pi_theta || pi_ref). The clamp keeps exp(x)
finite when the reference assigns a sampled token a vanishingly small (or huge) probability;
outside [-c, c] the estimate saturates and its gradient is 0.

Deliberately simplified: verl additionally clamps the output to [-10, 10]; we do not.
Torch only; no Lightning.
"""

from __future__ import annotations

import torch


def k3_kl(
    logps: torch.Tensor,  # [B, T] (any shape) policy log-probs of the sampled tokens
    ref_logps: torch.Tensor,  # same shape, reference log-probs of the same tokens
    clamp: float = 20.0,
) -> torch.Tensor:  # same shape, >= 0
    """exp(x) - x - 1 with x = clamp(ref_logps - logps, -clamp, clamp), element-wise."""
    if logps.shape != ref_logps.shape:
        raise ValueError(
            f"logps and ref_logps must have one shape, got {tuple(logps.shape)} "
            f"and {tuple(ref_logps.shape)}"
        )
    if not clamp > 0:
        raise ValueError(f"k3_kl clamp must be > 0, got {clamp}")
    log_ratio = (ref_logps - logps).clamp(min=-clamp, max=clamp)
    return torch.exp(log_ratio) - log_ratio - 1
