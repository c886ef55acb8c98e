"""Every option of :func:`summarizer.summarize`: its type, default, limits or choices, meaning.

This is the one definition. :class:`Options` checks values against it and raises
:class:`~summarizer.errors.OptionError` naming the option; the API's pydantic models and
OpenAPI document (``api/schemas.py``) and the command line's flags (``summarizer/cli``)
are generated from :data:`RULES`, so a limit changed here changes all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from numbers import Integral, Real
from typing import Any

from .algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from .errors import OptionError
from .headline import DEFAULT_MAX_CHARS, HEADLINE_CASES
from .keywords import MAX_KEYWORDS
from .select import EXCLUDABLE

__all__ = [
    "LENGTH_OPTIONS",
    "OPTION_TYPES",
    "merge_options",
    "MAX_HEADLINES",
    "MAX_SENTENCES",
    "MAX_TEXT_CHARS",
    "RULES",
    "Options",
    "Rule",
]

MAX_SENTENCES = 50
MAX_HEADLINES = 10
#: the longest ``text`` or ``html`` the API accepts (the library itself takes any length)
MAX_TEXT_CHARS = 1_000_000
#: at most one of these sets the summary's length (``sentences=3`` when none does)
LENGTH_OPTIONS = ("sentences", "ratio", "max_words", "max_chars")


@dataclass(frozen=True, slots=True)
class Rule:
    """What one option accepts.

    ``kind`` is ``int``, ``float``, ``str`` (``choices`` when given), or ``list`` (of
    ``choices``, at most ``max_length``). ``minimum``/``maximum`` bound numbers (``ratio``'s
    minimum is exclusive), ``max_length`` strings and lists; ``None`` is allowed when the
    default is ``None``.
    """

    name: str
    kind: type
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    choices: tuple[str, ...] | None = None
    max_length: int | None = None

    @property
    def nullable(self) -> bool:
        return self.default is None

    def check(self, value: Any) -> Any:
        """``value`` as the option's type; :class:`OptionError` when the option cannot take it."""
        if value is None and self.nullable:
            return None
        name = self.name
        if self.kind is list:
            return self._check_list(value)
        if self.kind is str:
            if not isinstance(value, str):
                raise OptionError(name, f"{name} must be a string")
            if self.choices is not None and value not in self.choices:
                choose = ", ".join(self.choices)
                if name == "algorithm":
                    raise OptionError(name, f"unknown algorithm {value!r}; choose one of {choose}")
                raise OptionError(name, f"{name} must be one of {choose}")
            if self.max_length is not None and len(value) > self.max_length:
                raise OptionError(name, f"{name} must be at most {self.max_length} characters")
            return value
        if isinstance(value, bool) or not isinstance(value, Integral if self.kind is int else Real):
            raise OptionError(
                name, f"{name} must be {'an integer' if self.kind is int else 'a number'}"
            )
        value = self.kind(value)
        low, high = self.minimum, self.maximum
        if self.exclusive_minimum:
            if not (low < value <= high):  # type: ignore[operator]
                raise OptionError(name, f"{name} must be greater than {low:g} and at most {high:g}")
        elif not low <= value <= high:  # type: ignore[operator]
            raise OptionError(name, f"{name} must be between {low:,} and {high:,}")
        return value

    def _check_list(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise OptionError(self.name, f"{self.name} must be a list")
        items = tuple(value)
        choices = self.choices or ()
        unknown = sorted({str(v) for v in items if v not in choices})
        if unknown:
            raise OptionError(
                self.name, f"cannot {self.name} {unknown}; choose from {', '.join(choices)}"
            )
        if self.max_length is not None and len(items) > self.max_length:
            raise OptionError(self.name, f"{self.name} takes at most {self.max_length} items")
        return items


def _option(default: Any, description: str, kind: type, **limits: Any) -> Any:
    """A field of :class:`Options` carrying its :class:`Rule` (named when the class is built)."""
    return field(default=default, metadata={"rule": (kind, description, limits)})


@dataclass(frozen=True, slots=True)
class Options:
    """Validated options; ``Options(**values)`` raises :class:`OptionError` for a bad one."""

    sentences: int | None = _option(
        None,
        "Number of summary sentences (3 when no length option is given).",
        int,
        minimum=1,
        maximum=MAX_SENTENCES,
    )
    ratio: float | None = _option(
        None,
        "Share of the document's sentences to keep.",
        float,
        minimum=0,
        maximum=1,
        exclusive_minimum=True,
    )
    max_words: int | None = _option(
        None, "Word budget for the summary.", int, minimum=1, maximum=100_000
    )
    max_chars: int | None = _option(
        None, "Character budget for the summary.", int, minimum=1, maximum=1_000_000
    )
    algorithm: str | None = _option(
        None,
        f"Summarisation algorithm (default: {DEFAULT_ALGORITHM}).",
        str,
        choices=tuple(ALGORITHMS),
    )
    headlines: int = _option(
        3, "Number of headline candidates (0 disables).", int, minimum=0, maximum=MAX_HEADLINES
    )
    headline_max_chars: int = _option(
        DEFAULT_MAX_CHARS,
        "Longest headline candidate, in characters.",
        int,
        minimum=10,
        maximum=300,
    )
    headline_case: str = _option(
        "title", "Casing of headline candidates.", str, choices=tuple(HEADLINE_CASES)
    )
    title: str | None = _option(
        None, "The article's title, when the CMS knows it.", str, max_length=1000
    )
    exclude: tuple[str, ...] = _option(
        (),
        "Kinds of sentence to leave out of the summary.",
        list,
        choices=tuple(EXCLUDABLE),
        max_length=len(EXCLUDABLE),
    )
    keywords: int = _option(
        5, "Number of keywords to return (0 disables).", int, minimum=0, maximum=MAX_KEYWORDS
    )

    def __post_init__(self) -> None:
        for rule in RULES:
            value = getattr(self, rule.name)
            if value is not rule.default:  # a default is valid; most requests keep most
                object.__setattr__(self, rule.name, rule.check(value))
        given = [name for name in LENGTH_OPTIONS if getattr(self, name) is not None]
        if len(given) > 1:
            raise OptionError(
                given[1],
                f"give at most one of {', '.join(LENGTH_OPTIONS)} (got {', '.join(given)})",
            )

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Options:
        """Options from a mapping; an unknown name is an :class:`OptionError` too."""
        unknown = sorted(set(values) - _NAMES)
        if unknown:
            raise OptionError(unknown[0], f"unknown option {unknown[0]!r}")
        return cls(**values)


RULES: tuple[Rule, ...] = tuple(
    Rule(f.name, f.metadata["rule"][0], f.default, f.metadata["rule"][1], **f.metadata["rule"][2])
    for f in fields(Options)
)
_NAMES = frozenset(rule.name for rule in RULES)

# name → (type, whether None is allowed), for readers of untyped formats (CSV cells)
OPTION_TYPES: dict[str, tuple[type, bool]] = {r.name: (r.kind, r.nullable) for r in RULES}


def merge_options(shared: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` overrides ``shared``; a length option in ``own`` replaces any shared one.

    The rule for a batch (the API's and ``summarizer batch``'s): options for every
    document, and a document's own on top.
    """
    if any(own.get(k) is not None for k in LENGTH_OPTIONS):
        shared = {k: v for k, v in shared.items() if k not in LENGTH_OPTIONS}
    return {**shared, **own}
