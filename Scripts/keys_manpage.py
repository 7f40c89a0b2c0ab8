#!/usr/bin/env python3
"""The keys section of schakel(7), from the help officers see in Schakel (Resources/help/sneltoetsen.txt).

A line at the left margin followed by indented lines is a heading (.SS); the indented lines are kept
as they are aligned (.nf); other lines at the margin are a paragraph. Prints roff.

    python3 Scripts/keys_manpage.py Resources/help/sneltoetsen.txt
"""
import sys


def escaped(line):
    """Roff-safe text: backslashes written out, and no line read as a request."""
    line = line.replace("\\", "\\e")
    return "\\&" + line if line.startswith((".", "'")) else line


def roff(lines):
    out = []
    in_block = False
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            if in_block:
                out.append(".fi")
                in_block = False
            continue
        if line.startswith(" "):
            if not in_block:
                out.append(".nf")
                in_block = True
            out.append(escaped(line[2:] if line.startswith("  ") else line))
        elif following.startswith(" "):
            if in_block:
                out.append(".fi")
                in_block = False
            out.append(".SS " + escaped(line))
        else:
            if in_block:
                out.append(".fi")
                in_block = False
            if not out or not out[-1].startswith((".PP",)) and (index == 0 or not lines[index - 1].strip()):
                out.append(".PP")
            out.append(escaped(line))
    if in_block:
        out.append(".fi")
    return "\n".join(out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(roff(f.read().split("\n")))
