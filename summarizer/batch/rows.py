"""One input record to one output row: the result the API gives, or its problem document.

Every path that summarises archives goes through :func:`result_row`: the worker processes
of ``summarizer batch`` and the Spark executors (:mod:`summarizer.spark`). Options are
checked by the library itself (:func:`summarizer.summarize` raises
:class:`~summarizer.OptionError`); this module only finds the article and its options in a
record and turns whatever goes wrong into the problem document the API would answer.
"""

from __future__ import annotations

import logging
import math
import re
from typing import Any

import orjson

from ..errors import OptionError
from ..options import OPTION_TYPES, merge_options
from ..pipeline import summarize
from ..problems import field_problem, option_problem, problem_body

log = logging.getLogger(__name__)

# Columns a record may have besides the options; any other column (url, date...) is ignored.
ARTICLE_COLUMNS = ("id", "text", "html")


class RowError(Exception):
    """A record that cannot be summarised, with the problem document to write for it."""

    def __init__(self, problem: dict[str, Any]) -> None:
        super().__init__(problem["detail"])
        self.problem = problem


def record_id(value: Any, position: int) -> str:
    """The id written for a record: its own (a string, or an integer as a string), else its
    0-based position, as the API numbers the documents of a batch."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(position)


def parse_json_record(line: bytes) -> dict[str, Any]:
    """A JSON lines record as a dict; a :class:`RowError` when it is not a JSON object."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        if isinstance(exc.__cause__, UnicodeDecodeError) or "utf-8" in str(exc).lower():
            raise RowError(
                problem_body(400, "the line is not UTF-8", kind="bad-encoding")
            ) from None
        raise RowError(
            problem_body(400, f"the line is not valid JSON: {exc}", kind="malformed-json")
        ) from None
    if not isinstance(record, dict):
        raise RowError(
            field_problem(
                "document",
                "expected an object",
                "dict_type",
                detail="a document must be a JSON object",
            )
        )
    return record


def json_line_id(line: bytes, position: int) -> str:
    """The id :func:`result_row` writes for a JSON line (used to check a run being resumed)."""
    try:
        record = parse_json_record(line)
    except RowError:
        return str(position)
    return record_id(record.get("id"), position)


_INTEGER = re.compile(r"\s*[+-]?\d+\s*")


def typed_cells(record: dict[str, Any]) -> dict[str, Any]:
    """Option cells of an untyped format (CSV) in the types :func:`summarize` takes.

    Numbers become numbers and ``exclude`` a comma-separated list, as query parameters do
    in the API; an empty cell is an option not given. A cell that does not parse stays a
    string, so the library names the option and the type it wanted.
    """
    out = dict(record)
    for name, (base, _) in OPTION_TYPES.items():
        value = out.get(name)
        if not isinstance(value, str):
            continue
        if not value.strip():
            out[name] = None
        elif base is int and _INTEGER.fullmatch(value):
            out[name] = int(value)
        elif base is float:
            try:
                number = float(value)
            except ValueError:
                continue
            if math.isfinite(number):
                out[name] = number
        elif base is list:
            out[name] = [v.strip() for v in value.split(",") if v.strip()]
    return out


def _present(value: Any) -> bool:
    """Whether a cell holds a value: Parquet and pandas give missing cells as None or NaN."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _undecodable(record: dict[str, Any]) -> str | None:
    """The first column holding bytes that were not UTF-8 (kept as lone surrogates)."""
    for key, value in record.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return str(key)
    return None


def summarize_record(record: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """The API's response for one record (``Summary.to_dict()``); raises on a bad record."""
    if (column := _undecodable(record)) is not None:
        raise RowError(
            problem_body(
                400,
                f"the {column} column is not UTF-8",
                kind="bad-encoding",
                errors=[{"field": column, "message": "not UTF-8", "type": "unicode_decode"}],
            )
        )
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or (_present(raw_id) and not isinstance(raw_id, (str, int))):
        raise RowError(field_problem("id", "id must be a string or an integer", "string_type"))
    text, markup = record.get("text"), record.get("html")
    text = text if _present(text) else None
    markup = markup if _present(markup) else None
    if text is None and markup is None:
        raise RowError(field_problem("text", "give the article as text or as html", "missing"))
    if text is not None and markup is not None:
        raise RowError(field_problem("html", "give either text or html, not both"))
    own = {k: v for k, v in record.items() if k in OPTION_TYPES and _present(v)}
    options = merge_options(shared, own)
    if markup is not None:
        if not isinstance(markup, str):
            raise RowError(field_problem("html", "html must be a string", "string_type"))
        return summarize(markup, html=True, **options).to_dict()
    return summarize(text, **options).to_dict()


def result_row(
    record: dict[str, Any], position: int, shared: dict[str, Any], *, timings: bool = False
) -> dict[str, Any]:
    """``{"id", **result}`` or ``{"id", "error": problem}``: never raises for a bad record.

    Without ``timings`` the row leaves out ``stats.elapsed_ms``, the one field that differs
    between two runs, so the same input and options give byte-identical rows.
    """
    row_id = record_id(record.get("id"), position)
    try:
        result = summarize_record(record, shared)
    except RowError as exc:
        return {"id": row_id, "error": exc.problem}
    except OptionError as exc:
        return {"id": row_id, "error": option_problem(exc)}
    except Exception:  # one article must not stop an archive run
        log.exception("unexpected error summarising record %s", row_id)
        return {
            "id": row_id,
            "error": problem_body(
                500, "the summarizer could not process this document", kind="internal-error"
            ),
        }
    if not timings:
        result["stats"].pop("elapsed_ms", None)
    return {"id": row_id, **result}
