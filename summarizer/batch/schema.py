"""The typed columns of a result row, once, for Parquet output and for Spark.

A row is what :func:`summarizer.batch.rows.result_row` returns: the API's response fields
and ``id``, or ``id`` and ``error``. In Arrow every row has every column: a failed row has
null results and an ``error`` struct, a summarised one a null ``error``. ``stats`` holds
free-form counts (what the cleaner or the HTML reader removed, by kind), so it is a JSON
string rather than a struct whose fields would change with the input.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    import pyarrow as pa

PARQUET_HINT = "Parquet needs pyarrow: pip install 'indo-summarizer[parquet]'"


def has_pyarrow() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


RESULT_COLUMNS = (
    "summary",
    "sentences",
    "headlines",
    "algorithm",
    "keywords",
    "language",
    "warnings",
    "stats",
    "title",
    "error",
)


def result_fields() -> list[pa.Field]:
    """The result columns, without ``id`` (Spark keeps the DataFrame's own columns)."""
    import pyarrow as pa

    sentence = pa.struct([("index", pa.int64()), ("text", pa.string()), ("score", pa.float64())])
    headline = pa.struct(
        [
            ("text", pa.string()),
            ("score", pa.float64()),
            ("kind", pa.string()),
            ("sentence_index", pa.int64()),
        ]
    )
    keyword = pa.struct([("text", pa.string()), ("score", pa.float64())])
    field_error = pa.struct(
        [("field", pa.string()), ("message", pa.string()), ("type", pa.string())]
    )
    problem = pa.struct(
        [
            ("type", pa.string()),
            ("title", pa.string()),
            ("status", pa.int64()),
            ("detail", pa.string()),
            ("errors", pa.list_(field_error)),
        ]
    )
    return [
        pa.field("summary", pa.string()),
        pa.field("sentences", pa.list_(sentence)),
        pa.field("headlines", pa.list_(headline)),
        pa.field("algorithm", pa.string()),
        pa.field("keywords", pa.list_(keyword)),
        pa.field("language", pa.string()),
        pa.field("warnings", pa.list_(pa.string())),
        pa.field("stats", pa.string()),
        pa.field("title", pa.string()),
        pa.field("error", problem),
    ]


def row_schema() -> pa.Schema:
    """``id`` and the result columns: the schema of a Parquet file ``summarizer batch`` writes."""
    import pyarrow as pa

    return pa.schema([pa.field("id", pa.string()), *result_fields()])


def arrow_row(row: dict[str, Any]) -> dict[str, Any]:
    """A result row with ``stats`` as JSON text, ready for ``pa.RecordBatch.from_pylist``."""
    out = dict(row)
    if (stats := out.get("stats")) is not None:
        out["stats"] = orjson.dumps(stats).decode()
    return out
