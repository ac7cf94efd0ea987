"""The handbook's admin: one module per concern, each registering its own hooks when imported."""

from . import acknowledgements, approval, audit, comparison, iso_clauses, master_list, review, withdrawal  # noqa: F401
