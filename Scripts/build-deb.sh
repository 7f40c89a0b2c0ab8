#!/usr/bin/env bash
# Builds the Debian package schakel_<version>_amd64.deb from this checkout, with dpkg-deb and
# fakeroot and nothing from the network:
#
#     bash Scripts/build-deb.sh [OUTPUT-FOLDER]        (default: dist/)
#
# The release binary is built with the Swift runtime inside it (--static-swift-stdlib) and
# stripped; Resources/ goes to /usr/share/schakel; the manual pages are generated from the
# command-line definitions (ArgumentParser's generate-manual) and from the help officers see
# (schakel(7)); the sshd and sudoers snippets and the backup units are what `schakel installeer`
# writes for /usr/bin/schakel. Prints the package's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
output=${1:-dist}
scratch=.build-deb
packaging=packaging/deb

for tool in dpkg-deb dpkg-shlibdeps fakeroot strip gzip python3; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool ontbreekt (apt install dpkg-dev fakeroot binutils python3)" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib --product schakel --scratch-path "$scratch"
swift build -c release --product generate-manual --scratch-path "$scratch"
binary=$scratch/release/schakel
version=$("$binary" --version)
date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
head -1 "$packaging/changelog" | grep -q "^schakel ($version) " \
  || { echo "build-deb: $packaging/changelog begint niet met versie $version (Sources/schakel/Version.swift)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/schakel_${version}_amd64
umask 022

# The program, stripped, and its data.
install -D -m 755 "$binary" "$stage/usr/bin/schakel"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage/usr/bin/schakel"
mkdir -p "$stage/usr/share/schakel"
cp -r Resources/. "$stage/usr/share/schakel/"
find "$stage/usr/share/schakel" -type d -exec chmod 755 {} + -o -type f -exec chmod 644 {} +
# The retention periods are the FG's to set: a conffile in /etc, read through a link.
install -D -m 644 Resources/bewaren/bewaartermijnen.yaml "$stage/etc/schakel/bewaartermijnen.yaml"
ln -sf /etc/schakel/bewaartermijnen.yaml "$stage/usr/share/schakel/bewaren/bewaartermijnen.yaml"

# The configuration: what `installeer` writes for the packaged program, checked by visudo.
"$stage/usr/bin/schakel" installeer --alleen-bestanden --wortel "$stage" --programma /usr/bin/schakel >/dev/null
test -f "$stage/etc/sudoers.d/schakel" && test -f "$stage/lib/systemd/system/schakel-backup.timer"
if command -v visudo >/dev/null; then visudo -c -q -f "$stage/etc/sudoers.d/schakel"; fi

# Manual pages: schakel(1) and one per command, in Dutch (Scripts/dutch_manpages.py); and schakel(7).
man1=$stage/usr/share/man/man1
mkdir -p "$man1" "$stage/usr/share/man/man7"
"$scratch/release/generate-manual" "$stage/usr/bin/schakel" --multi-page --section 1 --date "$date" --output-directory "$man1"
python3 Scripts/dutch_manpages.py "$man1"
keys=$(python3 Scripts/keys_manpage.py Resources/help/sneltoetsen.txt)
python3 - "$packaging/schakel.7.in" "$stage/usr/share/man/man7/schakel.7" "$version" "$date" "$keys" <<'PY'
import sys
source, target, version, date, keys = sys.argv[1:]
text = open(source, encoding="utf-8").read()
open(target, "w", encoding="utf-8").write(text.replace("@VERSION@", version).replace("@DATE@", date).replace("@KEYS@", keys))
PY
find "$stage/usr/share/man" -type f -exec chmod 644 {} + -exec gzip -9n {} +

# Bash completion, for administrators.
install -d "$stage/usr/share/bash-completion/completions"
# (sourced by bash-completion, so without the #! line of a script)
"$stage/usr/bin/schakel" --generate-completion-script bash | sed '1{/^#!/d}' > "$stage/usr/share/bash-completion/completions/schakel"

# Documentation.
doc=$stage/usr/share/doc/schakel
install -d "$doc"
install -m 644 "$packaging/copyright" "$doc/copyright"
install -D -m 644 "$packaging/lintian-overrides" "$stage/usr/share/lintian/overrides/schakel"
gzip -9nc "$packaging/changelog" > "$doc/changelog.gz"
gzip -9nc docs/DEPLOY.md > "$doc/DEPLOY.md.gz"
chmod 644 "$doc"/*.gz

# Control files.
install -d -m 755 "$stage/DEBIAN"
install -m 755 "$packaging/postinst" "$packaging/prerm" "$packaging/postrm" "$stage/DEBIAN/"
(cd "$stage" && find etc -type f | sed 's|^|/|' | sort) > "$stage/DEBIAN/conffiles"
# The shared libraries the program needs, as versioned dependencies (dpkg-shlibdeps wants a source
# package's control file to work in).
mkdir -p "$work/source/debian"
printf 'Source: schakel\n\nPackage: schakel\nArchitecture: amd64\n' > "$work/source/debian/control"
depends=$(cd "$work/source" && dpkg-shlibdeps -O "$stage/usr/bin/schakel" | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" "$packaging/control.in" > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs md5sum) > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

mkdir -p "$output"
package=$output/schakel_${version}_amd64.deb
fakeroot -- sh -c "chown -R root:root '$stage' && dpkg-deb --build -Zxz '$stage' '$package'" >/dev/null
echo "$package"
