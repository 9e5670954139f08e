"""HTML of the teaching pages, rendered through the one Jinja2 environment (``guides.templating``).

Every function takes the page's URL (``undervisning/randers/oevelser/``) so links are relative
and work from any folder the site is served from. The answer a case reveals is the guide's own
answer (``guides.api.step``), so the exercise, the projector and the guide show the same card.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

from .. import api, registry, site
from ..html import cite_html, ref_item  # the handbook's markup of a cited reference (core's; one import here)
from ..model import Model
from ..templating import render
from ..web import root_prefix, source_html
from . import dilemmas as dilemmas_mod
from . import exercises as ex
from . import flowchart, topics
from .text import section, text

# The pages of a model's kit, relative to ``undervisning/<model>/``, and their link text.
PAGES = {
    "kit": ("", "Kursuspakke"),
    "exercises": ("oevelser/", "Øvelser"),
    "dilemmas": ("dilemmaer/", "Dilemmakort"),
    "projector": ("projektor/", "Projektortilstand"),
    "handout": ("paa-en-side/", "Modellen på én side (print, A4)"),
    "sheet": ("case-ark/", "Case-ark uden svar (print)"),
    "sheet_answers": ("case-ark-svar/", "Case-ark med svar (print)"),
    "charts": ("rutediagram/", "Rutediagrammer (print)"),
}
COMPARISON = "undervisning/side-om-side/"
HANDOUT_TOPICS = ("forums", "convener", "deadlines", "consent", "underretning")


def item_html(model: Model, ref: str) -> Markup:
    """A cited reference as the handbook shows it; a method (which cards do not show) by its number and name."""
    e = model.ref(ref)
    if e.kind == "methods":
        return Markup("<li>{}{}</li>").format(" ".join(ex.ref_lines(model, ref)), Markup(cite_html(e)))
    return Markup(ref_item(model, ref))


def model_url(model_id: str, page: str = "kit") -> str:
    return f"undervisning/{model_id}/{PAGES[page][0]}"


@cache
def guide_pages(docs_dir: str) -> dict[str, str]:
    """Guide id -> URL of the page that holds it: the guide's ``page`` meta, else the page calling ``guide("id")``."""
    out = site.guide_pages(Path(docs_dir))
    for gid, flow in registry.guides().items():
        if flow.page:
            out[gid] = flow.page
    return {gid: site.page_url(path) for gid, path in out.items()}


class Links:
    """Relative links from one page."""

    def __init__(self, page_url: str, docs_dir: str):
        self.root = root_prefix(page_url)
        self.docs_dir = docs_dir

    def to(self, url: str) -> str:
        return self.root + url

    def page(self, model_id: str, page: str) -> str:
        return self.to(model_url(model_id, page))

    def guide(self, guide_id: str, state: str = "") -> str:
        url = guide_pages(self.docs_dir).get(guide_id)
        if url is None:
            raise ValueError(f"no page holds the guide {guide_id!r} (no {{{{ guide({guide_id!r}) }}}} in {self.docs_dir})")
        return self.to(url) + (f"#{state}" if state else "")


def _model_links(model: Model, links: Links) -> list[dict]:
    return [{"href": links.page(model.id, p), "text": label, "id": p} for p, (_, label) in PAGES.items()]


_HREF = re.compile(r'href="(?![#/]|[a-z]+:)([^"]*)"')


def _answer_html(e: ex.Exercise, links: Links) -> Markup:
    """The guide's own answer card. Its links are relative to the guide's page, so they are
    re-based onto the page that shows the card here."""
    import posixpath

    base = guide_pages(links.docs_dir).get(e.case.guide, "")
    html = api.step(e.case.guide, e.case.path)["html"]

    def rebase(m) -> str:
        target = posixpath.normpath(posixpath.join(base, m.group(1)))
        return f'href="{links.to(target + "/" if m.group(1).endswith("/") and target != "." else target)}"'

    return Markup(_HREF.sub(rebase, html))


def _cases(model: Model, links: Links) -> list[dict]:
    out = []
    for i, e in enumerate(ex.exercises(model.id), start=1):
        out.append({
            "n": i,
            "case": e.case,
            "guide": e.flow,
            "asks": e.asks,
            "outcome": e.step.node,
            "guide_href": links.guide(e.case.guide, e.step.state),
            "answer_html": _answer_html(e, links),
        })
    return out


def _ctx(model: Model, page_url: str, docs_dir: str, **extra) -> dict:
    links = Links(page_url, docs_dir)
    return {
        "model": model,
        "t": text,
        "links": links,
        "pages": _model_links(model, links),
        "comparison_href": links.to(COMPARISON),
        "source": Markup(source_html(model)),
        "ref_item": lambda ref: item_html(model, ref),
        "cite": lambda entry: Markup(cite_html(entry)),
        **extra,
    }


