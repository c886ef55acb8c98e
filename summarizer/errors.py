"""Errors the library raises for bad options, naming the option at fault."""

from __future__ import annotations


class OptionError(ValueError):
    """An option value the library cannot use; ``field`` names the option."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
