"""Model and tokenizer builders: `build_causal_lm`, `load_tokenizer`, LoRA, tiny models."""
