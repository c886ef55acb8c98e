"""Benchmarks and evaluation harnesses (need the IndoSum data; not part of the package)."""
