"""Command-line flags for every summary option, made from the library's one definition.

``summarizer/options.py`` says each option's type, default, limits and choices; the flags
here take their names (``max_words`` → ``--max-words``), types, choices and help from it,
and the values go through :class:`~summarizer.options.Options`, so the command line
refuses exactly what the library and the API refuse. ``summarizer batch`` can reuse them.
"""

from __future__ import annotations

import argparse

from ..options import LENGTH_OPTIONS, RULES, Options, Rule

__all__ = ["add_option_flags", "options_from"]

# Short flags, for the two options typed most.
_SHORT = {"sentences": "-n", "algorithm": "-a"}


def _help(rule: Rule) -> str:
    text = rule.description
    if rule.minimum is not None and rule.maximum is not None:
        if rule.exclusive_minimum:
            text += f" More than {rule.minimum:g}, at most {rule.maximum:g}."
        else:
            text += f" From {rule.minimum:,} to {rule.maximum:,}."
    if rule.kind is list:
        text += " May be given more than once."
    elif not rule.nullable:
        text += f" Default: {rule.default}."
    return text


def add_option_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per option; the length options exclude one another."""
    length = parser.add_mutually_exclusive_group()
    for rule in RULES:
        group = length if rule.name in LENGTH_OPTIONS else parser
        flags = [f"--{rule.name.replace('_', '-')}"]
        if rule.name in _SHORT:
            flags.insert(0, _SHORT[rule.name])
        if rule.kind is list:
            group.add_argument(
                *flags, dest=rule.name, action="append", choices=rule.choices, help=_help(rule)
            )
        else:
            group.add_argument(
                *flags, dest=rule.name, type=rule.kind, choices=rule.choices, help=_help(rule)
            )


def options_from(args: argparse.Namespace) -> Options:
    """The options given on the command line, checked (:class:`OptionError` if not valid)."""
    return Options.of(
        {rule.name: value for rule in RULES if (value := getattr(args, rule.name)) is not None}
    )
