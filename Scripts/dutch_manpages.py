#!/usr/bin/env python3
"""Makes the manual pages ArgumentParser's generate-manual wrote read in Dutch, like the help, and
index well (whatis, apropos): section headings and the parser's own sentences in Dutch; a command's
page named as its file (`schakel.beheer`) while its synopsis shows the command as typed
(`schakel beheer`); and no text line that roff would read as a request.

    python3 Scripts/dutch_manpages.py MAP          (every *.1 in MAP, changed in place)
"""
import pathlib
import re
import sys

HEADINGS = {"NAME": "NAAM", "SYNOPSIS": "OVERZICHT", "DESCRIPTION": "BESCHRIJVING", "OPTIONS": "OPTIES",
            '"EXIT STATUS"': "AFSLUITSTATUS", '"SEE ALSO"': '"ZIE OOK"', "AUTHORS": "AUTEURS"}
SENTENCES = {"Show the version.": "Toon de versie.", "Show help information.": "Toon de hulp.",
             "Show subcommand help information.": "Toon de hulp bij een opdracht."}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
          "december"]
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
                  "December"]
EXIT_STATUS = "0 als het gelukt is, 1 (of meer) als er iets mis is; wat er mis is, staat op standaardfout."


def dutch(page):
    lines = page.split("\n")
    out = []
    name = None
    for line in lines:
        date = re.fullmatch(r"\.Dd (\w+) (\d+), (\d+)", line)
        if date and date.group(1) in ENGLISH_MONTHS:
            out.append(f".Dd {date.group(2)} {MONTHS[ENGLISH_MONTHS.index(date.group(1))]} {date.group(3)}")
            continue
        heading = re.fullmatch(r"\.Sh (.+)", line)
        if heading and heading.group(1) in HEADINGS:
            out.append(".Sh " + HEADINGS[heading.group(1)])
            continue
        command = re.fullmatch(r'\.Nm "(.+)"', line)
        if command and name is None:
            # The page's own name, as its file is called: what whatis and man look for.
            name = command.group(1)
            out.append(".Nm " + name.replace(" ", "."))
            continue
        if line == ".Nm" and name is not None:
            out.append(f'.Nm "{name}"')
            continue
        if line == ".Ex -std":
            out.append(EXIT_STATUS)
            continue
        if line == ".Ar subcommand":
            out.append(".Ar opdracht")
            continue
        if line in SENTENCES:
            out.append(SENTENCES[line])
            continue
        if re.match(r"[.'][a-z]", line):
            out.append("\\&" + line)  # text, not a request
            continue
        out.append(line)
    return "\n".join(out)


if __name__ == "__main__":
    for path in sorted(pathlib.Path(sys.argv[1]).glob("*.1")):
        path.write_text(dutch(path.read_text(encoding="utf-8")), encoding="utf-8")
