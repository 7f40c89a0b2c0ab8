#!/usr/bin/env python3
"""Bytes per key: what Schakel sends to the terminal for one key, beside `less -S`.

Starts the real binary in a pseudo-terminal of a given size (Python's pty module), waits until it
has drawn, then presses keys one at a time and counts the bytes written until the screen is
quiet again: a selection move, a one-line scroll (the selection at the bottom), a page down and a
tab switch. `less -S` runs on a file of the same inbox rows for the scroll and page figures. A
key that clears the whole screen is counted too: that should never happen.

    python3 Scripts/bytes_per_key.py --schakel .build/release/schakel [--sizes 80x24,200x50] [--quick] [--json]

Exit status 0 when it could measure; the goals are judged by the caller (the benchmark).
"""
import argparse
import curses
import fcntl
import json
import os
import select
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

import pty_child

TERM = "xterm-256color"
# What the terminal sends for the keys, in the keypad mode curses asks for.
curses.setupterm(TERM, sys.stdout.fileno() if sys.stdout.isatty() else os.open(os.devnull, os.O_WRONLY))
DOWN, PAGE_DOWN = curses.tigetstr("kcud1"), curses.tigetstr("knp")
CLEARS = (b"\x1b[2J", b"\x1b[H\x1b[J")


class Terminal:
    """A program in a pseudo-terminal of a fixed size."""

    def __init__(self, argv, columns, rows, env):
        self.pid, self.fd = pty_child.start(argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    def drain(self, quiet, limit=20.0):
        """Everything written until nothing came for `quiet` seconds."""
        data = b""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        return data

    def press(self, key, quiet):
        os.write(self.fd, key)
        return self.drain(quiet)

    def close(self):
        pty_child.stop(self.pid, self.fd)


def measure_schakel(binary, database, columns, rows, repeats, quiet, env):
    term = Terminal([binary, "demo", "--db", database, "--als", "pm.kmt", "--vandaag", "2026-11-24"], columns, rows, env)
    try:
        startup = term.drain(quiet * 4, limit=30)
        if not startup:
            raise RuntimeError("schakel drew nothing")
        list_rows = rows - 4  # header, tabs, column titles, status line
        figures = {"move": [], "scroll": [], "page": [], "tab": []}
        clears = 0
        # Selection moves, away from the bottom.
        for _ in range(min(repeats, list_rows - 2)):
            out = term.press(DOWN, quiet)
            figures["move"].append(len(out))
            clears += any(c in out for c in CLEARS)
        # To the bottom row, in one go; from there each Down scrolls the list by one line.
        term.press(DOWN * list_rows, quiet * 2)
        for _ in range(repeats):
            out = term.press(DOWN, quiet)
            figures["scroll"].append(len(out))
            clears += any(c in out for c in CLEARS)
        for _ in range(repeats):
            out = term.press(PAGE_DOWN, quiet)
            figures["page"].append(len(out))
            clears += any(c in out for c in CLEARS)
        for _ in range(max(1, repeats // 2)):
            for key in (b"2", b"1"):
                out = term.press(key, quiet)
                figures["tab"].append(len(out))
                clears += any(c in out for c in CLEARS)
        result = {name: statistics.median(values) for name, values in figures.items() if values}
        # A key that wrote nothing did not do what it was measured for: no figure rather than zero.
        for name, value in result.items():
            if value == 0:
                raise RuntimeError(f"{name}: the key changed nothing on the screen at {columns}x{rows}")
        result["clears"] = clears
        return result
    finally:
        term.close()


def inbox_lines(database, columns):
    """The inbox's rows as text, newest first, as wide as the screen."""
    connection = sqlite3.connect(database)
    lines = []
    for code, received, municipality, state in connection.execute(
            "SELECT s.code, s.received_at, m.name, s.state FROM signal s JOIN municipality m ON m.id = s.municipality_id "
            "ORDER BY s.received_at DESC, s.id DESC"):
        text = f"{code}  {received[8:10]}-{received[5:7]}-{received[0:4]} {municipality:<16} {'sek':<18} {state:<12}  2 wd"
        lines.append(text.ljust(columns)[:columns])
    connection.close()
    return lines


def measure_less(database, columns, rows, repeats, quiet, env):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(inbox_lines(database, columns) * 3) + "\n")
        name = handle.name
    term = Terminal(["less", "-S", name], columns, rows, env)
    try:
        term.drain(quiet * 4, limit=10)
        scroll = [len(term.press(b"j", quiet)) for _ in range(repeats)]
        page = [len(term.press(b" ", quiet)) for _ in range(repeats)]
        return {"scroll": statistics.median(scroll), "page": statistics.median(page)}
    finally:
        term.close()
        os.unlink(name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schakel", required=True)
    parser.add_argument("--sizes", default="80x24,200x50")
    parser.add_argument("--quick", action="store_true", help="a smoke test of seconds")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    repeats, quiet = (4, 0.25) if options.quick else (15, 0.15)
    env = dict(os.environ, TERM=TERM, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    with tempfile.TemporaryDirectory() as directory:
        database = os.path.join(directory, "toetsen.sqlite")
        # Enough signals that paging down never reaches the end.
        made = subprocess.run([options.schakel, "genereer", "--db", database, "--signalen", "3000"], capture_output=True, env=env)
        if made.returncode != 0:
            sys.exit("schakel genereer failed: " + made.stderr.decode())
        results = {}
        for size in options.sizes.split(","):
            columns, rows = (int(part) for part in size.split("x"))
            results[size] = {"schakel": measure_schakel(options.schakel, database, columns, rows, repeats, quiet, env),
                             "less": measure_less(database, columns, rows, repeats, quiet, env)}
    if options.json:
        print(json.dumps(results))
    else:
        for size, figures in results.items():
            schakel, less = figures["schakel"], figures["less"]
            print(f"{size}: selectie {schakel['move']:.0f} B, regel scrollen {schakel['scroll']:.0f} B "
                  f"(less -S {less['scroll']:.0f} B), pagina {schakel['page']:.0f} B (less -S {less['page']:.0f} B), "
                  f"tabblad {schakel['tab']:.0f} B, schermwissingen {schakel['clears']}")


if __name__ == "__main__":
    main()
