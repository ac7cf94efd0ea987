"""Demo content for Kvalitetsportalen: data only, consumed by the load_demo command."""
