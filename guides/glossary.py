"""The glossary ("Ordliste"): terms from the sources, each defined from a source and cited.

Loaded from ``guides/glossary.toml`` and checked like model data. It feeds the glossary page and
the Markdown abbreviations that explain every occurrence of a term on hover or tap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import Checker, read_toml
from .schema import TERM
from .templating import render

@dataclass(frozen=True)
class Term:
    id: str
    term: str
    abbr: bool
    defined: bool
    definition: str
    cite: tuple


@cache
def terms() -> tuple[Term, ...]:
    data, file = read_toml("guides", "glossary.toml")
    check = Checker(file, default_doc=None)
    out = []
    for key, raw in data.get("terms", {}).items():
        check.check_id(f"terms.{key}", key)
        t = check.table(f"terms.{key}", raw, TERM)
        out.append(Term(key, t.get("term") or "", bool(t.get("abbr")), t.get("defined") is not False, t.get("definition") or "", t.get("cite") or ()))
    check.fail_if_problems()
    return tuple(sorted(out, key=lambda t: t.term.casefold()))


def abbreviations_markdown() -> str:
    """Markdown abbreviation definitions (``*[PPR]: ...``) for every term, appended to each page."""
    return "\n".join(f"*[{t.term}]: {t.definition}" for t in terms()) + "\n"


def glossary_html() -> str:
    from .present import cites  # the same citation markup as every card and table

    items = [{"term": t, "cites": cites(t)} for t in terms()]
    return render("site/glossary.j2", items=items)
