"""What the browser asks the engine, and the answers precomputed at build time.

``step(guide_id, fragment)`` turns a URL fragment (``q1=o1&q2=o2``) into the HTML of the
next question or the outcome. The Web Worker calls it in Pyodide; the build calls it for every
reachable state so the page can answer before Pyodide has loaded. Same function, same HTML.
"""

from __future__ import annotations

import json

from . import html, registry
from .engine import Outcome
from .errors import AnswerError

# What the page says about a link the precomputed answers do not know (before Python is ready).
UNKNOWN = "svarene i linket findes ikke i denne udgave af guiden"


def step(guide_id: str, fragment: str) -> dict:
    flow = registry.guide(guide_id)
    try:
        s = flow.resolve(fragment)
    except AnswerError as exc:
        return {"ok": False, "kind": "error", "state": fragment, "html": html.error_html(str(exc))}
    kind = "outcome" if isinstance(s.node, Outcome) else "question"
    return {"ok": True, "kind": kind, "node": s.node.id, "state": s.state, "html": html.step_html(flow, s)}


def step_json(guide_id: str, fragment: str) -> str:
    return json.dumps(step(guide_id, fragment), ensure_ascii=False)


def all_states(guide_id: str) -> dict:
    """Every reachable state's response, keyed by its fragment (what the page uses until Pyodide is
    ready), and the answer to any other fragment: a plain message with a way to start again."""
    flow = registry.guide(guide_id)
    return {
        "states": {s.state: step(guide_id, s.state) for s in flow.walk()},
        "unknown": {"ok": False, "kind": "error", "html": html.error_html(UNKNOWN)},
    }



def warm_up() -> None:
    """Load every model and guide and render once (the worker calls this before it says it is
    ready, and before it snapshots). Validation is the build's job, not the reader's."""
    for guide_id in registry.guides():
        step(guide_id, "")
