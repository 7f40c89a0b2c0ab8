#!/usr/bin/env python3
"""Idle sessions: what officers' sessions left open with nobody at the keyboard cost.

Starts N real Schakel sessions (one AF login each) in pseudo-terminals on one demo database, waits
until each has drawn its inbox, and then presses no key for the given time while a colleague's
process (`schakel intake`) commits once every interval. Counts, from the audit log, the entries the
idle sessions wrote (the goal is none: showing a colleague's change again is no new access, and a
session that wrote would wake all the others), how many commits there were in all, and the CPU time
the idle sessions used.

    python3 Scripts/idle_sessions.py --schakel .build/release/schakel [--sessions 10] [--seconds 120] [--interval 60] [--json]

Exit status 0 when it could measure; the goals are judged by the caller (the benchmark).
"""
import argparse
import json
import os
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import pty_child

MUNICIPALITIES = ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo", "Hof van Twente",
                  "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden"]


class Session:
    """One officer's session in a pseudo-terminal; its output is read and dropped, as a terminal would."""

    def __init__(self, argv, env):
        self.pid, self.fd = pty_child.start(argv, env)
        self.seen = b""

    def read(self):
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return False
        self.seen = (self.seen + chunk)[-4096:]
        return bool(chunk)

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        pty_child.stop(self.pid, self.fd)


def pump(sessions, seconds):
    """Reads what the sessions write for `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([s.fd for s in sessions], [], [], min(left, 0.2))
        for session in sessions:
            if session.fd in ready:
                session.read()


def last_entry(database):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schakel", required=True)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--interval", type=float, default=60)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    count = max(1, min(options.sessions, len(MUNICIPALITIES)))

    folder = tempfile.mkdtemp(prefix="schakel-stil-")
    database = os.path.join(folder, "demo.sqlite")
    subprocess.run([options.schakel, "demo", "--db", database, "--alleen-aanmaken"], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    places = MUNICIPALITIES[:count]
    sessions = [Session([options.schakel, "demo", "--db", database, "--als", "af." + p.lower().replace(" ", "-")], env)
                for p in places]
    try:
        deadline = time.monotonic() + 60
        while not all(b"Termijn" in s.seen for s in sessions):
            if time.monotonic() > deadline:
                print("schakel: niet elke sessie tekende haar signalen binnen een minuut", file=sys.stderr)
                return 1
            pump(sessions, 0.2)
        pump(sessions, 1)  # the first refreshes after opening settle
        start = last_entry(database)
        cpu_before = [s.cpu_seconds() for s in sessions]
        began = time.monotonic()
        commits = 0
        form = os.path.join(folder, "melding.json")
        while time.monotonic() - began < options.seconds:
            place = places[commits % len(places)]
            with open(form, "w", encoding="utf-8") as f:
                json.dump({"bron": "telefoon", "melder": {"type": "anoniem"}, "gemeente": place, "vormen": ["arbeid"],
                           "beschrijving": "Signaal van een collega."}, f)
            subprocess.run([options.schakel, "intake", "--db", database, form], check=True, stdout=subprocess.DEVNULL)
            commits += 1
            pump(sessions, min(options.interval, options.seconds - (time.monotonic() - began)))
        elapsed = time.monotonic() - began
        cpu = sum(s.cpu_seconds() for s in sessions) - sum(cpu_before)
        with sqlite3.connect(database) as db:
            rows = db.execute("SELECT actor FROM audit_log WHERE id > ?", (start,)).fetchall()
        idle_rows = sum(1 for (actor,) in rows if not actor.startswith("intake:"))
        hours = elapsed / 3600
        figures = {"sessions": count, "seconds": round(elapsed, 1), "colleague_commits": commits, "idle_audit_rows": idle_rows,
                   "rows_per_session_hour": idle_rows / (count * hours), "cpu_seconds_per_session_hour": cpu / (count * hours)}
    finally:
        for session in sessions:
            session.close()
        shutil.rmtree(folder, ignore_errors=True)
    if options.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
