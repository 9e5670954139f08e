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
    return [{"label": _sentence(g.get("wording")) or labels[g["takes_part"]], "roles": role_names(model, g["roles"])} for g in entry["groups"]]


def _sentence(wording: str | None) -> str | None:
    """The source's qualifier as a label: its words, with a capital first letter."""
    return wording[:1].upper() + wording[1:] if wording else wording


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
    text, rule_kind, external, participant_groups = None, None, None, []
    if kind == "rules":
        text, rule_kind = e["text"], e["kind"]
        if rule_kind == "external":  # another document's words: labelled with that document and its date
            doc = e.cite[0].doc
            external = f"{doc.short}: {doc.title}, {doc.dated}"
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
    elif kind in ("meetings", "municipalities", "methods"):
        text = e["name"]
    elif kind == "comparisons":
        text = e["label"]
    elif kind == "levels":
        text = f"{ui.text('level')} {e['number']}: {e['title']}"
    elif kind == "participants":
        participant_groups = groups(model, e)
    else:
        raise ValueError(f"no text for {ref}")
    out = {"ref": ref, "text": text, "groups": participant_groups, "kind": rule_kind, "external": external,
           "uncertain": rule_kind in UNCERTAIN_KINDS, "cites": cites(e), "notes": []}
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


def outcome(flow: Flow, o: Outcome, rule_ids, answers=()) -> dict:
    """An outcome card: "Kort fortalt", the meeting profile of every meeting it names, its rows,
    the other municipalities' practice (folded), onward links and "Hvorfor?". See ``card.py``."""
    from .card import build

    return build(flow, o, rule_ids, answers)


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


def block_id(state: str) -> str:
    """The id of a step's block in the static fallback (no "=", so guide.js treats it as an anchor)."""
    import hashlib

    return "trin-" + (hashlib.sha256(state.encode()).hexdigest()[:10] if state else "start")


def _scope(answers) -> str | None:
    """The municipality chosen on the way (what an outcome card depends on besides its rules)."""
    return next((o.id for q, o in answers if q.scope == "municipality"), None)


def fallback(flow: Flow) -> dict:
    """Every reachable question step as a small block, its options linking to the next block, and
    every outcome once (once per municipality where a guide asks for it), with every rule any path
    to it applies: what a reader without JavaScript walks. Rendering an outcome once per path would
    repeat its card on every path (a page of megabytes for a guide with a hundred paths)."""
    steps = list(flow.walk())
    outcomes: dict[tuple, dict] = {}  # (outcome id, municipality) -> {"step", "rules"}
    for s in steps:
        if isinstance(s.node, Outcome):
            key = (s.node.id, _scope(s.answers))
            entry = outcomes.setdefault(key, {"step": s, "rules": []})
            entry["rules"] += [r for r in outcome_rules(s) if r not in entry["rules"]]

    def target(answers) -> str:
        s = flow.resolve([(q.id, o.id) for q, o in answers])
        return outcome_id(s.node.id, _scope(answers)) if isinstance(s.node, Outcome) else block_id(encode(answers))

    blocks = []
    for s in steps:
        if not isinstance(s.node, Question):
            continue
        block = {**step(s), "id": block_id(s.state), "first": not s.answers}
        block["back"] = block_id(encode(s.answers[:-1])) if s.answers else None
        block["answers"] = [{**a, "href": block_id(a["href"])} for a in block["answers"]]
        block["question"] = question(s.node)
        for o in block["question"]["options"]:
            o["href"] = target((*s.answers, (s.node, s.node.option(o["id"]))))
        blocks.append(block)
    for (oid, scope), entry in outcomes.items():
        s = entry["step"]
        blocks.append({
            "id": outcome_id(oid, scope), "first": False, "state": "", "answers": [], "back": None,
            "outcome": outcome(flow, s.node, entry["rules"], s.answers),
        })
    return {"blocks": blocks, "start": block_id("")}


def outcome_id(outcome: str, scope: str | None) -> str:
    """The id of an outcome's block in the static fallback (no "=", so guide.js treats it as an anchor)."""
    return f"svar-{outcome}" + (f"-{scope}" if scope else "")
