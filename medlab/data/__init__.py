"""Data: chat-row schema checks, loaders (local files / Hub), tokenisation with loss masks,
collators (padding and packing) and a resumable batch sampler."""
