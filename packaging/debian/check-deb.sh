#!/usr/bin/env bash
# `make package-check`: build the .deb, check it as Debian would, install it into a scratch
# root and run what it installed.
#  1. build (dependency wheels from build/wheels once fetched; fastest gzip: the package is
#     checked, not shipped — `make deb` builds the xz-compressed one, same contents);
#  2. lintian: no errors (warnings are printed);
#  3. systemd-analyze verify on the two units, against the scratch root's files;
#  4. dpkg-deb -x into the scratch root, then the package's own postinst with DPKG_ROOT set
#     (what `dpkg --root` does), which builds the private venv from the shipped wheels;
#  5. the installed `till --version` and `till-server --help`; then prerm removes the venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
step() { printf '[package-check %3ss] %s\n' "$((SECONDS - start))" "$*"; }

step "building the package"
deb=$(WHEEL_CACHE=build/wheels DEB_COMPRESS=gzip DEB_COMPRESS_LEVEL=1 bash packaging/debian/build-deb.sh \
  2> >(grep -v "^WARNING: Location .* is ignored" >&2))
step "built $deb ($(du -h "$deb" | cut -f1))"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

step "lintian"
lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v "with root privileges" || true)
[[ -z "$lintian_out" ]] || echo "$lintian_out" | sed 's/^/  /'
if grep -q "^E: " <<<"$lintian_out"; then
  echo "package-check: lintian reports errors" >&2
  exit 1
fi

step "installing into the scratch root $scratch"
dpkg-deb -x "$deb" "$scratch"
dpkg-deb -e "$deb" "$scratch/DEBIAN"
DPKG_ROOT="$scratch" DPKG_MAINTSCRIPT_PACKAGE=loyalty-till sh "$scratch/DEBIAN/postinst" configure

step "systemd-analyze verify"
# --root: the units' ExecStart= binaries are looked up inside the scratch root, where
# postinst has just made them; the host's own units (sysinit.target, network-online.target,
# graphical.target, ...) are copied beside ours so their dependencies resolve. Any message
# (an unknown key, a bad value) fails the check, not only what verify itself counts.
units="$scratch/lib/systemd/system"
cp -rn /lib/systemd/system/. "$units/"
if ! verify_out=$(systemd-analyze verify --root="$scratch" \
  "$units/loyalty-till.service" "$units/loyalty-till-server.service" 2>&1) || [[ -n "$verify_out" ]]; then
  echo "$verify_out" >&2
  echo "package-check: systemd-analyze verify complains about the units" >&2
  exit 1
fi

step "running the installed programs"
bin="$scratch/usr/lib/loyalty-till/venv/bin"
version=$(env -i PATH=/usr/bin:/bin HOME="$scratch" QT_QPA_PLATFORM=offscreen "$bin/till" --version)
echo "  till --version: $version"
env -i PATH=/usr/bin:/bin HOME="$scratch" "$bin/till-server" --help | head -3 | sed 's/^/  /'
env -i PATH=/usr/bin:/bin HOME="$scratch" "$bin/till-cardtest" --help >/dev/null
expected=$(.venv/bin/python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
[[ "$version" == *"$expected"* ]] || { echo "installed version '$version' is not $expected" >&2; exit 1; }

step "prerm remove"
DPKG_ROOT="$scratch" sh "$scratch/DEBIAN/prerm" remove
[[ ! -e "$scratch/usr/lib/loyalty-till/venv" ]] || { echo "prerm left the venv" >&2; exit 1; }
step "package-check passed"
