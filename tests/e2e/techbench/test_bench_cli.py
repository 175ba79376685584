"""``till-cardtest bench`` opens the window; the other subcommands never need a display."""

from __future__ import annotations

import os
import subprocess
import sys

from PIL import Image

from till.cardtest.cli import main


def test_bench_command_renders_the_window(qapp, tmp_path, monkeypatch, capsys):
    config = tmp_path / "till.toml"
    config.write_text(f'[journal]\npath = "{tmp_path / "journal.sqlite3"}"\n', encoding="utf-8")
    monkeypatch.setenv("TILL_API_KEY", "not-a-real-key")
    shot = tmp_path / "bench.png"
    code = main(
        [
            "bench",
            "--backend",
            "http://127.0.0.1:9",
            "--config",
            str(config),
            "--screenshot",
            str(shot),
        ]
    )
    assert code == 0, capsys.readouterr().err
    with Image.open(shot) as image:
        assert image.size[0] >= 600 and image.size[1] >= 400
    assert (tmp_path / "bench").is_dir()  # its own data directory beside the journal


def test_terminal_subcommands_do_not_load_qt_widgets(tmp_path):
    script = (
        "import sys\n"
        "from till.cardtest.cli import main\n"
        "code = main(['doctor', '--json', '--backend', 'http://127.0.0.1:9'])\n"
        "assert code == 1, code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert loaded == [], loaded\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env["TILL_API_KEY"] = "x"
    env["TILL_JOURNAL_PATH"] = str(tmp_path / "journal.sqlite3")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert '"backend_health"' in result.stdout
