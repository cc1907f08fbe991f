#!/usr/bin/env python3
"""Asks DuckDB the expiring question of a tidy export, as an analyst would, and checks the JSON
Lines export parses a line at a time with Python's json. Installs duckdb into the virtual
environment beside the build products when it is missing (as validate_exports.py does).

usage: duckdb_expiring.py TIDY_CSV JSONL_FILE BY_DATE VENV_DIR
Prints the ids ending on or before BY_DATE, soonest first (by service, then id, within a day, as
expiring orders them), one a
line after a line 'ids:', and a line 'jsonl: N rows'.
"""
import csv, json, os, subprocess, sys

tidy_path, jsonl_path, expiring_path, by, venv = sys.argv[1:6]

from venv_setup import ensure

ensure(venv, ["duckdb"])
import duckdb

rows = 0
with open(jsonl_path, encoding="utf-8") as f:
    for line in f:
        row = json.loads(line)
        assert isinstance(row, dict) and "id" in row and "end" in row, line
        rows += 1

con = duckdb.connect()
described = {r[0]: r[1] for r in con.execute(f"DESCRIBE SELECT * FROM read_csv('{tidy_path}')").fetchall()}
assert described["end"] == "DATE", described["end"]
assert described["value"].startswith(("DOUBLE", "DECIMAL")), described["value"]
ids = con.execute(f"""
    SELECT id FROM read_csv('{tidy_path}')
    WHERE "end" <= DATE '{by}' ORDER BY "end", service, id
""").fetchall()
ids = [i for (i,) in ids]
with open(expiring_path, encoding="utf-8", newline="") as f:
    expected = [row["id"] for row in csv.DictReader(f) if row["end"]]
assert ids == expected, f"duckdb gave {ids}, expiring {expected}"
print(f"duckdb: {len(ids)} ids as expiring gives them")
print(f"jsonl: {rows} rows")
