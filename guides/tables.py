"""HTML tables and lists for the handbook pages, rendered from model data.

The macros module (``macros/main.py``) only exposes these; the pages never type a rule,
role, form, deadline or legal reference themselves.
"""

from __future__ import annotations

from html import escape

from .html import cite_html, ref_item, ref_text, role_names
from .model import Model


def _table(headers: list[str], rows: list[list[str]], cls: str) -> str:
    """A data table; on a phone each row stacks, every cell labelled with its column (data-label)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{escape(h)}">{c}</td>' for h, c in zip(headers, row)) + "</tr>" for row in rows
    )
    return f'<div class="g-table-wrap"><table class="g-data g-stack {cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _rules(model: Model, ids) -> str:
    return "<ul>" + "".join(ref_item(model, f"rules:{r}") for r in ids) + "</ul>" if ids else ""


def roles(model: Model) -> str:
    rows = [[f"<strong>{escape(r['name'])}</strong>", escape(r.get("description") or ""), cite_html(r)] for r in model.all("roles")]
    return _table(["Rolle", "Opgave", "Kilde"], rows, "g-roles")


def forms(model: Model) -> str:
    rows = [
        [f"<strong>{escape(f['name'])}</strong>", escape(f.get("colour") or ""), escape(f["purpose"]), cite_html(f)]
        for f in model.all("forms")
    ]
    return _table(["Skema", "Farve", "Hvornår og til hvad", "Kilde"], rows, "g-forms")


def deadlines(model: Model) -> str:
    rows = [[escape(d["text"]), cite_html(d)] for d in model.all("deadlines")]
    return _table(["Frist", "Kilde"], rows, "g-deadlines")


def legal(model: Model) -> str:
    rows = [
        [escape(f"{e['law']} {e['paragraph']}"), escape(e["context"]), cite_html(e)] for e in model.all("legal")
    ]
    return _table(["Lov og paragraf", "Hvor modellen bruger den", "Kilde"], rows, "g-legal")


def levels(model: Model) -> str:
    """The overview: every level with its meetings and forms."""
    rows = []
    for lv in sorted(model.all("levels"), key=lambda e: e["number"]):
        meetings = ", ".join(escape(model.get("meetings", m)["name"]) for m in lv["meetings"]) or "–"
        forms_ = ", ".join(escape(model.get("forms", f)["name"]) for f in lv["forms"]) or "–"
        rows.append([f"<strong>Niveau {lv['number']}</strong>", escape(lv["title"]), meetings, forms_, cite_html(lv)])
    return _table(["Niveau", "Indsats", "Møde", "Skemaer", "Kilde"], rows, "g-levels")


def participants(model: Model, ids=None) -> str:
    entries = [model.get("participants", i) for i in ids] if ids else model.all("participants")
    rows = []
    for p in entries:
        convener = _rules(model, p["convener"]) or "–"
        notes = _rules(model, p["notes"])
        rows.append([
            f"<strong>{escape(p['title'])}</strong>",
            ref_text(model, f"participants:{p.id}")[0],
            convener,
            notes + cite_html(p),
        ])
    return _table(["Hvor", "Deltagere", "Hvem indkalder", "Bemærk og kilde"], rows, "g-participants")


def level(model: Model, level_id: str) -> str:
    """One level: purpose, participants, meetings, possible outcomes, procedure to the next level."""
    lv = model.get("levels", level_id)
    parts = [f'<div class="g-level">{cite_html(lv)}', "<h3>Indhold og formål</h3><ul>"]
    parts += [f"<li>{escape(p)}</li>" for p in lv["purpose"]]
    parts.append("</ul>")
    ids = [p.id for p in model.all("participants") if p.get("level") == level_id]
    if ids:
        parts.append("<h3>Deltagere</h3>" + participants(model, ids))
    for m in lv["meetings"]:
        parts.append(meeting(model, m))
    if lv["forms"]:
        parts.append("<h3>Skemaer</h3><ul>" + "".join(ref_item(model, f"forms:{f}") for f in lv["forms"]) + "</ul>")
    if lv["consent"]:
        parts.append("<h3>Samtykke</h3>" + _rules(model, lv["consent"]))
    parts.append("<h3>Mulige udfald</h3><ul>" + "".join(f"<li>{escape(o)}</li>" for o in lv["outcomes"]) + "</ul>")
    if lv["procedure_next"]:
        nxt = lv["number"] + 1
        parts.append(f"<h3>Videre til niveau {nxt}</h3>" + _rules(model, lv["procedure_next"]))
    if lv["legal"]:
        parts.append("<h3>Lovgrundlag</h3><ul>" + "".join(ref_item(model, f"legal:{e}") for e in lv["legal"]) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def meeting(model: Model, meeting_id: str) -> str:
    m = model.get("meetings", meeting_id)
    rows = [
        ["Formål", "<ul>" + "".join(f"<li>{escape(p)}</li>" for p in m["purpose"]) + "</ul>" + cite_html(m)],
        ["Hvem indkalder", _rules(model, m["convener"])],
        ["Hvem leder mødet", _rules(model, m["leader"])],
    ]
    if m["forms"]:
        rows.append(["Skemaer", "<ul>" + "".join(ref_item(model, f"forms:{f}") for f in m["forms"]) + "</ul>"])
    if m["deadlines"]:
        rows.append(["Frister", "<ul>" + "".join(ref_item(model, f"deadlines:{d}") for d in m["deadlines"]) + "</ul>"])
    body = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{v}</td></tr>' for k, v in rows)
    return f'<h3>{escape(m["name"])}</h3><div class="g-table-wrap"><table class="g-data g-meeting"><tbody>{body}</tbody></table></div>'


def efforts(model: Model, level: str | None = None) -> str:
    """The efforts a model lists per level and area (e.g. Randers' overview), one row per level and area."""
    rows = [
        [
            f"<strong>Niveau {model.get('levels', e['level'])['number']}</strong>",
            escape(e["area"]),
            "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in e["items"]) + "</ul>",
            cite_html(e),
        ]
        for e in model.all("efforts")
        if level is None or e["level"] == level
    ]
    return _table(["Niveau", "Område", "Indsatser", "Kilde"], rows, "g-efforts")


def rules(model: Model, ids=None, kind: str | None = None) -> str:
    """A list of rules: the given ids, or every rule of a kind (e.g. all ambiguities)."""
    if ids is None:
        ids = [r.id for r in model.all("rules") if kind is None or r["kind"] == kind]
    return _rules(model, ids)


def methods(model: Model) -> str:
    """The overview of a method catalogue: every method with its goal and expected result."""
    rows = [
        [f"<strong>{m['number']}. {escape(m['name'])}</strong>", escape(m["goal"]), escape(m["result"]), cite_html(m)]
        for m in sorted(model.all("methods"), key=lambda e: e["number"])
    ]
    return _table(["Metode", "Mål", "Forventet resultat", "Kilde"], rows, "g-methods")


_PRACTICE_ROWS = (
    ("how", "Sådan arbejder de"),
    ("organisation", "Organisering og ressourcer"),
    ("experience", "Erfaringer"),
    ("prerequisites", "Forudsætninger"),
    ("usable", "Kan bruges"),
    ("not_usable", "Kan ikke bruges / vær opmærksom på"),
    ("advice", "Gode råd"),
)


def practice(model: Model, practice_id: str) -> str:
    """One municipality's practice of a method, with its sources and the rules it gives."""
    p = model.get("practices", practice_id)
    rows = []
    for key, label in _PRACTICE_ROWS:
        if p.get(key):
            rows.append([label, "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in p[key]) + "</ul>"])
    if p["rules"]:
        rows.append(["Regler og forbehold", _rules(model, p["rules"])])
    rows.append(["Kilde", cite_html(p)])
    body = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{v}</td></tr>' for k, v in rows)
    title = f"{escape(p['municipality'])}: {escape(p['title'])}"
    return f'<h3>{title}</h3><div class="g-table-wrap"><table class="g-data g-practice"><tbody>{body}</tbody></table></div>'


def method(model: Model, method_id: str) -> str:
    """One method: goal, background, method and expected result, then every municipality's practice."""
    m = model.get("methods", method_id)
    rows = [("Mål", m["goal"]), ("Baggrund", m["background"]), ("Metoden", m["method"]), ("Forventet resultat", m["result"])]
    body = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{escape(v)}</td></tr>' for k, v in rows)
    parts = [f'<div class="g-table-wrap"><table class="g-data g-method"><tbody>{body}</tbody></table></div>{cite_html(m)}']
    for p in model.all("practices"):
        if p["method"] == method_id:
            parts.append(practice(model, p.id))
    return "".join(parts)


def responsibilities(model: Model, ids=None) -> str:
    """The roles (functions) with what each is responsible for: one cited rule per responsibility."""
    entries = [model.get("roles", i) for i in ids] if ids else [r for r in model.all("roles") if r.get("responsibilities")]
    rows = []
    for r in entries:
        desc = f"<p>{escape(r['description'])}</p>" if r.get("description") else ""
        rows.append([f"<strong>{escape(r['name'])}</strong>{desc}{cite_html(r)}", _rules(model, r.get("responsibilities") or []) or "–"])
    return _table(["Funktion", "Ansvar og opgaver (med kilde)"], rows, "g-responsibilities")


def comparison(model: Model, table: str, meetings: list[str]) -> str:
    """Meetings side by side, as the source's own table: purpose, participants,
    deadlines, then every ``comparisons`` row of ``table`` (one rule per meeting, in order)."""
    ms = [model.get("meetings", m) for m in meetings]

    def cell(refs) -> str:
        return "<ul>" + "".join(ref_item(model, r) for r in refs) + "</ul>" if refs else "–"

    def people(m) -> str:
        ps = [p for p in model.all("participants") if p.get("meeting") == m.id]
        return " ".join(ref_text(model, f"participants:{p.id}")[0] for p in ps) + "".join(cite_html(p) for p in ps) if ps else "–"

    rows = [
        ["Formål", *["<ul>" + "".join(f"<li>{escape(p)}</li>" for p in m["purpose"]) + "</ul>" + cite_html(m) for m in ms]],
        ["Deltagere", *[people(m) for m in ms]],
    ]
    for row in model.all("comparisons"):
        if row["table"] != table:
            continue
        if len(row["cells"]) != len(ms):
            raise ValueError(f"{model.id}: comparisons.{row.id} has {len(row['cells'])} cells for {len(ms)} meetings")
        rows.append([escape(row["label"]), *[cell([f"rules:{r}"]) for r in row["cells"]]])
    rows.append(["Frister", *[cell([f"deadlines:{d}" for d in m["deadlines"]]) for m in ms]])
    head = '<th scope="col"></th>' + "".join(f'<th scope="col">{escape(m["name"])}</th>' for m in ms)
    names = [escape(m["name"]) for m in ms]
    body = "".join(
        f'<tr><th scope="row">{r[0]}</th>' + "".join(f'<td data-label="{n}">{c}</td>' for n, c in zip(names, r[1:])) + "</tr>"
        for r in rows
    )
    return f'<div class="g-table-wrap"><table class="g-data g-stack g-comparison"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
