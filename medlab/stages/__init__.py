"""Training stages: LightningModules that orchestrate (batch in, pure losses, log), the chat
datamodule, and the Trainer factory."""
