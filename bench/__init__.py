"""Benchmarks and the large-handbook generator; never part of the test suite (see bench/README.md)."""
