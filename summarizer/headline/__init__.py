"""Headline candidates: from the document's ranked sentences to phrases an editor can publish."""

from .candidates import DEFAULT_MAX_CHARS, HEADLINE_CASES, headlines

__all__ = ["DEFAULT_MAX_CHARS", "HEADLINE_CASES", "headlines"]
