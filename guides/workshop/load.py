"""Load a model from texts ({file name: TOML text}) or a folder, without changing the loader.

The texts are written into a throwaway package under the temporary directory, beside the routing
modules (``<guide>.py``) of the model it started from, which the workshop never edits; then the
ordinary ``load_model(package)`` and ``Flow(package, "<guide>.toml")`` load it, exactly as the
build does. This works the same in CPython and in Pyodide's virtual file system.
"""

from __future__ import annotations

import importlib
import itertools
import os
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .. import registry
from ..engine import Flow
from ..errors import AnswerError, FlowError, ModelError
from ..model import Model, load_model
from . import messages

MAX_FILE_BYTES = 1_000_000  # one TOML file
MAX_FILES = 40
MAX_DEPTH = 12  # nesting of [ and { in one value
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*\.toml$")
WORKSHOP_FILE = "workshop.toml"  # {base = "<model id>"}: whose routing an edited model uses
# A string with markup in it: the page escapes every string, but the data should hold plain text.
MARKUP_RE = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*script|javascript:", re.I)

_counter = itertools.count(1)
_root: Path | None = None


def _tmp_root() -> Path:
    global _root
    if _root is None:
        import tempfile

        _root = Path(tempfile.mkdtemp(prefix="guides-workshop-"))
        sys.path.insert(0, str(_root))
    return _root


@dataclass
class Workspace:
    """A loaded (or failed) edited model: its flows by guide id, and every problem as data."""

    base: str  # the model id whose routing it uses
    files: dict[str, str]
    package: str = ""
    model: Model | None = None
    flows: dict[str, Flow] = field(default_factory=dict)
    problems: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.model is not None


def base_package(model_id: str) -> str:
    for package in registry.model_packages():
        if registry.load_model(package).id == model_id:
            return package
    raise KeyError(model_id)


def original_files(model_id: str) -> dict[str, str]:
    """The TOML files of one of the handbook's models, as texts (what the page starts from)."""
    package = base_package(model_id)
    root = resources.files(package)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(root.iterdir(), key=lambda p: p.name)
            if p.name.endswith(".toml") and NAME_RE.match(p.name)}


def _depth(text: str) -> int:
    """The deepest nesting of arrays and inline tables, outside strings and comments (cheap scan
    before parsing, so a hostile file cannot exhaust the parser's recursion)."""
    depth = deepest = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            triple = text.startswith(c * 3, i)
            end = c * 3 if triple else c
            i += 3 if triple else 1
            while i < n:
                if c == '"' and text[i] == "\\":
                    i += 2
                    continue
                if text.startswith(end, i):
                    i += len(end)
                    break
                if not triple and text[i] == "\n":
                    break
                i += 1
            continue
        elif c in "[{":
            # a table header "[a.b]" / "[[a]]" at the start of a line is not nesting
            line_start = text.rfind("\n", 0, i) + 1
            if depth == 0 and not text[line_start:i].strip():
                j = text.find("\n", i)
                i = n if j < 0 else j
                continue
            depth += 1
            deepest = max(deepest, depth)
        elif c in "]}":
            depth = max(0, depth - 1)
        elif c == "\n" and depth == 0:
            pass
        i += 1
    return deepest


