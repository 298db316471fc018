"""Rollouts for RL stages: the typed `Rollout` container and generation backends."""
