"""Every input format and both output formats give the library's rows, in input order."""

from __future__ import annotations

import csv
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from batch_helpers import cli, read_rows, write_jsonl
from conftest import expected_row

from summarizer.batch import InputError, OutputError, run_batch


def _csv(path, records, columns=("id", "text", "title")):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    return path


@pytest.mark.parametrize("output", ["out.jsonl", "out.parquet"])
def test_json_lines_in_gives_the_librarys_rows_in_order(tmp_path, records, expected, output):
    source = write_jsonl(tmp_path / "in.jsonl", records)
    report = run_batch(str(source), str(tmp_path / output), workers=1)
    assert (report.done, report.failed) == (len(records), 0)
    assert read_rows(tmp_path / output) == expected
    assert not (tmp_path / (output + ".partial")).exists()


def test_csv_in(tmp_path, records, expected):
    source = _csv(tmp_path / "in.csv", records)
    run_batch(str(source), str(tmp_path / "out.jsonl"), workers=1)
    assert read_rows(tmp_path / "out.jsonl") == expected


def test_parquet_in_with_integer_ids_and_extra_columns(tmp_path, records):
    table = pa.Table.from_pylist(
        [{"id": i, "text": r["text"], "url": "https://x.test/"} for i, r in enumerate(records)]
    )
    pq.write_table(table, tmp_path / "in.parquet")
    run_batch(str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), workers=1)
    assert read_rows(tmp_path / "out.parquet") == [
        expected_row(str(i), r["text"]) for i, r in enumerate(records)
    ]


def test_the_typed_columns_are_the_apis_fields(article):
    from summarizer import summarize
    from summarizer.batch.schema import row_schema

    fields = summarize(article.text).to_dict()
    assert row_schema().names == ["id", *fields, "error"]


def test_parquet_output_is_typed(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", [*records[:2], {"id": "x", "text": ""}])
    run_batch(str(source), str(tmp_path / "out.parquet"), workers=1)
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("sentences").type.value_type.field("index").type == pa.int64()
    assert table.schema.field("headlines").type.value_type.field("kind").type == pa.string()
    assert table.schema.field("error").type.field("status").type == pa.int64()
    assert table.column("error").to_pylist()[2]["status"] == 422
    assert table.column("summary").to_pylist()[2] is None


def test_a_folder_of_text_and_html_files_sorted_by_path(tmp_path, records):
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "b.txt").write_text(records[0]["text"], encoding="utf-8")
    (folder / "2024" / "a.html").write_text(
        "<html><head><title>Judul</title></head><body>"
        + "".join(f"<p>{p}</p>" for p in records[1]["text"].split("\n\n"))
        + "</body></html>",
        encoding="utf-8",
    )
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Harga naik di pasar Caf\xe9.".encode("latin-1"))
    run_batch(str(folder), str(tmp_path / "out.jsonl"), workers=1)
    rows = read_rows(tmp_path / "out.jsonl")
    assert [r["id"] for r in rows] == ["2024/a.html", "b.txt", "latin1.txt"]
    assert rows[0]["stats"]["html"]["removed"] is not None
    assert rows[1] == expected_row("b.txt", records[0]["text"])
    assert rows[2]["error"]["status"] == 400
    assert rows[2]["error"]["type"].endswith("/bad-encoding")


def test_standard_input_to_standard_output(records, expected):
    lines = "".join(json.dumps(r) + "\n" for r in records).encode()
    done = cli("-", "-w", "1", stdin=lines)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == expected
    assert b"6 done, 0 failed" in done.stderr


def test_csv_on_standard_input(tmp_path, records, expected):
    data = _csv(tmp_path / "in.csv", records).read_bytes()
    done = cli("-", "--input-format", "csv", "-w", "1", "-q", stdin=data)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == expected
    assert done.stderr == b""  # --quiet


@pytest.mark.parametrize(
    ("source", "message"),
    [("missing.jsonl", "no such file"), ("in.xlsx", "cannot tell the format")],
)
def test_inputs_that_cannot_be_read_stop_the_run(tmp_path, source, message):
    (tmp_path / "in.xlsx").write_bytes(b"PK")
    with pytest.raises(InputError, match=message):
        run_batch(str(tmp_path / source), str(tmp_path / "out.jsonl"), workers=1)
    done = cli(str(tmp_path / source), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 2 and message.encode() in done.stderr


def test_an_output_of_unknown_format_stops_the_run(tmp_path, records):
    source = write_jsonl(tmp_path / "in.jsonl", records)
    with pytest.raises(OutputError, match="output format"):
        run_batch(str(source), str(tmp_path / "out.csv"), workers=1)
