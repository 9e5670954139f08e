"""What each model says per topic: the handout ("Modellen på én side") and "Modellerne side om side".

Read from the model's data and its guides' outcome cards, never typed: a topic's entries are the
references the model's levels, meetings and participants hold for it, and the card rows of that
topic on the model's outcomes (in the order first met). An empty topic reads "reguleres ikke af
modellen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import registry
from ..model import Model
from .text import section

# Topic -> card rows that speak to it (ui.toml [card]).
CARD_ROWS = {
    "forums": (),  # the structure comes from the data (levels, meetings, methods or functions)
    "convener": ("indkalder",),
    "deadlines": ("dagsorden", "referat", "frister"),
    "participants": ("deltagere", "foraeldre_barn"),
    "consent": ("samtykke",),
    "underretning": ("underretning", "orientering"),
    "violence": (),
}
TOPICS = tuple(CARD_ROWS)
VIOLENCE = re.compile(r"\bvold|overgreb", re.IGNORECASE)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    refs: tuple[str, ...]  # "collection:id", in order, no repeats


def _flows(model: Model):
    return [f for f in registry.guides().values() if f.model.id == model.id]


def _card_refs(model: Model, keys) -> list[str]:
    out = []
    for flow in _flows(model):
        for outcome in flow.outcomes.values():
            for row in outcome.card:
                if row.key in keys:
                    out += row.refs
    return out


def _from_data(model: Model, topic: str) -> list[str]:
    levels = sorted(model.all("levels"), key=lambda e: e["number"])
    meetings = model.all("meetings")
    if topic == "forums":
        # The model's structure: its levels and meetings; a catalogue of methods (002) its methods;
        # a model of functions (004) the functions and what they are responsible for.
        refs = [f"levels:{e.id}" for e in levels] + [f"meetings:{e.id}" for e in meetings]
        if not refs:
            refs = [f"methods:{e.id}" for e in sorted(model.all("methods"), key=lambda e: e["number"])]
        if not refs:
            refs = [f"roles:{r.id}" for r in model.all("roles") if r.get("responsibilities")]
        return refs
    if topic == "convener":
        return [f"rules:{r}" for m in meetings for r in m["convener"]] + [
            f"rules:{r}" for p in model.all("participants") for r in p["convener"]
        ]
    if topic == "deadlines":
        return (
            [f"rules:{r}" for m in meetings for r in m["agenda"] + m["minutes"]]
            + [f"deadlines:{d}" for m in meetings for d in m["deadlines"]]
            + [f"deadlines:{d.id}" for d in model.all("deadlines")]
        )
    if topic == "participants":
        return [f"participants:{p.id}" for p in model.all("participants")] + [
            f"rules:{r}" for m in meetings for r in m["parents_child"]
        ]
    if topic == "consent":
        return [f"rules:{r}" for e in levels for r in e["consent"]] + [f"rules:{r}" for m in meetings for r in m["consent"]]
    if topic == "underretning":
        return [f"rules:{r}" for m in meetings for r in m["underretning"]]
    if topic == "violence":
        return [f"rules:{r.id}" for r in model.all("rules") if VIOLENCE.search(r["text"])]
    raise KeyError(topic)


def topic(model: Model, topic_id: str) -> Topic:
    refs: list[str] = []
    for ref in _from_data(model, topic_id) + _card_refs(model, CARD_ROWS[topic_id]):
        if ref not in refs:
            refs.append(ref)
    return Topic(topic_id, section("topics")[topic_id], tuple(refs))


def topics(model: Model) -> list[Topic]:
    return [topic(model, t) for t in TOPICS]


def comparison() -> list[tuple[str, str, list[tuple[Model, Topic]]]]:
    """Per topic: its id, title and every model's entries."""
    models = list(registry.models().values())
    return [(t, section("topics")[t], [(m, topic(m, t)) for m in models]) for t in TOPICS]
