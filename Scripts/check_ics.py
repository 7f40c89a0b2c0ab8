#!/usr/bin/env python3
"""Reads an iCalendar file with a real parser (the `icalendar` package) and prints what a
calendar would make of it, as JSON: each event's UID, SEQUENCE, status, summary, location,
description, start and end in UTC, and the file's line facts (CRLF, longest line in octets).
Used by the tests: Schakel's own code never checks its own output."""
import json
import sys
from datetime import timezone

try:
    from icalendar import Calendar
except ImportError:
    sys.exit("python-pakket 'icalendar' ontbreekt: `bash .ci/run` installeert het in .build/python-tools")


def main(path):
    raw = open(path, "rb").read()
    physical = raw.split(b"\r\n")
    calendar = Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart")
        end = event.decoded("dtend")
        events.append({
            "uid": str(event.get("uid")),
            "sequence": int(event.get("sequence")),
            "status": str(event.get("status")),
            "summary": str(event.get("summary")),
            "location": str(event.get("location")),
            "description": str(event.get("description")),
            "tzid": str(event.get("dtstart").params.get("TZID")),
            "start_utc": start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end_utc": end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        })
    print(json.dumps({
        "events": events,
        "timezones": [str(tz.get("tzid")) for tz in calendar.walk("VTIMEZONE")],
        "crlf_only": raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
        "longest_line_octets": max(len(line) for line in physical),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
