"""summarizer.spark against a real local Spark session (pyspark from PyPI, Java 17)."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Spark needs Java 17 (.ci/run installs openjdk-17-jre-headless)", allow_module_level=True
    )

from pyspark.sql import SparkSession  # noqa: E402

from summarizer import OptionError, summarize  # noqa: E402
from summarizer.spark import SPARK_COLUMNS, summarize_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    """One local session for the module: two cores, no UI, the test's own Python."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # loopback only, whatever the host name says
    session = (
        SparkSession.builder.master("local[2]")
        .appName("indo-summarizer-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        # A short run: the quick JIT tier and the serial collector start the JVM fastest.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _library(text, **options):
    result = summarize(text, **options).to_dict()
    del result["stats"]["elapsed_ms"]
    del result["title"]  # a DataFrame keeps its own title column
    return result


def _as_dict(row):
    out = row.asDict(recursive=True)
    out["stats"] = json.loads(out["stats"]) if out["stats"] is not None else None
    return out


def test_rows_equal_the_librarys_and_a_bad_row_gets_an_error(spark, articles):
    data = [(a.id, a.text, a.title, None) for a in articles]
    data += [("empty", "  ", None, None), ("bad-html", None, None, "<script>x()</script>")]
    df = spark.createDataFrame(data, "id string, text string, title string, html string")
    out = summarize_dataframe(df.repartition(2), html="html", title="title", sentences=2)
    rows = {r["id"]: _as_dict(r) for r in out.collect()}
    assert out.columns == [*df.columns, *SPARK_COLUMNS]
    for a in articles:
        row = rows[a.id]
        assert row["error"] is None
        assert {k: row[k] for k in SPARK_COLUMNS if k != "error"} == _library(
            a.text, title=a.title, sentences=2
        )
    for name, field in (("empty", "text"), ("bad-html", "html")):
        error = rows[name]["error"]
        assert error["status"] == 422 and error["type"].endswith("/validation-error")
        assert error["errors"][0]["field"] == field
        assert rows[name]["summary"] is None


def test_result_columns_are_typed(spark, articles):
    df = spark.createDataFrame([(articles[0].text,)], "text string")
    schema = summarize_dataframe(df).schema
    assert schema["sentences"].dataType.simpleString() == (
        "array<struct<index:bigint,text:string,score:double>>"
    )
    assert schema["headlines"].dataType.elementType["kind"].dataType.simpleString() == "string"
    assert schema["keywords"].dataType.simpleString() == "array<struct<text:string,score:double>>"
    assert schema["warnings"].dataType.simpleString() == "array<string>"
    assert schema["error"].dataType["status"].dataType.simpleString() == "bigint"


def test_bad_options_and_columns_fail_on_the_driver(spark):
    df = spark.createDataFrame([("Harga naik. Warga kesal.",)], "text string")
    with pytest.raises(OptionError):
        summarize_dataframe(df, sentences=0)
    with pytest.raises(ValueError, match="no column"):
        summarize_dataframe(df, text="body")
    with pytest.raises(ValueError, match="result columns"):
        summarize_dataframe(df.withColumnRenamed("text", "summary"), text="summary")
