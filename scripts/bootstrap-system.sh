#!/usr/bin/env bash
# Installs the Debian packages the till needs that pip cannot provide: the ZBar library for
# pyzbar, the runtime libraries of Qt's offscreen and xcb platform plugins, Xvfb and x11vnc
# for a display-less demo you can watch, and venv support for the system Python. With
# --packaging, also what `make package-check` uses (lintian, fakeroot). Idempotent: asks apt
# only for what is missing, and only as root; otherwise prints the exact command to run.
set -euo pipefail

packages=(
  libzbar0
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0
  libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  xvfb xauth x11vnc
  # The tests start a throwaway PostgreSQL cluster (tests/fixtures/postgres.py); runuser
  # (util-linux) runs it as the postgres user when the tests run as root.
  postgresql util-linux
  # The member page's browser test drives Debian's Chromium through its WebDriver (selenium).
  chromium chromium-driver
)

# systemd provides systemd-analyze (verify the units); dpkg-deb comes with dpkg itself.
if [[ "${1:-}" == "--packaging" ]]; then
  packages+=(lintian fakeroot systemd)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "bootstrap: not a Debian-like system; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

# The system Python needs python3-venv for 'python3 -m venv' (ensurepip) on Debian.
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
# python-evdev is published as source only: building it needs a C compiler, the headers of
# the Python that builds the venv, and the kernel's input-event definitions (linux/input.h).
command -v cc >/dev/null 2>&1 || packages+=(gcc libc6-dev)
python3 - <<'PY' >/dev/null 2>&1 || packages+=(python3-dev)
import os, sysconfig
raise SystemExit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)
PY
[[ -f /usr/include/linux/input.h ]] || packages+=(linux-libc-dev)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ "$(id -u)" -eq 0 ]]; then
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends ${missing[*]}
else
  echo "bootstrap: missing system packages. Run as root:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
