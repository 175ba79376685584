#!/usr/bin/env bash
# Builds dist/loyalty-till_<version>_<arch>.deb: the project's wheel and every dependency's
# wheel inside the package, installed at postinst into /usr/lib/loyalty-till/venv with
# --no-index, so a till installs without reaching a package index.
#
# WHEEL_CACHE=DIR reuses (and fills) a folder of dependency wheels: a rebuild then downloads
# and compiles nothing it already has (`make package-check` uses build/wheels). The
# project's own wheel is always built afresh. DEB_COMPRESS=gzip|xz (default xz) and
# DEB_COMPRESS_LEVEL (dpkg-deb -z; default its own).
set -euo pipefail
cd "$(dirname "$0")/../.."
python="${PYTHON:-.venv/bin/python}"
version=$("$python" -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/loyalty-till_${version}_${arch}"
wheels="$root/usr/lib/loyalty-till/wheels"
doc="$root/usr/share/doc/loyalty-till"
mkdir -p "$root/DEBIAN" "$wheels" "$root/lib/systemd/system" "$doc" \
  "$root/usr/share/applications" "$root/lib/udev/rules.d" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/lintian/overrides"

pip_wheel() { "$python" -m pip wheel --quiet --disable-pip-version-check "$@"; }
pip_wheel --no-deps --wheel-dir "$wheels" .
own=("$wheels"/loyalty_till-*.whl)
if [[ -n "${WHEEL_CACHE:-}" ]]; then
  mkdir -p "$WHEEL_CACHE"
  # Offline from the cache when it holds every dependency; otherwise fetch what is missing.
  pip_wheel --no-index --find-links "$WHEEL_CACHE" --wheel-dir "$wheels" "${own[0]}" 2>/dev/null \
    || pip_wheel --find-links "$WHEEL_CACHE" --wheel-dir "$wheels" "${own[0]}"
  find "$wheels" -name '*.whl' ! -name 'loyalty_till-*' -exec cp -n {} "$WHEEL_CACHE"/ \;
else
  pip_wheel --wheel-dir "$wheels" "${own[0]}"
fi
chmod 0644 "$wheels"/*.whl

install -m 0644 packaging/systemd/*.service packaging/systemd/*.timer "$root/lib/systemd/system/"
install -m 0644 packaging/desktop/loyalty-till.desktop "$root/usr/share/applications/"
install -m 0644 resources/icons/loyalty-till.svg "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 packaging/udev/*.rules "$root/lib/udev/rules.d/"
# Issue 17: the German and Ukrainian translations, compiled (.ts -> .qm) at build time.
mkdir -p "$root/usr/share/loyalty-till/translations"
"$python" -m till.i18n compile "$root/usr/share/loyalty-till/translations"
chmod 0644 "$root/usr/share/loyalty-till/translations"/*.qm
install -m 0644 packaging/debian/copyright "$doc/copyright"
gzip -9n <packaging/debian/changelog >"$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
install -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/loyalty-till"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed "s/@VERSION@/$version/; s/@ARCH@/$arch/; s/@SIZE@/$size/" packaging/debian/control.in \
  >"$root/DEBIAN/control"
install -m 0755 packaging/debian/postinst "$root/DEBIAN/postinst"
install -m 0755 packaging/debian/prerm "$root/DEBIAN/prerm"
mkdir -p dist
out="dist/loyalty-till_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" ${DEB_COMPRESS_LEVEL:+-z"$DEB_COMPRESS_LEVEL"} \
  --build "$root" "$out" >/dev/null
echo "$out"
