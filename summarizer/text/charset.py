"""Bytes in, text out: the charset a body declares (or its ``<meta charset>``), checked.

The API and the CLI read bodies and files with these, so a client's ``charset`` means one
thing everywhere; an unknown charset and bytes invalid in theirs are told apart, since the
first is the client's choice (415) and the second a broken body (400).
"""

from __future__ import annotations

import codecs
import re

__all__ = ["CharsetError", "decode_html", "decode_text"]

# Codecs Python knows that are not character encodings a client could mean.
_NOT_CHARSETS = {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode"}
# WHATWG: these labels mean windows-1252 on the web (it is a superset for printable text).
_WINDOWS_1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class CharsetError(ValueError):
    """The body names a charset we cannot decode with, or is not valid in its charset."""

    def __init__(self, message: str, *, unknown: bool) -> None:
        super().__init__(message)
        self.unknown = unknown


def _codec(charset: str) -> str:
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except (LookupError, ValueError, TypeError):
        name = ""
    if not name or name in _NOT_CHARSETS or not codecs.lookup(name)._is_text_encoding:
        raise CharsetError(f"unknown charset {charset!r}", unknown=True)
    return name


def decode_text(data: bytes, charset: str | None) -> str:
    """Bytes in the named charset (UTF-8 when none) as text; a byte-order mark wins.

    Raises :class:`CharsetError` for an unknown charset or bytes invalid in it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            charset = name
            break
    name = _codec(charset or "utf-8")
    if name in _WINDOWS_1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # the five bytes cp1252 leaves undefined
    try:
        return data.decode(name)
    except UnicodeError:
        raise CharsetError(
            f"request body is not valid {charset or 'utf-8'}", unknown=False
        ) from None


def decode_html(data: bytes, charset: str | None) -> str:
    """HTML bytes as text: the transport charset, else ``<meta charset>``, else UTF-8."""
    if charset is None:
        match = _META_CHARSET.search(data[:2048])
        if match:
            try:
                charset = _codec(match.group(1).decode("ascii"))
            except CharsetError:
                charset = None  # a page's wrong meta tag is no reason to refuse it
    return decode_text(data, charset)
