"""Admin hooks: filled in by the feature that owns this module."""
