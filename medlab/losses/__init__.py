"""Pure loss functions (torch only, no Lightning)."""
