"""HTML for questions, outcome cards, errors and the static fallback, from ``guides/templates/``.

The same functions run at build time (the static fallback, the precomputed answers) and in
the reader's browser (Pyodide), so both show the same markup and the same words. What is shown
comes from ``guides.present``; how it looks, from the templates.
"""

from __future__ import annotations

from . import present
from .engine import Flow, Question, Step
from .present import outcome_rules  # noqa: F401  (part of this module's interface)
from .templating import render


def step_html(flow: Flow, step: Step) -> str:
    package = flow.model.package
    if isinstance(step.node, Question):
        return render("question.j2", package, step={**present.step(step), "question": present.question(step.node)})
    outcome = present.outcome(flow, step.node, outcome_rules(step), step.answers)
    return render("outcome_step.j2", package, step=present.step(step), outcome=outcome)


def error_html(detail: str) -> str:
    return render("error.j2", detail=detail)


def fallback_html(flow: Flow) -> str:
    """Every path to its outcome, on one printable page: what a reader without JavaScript uses."""
    return render("fallback.j2", flow.model.package, **present.fallback(flow))


def cite_html(entry) -> str:
    """An entry's citations (place lines, quotes one tap away), as on every card and table."""
    return render("fragment.j2", cites=present.cites(entry)).strip()


def ref_item(model, ref: str) -> str:
    """A "collection:id" reference as a list item, with its kind's label and its citations."""
    return render("fragment.j2", model.package, item=present.ref_item(model, ref)).strip()
