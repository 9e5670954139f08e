"""Presenters: model and guide data turned into plain dicts and lists for the templates.

No markup here (as GOV.UK Smart Answers' presenters): the templates in ``guides/templates/``
decide how things look; this module decides what is said, in which order, with which source.
"""

from __future__ import annotations

from . import ui
from .data import Entry
from .engine import Flow, Outcome, Question, Step, encode
from .model import Model

UNCERTAIN_KINDS = ("silent", "ambiguity")


def cites(entry: Entry) -> list[dict]:
    """The citations of an entry, one group per place (quotes from the same place share a line)."""
    by_place: dict[str, list[str]] = {}
    for c in entry.cite:
        by_place.setdefault(c.label(), []).append(c.quote)
    return [{"place": place, "quotes": quotes} for place, quotes in by_place.items()]


def role_names(model: Model, ids) -> str:
    return ", ".join(model.get("roles", r)["name"] for r in ids)


def groups(model: Model, entry: Entry) -> list[dict]:
    """Who takes part, one group per qualifier: the source's wording, else the default label."""
    labels = ui.card_labels_takes_part()
    return [{"label": g.get("wording") or labels[g["takes_part"]], "roles": role_names(model, g["roles"])} for g in entry["groups"]]


def plain_text(model: Model, ref: str) -> str:
    """The text of a "collection:id" reference, without markup (terminal, JSON, "Kort fortalt")."""
    item = ref_item(model, ref, notes=False)
    if item["groups"]:
        return " ".join(f"{g['label']}: {g['roles']}." for g in item["groups"])
    return item["text"]


def ref_item(model: Model, ref: str, notes: bool = True) -> dict:
    """A "collection:id" reference as an item: its text, whether it marks a gap, its sources."""
    e = model.ref(ref)
    kind = e.kind
    text, uncertain, participant_groups = None, False, []
    if kind == "rules":
        text, uncertain = e["text"], e["kind"] in UNCERTAIN_KINDS
    elif kind == "efforts":
        text = f"{e['area']}: {', '.join(e['items'])}"
    elif kind == "practices":
        text = f"{e['municipality']}: {e['title']}"
    elif kind == "roles":
        text = e["name"]
    elif kind == "forms":
        colour = f" ({e['colour']})" if e.get("colour") else ""
        text = f"{e['name']}{colour}: {e['purpose']}"
    elif kind == "deadlines":
        text = e["text"]
    elif kind == "legal":
        text = f"{e['law']} {e['paragraph']}: {e['context']}"
    elif kind == "meetings":
        text = e["name"]
    elif kind == "levels":
        text = f"{ui.text('level')} {e['number']}: {e['title']}"
    elif kind == "participants":
        participant_groups = groups(model, e)
    else:
        raise ValueError(f"no text for {ref}")
    out = {"ref": ref, "text": text, "groups": participant_groups, "uncertain": uncertain, "cites": cites(e), "notes": []}
    if notes and kind == "participants":
        out["notes"] = [ref_item(model, f"rules:{n}") for n in e["notes"]]
    return out


def rule_items(model: Model, ids) -> list[dict]:
    return [ref_item(model, f"rules:{r}") for r in ids]


# -- guides -------------------------------------------------------------------------------------


def outcome_rules(step: Step) -> list[str]:
    """The rules behind an outcome: those routing applied on the way, then the outcome's own."""
    rules = list(step.because)
    rules += [r for r in step.node.why if r not in rules]
    return rules


def outcome(flow: Flow, o: Outcome, rule_ids) -> dict:
    labels = ui.card_labels()
    return {
        "id": o.id,
        "title": o.title,
        "summary": o.summary,
        "rows": [{"key": row.key, "label": labels[row.key], "entries": [ref_item(flow.model, r) for r in row.refs]} for row in o.card],
        "why": rule_items(flow.model, rule_ids),
    }


def step(s: Step) -> dict:
    """What every step shows besides its node: the way back and the reader's answers."""
    return {
        "state": s.state,
        "number": len(s.answers) + 1,
        "back": encode(s.answers[:-1]) if s.answers else None,
        "answers": [
            {"id": q.id, "question": q.text, "option": o.label, "href": encode(s.answers[:i])}
            for i, (q, o) in enumerate(s.answers)
        ],
    }


def question(q: Question) -> dict:
    return {
        "id": q.id,
        "text": q.text,
        "hint": q.hint,
        "options": [{"id": o.id, "label": o.label, "hint": o.hint} for o in q.options],
    }


def fallback(flow: Flow) -> dict:
    """Every path to its outcome, and each outcome once with every rule any path applies."""
    rules_by_outcome: dict[str, list[str]] = {}
    order: list[Outcome] = []
    paths = []
    for s in flow.paths():
        o = s.node
        if o.id not in rules_by_outcome:
            rules_by_outcome[o.id] = []
            order.append(o)
        for r in outcome_rules(s):
            if r not in rules_by_outcome[o.id]:
                rules_by_outcome[o.id].append(r)
        paths.append({
            "answers": [{"question": q.text, "option": opt.label} for q, opt in s.answers],
            "outcome": {"id": o.id, "title": o.title},
        })
    return {"paths": paths, "outcomes": [outcome(flow, o, rules_by_outcome[o.id]) for o in order]}
