"""Blueprints: one module per group of endpoints."""
