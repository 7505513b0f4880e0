"""Find every message of the Qt-free core and check the catalogues against them.

    python -m planner.i18n.extract              # list the messages (source order)
    python -m planner.i18n.extract --check      # exit 1 if core_zh_CN.json misses one
    python -m planner.i18n.extract --update     # add missing messages (empty), drop obsolete ones
    python -m planner.i18n.extract --update-ts  # regenerate planner_zh_CN.ts and compile the .qm

A message is the string literal passed to ``tr`` or ``ntr`` imported from
``planner.i18n`` (under any alias), or to a function of the same module that
hands one of its parameters straight to ``tr``/``ntr`` (such as
``layout_json._fail(template, …)``). Attribute calls (``self.tr``, Qt's own)
are not ours. The modules scanned are every ``planner`` module outside
``planner/ui`` and ``planner/i18n``; the Qt interface's strings live in the
``.ts`` files instead.

Besides the messages, a scan reports two kinds of call site that a catalogue
cannot cover: ``tr`` calls whose message is not a literal (nothing to
translate it by), and calls that run at import time (module or class level,
default arguments), which would be built before ``set_language`` runs and
stay in the language of the first import.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import string
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent                    # planner/
ROOT = PACKAGE.parent                    # the checkout (or site-packages)
SKIP = ("ui", "i18n")                    # folders of planner/ that are not the Qt-free core's messages
CORE_FUNCTIONS = {"tr": 1, "ntr": 2}     # name in planner.i18n → how many leading message arguments

# The Qt interface's sources whose contexts the Qt catalogue covers: the sheets (export, render) and
# the editor (ui). The completeness test checks the same list.
QT_FOLDERS = ("export", "render", "ui")
# Local names of QT_TRANSLATE_NOOP that lupdate is told about (planner/ui/actions.py: ``_A = QT_TRANSLATE_NOOP``);
# lupdate sees no other alias, and the completeness test fails on one it is not told about.
NOOP_ALIASES = ("_A",)
QT_LANGUAGES = ("zh_CN",)


@dataclass(frozen=True)
class Message:
    text: str
    file: str
    line: int
    plural: bool = False       # the plural form of an ntr message


@dataclass
class Scan:
    messages: list[Message] = field(default_factory=list)
    dynamic: list[tuple[str, int, str]] = field(default_factory=list)      # (file, line, function)
    import_time: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message)

    def texts(self) -> list[str]:
        """Every distinct message, in source order."""
        return list(dict.fromkeys(m.text for m in self.messages))


def core_files(package: Path = PACKAGE) -> list[Path]:
    """The Qt-free core's modules (and export's, whose file errors are core messages)."""
    return sorted(p for p in package.rglob("*.py")
                  if p.relative_to(package).parts[0] not in SKIP and "__pycache__" not in p.parts)


def qt_files(package: Path = PACKAGE, folders: tuple[str, ...] = QT_FOLDERS) -> list[Path]:
    return sorted(p for folder in folders for p in (package / folder).rglob("*.py")
                  if "__pycache__" not in p.parts)


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _bound_names(tree: ast.Module) -> dict[str, int]:
    """Local names of planner.i18n's tr/ntr in this module → their count of message arguments."""
    names: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "planner.i18n":
            for alias in node.names:
                if alias.name in CORE_FUNCTIONS:
                    names[alias.asname or alias.name] = CORE_FUNCTIONS[alias.name]
    return names


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    a = fn.args
    return [p.arg for p in (*a.posonlyargs, *a.args)]


def _wrappers(tree: ast.Module, names: dict[str, int]) -> dict[str, list[int]]:
    """Functions that pass a parameter straight on as a message: name → that parameter's positions."""
    found: dict[str, list[int]] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = _params(fn)
        for call in ast.walk(fn):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in names:
                for arg in call.args[:names[call.func.id]]:
                    if isinstance(arg, ast.Name) and arg.id in params:
                        found.setdefault(fn.name, []).append(params.index(arg.id))
    return found


def _deferred_nodes(tree: ast.Module) -> set[int]:
    """ids of nodes that run only when called: bodies of functions and lambdas (not their defaults)."""
    deferred: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bodies = list(node.body)
        elif isinstance(node, ast.Lambda):
            bodies = [node.body]
        else:
            continue
        for body in bodies:
            deferred.update(id(n) for n in ast.walk(body))
    return deferred


def scan_file(path: Path, root: Path = ROOT) -> Scan:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    result = Scan()
    names = _bound_names(tree)
    if not names:
        return result
    wrappers = _wrappers(tree, names)
    deferred = _deferred_nodes(tree)
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            continue
        fname = call.func.id
        if fname in names:
            positions = list(range(names[fname]))
        elif fname in wrappers:
            positions = wrappers[fname]
        else:
            continue
        literals = [_literal(call.args[i]) if i < len(call.args) else None for i in positions]
        if fname in names and any(isinstance(call.args[i], ast.Name) for i in positions if i < len(call.args)):
            # A wrapper's own forwarding call is explained by its callers' literals.
            enclosing = _enclosing_function(tree, call)
            if enclosing in wrappers:
                continue
        if any(text is None for text in literals):
            result.dynamic.append((rel, call.lineno, fname))
            continue
        for i, text in enumerate(literals):
            result.messages.append(Message(text, rel, call.lineno, plural=fname in names and i == 1))
        if id(call) not in deferred:
            result.import_time.append((rel, call.lineno, literals[0]))
    result.messages.sort(key=lambda m: m.line)
    return result


