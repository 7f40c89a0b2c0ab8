#!/usr/bin/env python3
"""Idle sessions: what officers' sessions left open with nobody at the keyboard cost.

Starts N real Schakel sessions (AF logins, the region's fourteen in turn) in pseudo-terminals on one
demo database, waits until each has drawn its inbox, and then presses no key in two phases of the
given length: first quiet (nothing changes), then with a colleague's process (`schakel intake`)
committing once every interval. For each phase it counts the sessions' wakeups (voluntary context
switches, from /proc: each is a sleep that ended), their CPU time, and the audit entries they wrote
(the goal is none: showing a colleague's change again is no new access, and a session that wrote
would wake all the others); and once, the private memory of each session (Private_Clean +
Private_Dirty from smaps_rollup: what the session costs beyond the shared binary and libraries).

    python3 Scripts/idle_sessions.py --schakel .build/release/schakel [--sessions 50] [--seconds 60] [--interval 1] [--json]

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

    def wakeups(self):
        """Voluntary context switches of each of the process's threads (by thread id): sleeps that ended."""
        counts = {}
        for task in os.listdir(f"/proc/{self.pid}/task"):
            try:
                with open(f"/proc/{self.pid}/task/{task}/status") as status:
                    for line in status:
                        if line.startswith("voluntary_ctxt_switches:"):
                            counts[task] = int(line.split()[1])
            except FileNotFoundError:
                pass  # the thread ended meanwhile
        return counts

    def private_kib(self):
        with open(f"/proc/{self.pid}/smaps_rollup") as rollup:
            return sum(int(line.split()[1]) for line in rollup if line.startswith(("Private_Clean:", "Private_Dirty:")))

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


def commit_a_signal(schakel, database, folder, place):
    """One colleague's registration: a commit by another process."""
    form = os.path.join(folder, "melding.json")
    with open(form, "w", encoding="utf-8") as f:
        json.dump({"bron": "telefoon", "melder": {"type": "anoniem"}, "gemeente": place, "vormen": ["arbeid"],
                   "beschrijving": "Signaal van een collega."}, f)
    subprocess.run([schakel, "intake", "--db", database, form], check=True, stdout=subprocess.DEVNULL)


def phase(sessions, database, seconds, commit=None, interval=1.0):
    """Presses no key for `seconds` (committing every `interval` when given); returns what the sessions did."""
    start = last_entry(database)
    cpu_before = sum(s.cpu_seconds() for s in sessions)
    wakeups_before = [s.wakeups() for s in sessions]
    began = time.monotonic()
    commits = 0
    while time.monotonic() - began < seconds:
        if commit:
            commit(commits)
            commits += 1
        pump(sessions, min(interval if commit else seconds, seconds - (time.monotonic() - began)))
    elapsed = time.monotonic() - began
    cpu = sum(s.cpu_seconds() for s in sessions) - cpu_before
    # Per thread: a thread that ended took its count along, a new one starts from nothing.
    wakeups = sum(n - before.get(task, 0) for s, before in zip(sessions, wakeups_before) for task, n in s.wakeups().items())
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT actor FROM audit_log WHERE id > ?", (start,)).fetchall()
    idle_rows = sum(1 for (actor,) in rows if not actor.startswith("intake:"))
    count = len(sessions)
    return {"seconds": round(elapsed, 1), "commits": commits, "idle_audit_rows": idle_rows,
            "wakeups_per_session_second": wakeups / (count * elapsed),
            "cpu_percent_per_session": 100 * cpu / (count * elapsed),
            "cpu_seconds_per_session_hour": cpu / (count * elapsed / 3600)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schakel", required=True)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=1)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    count = max(1, options.sessions)

    folder = tempfile.mkdtemp(prefix="schakel-stil-")
    database = os.path.join(folder, "demo.sqlite")
    subprocess.run([options.schakel, "demo", "--db", database, "--alleen-aanmaken"], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    places = [MUNICIPALITIES[i % len(MUNICIPALITIES)] for i in range(count)]
    sessions = []
    try:
        for place in places:
            sessions.append(Session([options.schakel, "demo", "--db", database, "--als", "af." + place.lower().replace(" ", "-")],
                                    env))
        deadline = time.monotonic() + 60 + count
        while not all(b"Termijn" in s.seen for s in sessions):
            if time.monotonic() > deadline:
                print("schakel: niet elke sessie tekende haar signalen binnen de tijd", file=sys.stderr)
                return 1
            pump(sessions, 0.2)
        pump(sessions, 2)  # the first refreshes after opening settle
        memory = [s.private_kib() for s in sessions]
        quiet = phase(sessions, database, options.seconds)
        busy = phase(sessions, database, options.seconds,
                     lambda n: commit_a_signal(options.schakel, database, folder, places[n % len(places)]), options.interval)
        hours = (quiet["seconds"] + busy["seconds"]) / 3600
        idle_rows = quiet["idle_audit_rows"] + busy["idle_audit_rows"]
        figures = {"sessions": count, "seconds": quiet["seconds"], "colleague_commits": busy["commits"],
                   "idle_audit_rows": idle_rows, "rows_per_session_hour": idle_rows / (count * hours),
                   "private_mib_per_session": sum(memory) / len(memory) / 1024,
                   "private_mib_per_session_max": max(memory) / 1024}
        for name, measured in (("quiet", quiet), ("busy", busy)):
            for key in ("wakeups_per_session_second", "cpu_percent_per_session", "cpu_seconds_per_session_hour"):
                figures[f"{name}_{key}"] = measured[key]
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
