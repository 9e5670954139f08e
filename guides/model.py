"""A municipal model: its roles, meetings, forms, deadlines, rules and legal references.

Loaded from ``guides/models/<name>/model.toml`` and validated against ``schema.COLLECTIONS``.
The handbook's tables (macros) and the guides' outcome cards both read from here.
"""

from __future__ import annotations

from functools import cache

from . import schema
from .data import Checker, Entry, documents, files_of, read_toml
from .errors import ModelError


class Model:
    def __init__(self, package: str, meta: dict, collections: dict[str, dict[str, Entry]], file: str):
        self.package = package
        self.file = file
        self.id = meta["id"]
        self.title = meta["title"]
        self.municipality = meta["municipality"]
        self.doc = documents()[meta["doc"]]
        self.summary = meta["summary"]
        self.collections = collections

    def __repr__(self):
        return f"Model({self.id!r})"

    def all(self, kind: str) -> list[Entry]:
        return list(self.collections.get(kind, {}).values())

    def get(self, kind: str, key: str) -> Entry:
        return self.collections[kind][key]

    def has(self, kind: str, key: str) -> bool:
        return key in self.collections.get(kind, {})

    def ref(self, reference: str) -> Entry:
        """Resolve a "collection:id" reference, as used on outcome cards."""
        kind, _, key = reference.partition(":")
        return self.get(kind, key)


def _model_files(package: str) -> list[str]:
    """``model.toml`` first, then any ``model-*.toml`` (a large model may split its data)."""
    names = sorted(n for n in files_of(package).names() if n.startswith("model-") and n.endswith(".toml"))
    return ["model.toml", *names]


@cache
def load_model(package: str) -> Model:
    """Load and validate a model package's data files; raise ModelError listing all problems."""
    files = _model_files(package)
    meta: dict = {}
    collections: dict[str, dict[str, Entry]] = {}
    problems: list[str] = []
    refs = []
    for name in files:
        data, file = read_toml(package, name)
        if name == files[0]:
            first = Checker(file)
            if "model" not in data:
                first.problem("model", "the [model] table is missing")
                first.fail_if_problems()
            meta = first.table("model", data["model"], schema.MODEL)
            if meta.get("doc") and meta["doc"] not in documents():
                first.problem("model.doc", f"unknown source document {meta['doc']!r} (see guides/sources.toml)")
            first.fail_if_problems()
        elif "model" in data:
            problems.append(f"{file}: model: only {files[0]} may hold the [model] table")
        check = Checker(file, default_doc=meta["doc"])
        body = {k: v for k, v in data.items() if k != "model"}
        spec = {k: f for k, f in schema.MODEL_FILE.fields.items() if k != "model"}
        for kind, entries in check.table("", body, spec).items():
            target = collections.setdefault(kind, {})
            for key, fields in entries.items():
                if key in target:
                    check.problem(f"{kind}.{key}", f"{kind} {key!r} is defined twice")
                target[key] = Entry(kind=kind, id=key, fields=fields, cite=fields.get("cite", ()))
        problems += check.problems
        refs += [(file, where, kind, key) for where, kind, key in check.refs]

    for file, where, kind, key in refs:
        if key not in collections.get(kind, {}):
            problems.append(f"{file}: {where}: refers to {kind} {key!r}, which is not defined in this model")
    if problems:
        raise ModelError(problems)
    return Model(package, meta, collections, files[0] if len(files) == 1 else f"{files[0]} (+{len(files) - 1})")
