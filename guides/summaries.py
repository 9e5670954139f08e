"""Outcome summaries that refer to the data instead of retyping it.

A summary may hold ``{{ ref("deadlines:<id>") }}`` or ``{{ ref("rules:<id>") }}``: the entry's
text (a rule's ``short`` if it has one is *not* used: a summary quotes the rule's text). It is
rendered once, when the guide loads, in a sandbox that knows nothing but ``ref``; an unknown
reference or a template error is a load error naming the file and the field.
"""

from __future__ import annotations

from functools import cache

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

REFS = ("deadlines", "rules")


@cache
def _environment() -> SandboxedEnvironment:
    # Plain text out (the card's template escapes it); nothing but ref() in scope.
    return SandboxedEnvironment(autoescape=False, undefined=StrictUndefined)


class _Unknown(Exception):
    pass


def render(check, where: str, text: str, model) -> str:
    if "{" not in text:
        return text

    def ref(reference: str) -> str:
        kind, _, key = str(reference).partition(":")
        if kind not in REFS:
            raise _Unknown(f"ref({reference!r}) must point to one of {', '.join(REFS)}")
        if not model.has(kind, key):
            raise _Unknown(f"ref({reference!r}) refers to {kind} {key!r}, which is not defined in {model.file}")
        return model.get(kind, key)["text"]

    try:
        return _environment().from_string(text).render(ref=ref)
    except _Unknown as exc:
        check.problem(where, str(exc))
    except TemplateError as exc:
        check.problem(where, f"template error: {exc}")
    return text
