"""Tables and lists for the handbook pages, rendered from model data through templates.

The macros module (``macros/main.py``) only exposes these; the pages never type a rule,
role, form, deadline or legal reference themselves. Each function gathers plain data (cells
are lists of parts, see ``templates/table.j2``); column and row labels come from ``ui.toml``
``[tables]``.
"""

from __future__ import annotations

from . import present, ui
from .model import Model
from .templating import render

DASH = [{"dash": True}]


def _labels(table: str, *keys: str) -> list[str]:
    return [ui.label(table, k) for k in keys]


def _table(model: Model, table: str, keys: tuple[str, ...], rows: list[list[list[dict]]]) -> str:
    """A data table; on a phone each row stacks, every cell labelled with its column."""
    return render("table.j2", model.package, cls=f"g-{table}", columns=_labels(table, *keys),
                  rows=[{"cells": r} for r in rows], row_headers=False)


def _rows(model: Model, table: str, rows: list[tuple[str, list[dict]]]) -> str:
    """A table of labelled rows (one thing's properties)."""
    return render("table.j2", model.package, cls=f"g-{table}", columns=None,
                  rows=[{"head": h, "cells": [c]} for h, c in rows], row_headers=True)


def _rules(model: Model, ids) -> list[dict]:
    return [{"entries": present.rule_items(model, ids)}] if ids else []


def _refs(model: Model, refs) -> list[dict]:
    return [{"entries": [present.ref_item(model, r) for r in refs]}]


def _cites(entry) -> dict:
    return {"cites": present.cites(entry)}


def roles(model: Model) -> str:
    rows = [[[{"strong": r["name"]}], [{"text": r.get("description") or ""}], [_cites(r)]] for r in model.all("roles")]
    return _table(model, "roles", ("role", "task", "source"), rows)


def forms(model: Model) -> str:
    rows = [
        [[{"strong": f["name"]}], [{"text": f.get("colour") or ""}], [{"text": f["purpose"]}], [_cites(f)]]
        for f in model.all("forms")
    ]
    return _table(model, "forms", ("form", "colour", "purpose", "source"), rows)


def deadlines(model: Model) -> str:
    rows = [[[{"text": d["text"]}], [_cites(d)]] for d in model.all("deadlines")]
    return _table(model, "deadlines", ("deadline", "source"), rows)


def legal(model: Model) -> str:
    rows = [[[{"text": f"{e['law']} {e['paragraph']}"}], [{"text": e["context"]}], [_cites(e)]] for e in model.all("legal")]
    return _table(model, "legal", ("law", "context", "source"), rows)


def levels(model: Model) -> str:
    """The overview: every level with its meetings and forms."""
    rows = []
    for lv in sorted(model.all("levels"), key=lambda e: e["number"]):
        meetings = ", ".join(model.get("meetings", m)["name"] for m in lv["meetings"]) or "–"
        forms_ = ", ".join(model.get("forms", f)["name"] for f in lv["forms"]) or "–"
        rows.append([
            [{"strong": f"{ui.text('level')} {lv['number']}"}], [{"text": lv["title"]}],
            [{"text": meetings}], [{"text": forms_}], [_cites(lv)],
        ])
    return _table(model, "levels", ("level", "effort", "meeting", "forms", "source"), rows)


def participants(model: Model, ids=None) -> str:
    entries = [model.get("participants", i) for i in ids] if ids else model.all("participants")
    rows = []
    for p in entries:
        item = present.ref_item(model, f"participants:{p.id}", notes=False)
        rows.append([
            [{"strong": p["title"]}],
            [{"inline": [item]}],
            _rules(model, p["convener"]) or DASH,
            [*_rules(model, p["notes"]), _cites(p)],
        ])
    return _table(model, "participants", ("where", "who", "convener", "notes"), rows)


