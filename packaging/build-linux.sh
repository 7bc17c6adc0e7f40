#!/usr/bin/env bash
# The till for Linux store PCs, in one command:
#   bash packaging/build-linux.sh
# gives build/dist/pos-app/ (PyInstaller one-folder build: the `pos-app` binary and its
# libraries) and build/omni-pos-till_<version>_<arch>.deb, which installs it in /opt/omni-pos
# with /usr/bin/pos-app and a desktop entry. Needs python3 (3.11+) and dpkg-deb (Debian/Ubuntu).
# POS_BUILD_DIR puts the output elsewhere; POS_VENV picks the virtual environment (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
VENV="${POS_VENV:-.venv}"
OUT="${POS_BUILD_DIR:-$ROOT/build}"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[till,build]"
for ts in resources/translations/*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

VERSION="$("$VENV/bin/python" -c 'import pos_app; print(pos_app.__version__)')"
ARCH="$(dpkg --print-architecture)"
echo "build-linux: pos-app $VERSION for $ARCH into $OUT"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" packaging/pos-app.spec

STAGE="$OUT/deb/omni-pos-till"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"
cp -a "$OUT/dist/pos-app" "$STAGE/opt/omni-pos"
ln -s ../../opt/omni-pos/pos-app "$STAGE/usr/bin/pos-app"  # relative: right in any root
install -m 644 packaging/linux/omni-pos.desktop "$STAGE/usr/share/applications/omni-pos.desktop"
SIZE_KB="$(du -sk "$STAGE/opt" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE_KB/" \
  packaging/linux/control.in > "$STAGE/DEBIAN/control"
DEB="$OUT/omni-pos-till_${VERSION}_${ARCH}.deb"
# gzip: a 200 MB tree packs in seconds (xz takes minutes on a small build machine)
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" >/dev/null
echo "build-linux: $DEB ($(du -h "$DEB" | cut -f1))"
