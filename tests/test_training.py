"""Undervisning: the case exercises are the guides' own tests, and the teaching pages come from the data.

Each case (``guides/models/<model>/exercises.toml``) runs through its guide: a change to a model that
changes a case's answer fails the test that names the case. The same check runs in Pyodide.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from guides import api, registry
from guides.engine import Outcome
from guides.training import check_all, dilemmas, exercises, flowchart, render, topics

ROOT = Path(__file__).resolve().parent.parent
DOCS = str(ROOT / "docs")
CASES = [c for m in registry.models() for c in exercises.cases(m)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.model}:{c.id}" for c in CASES])
def test_case_reaches_its_outcome(case):
    problems = exercises.check_case(case, set())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("model_id", sorted(registry.models()))
def test_every_model_has_at_least_eight_cases(model_id):
    assert exercises.check_model(model_id) == []
    assert len(exercises.cases(model_id)) >= exercises.MIN_CASES


def test_check_all_is_clean():
    assert check_all() == []


def test_options_and_answers_come_from_the_outcomes():
    """The right option is the reached outcome's card row (or title); every wrong one is another
    outcome's row of the same guide: nothing is typed twice."""
    for model_id in registry.models():
        for ex in exercises.exercises(model_id):
            outcome = ex.step.node
            others = [o for o in ex.flow.outcomes.values() if o.id != outcome.id]
            for ask in ex.asks:
                right = ask.answer
                if ask.key == exercises.OUTCOME_KEY:
                    assert right.lines == (outcome.title,), ex.case.name
                    titles = {o.title for o in others}
                    assert all(o.lines[0] in titles for o in ask.options if not o.correct), ex.case.name
                else:
                    assert right.refs == exercises.row_refs(outcome, ask.key), ex.case.name
                    rows = {exercises.row_refs(o, ask.key) for o in others}
                    assert all(o.refs in rows and o.refs != right.refs for o in ask.options if not o.correct), ex.case.name
                assert len({o.lines for o in ask.options}) == len(ask.options), f"{ex.case.name}: two options read the same"


def _case(model_id, case_id):
    return next(c for c in exercises.cases(model_id) if c.id == case_id)


def test_altered_routing_fails_the_case_by_name(monkeypatch):
    """A deliberately altered model: Randers' violence question no longer leads to underretning."""
    flow = registry.guide("randers-niveau")
    original = flow._routes["vold"]
    monkeypatch.setitem(flow._routes, "vold", lambda option, ctx: ctx.outcome("niveau-1") if option == "ja" else original(option, ctx))
    problems = check_all()
    assert any("randers: case 'maerker-paa-armen'" in p and "underretning-straks" in p for p in problems), problems
    assert all(p.startswith("randers: case ") for p in problems), problems


def test_altered_card_fails_the_case_by_name(monkeypatch):
    """A deliberately altered outcome card: level 2 no longer says who convenes."""
    flow = registry.guide("randers-niveau")
    outcome = flow.outcomes["niveau-2"]
    stripped = dataclasses.replace(outcome, card=tuple(r for r in outcome.card if r.key != "indkalder"))
    monkeypatch.setitem(flow.outcomes, "niveau-2", stripped)
    problems = exercises.check_case(_case("randers", "sprog-i-vuggestuegruppen"), set())
    assert problems and "sprog-i-vuggestuegruppen" in problems[0] and "indkalder" in problems[0], problems


def test_a_case_whose_path_stops_early_is_reported():
    case = dataclasses.replace(_case("randers", "konflikter-i-klassen"), path="vold=nej&hvor=skole&hvem=gruppe")
    problems = exercises.check_case(case, set())
    assert problems and "konflikter-i-klassen" in problems[0] and "gruppe-indsats" in problems[0]


