#!/usr/bin/env python3
"""Writes the seed corpus under Fuzz/corpus/: the shipped resource files, sample intake JSON and
CSV, key streams, and for the writers the hostile strings the screen tests use, one field each
(fields separated by U+001F). Run from the repository's root; the seeds are committed."""
import json, os, shutil, struct

root = os.path.join("Fuzz", "corpus")
SEP = "\x1f"

hostile = [
    "\x1bc reset", "\x1b(0 lijnen", "\x1bP DCS \x1b\\", "\x1b[31m rood \x1b[0m", "\x1b]0;titel\x07",
    "C1 CSI \x9b31m", "omgekeerd \u202etxt.exe", "isolaat \u2066x\u2069", "nul \x00einde", "terug\x08\x08stap",
    "wis \x7f", "regel\randers", "twee\nregels", "tab\there", "nul-breedte \u200b\u200d", '=HYPERLINK("http://x.example","klik")',
    "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "- lijst", "1. lijst", "7) lijst", "~~~", "```", "# kop", "> citaat", "| a | b |",
    "***", "=== ", "    code", "e" + "\u0301" * 300, "Politie / AVIM|CoMensha", 'a;b,c\\d"e',
    "<\u0301script>", '"\u0301 onload=x', "a;\u0301b", "a|\u0301b", "a\\\u0301b", "a,\u0301b", "&\u0301amp;",
]


def write(target, name, data):
    folder = os.path.join(root, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


for target in ["csv-export", "vcard", "ics", "agenda", "minutes", "figures-csv", "figures-html", "figures-markdown", "inzage"]:
    write(target, "hostile", SEP.join(hostile))
    write(target, "harmless", SEP.join(["Casustafel Twente", "Stadhuis Enschede", "M. de Vries", "Politie", "CoMensha"]))
    write(target, "one-field", "Overleg")

resources = {
    "workflow": ["workflows/gemeentelijke-meldroute.yaml", "workflows/kmt-werkproces.yaml", "workflows/overleg.yaml",
                 "workflows/advies-en-consult.yaml"],
    "series": ["meetings/reeksen.yaml"],
    "directory": ["socialekaart/organisaties.yaml"],
    "call-rules": ["socialekaart/wie-bel-ik.yaml"],
    "holidays": ["calendar/gelijkgestelde-dagen.yaml"],
    "estimate": ["cijfers/schatting.yaml"],
    "retention": ["bewaren/bewaartermijnen.yaml"],
    "activities": ["activiteiten/soorten.yaml", "workflows/advies-en-consult.yaml"],
}
for target, files in resources.items():
    for path in files:
        os.makedirs(os.path.join(root, target), exist_ok=True)
        shutil.copy(os.path.join("Resources", path), os.path.join(root, target, os.path.basename(path)))

write("intake", "complete.json", json.dumps({
    "ontvangen_op": "2026-11-24T09:15", "bron": "telefoon",
    "melder": {"type": "professional", "naam": "R. Kamphuis", "organisatie": "Huisartsenpraktijk", "contact": "053-0000000"},
    "gemeente": "hof van twente", "vormen": ["seksueel", "orgaan"], "beschrijving": "Zorgen over een jonge vrouw.\nTweede regel.",
    "locatie": "Goor", "acuut": True, "minderjarige": False,
    "betrokkenen": [{"initialen": "Z.Ç.", "geboortejaar": 2004, "rol": "vermoedelijk-slachtoffer", "voornaam": "Zoë"}]},
    ensure_ascii=False))
write("intake", "minimal.json", '{"bron": "intranet", "melder": {"type": "anoniem"}, "gemeente": "Borne", "vormen": ["arbeid"], "beschrijving": "x"}')
write("intake", "hostile.json", json.dumps({"bron": "telefoon", "melder": {"type": "professional", "naam": hostile[0]},
                                            "gemeente": "Borne", "vormen": ["arbeid"], "beschrijving": hostile[6]}))

columns = ["naam", "korte_naam", "soort", "domeinen", "doelgroepen", "vormen", "gebied", "aanbod", "telefoon", "email", "website",
           "adres", "openingstijden", "crisislijn", "crisis_24_7", "gecontroleerd_op", "gecontroleerd_door"]
write("csv-import", "two.csv", "\ufeff" + ";".join(columns) + "\r\n"
      + "CoMensha;;landelijk;;;;landelijk;\"Advies,\nopvang\";033 448 11 86;info@comensha.nl;;;;;nee;;\r\n"
      + "'=Stichting;SW;;;;;twente;;053 123 45 67;;;Enschede;ma-vr;;ja;;\r\n")
write("csv-import", "name-only.csv", "naam\nFairWork\n\"Humanitas; Twente\"\n")


def keys(*values):
    return b"".join(struct.pack("<I", v) for v in values)


KEY_LEFT, KEY_BACKSPACE, KEY_DC, KEY_HOME, KEY_END = 0o404, 0o407, 0o512, 0o406, 0o550
write("keys", "typing", keys(*[ord(c) for c in "Zoë, 053"]))
write("keys", "editing", keys(ord("a"), ord("b"), 0x80000000 | KEY_LEFT, 0x80000000 | KEY_BACKSPACE, 0x80000000 | KEY_HOME,
                              0x80000000 | KEY_DC, 0x80000000 | KEY_END, 10, 13, 9))
write("keys", "hostile", keys(0x1B, ord("["), ord("2"), ord("J"), 0x9B, 0x202E, 0x200B, 0x301, 0x7F, 0x08, 0x00, 0x1F600))