def _markup(file: str, data, where: str = "") -> list[dict]:
    out = []
    if isinstance(data, dict):
        for k, v in data.items():
            out += _markup(file, v, f"{where}.{k}" if where else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _markup(file, v, f"{where}[{i}]")
    elif isinstance(data, str) and MARKUP_RE.search(data):
        p = messages.problem(file, where, "markup in text")
        p["problem"] = "Teksten indeholder HTML eller script (fx <b> eller <script>). Skriv almindelig tekst uden tegnene < og >."
        out.append(p)
    return out


def precheck(files: dict[str, str], markup: bool = True) -> list[dict]:
    """What must hold before anything is parsed: names, sizes, nesting, TOML syntax, plain text."""
    problems = []
    if len(files) > MAX_FILES:
        return [_plain("", f"Modellen har {len(files)} filer; højst {MAX_FILES} er tilladt.")]
    if "model.toml" not in files:
        problems.append(_plain("model.toml", "Filen model.toml mangler; den holder modellens data."))
    for name, text in files.items():
        if not isinstance(name, str) or not NAME_RE.match(name):
            problems.append(_plain(str(name), "Filnavnet er ikke tilladt: kun små bogstaver, tal, - og _, og det skal ende på .toml (ingen mapper)."))
            continue
        if not isinstance(text, str):
            problems.append(_plain(name, "Filen er ikke tekst."))
            continue
        size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            problems.append(_plain(name, f"Filen er for stor ({size / 1_000_000:.1f} MB); højst {MAX_FILE_BYTES // 1_000_000} MB pr. fil."))
            continue
        if _depth(text) > MAX_DEPTH:
            problems.append(_plain(name, f"Filen har lister eller tabeller inde i hinanden i mere end {MAX_DEPTH} lag; det bruger modellerne aldrig."))
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            problems.append(messages.problem(name, "", f"not valid TOML: {exc}"))
            continue
        except (RecursionError, MemoryError):
            problems.append(_plain(name, "Filen er for dybt indlejret til at kunne læses."))
            continue
        if markup:
            problems += _markup(name, data)
    return problems


def _plain(file: str, text: str) -> dict:
    return {"file": file, "entry": "", "field": "", "where": "", "problem": text, "detail": ""}


def base_of(files: dict[str, str]) -> str | None:
    """The model whose routing an edited model uses: workshop.toml's ``base``, else its own id."""
    for name, key in ((WORKSHOP_FILE, "base"), ("model.toml", None)):
        try:
            data = tomllib.loads(files.get(name, ""))
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
        value = data.get(key) if key else (data.get("model") or {}).get("id")
        if isinstance(value, str):
            return value
    return None


def load_files(files: dict[str, str], base: str | None = None, routing: dict[str, str] | None = None) -> Workspace:
    """Load an edited model from texts. ``routing`` ({"<guide>.py": source}) overrides the base's
    routing modules (a model folder on disk that has its own); else the base model's are used."""
    files = dict(files)
    base = base or base_of(files) or ""
    ws = Workspace(base=base, files=files)
    ws.problems = precheck(files)
    if ws.problems:
        return ws
    if routing is None:
        try:
            package = base_package(base)
        except KeyError:
            known = ", ".join(sorted(registry.models()))
            ws.problems.append(_plain(WORKSHOP_FILE, f"Værkstedet kender ikke grundmodellen '{base}', så det ved ikke, hvilke ruter guiderne skal bruge. Kendte modeller: {known}."))
            return ws
        root = resources.files(package)
        routing = {p.name: p.read_text(encoding="utf-8") for p in root.iterdir()
                   if p.name.endswith(".py") and p.name != "__init__.py"}
    guides = sorted(n[:-3] for n in routing if f"{n[:-3]}.toml" in files)
    for name in sorted(files):
        stem = name[:-5]
        if name != WORKSHOP_FILE and not name.startswith("model") and stem not in guides and _is_guide(files[name]):
            ws.problems.append(_plain(name, f"Guiden i {name} har ingen ruter i grundmodellen. En ny guide kræver ruter i Python ({stem}.py), og dem laver værkstedet ikke."))

    ws.package = _write_package(files, routing)
    shown_prefix = ws.package.replace(".", "/") + "/"

    def rename(shown: str) -> str:
        return shown[len(shown_prefix):] if shown.startswith(shown_prefix) else shown.rsplit("/", 1)[-1]

    try:
        ws.model = load_model(ws.package)
    except ModelError as exc:
        ws.problems += messages.from_model_error(exc.problems, rename)
        return ws
    for name in guides:
        try:
            module = importlib.import_module(f"{ws.package}.{name}")
            flow = getattr(module, "flow", None)
            if not isinstance(flow, Flow):
                raise FlowError(f"{name}: no flow")
            flow.validate()
            ws.flows[flow.id] = flow
        except ModelError as exc:
            ws.problems += messages.from_model_error(exc.problems, rename)
        except (FlowError, AnswerError) as exc:
            ws.problems += messages.from_flow_error(str(exc), f"{name}.toml")
        except Exception as exc:  # never a traceback on the page; the detail names the kind of error
            ws.problems.append(_plain(f"{name}.toml", f"Guiden kunne ikke indlæses med de ændrede data ({type(exc).__name__}). {messages.ROUTING}"))
    return ws


def _is_guide(text: str) -> bool:
    try:
        return "guide" in tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False


def _write_package(files: dict[str, str], routing: dict[str, str]) -> str:
    root = _tmp_root()
    name = f"_workshop_{next(_counter)}"
    folder = root / name
    folder.mkdir()
    (folder / "__init__.py").write_text('"""An edited model (Modelværkstedet)."""\n', encoding="utf-8")
    for fname, text in files.items():
        (folder / fname).write_text(text, encoding="utf-8")
    for fname, text in routing.items():
        (folder / fname).write_text(text, encoding="utf-8")
    # Only our folder's finder: importlib.invalidate_caches() would import importlib.metadata,
    # which the trimmed standard library in the browser leaves out.
    finder = sys.path_importer_cache.get(str(root))
    if finder is not None:
        finder.invalidate_caches()
    return name


def discard(ws: Workspace) -> None:
    """Forget a workspace's throwaway package (its modules and folder)."""
    if not ws.package:
        return
    for mod in [m for m in sys.modules if m == ws.package or m.startswith(ws.package + ".")]:
        del sys.modules[mod]
    shutil.rmtree(_tmp_root() / ws.package, ignore_errors=True)


def read_folder(path) -> tuple[dict[str, str], dict[str, str] | None, list[dict]]:
    """A model folder on disk: its TOML texts, its own routing modules (if it has any) and problems."""
    folder = Path(path)
    if not folder.is_dir():
        return {}, None, [_plain(str(path), "Mappen findes ikke.")]
    files, routing, problems = {}, {}, []
    for p in sorted(folder.iterdir()):
        if p.is_dir() or p.name == "__init__.py":
            continue
        if p.suffix == ".py":
            routing[p.name] = p.read_text(encoding="utf-8")
        elif p.suffix == ".toml":
            if p.stat().st_size > MAX_FILE_BYTES:
                problems.append(_plain(p.name, f"Filen er for stor; højst {MAX_FILE_BYTES // 1_000_000} MB pr. fil."))
                continue
            try:
                files[p.name] = p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(_plain(p.name, "Filen er ikke tekst i UTF-8."))
    return files, (routing or None), problems


def load_folder(path, base: str | None = None) -> Workspace:
    files, routing, problems = read_folder(path)
    if problems:
        return Workspace(base=base or "", files=files, problems=problems)
    return load_files(files, base=base, routing=routing)