def _flows(model: Model):
    return [f for f in registry.guides().values() if f.model.id == model.id]


# -- pages ------------------------------------------------------------------------------------


def kit(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    c = ex.course(model_id)
    open_rules = [d.rule for d in dilemmas_mod.dilemmas(model)]
    links = Links(page_url, docs_dir)
    guides = [{"title": f.title, "href": links.guide(f.id)} for f in _flows(model)]
    return render(
        "training/kit.j2",
        **_ctx(model, page_url, docs_dir, course=c, open_rules=open_rules, guides=guides,
               n_cases=len(ex.cases(model_id)), n_dilemmas=len(open_rules)),
    )


def exercises_page(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    return render("training/exercises.j2", **_ctx(model, page_url, docs_dir, cases=_cases(model, Links(page_url, docs_dir))))


def dilemmas_page(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    return render("training/dilemmas.j2", **_ctx(model, page_url, docs_dir, dilemmas=dilemmas_mod.dilemmas(model), heading="h2"))


def projector(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    links = Links(page_url, docs_dir)
    return render(
        "training/projector.j2",
        **_ctx(model, page_url, docs_dir, cases=_cases(model, links), dilemmas=dilemmas_mod.dilemmas(model),
               leave=links.page(model_id, "kit")),
    )


def _plain(model: Model, ref: str) -> dict:
    """A reference in few words for print: the rule's short form where it has one, and where it is in the source."""
    e = model.ref(ref)
    lines = [e["short"]] if e.kind == "rules" and e.get("short") else ex.ref_lines(model, ref)
    places = []
    for c in e.cite:
        if c.section not in places:
            places.append(c.section)
    return {"lines": lines, "places": places}


# Font sizes the handout may use (pt), largest first; the longest handout gets the smallest.
HANDOUT_SIZES = ((2500, 10), (4000, 9), (5500, 8.5), (6500, 8), (7500, 7.5), (9000, 7), (10**9, 6.5))


def handout_size(chars: int) -> float:
    return next(size for limit, size in HANDOUT_SIZES if chars <= limit)


def handout(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    items = []
    chars = 0
    for t in topics.topics(model):
        if t.id not in HANDOUT_TOPICS:
            continue
        entries = [_plain(model, r) for r in t.refs]
        chars += sum(len(" ".join(e["lines"])) + len(" ".join(e["places"])) for e in entries)
        items.append({"topic": t, "entries": entries})
    return render("training/handout.j2", **_ctx(model, page_url, docs_dir, items=items, size=handout_size(chars), chars=chars))


def case_sheet(model_id: str, page_url: str, docs_dir: str, answers: bool = False) -> str:
    model = registry.model(model_id)
    links = Links(page_url, docs_dir)
    return render("training/case_sheet.j2", **_ctx(model, page_url, docs_dir, cases=_cases(model, links), answers=answers))


def flowcharts(model_id: str, page_url: str, docs_dir: str) -> str:
    model = registry.model(model_id)
    links = Links(page_url, docs_dir)
    charts = []
    for f in _flows(model):
        root = flowchart.tree(f)
        q, o, leaves = flowchart.count(root)
        charts.append({"flow": f, "root": root, "questions": q, "options": o, "outcomes": leaves, "href": links.guide(f.id)})
    return render("training/flowchart.j2", **_ctx(model, page_url, docs_dir, charts=charts))


def comparison(page_url: str, docs_dir: str) -> str:
    links = Links(page_url, docs_dir)
    rows = []
    for tid, title, per_model in topics.comparison():
        rows.append({
            "id": tid,
            "title": title,
            "models": [
                {"model": m, "entries": [item_html(m, r) for r in t.refs], "href": links.page(m.id, "kit")}
                for m, t in per_model
            ],
        })
    return render("training/comparison.j2", t=text, rows=rows)


def overview(page_url: str, docs_dir: str) -> str:
    links = Links(page_url, docs_dir)
    models = []
    for m in registry.models().values():
        models.append({
            "model": m,
            "pages": _model_links(m, links),
            "cases": len(ex.cases(m.id)),
            "dilemmas": len(dilemmas_mod.dilemmas(m)),
        })
    return render("training/overview.j2", t=text, models=models, comparison_href=links.to(COMPARISON))


def figures() -> dict[str, dict]:
    """Per model: cases, dilemmas, handout font size (for the notes)."""
    out = {}
    for m in registry.models().values():
        out[m.id] = {"cases": len(ex.cases(m.id)), "dilemmas": len(dilemmas_mod.dilemmas(m))}
    return out
