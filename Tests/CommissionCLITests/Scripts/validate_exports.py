#!/usr/bin/env python3
"""Validates exports with real third-party libraries: an iCalendar file with `icalendar`, an OCDS
release package with `jsonschema` against the OCDS release schema. Installs what is missing into
a virtual environment beside the build products (PyPI is reachable here and in CI).

usage: validate_exports.py ICS_FILE OCDS_FILE SCHEMA_FILE VENV_DIR
Prints one line per check and exits non-zero on the first failure.
"""
import json, os, subprocess, sys

ics_path, ocds_path, schema_path, venv = sys.argv[1:5]

from venv_setup import ensure

ensure(venv, ["icalendar", "jsonschema"])
import datetime, icalendar, jsonschema

cal = icalendar.Calendar.from_ical(open(ics_path, "rb").read())
events = [c for c in cal.walk("VEVENT")]
assert events, "no events"
uids = set()
for e in events:
    start = e.decoded("DTSTART")
    end = e.decoded("DTEND")
    assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime), "DTSTART is not a DATE"
    assert end - start == datetime.timedelta(days=1), f"DTEND is not the day after DTSTART for {e['UID']}"
    assert str(e["UID"]) not in uids, f"duplicate UID {e['UID']}"
    uids.add(str(e["UID"]))
    alarms = [a for a in e.walk("VALARM")]
    assert alarms and all(str(a["ACTION"]) == "DISPLAY" for a in alarms), "missing DISPLAY alarms"
print(f"icalendar: {len(events)} all-day events parse, every DTEND is the day after, UIDs unique")

schema = json.load(open(schema_path))
package = json.load(open(ocds_path))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
for release in package["releases"]:
    errors = sorted(validator.iter_errors(release), key=lambda e: list(e.path))
    assert not errors, f"{release['ocid']}: {errors[0].message} at {list(errors[0].path)}"
print(f"jsonschema: {len(package['releases'])} releases valid against the OCDS release schema")