def _enclosing_function(tree: ast.Module, target: ast.AST) -> str | None:
    best: tuple[int, str] | None = None
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if any(n is target for n in ast.walk(fn)):
                depth = fn.lineno
                if best is None or depth > best[0]:
                    best = (depth, fn.name)
    return best[1] if best else None


def scan(files: list[Path] | None = None, root: Path = ROOT) -> Scan:
    total = Scan()
    for path in files if files is not None else core_files():
        part = scan_file(path, root)
        total.messages += part.messages
        total.dynamic += part.dynamic
        total.import_time += part.import_time
    return total


# -- placeholders ---------------------------------------------------------------------------

def placeholders(text: str) -> list[str]:
    """The ``{field:spec}`` of a message, sorted (a translation may reorder them)."""
    found = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            found.append(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return sorted(found)


# -- catalogues -----------------------------------------------------------------------------

def catalogue_path(lang: str) -> Path:
    return HERE / f"core_{lang}.json"


def load_catalogue(lang: str) -> dict[str, str]:
    path = catalogue_path(lang)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def problems(lang: str, found: Scan | None = None) -> list[str]:
    """Everything wrong with a catalogue, one sentence each (empty: complete)."""
    found = found or scan()
    catalogue = load_catalogue(lang)
    out = []
    for message in found.messages:
        text = message.text
        if not catalogue.get(text):
            out.append(f"{message.file}:{message.line}: no {lang} translation for {text!r}")
        elif placeholders(catalogue[text]) != placeholders(text):
            out.append(f"{message.file}:{message.line}: the {lang} translation of {text!r} has placeholders "
                       f"{placeholders(catalogue[text])}, the message {placeholders(text)}")
    known = set(found.texts())
    out += [f"core_{lang}.json: {text!r} is no longer a message" for text in catalogue if text not in known]
    out += [f"{file}:{line}: {fn}() is given a message that is not a string literal"
            for file, line, fn in found.dynamic]
    out += [f"{file}:{line}: {text!r} is translated at import time, before set_language"
            for file, line, text in found.import_time]
    return list(dict.fromkeys(out))


def update(lang: str, found: Scan | None = None) -> tuple[int, int]:
    """Add missing messages (with an empty translation) and drop obsolete ones, in source order."""
    found = found or scan()
    catalogue = load_catalogue(lang)
    texts = found.texts()
    updated = {text: catalogue.get(text, "") for text in texts}
    added = sum(1 for t in texts if t not in catalogue)
    dropped = sum(1 for t in catalogue if t not in updated)
    catalogue_path(lang).write_text(json.dumps(updated, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return added, dropped


# -- the Qt catalogue -------------------------------------------------------------------------

def qt_tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is missing: it comes with PySide6-Essentials")
    return found


def run_lupdate(ts: Path, files: list[Path] | None = None) -> None:
    """Bring ``ts`` up to date with the Qt sources (keeping its translations).

    pyside6-lupdate also picks up our bare ``tr("…")`` calls into a nameless context; those are the
    core catalogue's messages, so that context is removed from the file.
    """
    sources = [str(p) for p in (files if files is not None else qt_files())]
    lang = ts.stem.split("_", 1)[1] if "_" in ts.stem else ""
    target = ["-target-language", lang] if lang else []
    aliases = ["-tr-function-alias", ",".join(f"QT_TRANSLATE_NOOP+={a}" for a in NOOP_ALIASES)]
    subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", *target,
                    *aliases, "-ts", str(ts)], check=True, capture_output=True, text=True)
    _drop_nameless_context(ts)


def _drop_nameless_context(ts: Path) -> None:
    """Remove the ``<context><name></name>…</context>`` that bare ``tr(…)`` calls make (lupdate's own layout kept)."""
    text = ts.read_text(encoding="utf-8")
    text = re.sub(r"\n?<context>\s*<name>\s*</name>.*?</context>", "", text, flags=re.S)
    ts.write_text(text, encoding="utf-8")


def qt_messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every message in a .ts file."""
    import xml.etree.ElementTree as ET

    out = []
    for context in ET.parse(ts).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = "".join(translation.itertext()) if translation is not None else ""
            out.append((name, message.findtext("source") or "", text, kind))
    return out


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   text=True)


def update_ts() -> list[str]:
    """Refresh each planner_<lang>.ts from the sources and compile its .qm; returns what needs work."""
    todo = []
    for lang in QT_LANGUAGES:
        ts = HERE / f"planner_{lang}.ts"
        run_lupdate(ts)
        todo += [f"{ts.name}: {ctx}: {source!r} needs a translation"
                 for ctx, source, text, kind in qt_messages(ts) if kind or not text]
        run_lrelease(ts, ts.with_suffix(".qm"))
    return todo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m planner.i18n.extract", description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--check", action="store_true", help="report missing, broken and obsolete translations")
    parser.add_argument("--update", action="store_true", help="add missing messages and drop obsolete ones")
    parser.add_argument("--update-ts", action="store_true", help="refresh the Qt .ts files and compile the .qm")
    args = parser.parse_args(argv)
    found = scan()
    if args.update:
        added, dropped = update(args.lang, found)
        print(f"core_{args.lang}.json: {added} added (untranslated), {dropped} dropped")
    if args.update_ts:
        for line in update_ts():
            print(line)
    if args.check:
        trouble = problems(args.lang, found)
        for line in trouble:
            print(line)
        print(f"{len(found.texts())} messages, {len(trouble)} problems")
        return 1 if trouble else 0
    if not (args.update or args.update_ts):
        for message in found.messages:
            print(f"{message.file}:{message.line}: {message.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
