"""Loading TOML data files and checking them against ``schema``.

Every problem is reported as ``<file>: <path.to.field>: <problem>``; all problems of a file are
collected before the load fails, so a maintainer fixes them in one go.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath

from . import schema
from .errors import ModelError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Document:
    """One of the five source documents."""

    id: str
    file: str
    short: str
    title: str
    publisher: str
    dated: str


@dataclass(frozen=True)
class Citation:
    doc: Document
    section: str
    quote: str

    def label(self) -> str:
        return f"{self.doc.short}, {self.section}"

    def as_dict(self) -> dict:
        return {"doc": self.doc.id, "source": self.doc.short, "section": self.section, "quote": self.quote}


@dataclass
class Entry:
    """An entry of a collection (a role, a form, a rule ...). Fields as in ``schema``."""

    kind: str
    id: str
    fields: dict
    cite: tuple = ()

    def __getitem__(self, name):
        return self.fields[name]

    def get(self, name, default=None):
        return self.fields.get(name, default)


class Files:
    """Where a model's files come from: a package (the default), a folder, or texts in memory.
    ``shown(name)`` is the path used in messages (``guides/models/randers/model.toml``)."""

    def __init__(self, shown: str, names, read):
        self._shown, self._names, self._read = shown, names, read

    @classmethod
    def package(cls, package: str) -> "Files":
        root = resources.files(package)
        return cls(
            str(PurePosixPath(*package.split("."))),
            lambda: sorted(p.name for p in root.iterdir() if p.is_file()),
            lambda name: root.joinpath(name).read_text(encoding="utf-8"),
        )

    @classmethod
    def folder(cls, path) -> "Files":
        root = Path(path)
        return cls(
            str(root),
            lambda: sorted(p.name for p in root.iterdir() if p.is_file()),
            lambda name: (root / name).read_text(encoding="utf-8"),
        )

    @classmethod
    def texts(cls, texts: dict[str, str], shown: str = "model") -> "Files":
        return cls(shown, lambda: sorted(texts), lambda name: texts[name] if name in texts else _missing(name))

    def names(self) -> list[str]:
        return self._names()

    def read(self, name: str) -> str:
        return self._read(name)

    def shown(self, name: str) -> str:
        return str(PurePosixPath(self._shown, name))


def _missing(name):
    raise FileNotFoundError(name)


# Model "packages" that are not importable packages (a folder or texts given to guides.load).
_registered: dict[str, Files] = {}


def register(package: str, files: Files) -> None:
    _registered[package] = files


def files_of(package: str) -> Files:
    return _registered.get(package) or Files.package(package)


def read_toml(package: str, name: str) -> tuple[dict, str]:
    """Read a TOML file of a model package (or registered folder); return the data and a path for messages."""
    source = files_of(package)
    shown = source.shown(name)
    try:
        text = source.read(name)
    except FileNotFoundError:
        raise ModelError([f"{shown}: file not found"]) from None
    try:
        return tomllib.loads(text), shown
    except tomllib.TOMLDecodeError as exc:
        raise ModelError([f"{shown}: not valid TOML: {exc}"]) from None


_documents: dict[str, Document] | None = None


def documents() -> dict[str, Document]:
    global _documents
    if _documents is None:
        data, _ = read_toml("guides", "sources.toml")
        _documents = {k: Document(id=k, **v) for k, v in data["documents"].items()}
    return _documents


class Checker:
    """Checks values against schema field types, collecting problems with their location.

    References (``ref:C``, ``cardref``) are collected in ``refs`` as (where, collection, id); the
    caller resolves them once every entry they may point to is loaded."""

    def __init__(self, file: str, default_doc: str | None = None):
        self.file = file
        self.default_doc = default_doc
        self.problems: list[str] = []
        self.refs: list[tuple[str, str, str]] = []  # (where, collection, id) to resolve later

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{self.file}: {where}: {text}")

    def table(self, where: str, value, spec: schema.Table | dict) -> dict:
        """Check a table against a spec; return the cleaned fields (optional lists filled)."""
        fields = spec.fields if isinstance(spec, schema.Table) else spec
        if not isinstance(value, dict):
            self.problem(where, f"expected a table, got {type(value).__name__}")
            return {}
        out = {}
        prefix = f"{where}." if where else ""
        for key in value:
            if key not in fields:
                known = ", ".join(sorted(fields))
                self.problem(f"{prefix}{key}", f"unknown field (known fields: {known})")
        for key, field in fields.items():
            ftype = field.base
            if key not in value:
                if not field.optional:
                    self.problem(f"{prefix}{key}", "required field is missing")
                elif ftype.startswith(("list[", "map[")) or ftype == "cites":
                    out[key] = {} if ftype.startswith("map[") else []
                else:
                    out[key] = None
                continue
            out[key] = self.value(f"{prefix}{key}", value[key], ftype)
            if field.min and isinstance(out[key], list) and len(out[key]) < field.min:
                self.problem(f"{prefix}{key}", f"expected a list of at least {field.min}, got {len(out[key])}")
            if field.unique and isinstance(out[key], list):
                seen = set()
                for i, item in enumerate(out[key]):
                    v = item.get(field.unique) if isinstance(item, dict) else None
                    if v in seen:
                        self.problem(f"{prefix}{key}[{i}].{field.unique}", f"{field.unique} {v!r} is used twice")
                    seen.add(v)
        return out

    def value(self, where: str, value, ftype: str):
        if ftype.startswith("list[") and ftype.endswith("]"):
            if not isinstance(value, list):
                self.problem(where, f"expected a list, got {type(value).__name__}")
                return []
            return [self.value(f"{where}[{i}]", v, ftype[5:-1]) for i, v in enumerate(value)]
        if ftype.startswith("map[") and ftype.endswith("]"):
            if not isinstance(value, dict):
                self.problem(where, "expected a table of entries")
                return {}
            out = {}
            for key, v in value.items():
                self.check_id(f"{where}.{key}", key)
                out[key] = self.value(f"{where}.{key}", v, ftype[4:-1])
            return out
        if ftype == "str":
            if not isinstance(value, str) or not value.strip():
                self.problem(where, "expected a non-empty text")
            return value
        if ftype == "id":
            if not isinstance(value, str):
                self.problem(where, f"expected an id, got {value!r}")
            else:
                self.check_id(where, value)
            return value
        if ftype == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                self.problem(where, f"expected a whole number, got {value!r}")
            return value
        if ftype == "bool":
            if not isinstance(value, bool):
                self.problem(where, f"expected true or false, got {value!r}")
            return value
        if ftype.startswith("enum:"):
            allowed = ftype[5:].split(",")
            if value not in allowed:
                self.problem(where, f"expected one of {', '.join(allowed)}, got {value!r}")
            return value
        if ftype.startswith("ref:"):
            if not isinstance(value, str):
                self.problem(where, f"expected the id of an entry in '{ftype[4:]}', got {value!r}")
            else:
                self.refs.append((where, ftype[4:], value))
            return value
        if ftype == "cardref":
            kind, _, key = str(value).partition(":")
            if not isinstance(value, str) or kind not in schema.CARD_REFS or not key:
                self.problem(where, f"{value!r} must start with one of {', '.join(schema.CARD_REFS)} and ':'")
            else:
                self.refs.append((where, kind, key))
            return value
        if ftype == "card":
            return self.card(where, value)
        if ftype == "cites":
            return self.cites(where, value)
        if ftype.startswith("table:"):
            return self.table(where, value, schema.TABLES[ftype[6:]])
        raise AssertionError(f"unknown field type {ftype}")  # a schema bug, not a data bug

    def card(self, where: str, value) -> dict:
        """An outcome card: rows (keys from ui.toml [card]) of "collection:id" references, in file order."""
        from .ui import card_labels  # the card's keys are part of the interface text

        if not isinstance(value, dict) or not value:
            self.problem(where, "an outcome needs a card with at least one row")
            return {}
        labels = card_labels()
        out = {}
        for key, refs in value.items():
            if key not in labels:
                self.problem(f"{where}.{key}", f"unknown card row (known: {', '.join(labels)})")
            elif not isinstance(refs, list) or not refs:
                self.problem(f"{where}.{key}", "expected a non-empty list of 'collection:id' references")
            else:
                out[key] = self.value(f"{where}.{key}", refs, "list[cardref]")
        return out

    def cites(self, where: str, value) -> tuple:
        items = value if isinstance(value, list) else [value]
        if not items:
            self.problem(where, "at least one citation is required")
        out = []
        for i, item in enumerate(items):
            w = f"{where}[{i}]" if isinstance(value, list) else where
            c = self.table(w, item, schema.CITATION)
            if not c:
                continue
            doc_id = c.get("doc") or self.default_doc
            doc = documents().get(doc_id)
            if doc is None:
                self.problem(f"{w}.doc", f"unknown source document {doc_id!r} (see guides/sources.toml)")
                continue
            if c.get("section") and c.get("quote"):
                out.append(Citation(doc=doc, section=c["section"], quote=c["quote"]))
        return tuple(out)

    def check_id(self, where: str, key: str) -> None:
        if not ID_RE.match(key):
            self.problem(where, f"id {key!r} must be lower-case letters, digits and hyphens")

    def fail_if_problems(self) -> None:
        if self.problems:
            raise ModelError(self.problems)
