"""A municipal model: its roles, meetings, forms, deadlines, rules and legal references.

Loaded from ``guides/models/<name>/model.toml`` and validated against ``schema.COLLECTIONS``.
The handbook's tables (macros) and the guides' outcome cards both read from here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from . import schema
from .data import Checker, Entry, documents, read_toml
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
    names = sorted(p.name for p in resources.files(package).iterdir() if p.name.startswith("model-") and p.name.endswith(".toml"))
    return ["model.toml", *names]


@cache
def load_model(package: str) -> Model:
    """Load and validate a model package's data files; raise ModelError listing all problems."""
    files = _model_files(package)
    data, file = read_toml(package, files[0])
    meta_raw = data.get("model")
    check = Checker(file)
    if meta_raw is None:
        check.problem("model", "the [model] table is missing")
        check.fail_if_problems()
    meta = check.table("model", meta_raw, schema.MODEL)
    if meta.get("doc") and meta["doc"] not in documents():
        check.problem("model.doc", f"unknown source document {meta['doc']!r} (see guides/sources.toml)")
    check.fail_if_problems()

    collections: dict[str, dict[str, Entry]] = {}
    problems: list[str] = []
    refs = []
    for name in files:
        if name != files[0]:
            data, file = read_toml(package, name)
            if "model" in data:
                problems.append(f"{file}: model: only {files[0]} may hold the [model] table")
        check = Checker(file, default_doc=meta["doc"])
        for kind, entries in data.items():
            if kind == "model":
                continue
            spec = schema.COLLECTIONS.get(kind)
            if spec is None:
                known = ", ".join(sorted(schema.COLLECTIONS))
                check.problem(kind, f"unknown collection (known: model, {known})")
                continue
            if not isinstance(entries, dict):
                check.problem(kind, "expected a table of entries")
                continue
            target = collections.setdefault(kind, {})
            for key, raw in entries.items():
                where = f"{kind}.{key}"
                check.check_id(where, key)
                if key in target:
                    check.problem(where, f"{kind} {key!r} is defined twice")
                fields = check.table(where, raw, spec)
                target[key] = Entry(kind=kind, id=key, fields=fields, cite=fields.get("cite", ()))
        problems += check.problems
        refs += [(file, where, kind, key) for where, kind, key in check.refs]

    for file, where, kind, key in refs:
        if key not in collections.get(kind, {}):
            problems.append(f"{file}: {where}: refers to {kind} {key!r}, which is not defined in this model")
    if problems:
        raise ModelError(problems)
    return Model(package, meta, collections, files[0] if len(files) == 1 else f"{files[0]} (+{len(files) - 1})")
