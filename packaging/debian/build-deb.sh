#!/usr/bin/env bash
# Builds dist/loyalty-till_<version>_<arch>.deb: the project's wheel and every dependency's
# wheel inside the package, installed at postinst into /opt/loyalty-till/venv with
# --no-index, so a till installs without reaching a package index.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/loyalty-till_${version}_${arch}"
mkdir -p "$root/DEBIAN" "$root/opt/loyalty-till/wheels" "$root/lib/systemd/system" \
  "$root/usr/share/applications" "$root/lib/udev/rules.d" "$root/etc/loyalty-till" \
  "$root/usr/share/icons/hicolor/scalable/apps"
python3 -m pip wheel --quiet --wheel-dir "$root/opt/loyalty-till/wheels" .
install -m 0644 packaging/systemd/*.service "$root/lib/systemd/system/"
install -m 0644 packaging/desktop/loyalty-till.desktop "$root/usr/share/applications/"
install -m 0644 resources/icons/loyalty-till.svg "$root/usr/share/icons/hicolor/scalable/apps/"
install -m 0644 packaging/udev/*.rules "$root/lib/udev/rules.d/" 2>/dev/null || true
sed "s/@VERSION@/$version/; s/@ARCH@/$arch/" packaging/debian/control.in >"$root/DEBIAN/control"
install -m 0755 packaging/debian/postinst "$root/DEBIAN/postinst"
install -m 0755 packaging/debian/prerm "$root/DEBIAN/prerm"
mkdir -p dist
dpkg-deb --root-owner-group --build "$root" dist/ >/dev/null
echo "dist/loyalty-till_${version}_${arch}.deb"
