"""Helpers for the batch tests: archives written, rows read back, the CLI run.

(Not a conftest.py: the tests import ``conftest`` by name, and a second one would shadow it.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def read_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = []
        for row in pq.read_table(path).to_pylist():
            if row["error"] is None:
                row = {k: v for k, v in row.items() if k != "error"}
                row["stats"] = json.loads(row["stats"])
            else:
                error = {k: v for k, v in row["error"].items() if v is not None}
                row = {"id": row["id"], "error": error}
            rows.append(row)
        return rows
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def cli(
    *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "batch", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
    )
