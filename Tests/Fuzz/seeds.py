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
