"""``till``: the cashier application's command line.

``till`` runs against ``backend.url`` with the API key from the OS keyring (or a systemd
credential); ``till --demo`` starts the embedded reference backend with demo data first.
``--screenshot FILE.png`` renders the main window and exits; with ``--size WxH`` it renders
it at that screen size and exits 1, naming the widgets the screen would cut, when the
layout does not fit. With ``--demo`` and a directory it renders the documentation's
screens (see :mod:`till.screenshots`); the demo panel is a window apart, never in the PNG.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from till import __version__
from till.errors import TillError

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="till", description="Loyalty till for the point of sale.")
    parser.add_argument("--version", action="version", version=f"till {__version__}")
    parser.add_argument("--config", type=Path, help="configuration file (TOML)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the embedded reference backend with demo data",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png|DIR",
        help="render the main window to a PNG and exit (with --demo: a directory of screens)",
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        help="with --screenshot: render at this screen size (e.g. 1024x768); exit 1 if it does not fit",
    )
    parser.add_argument(
        "--print-sample",
        type=Path,
        metavar="FILE.bin",
        help="write a sample receipt's ESC/POS bytes to FILE.bin (paper: printer.paper_mm) and exit",
    )
    parser.add_argument(
        "--set-claim-key",
        action="store_true",
        help="read the receipt claim key (till-server create-claim-key) from stdin into the keyring",
    )
    parser.add_argument(
        "--customer-display",
        metavar="SCREEN",
        help="show the customer display on this screen (number or name; default: the second)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "de", "uk"),
        help="the till's language (default: the store's, from the backend; else English)",
    )
    parser.add_argument(
        "--set-api-key",
        action="store_true",
        help="read the backend API key from stdin and store it in the OS keyring",
    )
    return parser


def _size(text: str) -> tuple[int, int]:
    from till.screenshots import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _offscreen_without_a_display() -> None:
    """A screenshot needs no screen: on a machine without one (a server, CI, ssh), render
    offscreen instead of letting Qt abort for want of an X display."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.size is not None and args.screenshot is None:
        build_parser().error("--size needs --screenshot FILE.png")
    from till.config import load_config
    from till.logs import setup_logging

    try:
        config, config_file = load_config(args.config)
    except TillError as exc:
        print(f"till: {exc}", file=sys.stderr)
        return 2
    setup_logging(
        config.log_directory(),
        config.logging.level,
        config.logging.max_bytes,
        config.logging.backups,
    )
    log.info("till %s starting; configuration %s", __version__, config_file or "defaults")
    if args.set_api_key:
        return _set_api_key(config)
    if args.print_sample is not None or args.set_claim_key:
        from till.printing.commands import run_command

        return run_command(config, args.print_sample, args.set_claim_key)
    if args.customer_display is not None:
        from till.customer_display import request_screen

        request_screen(args.customer_display)

    if args.screenshot is not None:
        _offscreen_without_a_display()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from till.i18n import choose_language, install

    install(choose_language(args.lang, config.journal_path().parent), app)  # issue 17
    if args.demo:
        return _run_demo(app, config, args.screenshot, config_file, args.size)
    return _run(app, config, args.screenshot, config_file, args.size)


def _exec_until_quit(app: object) -> int:
    """Run Qt's event loop; Ctrl+C or SIGTERM ends the till cleanly (journal closed, demo
    backend stopped) by returning here so the caller's ``finally`` runs.

    Python only runs signal handlers between bytecodes; a short timer gives it that chance
    while Qt's event loop runs.
    """
    import signal

    from PySide6.QtCore import QCoreApplication, QTimer

    assert isinstance(app, QCoreApplication)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)
    code = int(app.exec())
    del timer
    return code


def _set_api_key(config: object) -> int:
    from till.secrets import store_api_key

    value = sys.stdin.readline().strip()
    try:
        where = store_api_key(
            value,
            config.secrets.keyring_service,  # type: ignore[attr-defined]
            config.secrets.allow_plaintext_keyring,  # type: ignore[attr-defined]
        )
    except TillError as exc:
        print(f"till: {exc}", file=sys.stderr)
        return 1
    print(f"API key stored in {where}")
    return 0


