"""The decision-guide engine: typed nodes, routing written in Python, and a walker.

A guide is three things in one model folder:
  * its text: ``<guide>.toml`` (questions with options, outcomes with their cards);
  * its routing: a module-level ``flow = Flow(...)`` in ``<guide>.py`` beside ``<guide>.toml``, with one ``@flow.route("question")`` function per
    question, which returns ``ctx.question(id)`` or ``ctx.outcome(id)`` (never a bare string);
  * its data: the model (``model.toml``) that outcome cards point into.

As in GOV.UK Smart Answers, the next node may depend on every earlier answer; ``walk`` visits
every reachable state, which is how the validation, the static fallback and the tests see
every path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from . import schema, summaries
from .data import Checker, read_toml
from .errors import AnswerError, FlowError
from .model import Model, load_model


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str | None
    options: tuple[Option, ...]
    scope: str | None = None  # "municipality": the answer scopes the outcome (schema.QUESTION)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class CardRow:
    key: str
    refs: tuple[str, ...]  # "collection:id" references into the model


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str
    card: tuple[CardRow, ...]
    why: tuple[str, ...]  # rule ids
    related: tuple[str, ...] = ()  # guide ids to go on to


Node = Question | Outcome


@dataclass(frozen=True)
class Step:
    """Where a sequence of answers leads: the node, the answers given, and the rules applied."""

    node: Node
    answers: tuple[tuple[Question, Option], ...]
    because: tuple[str, ...]  # rule ids applied by routing on the way, in order

    @property
    def state(self) -> str:
        return encode(self.answers)


def encode(answers) -> str:
    """The URL fragment for a list of (question, option) pairs: ``q1=o1&q2=o2``."""
    return "&".join(f"{q.id}={o.id}" for q, o in answers)


# How much of a reader's link an error message quotes: enough to recognise, never the whole link.
EXCERPT = 40


def excerpt(text: str) -> str:
    """A short, printable excerpt of text from a link, for an error message (the HTML escapes it)."""
    shown = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text[: EXCERPT + 1])
    return f"'{shown[:EXCERPT]}…'" if len(text) > EXCERPT else f"'{shown}'"


def decode(fragment: str) -> list[tuple[str, str]]:
    """Parse a URL fragment into (question id, option id) pairs; raise AnswerError if malformed.

    The one canonical form is what ``encode`` writes. Leading ``#`` are dropped and nothing else
    is normalised (no trimming): ``guide.js`` looks a fragment up in the precomputed answers after
    the same single rule, so the table and the engine give the same verdict for every input.
    """
    fragment = fragment.lstrip("#")
    pairs = []
    if not fragment:
        return pairs
    for part in fragment.split("&"):
        qid, eq, oid = part.partition("=")
        if not eq or not qid or not oid:
            raise AnswerError(f"{excerpt(part)} er ikke et svar")
        pairs.append((qid, oid))
    return pairs


class _Routed:
    """What a route function returns: a node plus the rules that justified the turn."""

    __slots__ = ("node", "because")

    def __init__(self, node: Node, because: tuple[str, ...]):
        self.node = node
        self.because = because


class Context:
    """Given to route functions: the earlier answers and constructors for the next node."""

    def __init__(self, flow: "Flow", answers: dict[str, str]):
        self._flow = flow
        self.answers = answers

    def answer(self, question_id: str) -> str | None:
        """The option chosen earlier for a question, or None if it was not asked."""
        return self.answers.get(question_id)

    def question(self, question_id: str, because=()) -> _Routed:
        return _Routed(self._flow.question(question_id), self._flow.check_rules(because))

    def outcome(self, outcome_id: str, because=()) -> _Routed:
        return _Routed(self._flow.outcome(outcome_id), self._flow.check_rules(because))


Route = Callable[[str, Context], _Routed]


class Flow:
    """A guide: content from ``<content>.toml``, routing from ``@flow.route`` functions."""

    def __init__(self, package: str, content: str):
        self.package = package
        self.model: Model = load_model(package)
        self._routes: dict[str, Route] = {}
        self._load(content)

    def _load(self, content: str) -> None:
        data, self.file = read_toml(self.package, content)
        check = Checker(self.file, default_doc=self.model.doc.id)
        guide = check.table("", data, schema.GUIDE_FILE)
        meta = guide.get("guide") or {}
        self.questions: dict[str, Question] = {
            qid: Question(qid, q.get("text") or "", q.get("hint"),
                          tuple(Option(o.get("id") or "", o.get("label") or "", o.get("hint")) for o in q.get("options") or []),
                          q.get("scope"))
            for qid, q in (guide.get("questions") or {}).items()
        }
        self.outcomes: dict[str, Outcome] = {}
        for oid, o in (guide.get("outcomes") or {}).items():
            card = tuple(CardRow(key, tuple(refs)) for key, refs in (o.get("card") or {}).items())
            summary = summaries.render(check, f"outcomes.{oid}.summary", o.get("summary") or "", self.model)
            self.outcomes[oid] = Outcome(oid, o.get("title") or "", summary, card, tuple(o.get("why") or ()), tuple(o.get("related") or ()))
        for where, kind, key in check.refs:
            if not self.model.has(kind, key):
                check.problem(where, f"refers to {kind} {key!r}, which is not defined in {self.model.file}")
        if meta.get("start") and meta["start"] not in self.questions:
            check.problem("guide.start", f"unknown question {meta['start']!r}")
        for qid in self.questions.keys() & self.outcomes.keys():
            check.problem(f"outcomes.{qid}", "a question and an outcome share this id")
        check.fail_if_problems()
        self.id = meta["id"]
        self.title = meta["title"]
        self.intro = meta["intro"]
        self.start = meta["start"]
        self.page = meta.get("page")

    # -- wiring -------------------------------------------------------------------------------

    def route(self, question_id: str) -> Callable[[Route], Route]:
        """Decorator: register the routing function of a question."""

        def register(fn: Route) -> Route:
            if question_id not in self.questions:
                raise FlowError(f"{self.id}: route for unknown question {question_id!r} ({self.file})")
            if question_id in self._routes:
                raise FlowError(f"{self.id}: question {question_id!r} has two routes")
            self._routes[question_id] = fn
            return fn

        return register

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise FlowError(f"{self.id}: routing refers to unknown question {question_id!r} ({self.file})") from None

    def outcome(self, outcome_id: str) -> Outcome:
        try:
            return self.outcomes[outcome_id]
        except KeyError:
            raise FlowError(f"{self.id}: routing refers to unknown outcome {outcome_id!r} ({self.file})") from None

    def check_rules(self, because) -> tuple[str, ...]:
        because = (because,) if isinstance(because, str) else tuple(because)
        for rid in because:
            if not self.model.has("rules", rid):
                raise FlowError(f"{self.id}: routing cites rule {rid!r}, which is not defined in {self.model.file}")
        return because

    # -- running ------------------------------------------------------------------------------

    def next(self, question: Question, option: Option, answers: dict[str, str]) -> _Routed:
        fn = self._routes.get(question.id)
        if fn is None:
            raise FlowError(f"{self.id}: question {question.id!r} has no route")
        result = fn(option.id, Context(self, answers))
        if not isinstance(result, _Routed):
            raise FlowError(
                f"{self.id}: the route of {question.id!r} returned {result!r} for option {option.id!r}; "
                "return ctx.question(...) or ctx.outcome(...)"
            )
        return result

    def resolve(self, pairs) -> Step:
        """Follow (question id, option id) pairs from the start; raise AnswerError if they don't fit."""
        if isinstance(pairs, str):
            pairs = decode(pairs)
        node: Node = self.question(self.start)
        given: list[tuple[Question, Option]] = []
        because: list[str] = []
        for qid, oid in pairs:
            if isinstance(node, Outcome):
                raise AnswerError("der er flere svar, end guiden har spørgsmål til")
            if qid != node.id:
                raise AnswerError(f"spørgsmålet {excerpt(qid)} passer ikke her i guiden")
            option = node.option(oid)
            if option is None:
                raise AnswerError(f"{excerpt(oid)} er ikke et af svarene på spørgsmålet {excerpt(qid)}")
            routed = self.next(node, option, {q.id: o.id for q, o in given})
            given.append((node, option))
            because.extend(r for r in routed.because if r not in because)
            node = routed.node
        return Step(node, tuple(given), tuple(because))

    def walk(self) -> Iterator[Step]:
        """Every reachable state, depth first, in option order."""
        stack = [self.resolve([])]
        while stack:
            step = stack.pop()
            yield step
            if isinstance(step.node, Question):
                for option in reversed(step.node.options):
                    pairs = [(q.id, o.id) for q, o in step.answers] + [(step.node.id, option.id)]
                    if len(pairs) > 50:  # a question can be asked again, so a flow could loop
                        raise FlowError(f"{self.id}: a path is longer than 50 answers; does the flow loop?")
                    stack.append(self.resolve(pairs))

    def paths(self) -> list[Step]:
        """Every complete path: the steps that end in an outcome."""
        return [s for s in self.walk() if isinstance(s.node, Outcome)]

    def validate(self) -> None:
        """Raise FlowError naming the guide, file and node for any wiring problem."""
        problems = []
        for qid in self.questions:
            if qid not in self._routes:
                problems.append(f"question {qid!r} has no route (option without a route)")
        if problems:
            raise FlowError(f"{self.id} ({self.file}, model {self.model.id}): " + "; ".join(problems))
        reached: set[str] = set()
        try:
            for step in self.walk():
                reached.add(step.node.id)
        except AnswerError as exc:  # cannot happen for walked pairs unless routing is broken
            raise FlowError(f"{self.id}: {exc}") from None
        for nid in list(self.questions) + list(self.outcomes):
            if nid not in reached:
                problems.append(f"node {nid!r} is never reached (unreachable node)")
        for outcome in self.outcomes.values():
            for row in outcome.card:
                for ref in row.refs:
                    if not self.model.ref(ref).cite:
                        problems.append(f"outcome {outcome.id!r}: {ref} has no source (outcome without a source)")
        if problems:
            raise FlowError(f"{self.id} ({self.file}, model {self.model.id}): " + "; ".join(problems))
