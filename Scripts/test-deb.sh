#!/usr/bin/env bash
# The Debian package, tested as an administrator would use it, on this machine (as root; CI runs
# it from .ci/run after the test suite, on a throwaway machine):
#
#     bash Scripts/test-deb.sh
#
# Builds the package, runs lintian (no errors), installs it on a system without its accounts, makes
# the database as the service account, runs the nightly backup as its unit does, expects `doctor`
# to pass, runs the real-sshd confinement test against the packaged install, removes the package
# (the database stays, and it says where), reinstalls it over the data (kept), and purges it (still
# kept). Leaves the machine as it found it. Refuses to touch an install it did not make itself.
set -euo pipefail
cd "$(dirname "$0")/.."

data=/var/lib/schakel
marker=/var/lib/schakel-pakkettest  # beside the data, never in it (doctor names a file there not the account's)
say() { printf '\n== %s\n' "$*"; }
fail() { echo "test-deb: FOUT: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "draai dit als root (het installeert een pakket)"
if { dpkg -s schakel >/dev/null 2>&1 || [ -e "$data" ] || getent passwd schakel >/dev/null; } && [ ! -e "$marker" ]; then
  fail "Schakel (of een account of map ervan) is hier al, en niet door deze test: er wordt niets aangeraakt"
fi

clean() {
  apt-get purge -y -qq schakel >/dev/null 2>&1 || true
  rm -rf "$data" /var/backups/schakel /etc/ssh/schakel-sleutels /etc/schakel "$marker"
  rm -f /etc/sudoers.d/schakel.afgekeurd
  deluser --quiet schakel >/dev/null 2>&1 || true
  delgroup --quiet schakel >/dev/null 2>&1 || true
  delgroup --quiet schakel-gebruikers >/dev/null 2>&1 || true
}
clean
trap clean EXIT

say "bouwen"
deb=$(bash Scripts/build-deb.sh dist | tail -1)
[ -f "$deb" ] || fail "geen pakket gebouwd"
echo "$deb"
dpkg-deb --contents "$deb" | awk '{print $1, $2, $6}' | sed 's|^|  |' | grep -E ' \./(usr/bin|etc|lib)/' || true

say "lintian"
lintian --fail-on error --no-tag-display-limit "$deb" || fail "lintian meldt fouten"

say "installeren op een systeem zonder de accounts"
! getent passwd schakel >/dev/null || fail "het service-account bestond al"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
touch "$marker"
getent passwd schakel | grep -q ':/var/lib/schakel:/usr/sbin/nologin$' || fail "service-account niet zoals verwacht: $(getent passwd schakel)"
getent group schakel-gebruikers >/dev/null || fail "de groep schakel-gebruikers ontbreekt"
[ "$(stat -c '%U %a' $data)" = "schakel 700" ] || fail "$data: $(stat -c '%U %a' $data)"
[ "$(stat -c '%U %a' /var/backups/schakel)" = "schakel 700" ] || fail "/var/backups/schakel: $(stat -c '%U %a' /var/backups/schakel)"
[ "$(stat -c '%U %a' /etc/sudoers.d/schakel)" = "root 440" ] || fail "/etc/sudoers.d/schakel: $(stat -c '%U %a' /etc/sudoers.d/schakel)"
visudo -c -q -f /etc/sudoers.d/schakel || fail "visudo keurt het geïnstalleerde sudo-bestand af"
man -w schakel >/dev/null && man -w 7 schakel >/dev/null && man -w schakel.beheer >/dev/null || fail "handleidingen niet gevonden"
MANWIDTH=80 man schakel 2>/dev/null | grep -q "OVERZICHT" || fail "man schakel toont geen OVERZICHT"
MANWIDTH=80 man 7 schakel 2>/dev/null | grep -q "vorige / volgende signaal" || fail "man 7 schakel toont de toetsen niet"
whatis schakel.beheer 2>/dev/null | grep -q "Beheer" || fail "whatis kent schakel.beheer niet (de NAAM-regel van de handleiding)"
schakel --version | grep -qx "$(dpkg-query -W -f '${Version}' schakel)" || fail "schakel --version is niet de versie van het pakket"
# Reinstalling over itself: accounts and folders already there.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "./$deb" >/dev/null

say "de database, als het service-account"
sudo -u schakel schakel beheer init --db $data/schakel.sqlite --beheerder beheer.proef --naam 'Proef Beheer'
if schakel doctor >/tmp/doctor.txt; then fail "doctor slaagde zonder back-up"; fi
grep -q "PROBLEEM  Er is nog geen back-up." /tmp/doctor.txt || { cat /tmp/doctor.txt; fail "doctor noemde de ontbrekende back-up niet"; }

say "de eerste back-up, zoals de systemd-unit hem draait"
grep '^ExecStart=' /lib/systemd/system/schakel-backup.service | sed 's/^ExecStart=//' | while read -r command; do
  runuser -u schakel -- $command
done
schakel doctor >/tmp/doctor.txt || { cat /tmp/doctor.txt; fail "doctor slaagde niet na de eerste back-up"; }
cat /tmp/doctor.txt

say "echte sshd tegen de geïnstalleerde Schakel"
SCHAKEL_PAKKET_TEST=1 swift test --skip-build --filter SshConfinementTests > /tmp/ssh-test.txt 2>&1 || true
tail -3 /tmp/ssh-test.txt
# The test itself passed: a skipped test or a filter that matched nothing also ends in "passed".
grep -q "Test anOfficerGetsSchakelAndNothingElse() passed" /tmp/ssh-test.txt && ! grep -q "skipped\|failed" /tmp/ssh-test.txt \
  || { cat /tmp/ssh-test.txt; fail "de sshd-test tegen het pakket slaagde niet"; }

say "dpkg -r: de database blijft"
before=$(sha256sum $data/schakel.sqlite | cut -d' ' -f1)
dpkg -r schakel | tee /tmp/remove.txt
[ -f $data/schakel.sqlite ] || fail "dpkg -r wiste de database"
grep -q "/var/lib/schakel" /tmp/remove.txt || fail "dpkg -r zei niet waar de database staat"
[ ! -e /usr/bin/schakel ] || fail "het programma staat er nog"

say "opnieuw installeren: dezelfde database"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
[ "$(sha256sum $data/schakel.sqlite | cut -d' ' -f1)" = "$before" ] || fail "de database veranderde door opnieuw te installeren"
schakel doctor >/tmp/doctor.txt || { cat /tmp/doctor.txt; fail "doctor slaagde niet na opnieuw installeren"; }

say "apt purge: de gegevens blijven"
apt-get purge -y -qq schakel | tee /tmp/purge.txt
[ -f $data/schakel.sqlite ] && ls /var/backups/schakel/schakel-*.sqlite >/dev/null || fail "purge wiste gegevens"
[ ! -e /etc/sudoers.d/schakel ] || fail "purge liet het sudo-bestand staan"

say "het pakket is in orde"
