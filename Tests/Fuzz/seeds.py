#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the repository's real values (run by run.sh)."""
import csv, glob, hashlib, json, os, sys

out = sys.argv[1]

def put(target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

# The forms DOMAIN.md lists, beside what the registers hold.
for value in ["3+1", "5+2+2", "up to two years", "2 x 12 months", "12 months + 12 months",
              "five years, with an option to extend for up to two years", "+1", "1 year"]:
    put("options", value)
columns = {"date": ["start", "end", "max_end", "next_review", "original_end"],
           "money": ["value"], "options": ["extension_options"]}
for path in sorted(glob.glob("Contracts/*/*.csv")):
    with open(path, "rb") as f:
        raw = f.read()
    put("csv", raw[:4096])
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    for row in rows:
        for target, names in columns.items():
            for name in names:
                if row.get(name):
                    put(target, row[name])
# Register JSON exports, as `export --format json` writes their cells (asWritten, extra).
canonical = ["id", "service", "provider", "department", "group", "value", "value_basis",
             "value_unit", "start", "end", "extension_options", "max_end", "original_end",
             "next_review", "procurement_route", "lead_time", "source", "notes"]
for path in sorted(glob.glob("Contracts/*/*.csv")):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows or "end" not in rows[0]:
        continue
    extras = [h for h in rows[0] if h not in canonical]
    contracts = [{"asWritten": {k: v for k, v in row.items() if k in canonical and v},
                  "extra": {k: row[k] for k in extras if row.get(k)}} for row in rows[:12]]
    put("registerjson", json.dumps({"register": os.path.basename(path),
                                    "columns": canonical + extras, "contracts": contracts},
                                   ensure_ascii=False, indent=1))
for path in sorted(glob.glob("Examples/*.json")):
    with open(path, "rb") as f:
        data = f.read()
    put("spec" if os.path.basename(path).startswith("decision-") else "scenario", data)
for path in sorted(glob.glob("Tests/CommissioningTests/Fixtures/ocds/*")):
    with open(path, "rb") as f:
        data = f.read()
    put("ocds", data[:65536])
    for line in data.splitlines()[:20]:
        put("ocds", line)