def level(model: Model, level_id: str) -> str:
    """One level: purpose, participants, meetings, possible outcomes, procedure to the next level."""
    lv = model.get("levels", level_id)
    heading = lambda key: {"h3": ui.label("level", key)}  # noqa: E731
    blocks = [_cites(lv), heading("purpose"), {"list": lv["purpose"]}]
    ids = [p.id for p in model.all("participants") if p.get("level") == level_id]
    if ids:
        blocks += [heading("participants"), {"html": participants(model, ids)}]
    blocks += [{"html": meeting(model, m)} for m in lv["meetings"]]
    if lv["forms"]:
        blocks += [heading("forms"), *_refs(model, [f"forms:{f}" for f in lv["forms"]])]
    if lv["consent"]:
        blocks += [heading("consent"), *_rules(model, lv["consent"])]
    blocks += [heading("outcomes"), {"list": lv["outcomes"]}]
    if lv["procedure_next"]:
        blocks += [{"h3": f"{ui.label('level', 'next')} {lv['number'] + 1}"}, *_rules(model, lv["procedure_next"])]
    if lv["legal"]:
        blocks += [heading("legal"), *_refs(model, [f"legal:{e}" for e in lv["legal"]])]
    return render("blocks.j2", model.package, wrap="g-level", blocks=blocks)


def meeting(model: Model, meeting_id: str) -> str:
    m = model.get("meetings", meeting_id)
    label = lambda key: ui.label("meeting", key)  # noqa: E731
    rows = [
        (label("purpose"), [{"list": m["purpose"]}, _cites(m)]),
        (label("convener"), _rules(model, m["convener"])),
        (label("leader"), _rules(model, m["leader"])),
    ]
    if m["forms"]:
        rows.append((label("forms"), _refs(model, [f"forms:{f}" for f in m["forms"]])))
    if m["deadlines"]:
        rows.append((label("deadlines"), _refs(model, [f"deadlines:{d}" for d in m["deadlines"]])))
    return render("blocks.j2", model.package, wrap=None, blocks=[{"h3": m["name"]}, {"html": _rows(model, "meeting", rows)}])


def efforts(model: Model, level: str | None = None) -> str:
    """The efforts a model lists per level and area (e.g. Randers' overview), one row per level and area."""
    rows = [
        [
            [{"strong": f"{ui.text('level')} {model.get('levels', e['level'])['number']}"}],
            [{"text": e["area"]}], [{"list": e["items"]}], [_cites(e)],
        ]
        for e in model.all("efforts")
        if level is None or e["level"] == level
    ]
    return _table(model, "efforts", ("level", "area", "items", "source"), rows)


def rules(model: Model, ids=None, kind: str | None = None) -> str:
    """A list of rules: the given ids, or every rule of a kind (e.g. all ambiguities)."""
    if ids is None:
        ids = [r.id for r in model.all("rules") if kind is None or r["kind"] == kind]
    return render("blocks.j2", model.package, wrap=None, blocks=_rules(model, ids))


def methods(model: Model) -> str:
    """The overview of a method catalogue: every method with its goal and expected result."""
    rows = [
        [[{"strong": f"{m['number']}. {m['name']}"}], [{"text": m["goal"]}], [{"text": m["result"]}], [_cites(m)]]
        for m in sorted(model.all("methods"), key=lambda e: e["number"])
    ]
    return _table(model, "methods", ("method", "goal", "result", "source"), rows)


PRACTICE_ROWS = ("how", "organisation", "experience", "prerequisites", "usable", "not_usable", "advice")


def practice(model: Model, practice_id: str) -> str:
    """One municipality's practice of a method, with its sources and the rules it gives."""
    p = model.get("practices", practice_id)
    rows = [(ui.label("practice", key), [{"list": p[key]}]) for key in PRACTICE_ROWS if p.get(key)]
    if p["rules"]:
        rows.append((ui.label("practice", "rules"), _rules(model, p["rules"])))
    rows.append((ui.label("practice", "source"), [_cites(p)]))
    title = f"{p['municipality']}: {p['title']}"
    return render("blocks.j2", model.package, wrap=None, blocks=[{"h3": title}, {"html": _rows(model, "practice", rows)}])


