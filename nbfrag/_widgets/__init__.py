"""Input widgets: `base` holds what every widget shares; one module per family builds on it."""