def test_check_all_runs_inside_pyodide(tmp_path):
    """The same check in real Pyodide under Node, against the wheel the site ships."""
    node = shutil.which("node")
    pyodide = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
    if not node or not pyodide.is_file():
        pytest.skip("Node.js and the pinned pyodide package (make setup) are needed")
    from guides.web import WHEEL, build_wheel, write_vendored

    wheel = tmp_path / WHEEL
    build_wheel(wheel)
    # the guides import Jinja2 and MarkupSafe: the site ships them as vendored wheels beside its own
    wheels = [str(w) for w in write_vendored(tmp_path)] + [str(wheel)]
    script = tmp_path / "training.mjs"
    script.write_text(
        f"""import {{ readFileSync }} from "node:fs";
import {{ loadPyodide }} from {json.dumps(pyodide.as_uri())};
const py = await loadPyodide();
for (const w of {json.dumps(wheels)}) py.unpackArchive(new Uint8Array(readFileSync(w)), "wheel");
console.log(py.runPython(`
import json, sys
from guides.training import check_all
from guides.training.exercises import cases
from guides import registry
json.dumps({{"platform": sys.platform, "problems": check_all(), "cases": sum(len(cases(m)) for m in registry.models())}})
`));
""",
        encoding="utf-8",
    )
    result = subprocess.run([node, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["platform"] == "emscripten"
    assert out["problems"] == []
    assert out["cases"] == len(CASES)


# -- the pages' content comes from the data ----------------------------------------------------


@pytest.mark.parametrize("model_id", sorted(registry.models()))
def test_dilemma_cards_are_the_silent_and_ambiguous_rules(model_id):
    model = registry.model(model_id)
    expected = [r for r in model.all("rules") if r["kind"] in ("silent", "ambiguity")]
    cards = dilemmas.dilemmas(model)
    assert [d.rule.id for d in cards] == [r.id for r in expected]
    page = render.dilemmas_page(model_id, f"undervisning/{model_id}/dilemmaer/", DOCS)
    for r in expected:
        assert f'id="dilemma-{r.id}"' in page
        escaped = r["text"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
        assert escaped in page, f"{model_id}: the card of {r.id} must carry the rule's text"


@pytest.mark.parametrize("guide_id", sorted(registry.guides()))
def test_flowchart_holds_every_state_of_the_walk(guide_id):
    flow = registry.guide(guide_id)
    root = flowchart.tree(flow)
    q, o, leaves = flowchart.count(root)
    states = list(flow.walk())
    assert q + leaves == len(states)
    assert leaves == len(flow.paths())
    assert o == sum(len(s.node.options) for s in states if not isinstance(s.node, Outcome))
    seen = set()

    def visit(n):
        seen.add(n.step.node.id)
        for _, child in n.branches:
            visit(child)

    visit(root)
    assert seen == set(flow.questions) | set(flow.outcomes)


_HREF = re.compile(r'href="([^"]*)"')


def _site_path(page_url: str, href: str) -> str:
    """Where a link on the page at ``page_url`` (site-relative, e.g. ``randers/guide/``) leads."""
    import posixpath

    if href.startswith(("#", "/")) or re.match(r"[a-z]+:", href):
        return href
    return posixpath.normpath(posixpath.join("/" + page_url, href))


def test_exercise_page_reveals_the_guides_own_answer_card():
    """The card under "Vis svar" is the guide's own card, word for word, and each of its links
    still leads where the same link leads from the guide's page."""
    here = "undervisning/randers/oevelser/"
    page = render.exercises_page("randers", here, DOCS)
    guide_page = render.guide_pages(DOCS)
    for case in exercises.cases("randers"):
        card = api.step(case.guide, case.path)["html"]
        bare = _HREF.sub('href=""', page)
        start = bare.find(_HREF.sub('href=""', card))
        assert start >= 0, case.name
        shown = _HREF.findall(page)[bare[:start].count('href=""'):]
        for want, got in zip(_HREF.findall(card), shown):
            assert _site_path(here, got) == _site_path(guide_page[case.guide], want), (case.name, want, got)
        assert f'href="../../../randers/guide/#{case.path.replace("&", "&amp;")}"' in page, case.name


def test_comparison_says_when_a_model_does_not_regulate_a_topic():
    html = render.comparison("undervisning/side-om-side/", DOCS)
    for tid, title, per_model in topics.comparison():
        section = html.split(f'id="emne-{tid}"', 1)[1].split('class="t-topic"', 1)[0]
        for model, topic in per_model:
            article = section.split(f'data-model="{model.id}"', 1)[1].split("</article>", 1)[0]
            if topic.refs:
                assert "<li" in article, f"{tid}/{model.id}"
            else:
                assert "Reguleres ikke af modellen" in article, f"{tid}/{model.id}"
    assert any(not t.refs for _, _, pm in topics.comparison() for _, t in pm), "expected at least one unregulated topic"


def test_situations_name_no_one():
    """A situation describes a role and a setting, never a person: no capitalised word inside a
    sentence except the names the model's own data uses (roles, meetings, places)."""
    allowed = set()
    for m in registry.models().values():
        for kind in m.collections:
            for e in m.all(kind):
                for v in e.fields.values():
                    if isinstance(v, str):
                        allowed |= set(re.findall(r"\b[A-ZÆØÅ][\wæøå-]+", v))
        allowed |= set(re.findall(r"\b[A-ZÆØÅ][\wæøå-]+", m.municipality + " " + m.title))
    for c in CASES:
        for sentence in re.split(r"(?<=[.?!])\s+", c.situation):
            words = re.findall(r"(?<!^)\b[A-ZÆØÅ][\wæøå-]+", sentence.strip())
            stray = [w for w in words if w not in allowed and w.split("-")[0] not in allowed and w != sentence.split()[0]]
            assert not stray, f"{c.name}: {stray} looks like a name"
