"""A municipal model: its roles, meetings, forms, deadlines, rules and legal references.

Loaded from ``guides/models/<name>/model.toml`` and validated against ``schema.COLLECTIONS``.
The handbook's tables (macros) and the guides' outcome cards both read from here.
"""

from __future__ import annotations

from functools import cache

from . import schema
from .data import Checker, Entry, documents, read_toml


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


@cache
def load_model(package: str) -> Model:
    """Load and validate ``model.toml`` of a model package; raise ModelError listing all problems."""
    data, file = read_toml(package, "model.toml")
    meta_raw = data.get("model")
    check = Checker(file)
    if meta_raw is None:
        check.problem("model", "the [model] table is missing")
        check.fail_if_problems()
    meta = check.table("model", meta_raw, schema.MODEL)
    if meta.get("doc") and meta["doc"] not in documents():
        check.problem("model.doc", f"unknown source document {meta['doc']!r} (see guides/sources.toml)")
    check.fail_if_problems()
    check.default_doc = meta["doc"]

    collections: dict[str, dict[str, Entry]] = {}
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
        collections[kind] = {}
        for key, raw in entries.items():
            where = f"{kind}.{key}"
            check.check_id(where, key)
            fields = check.table(where, raw, spec)
            collections[kind][key] = Entry(kind=kind, id=key, fields=fields, cite=fields.get("cite", ()))

    for where, kind, key in check.refs:
        if key not in collections.get(kind, {}):
            check.problem(where, f"refers to {kind} {key!r}, which is not defined in this model")
    check.fail_if_problems()
    return Model(package, meta, collections, file)
