#!/usr/bin/env bash
# The suite as a user's clone sees it: the files git tracks (plus new, not ignored ones, so a
# change is checked before it is committed) copied into an empty temporary directory, with
# no ../shared beside it; every test is collected there and the tests that draw their own
# code pictures are run. Uses this checkout's .venv; the copy comes first on sys.path
# (pytest's pythonpath = ["."]), so its own code is what runs.
set -euo pipefail
cd "$(dirname "$0")/.."
python="$PWD/.venv/bin/python"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
clone="$scratch/loyalty-till"
mkdir "$clone"
git ls-files -z --cached --others --exclude-standard \
    | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null \
    | tar -xf - -C "$clone"
cd "$clone"
test ! -e ../shared
export QT_QPA_PLATFORM=offscreen
if ! collected="$("$python" -m pytest --collect-only -q 2>&1)"; then
    echo "$collected" | tail -30
    echo "fresh clone: the suite does not collect without ../shared" >&2
    exit 1
fi
echo "fresh clone (no ../shared): $(echo "$collected" | tail -1)"
"$python" -m pytest -q tests/unit/devices/test_decoder_samples.py \
    tests/integration/devices/test_decode_cli.py
