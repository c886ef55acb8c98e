"""Summaries for a Spark DataFrame, for archives beyond one machine (``indo-summarizer[spark]``).

>>> from summarizer.spark import summarize_dataframe
>>> out = summarize_dataframe(spark.read.parquet("s3://archive/"), sentences=3)
>>> out.write.parquet("s3://archive-summaries/")

Rows go to the executors' Python workers as Arrow record batches (``mapInArrow``: the
columnar sibling of ``mapInPandas``, whose nested columns, arrays of structs here, go
straight to Arrow without a pandas round trip). Each batch of up to
``spark.sql.execution.arrow.maxRecordsPerBatch`` rows is summarised row by row by the same
function as ``summarizer batch`` (:func:`summarizer.batch.rows.result_row`), so a row's
result equals the library's. The language data is loaded once per Python worker process:
Spark reuses its Python workers between tasks (``spark.python.worker.reuse``, on by
default) and the library keeps what it loaded for the life of the process. A row that
fails gets null results and its problem document in ``error``; the job goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .batch.rows import result_row
from .batch.schema import RESULT_COLUMNS, arrow_row, result_fields
from .pipeline import summarize

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

__all__ = ["SPARK_COLUMNS", "summarize_dataframe"]

_PROBE = "Harga beras naik. Warga mengeluh."


def summarize_dataframe(
    df: DataFrame,
    text: str = "text",
    *,
    html: str | None = None,
    title: str | None = None,
    timings: bool = False,
    **options: Any,
) -> DataFrame:
    """``df`` with the result columns added: summary, sentences, headlines, algorithm,
    keywords, language, warnings, stats (JSON text) and error (null unless the row failed).

    ``text``, ``html`` and ``title`` name the columns holding the article (a row with a
    non-null ``html`` is read as HTML; give a row text or html, not both) and its title.
    ``options`` are :func:`summarizer.summarize`'s for every row, checked here, on the
    driver, before any task runs. ``stats.elapsed_ms`` is only kept with ``timings``.
    """
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StructType

    columns = {"text": text, "html": html, "title": title}
    for name in filter(None, columns.values()):
        if name not in df.columns:
            raise ValueError(f"no column {name!r} in the DataFrame (it has {df.columns})")
    if clash := sorted(set(SPARK_COLUMNS) & set(df.columns)):
        raise ValueError(f"the DataFrame already has result columns: {clash}")
    summarize(_PROBE, **options)  # bad options: an OptionError now, not in every task
    import pyarrow as pa

    added = from_arrow_schema(pa.schema(_spark_fields()))
    schema = StructType([*df.schema.fields, *added.fields])
    work = functools.partial(
        _summarize_batches,
        columns={key: name for key, name in columns.items() if name},
        options=options,
        timings=timings,
    )
    return df.mapInArrow(work, schema)


# A DataFrame has its own title column (or none): the result's ``title`` is left out
SPARK_COLUMNS = tuple(c for c in RESULT_COLUMNS if c != "title")


def _spark_fields() -> list:
    return [f for f in result_fields() if f.name in SPARK_COLUMNS]


def _summarize_batches(
    batches: Iterator[pa.RecordBatch],
    *,
    columns: dict[str, str],
    options: dict[str, Any],
    timings: bool,
) -> Iterator[pa.RecordBatch]:
    """On an executor: each record batch with its result columns appended.

    BLAS runs one thread here, as everywhere in the library (``algorithms/base.py``): a
    Python worker imports numpy through pyspark before the library can set that up, and
    two workers' spinning BLAS threads on two cores cost 20% more CPU and made
    ``local[2]`` 1.41× ``local[1]`` instead of 1.66× (docs/benchmarks.md)."""
    import pyarrow as pa
    from threadpoolctl import threadpool_limits

    added = pa.schema(_spark_fields())
    with threadpool_limits(limits=1, user_api="blas"):
        yield from _with_results(batches, added, columns, options, timings)


def _with_results(
    batches: Iterator[pa.RecordBatch],
    added: pa.Schema,
    columns: dict[str, str],
    options: dict[str, Any],
    timings: bool,
) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    for batch in batches:
        values = {key: batch.column(name).to_pylist() for key, name in columns.items()}
        rows = []
        for i in range(batch.num_rows):
            row = result_row({k: v[i] for k, v in values.items()}, i, options, timings=timings)
            del row["id"]  # the DataFrame keeps its own columns, ids and titles included
            row.pop("title", None)
            rows.append(arrow_row(row))
        results = pa.RecordBatch.from_pylist(rows, schema=added)
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, *results.columns], names=[*batch.schema.names, *added.names]
        )
