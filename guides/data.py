"""Loading TOML data files and checking them against ``schema``.

Every problem is reported as ``<file>: <path.to.field>: <problem>``; all problems of a file are
collected before the load fails, so a maintainer fixes them in one go.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePosixPath

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


def read_toml(package: str, name: str) -> tuple[dict, str]:
    """Read a TOML resource of a package; return the data and a path for messages."""
    ref = resources.files(package).joinpath(name)
    shown = str(PurePosixPath(*package.split("."), name))
    try:
        text = ref.read_text(encoding="utf-8")
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
    """Checks values against schema field types, collecting problems with their location."""

    def __init__(self, file: str, default_doc: str | None = None):
        self.file = file
        self.default_doc = default_doc
        self.problems: list[str] = []
        self.refs: list[tuple[str, str, str]] = []  # (where, collection, id) to resolve later

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{self.file}: {where}: {text}")

    def table(self, where: str, value, spec: dict) -> dict:
        """Check a table against a spec; return the cleaned fields (optional lists filled)."""
        if not isinstance(value, dict):
            self.problem(where, f"expected a table, got {type(value).__name__}")
            return {}
        out = {}
        for key in value:
            if key not in spec:
                known = ", ".join(sorted(spec))
                self.problem(f"{where}.{key}", f"unknown field (known fields: {known})")
        for key, ftype in spec.items():
            optional = ftype.endswith("?")
            ftype = ftype.rstrip("?")
            if key not in value:
                if not optional:
                    self.problem(f"{where}.{key}", "required field is missing")
                elif ftype.startswith("list[") or ftype == "cites":
                    out[key] = []
                else:
                    out[key] = None
                continue
            out[key] = self.value(f"{where}.{key}", value[key], ftype)
        return out

    def value(self, where: str, value, ftype: str):
        if ftype.startswith("list[") and ftype.endswith("]"):
            if not isinstance(value, list):
                self.problem(where, f"expected a list, got {type(value).__name__}")
                return []
            return [self.value(f"{where}[{i}]", v, ftype[5:-1]) for i, v in enumerate(value)]
        if ftype == "str":
            if not isinstance(value, str) or not value.strip():
                self.problem(where, "expected a non-empty text")
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
        if ftype == "cites":
            return self.cites(where, value)
        if ftype.startswith("table:"):
            return self.table(where, value, schema.NESTED[ftype[6:]])
        raise AssertionError(f"unknown field type {ftype}")  # a schema bug, not a data bug

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
