"""The architecture rule: only till/ imports Qt, and the server knows nothing of the till.

Checked on the source text (every import statement, including ones inside functions), so a
lazy import cannot slip past.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_BINDINGS = {
    "PySide6",
    "PySide2",
    "PyQt5",
    "PyQt6",
    "shiboken6",
    "shiboken2",
    "qtpy",
    "pyqtgraph",
    "pytestqt",
}


def imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


def offenders(package: str, forbidden: set[str]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        hits = imported_top_modules(path) & forbidden
        if hits:
            bad.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(hits))}")
    return bad


@pytest.mark.parametrize("package", ["devices", "offline_queue", "server"])
def test_plain_python_packages_do_not_import_qt(package: str) -> None:
    assert (ROOT / package / "__init__.py").exists()
    assert offenders(package, QT_BINDINGS) == []


def test_server_does_not_import_the_till() -> None:
    assert offenders("server", {"till"}) == []


def test_plain_packages_do_not_import_the_till() -> None:
    assert offenders("devices", {"till"}) == []
    assert offenders("offline_queue", {"till"}) == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6\n",
        "from PySide6.QtCore import QObject\n",
        "def f():\n    import shiboken6\n",
        "import importlib\nimportlib.import_module('PyQt6.QtWidgets')\n",
    ],
)
def test_the_check_catches_qt_imports(tmp_path: Path, source: str) -> None:
    """The detector itself must see every form of import, or the rule above proves nothing."""
    f = tmp_path / "mod.py"
    f.write_text(source)
    assert imported_top_modules(f) & QT_BINDINGS


def _till_imports(path: Path) -> set[str]:
    """The ``till.*`` modules a file imports (absolute imports only: the till uses no others)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "till")
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] == "till"
        ):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _module_file(name: str) -> Path | None:
    parts = name.split(".")
    for candidate in (
        ROOT.joinpath(*parts).with_suffix(".py"),
        ROOT.joinpath(*parts, "__init__.py"),
    ):
        if candidate.exists():
            return candidate
    return None


def test_the_till_core_imports_no_qt_even_indirectly() -> None:
    """Issue 11: ``till/core`` is the sale's rules; nothing it imports, at any depth inside
    the till, may pull Qt in (the unit and property tests run it without a window)."""
    assert (ROOT / "till" / "core" / "__init__.py").exists()
    assert offenders("till/core", QT_BINDINGS) == []
    seen: set[Path] = set()
    todo = sorted((ROOT / "till" / "core").rglob("*.py"))
    bad: list[str] = []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if imported_top_modules(path) & QT_BINDINGS:
            bad.append(str(path.relative_to(ROOT)))
        for name in _till_imports(path):
            target = _module_file(name)
            if target is not None and target not in seen:
                todo.append(target)
    assert bad == [], f"Qt reaches till/core through {bad}"


# The till shares exactly two pure rule modules with the backend, so each rule has one copy:
# the earn rule it previews (issue 16) and the receipt claim token it signs offline (issue
# 17). Everything else of the server it reaches only over HTTP, through its client module;
# the demo is the one place that starts (and seeds) an embedded backend.
SHARED_WITH_THE_TILL = {"server.earn_rules", "server.claim_tokens"}
DEMO_ONLY = {"server.embedded", "server.db", "server.demo_data", "server.receipt_claims"}
DEMO_MODULES = {"till/demo.py", "till/context.py", "till/printing/claim_key.py"}


def server_modules_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "server":
                found.update(f"server.{alias.name}" for alias in node.names)
            elif node.module.startswith("server."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "server")
    return found


def test_the_till_imports_only_the_shared_pure_modules_of_the_server() -> None:
    bad = []
    for path in sorted((ROOT / "till").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        allowed = SHARED_WITH_THE_TILL | (DEMO_ONLY if rel in DEMO_MODULES else set())
        extra = server_modules_imported(path) - allowed
        if extra:
            bad.append(f"{rel} imports {', '.join(sorted(extra))}")
    assert bad == []


@pytest.mark.parametrize("module", sorted(SHARED_WITH_THE_TILL))
def test_the_shared_modules_are_pure_standard_library(module: str) -> None:
    path = ROOT / (module.replace(".", "/") + ".py")

    third_party = {m for m in imported_top_modules(path) if m not in sys.stdlib_module_names} - {
        "__future__"
    }
    assert third_party == set(), f"{module} must stay importable by the till alone"