def _shoot(app: object, window: object, path: Path, size: tuple[int, int] | None) -> int:
    """One PNG of the cashier window; 1 (naming what is cut) when ``size`` does not fit."""
    from PySide6.QtWidgets import QApplication, QWidget

    from till.screenshots import ScreenshotError, shoot_window

    assert isinstance(app, QApplication) and isinstance(window, QWidget)
    if size is None:
        app.processEvents()
        size = (window.width(), window.height())
    try:
        bad = shoot_window(app, window, path, size)
    except ScreenshotError as exc:
        print(f"till: {exc}", file=sys.stderr)
        return 1
    print(path)
    if bad:
        print(f"till: the window does not fit {size[0]}x{size[1]}:", file=sys.stderr)
        for what in bad:
            print(f"  {what}", file=sys.stderr)
        return 1
    return 0


def _run(
    app: object,
    config: object,
    screenshot: Path | None,
    config_file: Path | None,
    size: tuple[int, int] | None = None,
) -> int:
    from PySide6.QtWidgets import QApplication

    from till.app import close_till, open_till
    from till.config import Config
    from till.secrets import load_api_key

    assert isinstance(app, QApplication) and isinstance(config, Config)
    tmp: tempfile.TemporaryDirectory[str] | None = None
    try:
        key = load_api_key(config.secrets.keyring_service, config.secrets.allow_plaintext_keyring)
        api_key = key.value
        log.info("backend API key: %s", key)  # names the source, never the key
    except TillError as exc:
        if screenshot is None:
            print(f"till: {exc}", file=sys.stderr)
            return 2
        api_key = ""  # a screenshot of the shell needs no backend
    url = config.backend.url
    if not url:
        if screenshot is None:
            print(
                "till: no backend configured: set backend.url in the configuration "
                "(or run 'till --demo')",
                file=sys.stderr,
            )
            return 2
        url = "http://127.0.0.1:9"
    journal_path: Path | None = None
    if screenshot is not None:
        tmp = tempfile.TemporaryDirectory(prefix="till-shot-")
        data_dir = Path(tmp.name)
    else:
        journal_path = config.journal_path()
        data_dir = journal_path.parent
    try:
        ctx, window = open_till(
            config,
            base_url=url,
            api_key=api_key,
            data_dir=data_dir,
            readers=[] if screenshot is not None else None,
            journal_path=journal_path,
            config_path=config_file,
        )
    except Exception as exc:
        log.exception("the till could not start")
        from offline_queue.errors import JournalError
        from till import journal_words
        from till.translate import translate

        why = journal_words.sentence(exc) if isinstance(exc, JournalError) else str(exc)
        print(
            "till: " + translate("Start", "The till could not start: {why}").format(why=why),
            file=sys.stderr,
        )
        return 1
    try:
        window.show()
        if screenshot is not None:
            return _shoot(app, window, screenshot, size)
        return _exec_until_quit(app)
    finally:
        close_till(ctx, window)
        if tmp is not None:
            tmp.cleanup()


def _run_demo(
    app: object,
    config: object,
    screenshot: Path | None,
    config_file: Path | None,
    size: tuple[int, int] | None = None,
) -> int:
    from PySide6.QtWidgets import QApplication

    from till.app import close_till, open_till
    from till.config import Config
    from till.demo import DemoEnvironment

    assert isinstance(app, QApplication) and isinstance(config, Config)
    env = DemoEnvironment()
    try:
        print("Starting the demo backend…", file=sys.stderr)
        backend = env.start()
        from till.cardtest import demo_link

        link = demo_link.publish(backend.url, backend.api_key, env.root)
        print(
            f"Demo backend at {backend.url} (its key is in the file named by {link}); "
            "'till-cardtest doctor --demo' checks it.",
            file=sys.stderr,
        )
        ctx, window = open_till(
            config,
            base_url=backend.url,
            api_key=backend.api_key,
            data_dir=env.till_dir,
            readers=[],
            demo=backend,
            config_path=config_file,
        )
        try:
            window.show()
            if screenshot is not None and screenshot.suffix.lower() == ".png":
                return _shoot(app, window, screenshot, size)
            if screenshot is not None:
                from till.screenshots import take_screenshots

                for path in take_screenshots(app, ctx, window, screenshot, size):
                    print(path)
                return 0
            return _exec_until_quit(app)
        finally:
            close_till(ctx, window)
    except Exception as exc:
        log.exception("demo failed")
        print(f"till: the demo could not run: {exc}", file=sys.stderr)
        return 1
    finally:
        from till.cardtest import demo_link

        demo_link.withdraw()
        env.stop()


if __name__ == "__main__":
    raise SystemExit(main())
