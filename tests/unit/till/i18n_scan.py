"""Finds user-visible text in the till's source that is not passed through ``translate``.

A string literal (or f-string) handed straight to a widget's text, a banner (``say``), a
dialog, a form row or a cashier-facing exception is English on every till whatever the
language. Checked on the source (AST), so a module is covered whole, not only the parts a
test happens to display.
"""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# Calls whose first argument is text a person reads.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setTitle", "say",
    "addRow", "QLabel", "QPushButton", "QGroupBox", "QCheckBox", "QRadioButton", "QAction",
    "addAction", "addMenu", "addTab", "setStatusTip", "information", "warning", "critical",
    "question", "showMessage", "setHeaderLabels", "setHorizontalHeaderLabels", "addItem",
    "ok", "error", "info", "warn", "_backend", "Show",
}  # fmt: skip
# Exceptions whose str() the cashier reads (till.errors.TillError and kin).
ERROR_NAMES = ("Error", "Refused", "Problem")
CODE_FIRST = {"BackendError", "BackendUnavailable"}
# A doctor finding (till.cardtest.check_result.CheckResult(id, title, status, detail, next)):
# the title, detail and next step are shown in the technician's Diagnostics tab.
CHECK_RESULT = "CheckResult"
CHECK_TEXT = (1, 3, 4)
LOGGERS = {"log", "logger", "logging", "_log"}
_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: "v{version}" is no text


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _WORD.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):  # "x failed" if failed else "All passed"
        return _is_text(node.body) or _is_text(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):  # setHorizontalHeaderLabels(["Result", ...])
        return any(_is_text(e) for e in node.elts)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated(path: Path) -> list[str]:
    """``file:line: text`` for every literal shown to a person without ``translate``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            if isinstance(owner, ast.Name) and owner.id in LOGGERS:
                continue  # the log is for the technician, in English on purpose
            if isinstance(owner, ast.Attribute) and owner.attr in LOGGERS:
                continue
            if hasattr(builtins, name):
                continue  # RuntimeError, ValueError...: a programming error, not a message
            args = list(node.args)
            if name in ("information", "warning", "critical", "question") and len(args) >= 3:
                args = args[1:3]  # QMessageBox.x(parent, title, text)
            elif name in CODE_FIRST:
                args = args[1:2]  # BackendError(code, message): the code is for programs
            elif name == CHECK_RESULT:
                args = [a for i, a in enumerate(args) if i in CHECK_TEXT]
                args += [
                    k.value for k in node.keywords if k.arg in ("title", "detail", "next_step")
                ]
            elif name in TEXT_CALLS or (name.endswith(ERROR_NAMES) and name[:1].isupper()):
                args = args[:1]
            else:
                continue
            for arg in args:
                if _is_text(arg):
                    text = ast.unparse(arg)[:60]
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                    found.append(f"{where}:{node.lineno}: {text}")
    return found
