"""Case exercises: a situation, a path through a guide, and the questions put to the learner.

A case in ``guides/models/<model>/exercises.toml``::

    [[case]]
    id = "ny-bekymring"                 # unique within the model
    title = "..."                       # a few words (projector, case sheet)
    situation = "..."                   # the situation, plain Danish, never a name
    guide = "randers-niveau"            # a guide of this model
    path = "vold=nej&hvem=et-barn&..."  # the answers a correct reading of the model gives
    outcome = "niveau-1"                # where that path leads (the case's claim, checked)
    ask = ["udfald", "indkalder"]       # what the learner is asked: "udfald" or card row keys

Nothing else is typed: each question's options and its right answer are read from the outcome
the path reaches (its title, or the references of that card row) and, for the wrong options,
from the other outcomes of the same guide. ``check_all`` runs every case against the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import registry
from ..data import read_toml
from ..engine import Flow, Outcome, Step
from ..errors import AnswerError, FlowError, ModelError
from ..model import Model
from ..ui import card_labels
from .text import text

FILE = "exercises.toml"
MIN_CASES = 8
MAX_OPTIONS = 4  # the right answer and up to three wrong ones
OUTCOME_KEY = "udfald"  # "which level, meeting or forum?": the outcome itself

CASE_FIELDS = {"id", "title", "situation", "guide", "path", "outcome", "ask"}


@dataclass(frozen=True)
class Option:
    id: str
    lines: tuple[str, ...]  # plain text, one line per reference
    refs: tuple[str, ...]  # "collection:id" references (empty for an outcome title)
    correct: bool


@dataclass(frozen=True)
class Ask:
    key: str
    label: str
    options: tuple[Option, ...]

    @property
    def answer(self) -> Option:
        return next(o for o in self.options if o.correct)


@dataclass(frozen=True)
class Case:
    model: str
    id: str
    title: str
    situation: str
    guide: str
    path: str
    outcome: str
    ask: tuple[str, ...]

    @property
    def name(self) -> str:
        """How a failure names the case: model, file and id."""
        return f"{self.model}: case {self.id!r} ({self.guide}, {FILE})"


# -- loading ----------------------------------------------------------------------------------


@cache
def raw(model_id: str) -> dict:
    """The model's exercises.toml (empty if the model has none)."""
    m = registry.model(model_id)
    try:
        data, _ = read_toml(m.package, FILE)
    except ModelError:
        return {}
    return data


def course(model_id: str) -> dict:
    return raw(model_id).get("course", {})


def cases(model_id: str) -> list[Case]:
    out = []
    for i, c in enumerate(raw(model_id).get("case", [])):
        out.append(
            Case(
                model=model_id,
                id=str(c.get("id") or f"#{i + 1}"),
                title=str(c.get("title") or ""),
                situation=str(c.get("situation") or ""),
                guide=str(c.get("guide") or ""),
                path=str(c.get("path") or ""),
                outcome=str(c.get("outcome") or ""),
                ask=tuple(c.get("ask") or ()),
            )
        )
    return out


# -- deriving options from the engine ---------------------------------------------------------


def ref_lines(model: Model, ref: str) -> list[str]:
    """Plain text of a card reference (what an option says)."""
    e = model.ref(ref)
    kind = e.kind
    if kind == "rules":
        return [e["text"]]
    if kind == "efforts":
        return [f"{e['area']}: {', '.join(e['items'])}"]
    if kind == "practices":
        return [f"{e['municipality']}: {e['title']}"]
    if kind in ("roles", "meetings"):
        return [e["name"]]
    if kind == "forms":
        colour = f" ({e['colour']})" if e.get("colour") else ""
        return [f"{e['name']}{colour}"]
    if kind == "deadlines":
        return [e["text"]]
    if kind == "legal":
        return [f"{e['law']} {e['paragraph']}"]
    if kind == "levels":
        return [f"Niveau {e['number']}: {e['title']}"]
    if kind == "methods":
        return [f"{e['number']}. {e['name']}"]
    if kind == "participants":
        from ..ui import card_labels_takes_part

        labels = card_labels_takes_part()
        return [
            f"{g.get('wording') or labels[g['takes_part']]}: "
            + ", ".join(model.get("roles", r)["name"] for r in g["roles"])
            for g in e["groups"]
        ]
    return [ref]


def row_refs(outcome: Outcome, key: str) -> tuple[str, ...] | None:
    for row in outcome.card:
        if row.key == key:
            return row.refs
    return None


