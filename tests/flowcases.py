"""Flow tests as data, run the same way by pytest (CPython) and by tests/pyodide/run.mjs (Pyodide).

Standard library only. Each ``tests/cases/<model>.toml`` holds:

  guide = "<default guide id>"

  [[node]]            # GOV.UK Smart Answers style: given the earlier answers, this answer leads there
  given = "q1=o1&q2=o2"     # earlier answers ("" for the first question)
  answer = "q3=o3"
  next = "<question or outcome id>"

  [[scenario]]        # a golden case written from the source document
  name = "..."
  source = "<document, section: the words the expectation rests on>"
  answers = "q1=o1&..."
  outcome = "<outcome id>"
  card_has = ["rules:id", ...]    # references that must be on the outcome card (optional)
  card_lacks = ["rules:id", ...]  # references that must not be (optional)
  why_has = ["rule-id", ...]      # rules that must be in "Hvorfor?" (optional)

Any entry may set ``guide`` to override the file's default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

CASES = Path(__file__).parent / "cases"


@dataclass
class Case:
    id: str
    guide: str
    run: Callable[[], None]


def _node_case(guide_id: str, entry: dict) -> Callable[[], None]:
    def run():
        from guides import registry

        flow = registry.guide(guide_id)
        given = entry.get("given", "")
        answers = f"{given}&{entry['answer']}" if given else entry["answer"]
        before = flow.resolve(given)
        qid = entry["answer"].split("=")[0]
        assert before.node.id == qid, f"after '{given}' the guide asks {before.node.id!r}, not {qid!r}"
        after = flow.resolve(answers)
        assert after.node.id == entry["next"], f"'{answers}' leads to {after.node.id!r}, expected {entry['next']!r}"

    return run


def _scenario_case(guide_id: str, entry: dict) -> Callable[[], None]:
    def run():
        from guides import registry
        from guides.engine import Outcome
        from guides.present import outcome_rules

        flow = registry.guide(guide_id)
        step = flow.resolve(entry["answers"])
        assert isinstance(step.node, Outcome), f"'{entry['answers']}' ends at question {step.node.id!r}, not an outcome"
        assert step.node.id == entry["outcome"], f"got outcome {step.node.id!r}, expected {entry['outcome']!r}"
        refs = {r for row in step.node.card for r in row.refs}
        for ref in entry.get("card_has", []):
            assert ref in refs, f"{ref} is not on the card of {step.node.id!r}"
        for ref in entry.get("card_lacks", []):
            assert ref not in refs, f"{ref} should not be on the card of {step.node.id!r}"
        why = outcome_rules(step)
        for rule in entry.get("why_has", []):
            assert rule in why, f"rule {rule!r} is not in 'Hvorfor?' of {step.node.id!r} ({why})"

    return run


def _all_paths_case(guide_id: str) -> Callable[[], None]:
    """Every path ends in an outcome, every node is reached, everything shown cites a source:
    what ``Flow.validate`` checks, run here so it counts as a case in pytest and in Pyodide."""

    def run():
        from guides import registry

        registry.guide(guide_id).validate()

    return run


def load_cases(root: Path = CASES) -> list[Case]:
    from guides import registry

    cases = [Case(f"all-paths:{g}", g, _all_paths_case(g)) for g in sorted(registry.guides())]
    for path in sorted(root.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        default = data.get("guide")
        for entry in data.get("node", []):
            g = entry.get("guide", default)
            cases.append(Case(f"{path.stem}:node:{g}:{entry.get('given') or '-'}&{entry['answer']}", g, _node_case(g, entry)))
        for entry in data.get("scenario", []):
            g = entry.get("guide", default)
            cases.append(Case(f"{path.stem}:scenario:{entry['name']}", g, _scenario_case(g, entry)))
    return cases


def run_all(root: Path = CASES) -> tuple[int, list[tuple[str, str]]]:
    """Run every case without pytest (used inside Pyodide). Returns (passed, failures)."""
    passed, failures = 0, []
    for case in load_cases(root):
        try:
            case.run()
            passed += 1
        except Exception as exc:  # report every failure, not just the first
            failures.append((case.id, f"{type(exc).__name__}: {exc}"))
    return passed, failures
