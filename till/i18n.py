"""The till's language: English (the source), German or Ukrainian, with Qt's translator.

Chosen, in this order: ``till --lang de|uk|en``; the store's language (``/v1/session``
``locale``, a CLDR identifier such as ``de_DE``), remembered from the last session in
``<data dir>/store-language`` because the window is built before the backend answers;
English. A store that changes its language gets it at the till's next start (widgets are
not re-translated live: that would need a ``changeEvent`` in every one of them).

Translations are Qt Linguist files, ``resources/translations/till_<lang>.ts``, kept up
to date with ``pyside6-lupdate`` (``python -m till.i18n update``). Qt loads only compiled
``.qm`` files, and those are never committed (generated files drift from their source):

- the Debian package compiles them at build time (``packaging/debian/build-deb.sh`` runs
  ``python -m till.i18n compile DIR``) into ``/usr/share/loyalty-till/translations``
  (FHS 4.11: architecture-independent data);
- a checkout compiles each ``.ts`` at first use with ``pyside6-lrelease`` (it ships in
  PySide6-Essentials, a dependency anyway) into the user's cache directory, named by the
  hash of the ``.ts``, so a fresh clone needs no extra step and an edited ``.ts`` is
  picked up at the next start.

Qt's own strings (standard dialog buttons) come from Qt's ``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from till.translate import set_translator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de", "uk")
SHIPPED = ("de", "uk")  # the languages with a .ts (English is the source text)
TS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
INSTALLED_DIR = Path("/usr/share/loyalty-till/translations")
REMEMBERED = "store-language"
# The Python modules whose strings the .ts files hold (lupdate's inputs).
SOURCES = ("till",)

_installed: list[QTranslator] = []


def language_of(locale_name: str | None) -> str | None:
    """``de`` for ``de_DE`` / ``de-AT``; None when empty or not a shipped language."""
    if not locale_name:
        return None
    lang = locale_name.strip().replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else None


def session_language(raw: object) -> str | None:
    """The store's language from a ``/v1/session`` body: its ``locale`` (top level, as
    issue 17 adds it) or ``store.locale`` (issue 12's store setting)."""
    if not isinstance(raw, Mapping):
        return None
    store = raw.get("store")
    for value in (raw.get("locale"), store.get("locale") if isinstance(store, Mapping) else None):
        lang = language_of(value if isinstance(value, str) else None)
        if lang is not None:
            return lang
    return None


def remembered_language(data_dir: Path) -> str | None:
    try:
        return language_of((data_dir / REMEMBERED).read_text(encoding="utf-8"))
    except OSError:
        return None


def remember_language(data_dir: Path, lang: str) -> None:
    """Keep the store's language for the next start (written only when it changed)."""
    if remembered_language(data_dir) == lang:
        return
    try:
        (data_dir / REMEMBERED).write_text(lang + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("could not remember the store's language: %s", exc)


def choose_language(cli: str | None, data_dir: Path | None) -> str:
    """``--lang`` wins, then the store's remembered language, then English."""
    if cli:
        return cli
    if data_dir is not None:
        return remembered_language(data_dir) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _qt_tool(name: str) -> list[str]:
    """``pyside6-<name>`` of this interpreter's PySide6 (the venv's), else from PATH."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.exists():
        return [str(bundled)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found (it ships in PySide6-Essentials)")
    return [found]


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(f".{os.getpid()}.tmp")
    subprocess.run(
        [*_qt_tool("lrelease"), "-silent", str(ts), "-qm", str(tmp)],
        check=True,
        capture_output=True,
    )
    tmp.replace(qm)  # atomic: two tills starting at once never read half a file


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "loyalty-till" / "translations"


def qm_file(lang: str) -> Path | None:
    """The compiled translations for ``lang``: the installed ones, else the checkout's
    ``.ts`` compiled into the cache (once per content). None for English or none at all."""
    if lang == SOURCE_LANGUAGE:
        return None
    override = os.environ.get("TILL_TRANSLATIONS")
    ts_dir = Path(override) if override else TS_DIR
    ts = ts_dir / f"till_{lang}.ts"
    if ts.exists():
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
        qm = cache_dir() / f"till_{lang}-{digest}.qm"
        if not qm.exists():
            try:
                compile_ts(ts, qm)
            except (OSError, subprocess.CalledProcessError) as exc:
                log.warning("could not compile %s: %s", ts, exc)
                return None
        return qm
    installed = INSTALLED_DIR / f"till_{lang}.qm"
    return installed if installed.exists() else None


def install(lang: str, app: QCoreApplication | None = None) -> bool:
    """Install ``lang``'s translators in the application; True when it is in use.

    English removes any installed translator. A language without compiled translations
    is logged and the till stays in English (a till that cannot sell is worse)."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    set_translator(None)
    if lang == SOURCE_LANGUAGE:
        return True
    qm = qm_file(lang)
    own = QTranslator(app)
    if qm is None or not own.load(str(qm)):
        log.warning("no translations for %r: the till stays in English", lang)
        return False
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator in (qt, own):
        if translator is own or translator.load(QLocale(lang), "qtbase", "_", qt_dir):
            app.installTranslator(translator)
            _installed.append(translator)
    set_translator(QCoreApplication.translate, lang)
    log.info("language: %s (%s)", lang, qm)
    return True


def update_ts(ts_dir: Path = TS_DIR, root: Path | None = None, extra: Sequence[str] = ()) -> None:
    """Run ``pyside6-lupdate`` over the till's Python files into ``ts_dir`` (new strings are
    added as unfinished, vanished ones marked obsolete; translations are kept)."""
    root = root or TS_DIR.parent.parent
    files = sorted(str(p) for src in SOURCES for p in (root / src).rglob("*.py"))
    for lang in SHIPPED:
        subprocess.run(
            [
                *_qt_tool("lupdate"),
                "-silent",
                "-locations",
                "none",
                *extra,
                *files,
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts_dir / f"till_{lang}.ts"),
            ],
            check=True,
            cwd=root,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m till.i18n update`` (lupdate) or ``compile DIR`` (lrelease, for packaging)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["update"]:
        update_ts()
        return 0
    if args[:1] == ["compile"] and len(args) == 2:
        for lang in SHIPPED:
            compile_ts(TS_DIR / f"till_{lang}.ts", Path(args[1]) / f"till_{lang}.qm")
        return 0
    print("usage: python -m till.i18n update | compile DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
