"""A bad article gets its own problem document, the API's for the same error; the run goes on."""

from __future__ import annotations

import pytest
from batch_helpers import read_rows, write_jsonl

from summarizer.batch import run_batch

BAD_JSON_LINES = [
    b'{"id": "empty", "text": "   "}',
    b'{"id": "no-article"}',
    b'{"id": "both", "text": "Harga naik.", "html": "<p>Harga naik.</p>"}',
    b'{"id": "bad-html", "html": "<div><script>track()</script><img src=x></div>"}',
    b'{"id": "type", "text": "Harga naik. Warga kesal.", "sentences": "dua"}',
    b'{"id": "range", "text": "Harga naik. Warga kesal.", "headlines": 99}',
    b'{"id": "algorithm", "text": "Harga naik. Warga kesal.", "algorithm": "gpt"}',
    b'{"id": "truncated", "text": "Harga na',
    b'["an", "array"]',
    b'{"id": "latin1", "text": "Caf\xe9 naik."}',
]


def _rows(tmp_path, lines, records):
    source = tmp_path / "in.jsonl"
    good = write_jsonl(tmp_path / "good.jsonl", records).read_bytes()
    source.write_bytes(b"\n".join(lines) + b"\n" + good)
    report = run_batch(str(source), str(tmp_path / "out.jsonl"), workers=1)
    assert (report.failed, report.done) == (len(lines), len(records))
    return read_rows(tmp_path / "out.jsonl")


def test_each_bad_json_line_gets_its_problem_and_the_rest_succeed(tmp_path, records, expected):
    rows = _rows(tmp_path, BAD_JSON_LINES, records)
    errors = {r["id"]: r["error"] for r in rows if "error" in r}
    kinds = {k: (e["status"], e["type"].rsplit("/", 1)[1]) for k, e in errors.items()}
    assert kinds == {
        "empty": (422, "validation-error"),
        "no-article": (422, "validation-error"),
        "both": (422, "validation-error"),
        "bad-html": (422, "validation-error"),
        "type": (422, "validation-error"),
        "range": (422, "validation-error"),
        "algorithm": (422, "validation-error"),
        "7": (400, "malformed-json"),  # no id could be read: the 0-based position
        "8": (422, "validation-error"),
        "9": (400, "bad-encoding"),
    }
    fields = {k: [f["field"] for f in e.get("errors", [])] for k, e in errors.items()}
    assert fields["type"] == ["sentences"] and fields["bad-html"] == ["html"]
    assert fields["no-article"] == ["text"] and fields["range"] == ["headlines"]
    assert rows[len(BAD_JSON_LINES) :] == expected


def test_non_utf8_bytes_in_a_csv_fail_that_row_only(tmp_path, records):
    source = tmp_path / "in.csv"
    source.write_bytes(
        b"id,text,sentences\n"
        b'a,"Harga beras naik. Warga kesal. Pemerintah diam.",1\n'
        b'b,"Harga beras \xff naik. Warga kesal.",\n'
        b'c,"Harga naik. Warga kesal.",satu\n'
        b'd,"Harga beras naik. Warga kesal. Pemerintah diam.",2\n'
    )
    run_batch(str(source), str(tmp_path / "out.jsonl"), workers=1)
    rows = read_rows(tmp_path / "out.jsonl")
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[1]["error"]["type"].endswith("/bad-encoding")
    assert rows[1]["error"]["errors"][0]["field"] == "text"
    assert rows[2]["error"]["errors"][0]["field"] == "sentences"
    assert len(rows[0]["sentences"]) == 1 and len(rows[3]["sentences"]) == 2


def test_failed_rows_match_the_apis_problem_for_the_same_document(tmp_path, client):
    documents = [
        {"id": "bad-html", "html": "<div><script>track()</script></div>"},
        {"id": "range", "text": "Harga naik. Warga kesal.", "sentences": 0},
        {"id": "algorithm", "text": "Harga naik. Warga kesal.", "algorithm": "gpt"},
    ]
    api = client.post("/v1/summarize/batch", json={"documents": documents}).get_json()
    source = write_jsonl(tmp_path / "docs.jsonl", documents)
    run_batch(str(source), str(tmp_path / "docs-out.jsonl"), workers=1)
    batch = read_rows(tmp_path / "docs-out.jsonl")
    by_id = {r["id"]: r["error"] for r in batch}
    for result in api["results"]:
        assert set(by_id[result["id"]]) == set(result["error"])  # the same shape
        assert by_id[result["id"]]["type"] == result["error"]["type"]
        assert by_id[result["id"]]["status"] == result["error"]["status"]
        fields = [e["field"] for e in result["error"]["errors"]]
        assert [e["field"] for e in by_id[result["id"]]["errors"]] == fields


@pytest.mark.parametrize(
    ("options", "field"), [({"sentences": 0}, "sentences"), ({"algorithm": "gpt"}, "algorithm")]
)
def test_bad_shared_options_stop_the_run_before_it_starts(tmp_path, records, options, field):
    from summarizer import OptionError

    source = write_jsonl(tmp_path / "in.jsonl", records)
    with pytest.raises(OptionError) as info:
        run_batch(str(source), str(tmp_path / "out.jsonl"), options=options, workers=1)
    assert info.value.field == field
    assert not (tmp_path / "out.jsonl").exists()


def test_a_rows_own_options_override_the_shared_ones(tmp_path, records):
    own = [
        {**records[0], "id": "own-length", "max_words": 40},
        {**records[1], "id": "own-headlines", "headlines": 1},
        {**records[2], "id": "shared"},
    ]
    source = write_jsonl(tmp_path / "in.jsonl", own)
    run_batch(str(source), str(tmp_path / "out.jsonl"), options={"sentences": 1}, workers=1)
    rows = read_rows(tmp_path / "out.jsonl")
    assert len(rows[0]["summary"].split()) <= 40  # its max_words replaced the shared sentences
    assert len(rows[1]["headlines"]) == 1 and len(rows[1]["sentences"]) == 1
    assert len(rows[2]["sentences"]) == 1 and len(rows[2]["headlines"]) == 3
