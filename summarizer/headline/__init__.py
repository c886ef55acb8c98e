"""Headline candidates: from the document's ranked sentences to titles an editor can publish.

``candidates`` picks the sentences and orders the candidates; ``build`` cuts a sentence's
main clause to a headline by whole phrases and checks it; ``quote`` makes ``Tokoh: kutipan``;
``speaker`` shortens a speaker to their name; ``form`` writes the kept words in title form.
"""

from .candidates import DEFAULT_MAX_CHARS, HEADLINE_CASES, headlines

__all__ = ["DEFAULT_MAX_CHARS", "HEADLINE_CASES", "headline_shortfall", "headlines"]


def headline_shortfall(found: int, asked: int) -> str:
    """The warning for fewer candidates than asked: the article gave no more that pass."""
    return (
        f"{found} of the {asked} headline candidates asked for: the article's other sentences "
        "give no well-formed headline (candidates that fail the check are never offered)"
    )
