"""The handbook's admin: one module per concern, each registering its own hooks when imported."""

from . import acknowledgements, audit, iso_clauses, review  # noqa: F401
