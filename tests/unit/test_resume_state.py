"""Fast checks of what exact resume rests on (the end-to-end proof: test_exact_resume.py)."""

from __future__ import annotations

import pickle
import random

import numpy as np
import torch

from medlab.data.sampler import ResumableBatchSampler
from medlab.resume import _restore_rng, _rng_states


def test_resumed_sampler_is_the_same_lightning_epoch():
    """Started at step 3 of 7, the sampler yields steps 3..6 but its length stays 7: Lightning
    restores its position in the epoch (3) and ends the epoch when it reaches len()."""
    full = ResumableBatchSampler(5, batch_size=2, num_steps=7, seed=1)
    resumed = ResumableBatchSampler(5, batch_size=2, num_steps=7, seed=1, start_step=3)
    assert len(resumed) == len(full) == 7, "len() must be num_steps (set it in the sampler)"
    assert list(resumed) == list(full)[3:]


def test_rng_states_round_trip_through_pickle():
    """States survive pickling (how ranks gather them) and restore torch, NumPy and Python."""
    torch.manual_seed(3)
    np.random.seed(4)
    random.seed(5)
    np.random.randn()  # a cached Gaussian in NumPy's state
    saved = pickle.loads(pickle.dumps(_rng_states()))
    first = (torch.rand(4), np.random.randn(3), random.random())
    torch.rand(9), np.random.rand(2), random.random()
    _restore_rng(saved)
    again = (torch.rand(4), np.random.randn(3), random.random())
    assert torch.equal(first[0], again[0]), "torch RNG state not restored"
    assert np.array_equal(first[1], again[1]), "NumPy RNG state not restored"
    assert first[2] == again[2], "Python RNG state not restored"