def _value(flow: Flow, outcome: Outcome, key: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(lines, refs) of one question's answer at an outcome, or None if the card has no such row."""
    if key == OUTCOME_KEY:
        return (outcome.title,), ()
    refs = row_refs(outcome, key)
    if refs is None:
        return None
    lines = tuple(line for r in refs for line in ref_lines(flow.model, r))
    return lines, refs


def _fnv(text: str) -> int:
    """A small stable hash (FNV-1a), so the order is the same in every Python and in Pyodide."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _order(seed: str, items):
    return sorted(items, key=lambda x: _fnv(seed + "\0" + "\n".join(x[0])))


def label(key: str) -> str:
    return text("ask_outcome") if key == OUTCOME_KEY else card_labels()[key]


def derive(case: Case, flow: Flow, outcome: Outcome, key: str) -> Ask:
    """The question for one key: the right answer from this outcome, wrong ones from the others."""
    right = _value(flow, outcome, key)
    if right is None:
        raise AnswerError(f"the outcome {outcome.id!r} has no card row {key!r}")
    seen = {right[0]}
    disjoint, overlapping = [], []
    for other in flow.outcomes.values():
        v = _value(flow, other, key)
        # A wrong option is neither part of the right one nor contains all of it, so it is plainly wrong.
        if v is None or v[0] in seen or (right[1] and (set(v[1]) <= set(right[1]) or set(v[1]) >= set(right[1]))):
            continue
        seen.add(v[0])
        (overlapping if set(v[1]) & set(right[1]) else disjoint).append(v)
    # Prefer wrong options that share nothing with the right one; others only if too few.
    wrong = disjoint or overlapping
    # Wrong options: a stable choice per case (not always the same first outcomes of the file).
    wrong = _order(f"{case.model}/{case.id}/{key}/pick", wrong)[: MAX_OPTIONS - 1]
    chosen = _order(f"{case.model}/{case.id}/{key}", [(right[0], right[1], True)] + [(v[0], v[1], False) for v in wrong])
    options = tuple(
        Option(id=f"{key}-{i + 1}", lines=lines, refs=refs, correct=ok) for i, (lines, refs, ok) in enumerate(chosen)
    )
    return Ask(key=key, label=label(key), options=options)


@dataclass(frozen=True)
class Exercise:
    """A case as the learner meets it: the engine's step and the derived questions."""

    case: Case
    flow: Flow
    step: Step
    asks: tuple[Ask, ...]


def exercise(case: Case) -> Exercise:
    """Run a case through its guide; raise AnswerError/FlowError with the reason if it does not fit."""
    if case.guide not in registry.guides():
        raise FlowError(f"unknown guide {case.guide!r}")
    flow = registry.guide(case.guide)
    if flow.model.id != case.model:
        raise FlowError(f"the guide {case.guide!r} belongs to the model {flow.model.id!r}")
    step = flow.resolve(case.path)
    if not isinstance(step.node, Outcome):
        raise AnswerError(f"the path {case.path!r} stops at the question {step.node.id!r}, not at an outcome")
    if step.node.id != case.outcome:
        raise AnswerError(f"the path {case.path!r} leads to {step.node.id!r}, the case expects {case.outcome!r}")
    asks = tuple(derive(case, flow, step.node, k) for k in case.ask)
    return Exercise(case, flow, step, asks)


def exercises(model_id: str) -> list[Exercise]:
    return [exercise(c) for c in cases(model_id)]


# -- checking ---------------------------------------------------------------------------------


def check_case(case: Case, seen: set[str]) -> list[str]:
    problems = []

    def bad(msg):
        problems.append(f"{case.name}: {msg}")

    if case.id in seen:
        bad("the id is used twice")
    seen.add(case.id)
    for field in ("title", "situation", "guide", "path", "outcome"):
        if not getattr(case, field).strip():
            bad(f"{field} is missing")
    if not case.ask:
        bad("ask names no question")
    for key in case.ask:
        if key != OUTCOME_KEY and key not in card_labels():
            bad(f"ask: {key!r} is not a card row (known: {OUTCOME_KEY}, {', '.join(card_labels())})")
    if problems:
        return problems
    try:
        ex = exercise(case)
    except (AnswerError, FlowError) as exc:
        bad(str(exc))
        return problems
    for a in ex.asks:
        if len(a.options) < 2:
            bad(f"ask {a.key!r}: every outcome of {case.guide!r} gives the same answer, so there is nothing to choose")
        if sum(o.correct for o in a.options) != 1:
            bad(f"ask {a.key!r}: expected exactly one right answer")
    return problems


def check_model(model_id: str) -> list[str]:
    data = raw(model_id)
    problems = []
    for i, c in enumerate(data.get("case", [])):
        unknown = set(c) - CASE_FIELDS
        if unknown:
            problems.append(f"{model_id}: case #{i + 1} ({c.get('id')}): unknown field(s) {', '.join(sorted(unknown))}")
    for key in data:
        if key not in ("course", "case"):
            problems.append(f"{model_id}: {FILE}: unknown table {key!r} (known: course, case)")
    all_cases = cases(model_id)
    if len(all_cases) < MIN_CASES:
        problems.append(f"{model_id}: {FILE} has {len(all_cases)} cases; at least {MIN_CASES} are needed")
    seen: set[str] = set()
    for case in all_cases:
        problems += check_case(case, seen)
    return problems


def check_all() -> list[str]:
    """Every problem with every model's cases, each naming the case (empty: all cases pass)."""
    problems = []
    for model_id in registry.models():
        problems += check_model(model_id)
    return problems
