"""Dilemma cards: one per rule the data marks ``silent`` or ``ambiguity``.

The card's text is the rule's: what the source says (the rule's citations, quoted), what the
model leaves open (the rule's text), and a question for the group (a sentence per kind of rule).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import Entry
from ..model import Model
from .text import section, text

KINDS = ("silent", "ambiguity")


@dataclass(frozen=True)
class Dilemma:
    id: str
    kind: str
    kind_label: str
    rule: Entry
    question: str


def dilemmas(model: Model) -> list[Dilemma]:
    questions = section("dilemma_questions")
    return [
        Dilemma(r.id, r["kind"], text(f"kind_{r['kind']}"), r, questions[r["kind"]])
        for r in model.all("rules")
        if r["kind"] in KINDS
    ]