def method(model: Model, method_id: str) -> str:
    """One method: goal, background, method and expected result, then every municipality's practice."""
    m = model.get("methods", method_id)
    rows = [(ui.label("method", key), [{"text": m[key]}]) for key in ("goal", "background", "method", "result")]
    blocks = [{"html": _rows(model, "method", rows)}, _cites(m)]
    blocks += [{"html": practice(model, p.id)} for p in model.all("practices") if p["method"] == method_id]
    return render("blocks.j2", model.package, wrap=None, blocks=blocks)


def responsibilities(model: Model, ids=None) -> str:
    """The roles (functions) with what each is responsible for: one cited rule per responsibility."""
    entries = [model.get("roles", i) for i in ids] if ids else [r for r in model.all("roles") if r.get("responsibilities")]
    rows = []
    for r in entries:
        who = [{"strong": r["name"]}] + ([{"p": r["description"]}] if r.get("description") else []) + [_cites(r)]
        rows.append([who, _rules(model, r.get("responsibilities") or []) or DASH])
    return _table(model, "responsibilities", ("function", "tasks"), rows)


def comparison(model: Model, table: str, meetings: list[str]) -> str:
    """Meetings side by side, as the source's own table: purpose, participants,
    deadlines, then every ``comparisons`` row of ``table`` (one rule per meeting, in order)."""
    ms = [model.get("meetings", m) for m in meetings]
    label = lambda key: ui.label("comparison", key)  # noqa: E731

    def cell(refs) -> list[dict]:
        return _refs(model, refs) if refs else DASH

    def people(m) -> list[dict]:
        ps = [p for p in model.all("participants") if p.get("meeting") == m.id]
        if not ps:
            return DASH
        return [{"inline": [present.ref_item(model, f"participants:{p.id}", notes=False) for p in ps]}, *[_cites(p) for p in ps]]

    rows = [
        {"head": label("purpose"), "cells": [[{"list": m["purpose"]}, _cites(m)] for m in ms]},
        {"head": label("participants"), "cells": [people(m) for m in ms]},
    ]
    for row in model.all("comparisons"):
        if row["table"] != table:
            continue
        if len(row["cells"]) != len(ms):
            raise ValueError(f"{model.id}: comparisons.{row.id} has {len(row['cells'])} cells for {len(ms)} meetings")
        rows.append({"head": row["label"], "cells": [cell([f"rules:{r}"]) for r in row["cells"]]})
    rows.append({"head": label("deadlines"), "cells": [cell([f"deadlines:{d}" for d in m["deadlines"]]) for m in ms]})
    return render("table.j2", model.package, cls="g-comparison", columns=[m["name"] for m in ms], rows=rows, row_headers=True)


def dataformat() -> str:
    """The reference page of the data format, from the schema (``schema.describe()``)."""
    from . import schema

    described = schema.describe()
    d = ui.all_text()["dataformat"]

    def table(key: str, t: dict, id_: str) -> dict:
        fields = [{"name": name, **spec} for name, spec in t["fields"].items()]
        return {"key": key, "id": id_, "label": t["label"], "help": t["help"], "fields": fields}

    tables = described["tables"]
    collections = list(schema.COLLECTIONS)
    nested = [n for n in tables if n not in collections and n not in ("model", "guide", "question", "option", "outcome")]
    sections = [
        {"heading": d["files_heading"], "heading_id": "filer",
         "tables": [table(n, t, n) for n, t in described["files"].items()]},
        {"heading": d["model_heading"], "heading_id": "model",
         "tables": [table("[model]", tables["model"], "model"), *[table(f"[{n}.<id>]", tables[n], n) for n in collections]]},
        {"heading": d["guide_heading"], "heading_id": "guide",
         "tables": [table("[guide]", tables["guide"], "guide"), table("[questions.<id>]", tables["question"], "question"),
                    table("options", tables["option"], "option"), table("[outcomes.<id>]", tables["outcome"], "outcome")]},
        {"heading": d["nested_heading"], "heading_id": "indlejret", "tables": [table(n, tables[n], n) for n in nested]},
    ]
    types = [{"type": k, "help": v} for k, v in d["types"].items()]
    columns = [d["field"], d["label"], d["type"], d["required_heading"], d["help"]]
    return render("dataformat.j2", columns=columns, sections=sections, types=types)
