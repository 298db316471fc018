"""medlab: post-training (SFT, DPO, GRPO, merging) of small chat models for medical education.

Entry point: ``python -m medlab.run`` (see README.md).
"""

__version__ = "0.1.0"
