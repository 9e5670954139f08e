"""Outcome cards read at a glance and are whole (issue 7): every outcome of every guide, and a
small model built here for what the real data does not show yet (municipal practices, rule kinds,
onward links)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from guides import registry, schema
from guides.api import step
from guides.card import PROFILE, href
from guides.engine import Outcome
from guides.load import load_texts
from guides.templating import linkify
from tests.render_text import _macros, fragments

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def outcome_states():
    for guide_id, flow in sorted(registry.guides().items()):
        for s in flow.walk():
            if isinstance(s.node, Outcome):
                yield guide_id, flow, s


STATES = list(outcome_states())
IDS = [f"{g}#{s.state}" for g, _, s in STATES]


class Tree(HTMLParser):
    """A tiny DOM: (tag, attrs, children, text) nodes."""

    VOID = {"br", "input", "img", "hr", "meta", "link"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "text": ""}
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
        self.stack[-1]["children"].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.stack[-1]["children"].append(data)


def walk(node):
    yield node
    for c in node["children"]:
        if isinstance(c, dict):
            yield from walk(c)


INLINE = {"a", "strong", "em", "b", "i", "span", "code", "abbr", "time"}


def text(node, skip=("details",)) -> str:
    """The text a reader sees: block elements are separated by a space, inline ones (a link in a
    sentence) are not, so "skriv til x@randers.dk." reads as written."""
    out = []
    for c in node["children"]:
        if isinstance(c, str):
            out.append(c)
        elif not (c["tag"] in skip and "g-cite" in c["attrs"].get("class", "")):
            pad = "" if c["tag"] in INLINE else " "
            out.append(pad + text(c, skip) + pad)
    return " ".join("".join(out).split())


def classes(node) -> set[str]:
    return set(node["attrs"].get("class", "").split())


def find(node, cls):
    return [n for n in walk(node) if cls in classes(n)]


def card(html: str):
    return find(Tree(html).root, "g-outcome")[0]


@pytest.mark.parametrize("guide_id,flow,s", STATES, ids=IDS)
def test_every_card_starts_with_at_most_five_lines(guide_id, flow, s):
    c = card(step(guide_id, s.state)["html"])
    short = find(c, "g-short")
    assert len(short) == 1, "one 'Kort fortalt' box"
    lines = [n for n in walk(short[0]) if n["tag"] == "li"]
    assert 1 <= len(lines) <= 5
    assert text(lines[0]) == " ".join(s.node.summary.split()), "the first line is what to do"
    first_row = next((n for n in walk(c) if "g-row" in classes(n) or "g-profile" in classes(n)), None)
    assert first_row is not None
    order = [n for n in walk(c) if n is short[0] or n is first_row]
    assert order[0] is short[0], "'Kort fortalt' comes before the details"


SENTENCE = re.compile(r"(?<=[.!?])\s+")


@pytest.mark.parametrize("guide_id,flow,s", STATES, ids=IDS)
def test_no_sentence_is_repeated_on_a_card(guide_id, flow, s):
    c = card(step(guide_id, s.state)["html"])
    seen, repeated = set(), []
    # a pointer ("Se ovenfor: …", class g-see) is how a text is not repeated; it is not the text
    for item in [n for n in walk(c) if n["tag"] == "li" and "g-see" not in classes(n)]:
        own = {**item, "children": [x for x in item["children"] if not (isinstance(x, dict) and x["tag"] in ("ul", "ol"))]}
        for sentence in SENTENCE.split(text(own)):
            key = sentence.casefold().strip()
            if len(key) < 30:
                continue
            if key in seen:
                repeated.append(sentence)
            seen.add(key)
    assert not repeated, f"repeated on the card: {repeated}"


@pytest.mark.parametrize("guide_id,flow,s", STATES, ids=IDS)
def test_a_citation_place_shows_once_per_row(guide_id, flow, s):
    c = card(step(guide_id, s.state)["html"])
    for row in find(c, "g-row"):
        places = [text(n) for n in walk(row) if n["tag"] == "summary" and n in [d["children"][0] for d in find(row, "g-cite") if d["children"]]]
        assert len(places) == len(set(places)), f"{row['attrs'].get('data-row')}: {places}"


def test_every_meeting_outcome_has_the_whole_profile():
    checked = 0
    for guide_id, flow, s in STATES:
        meetings = [r.partition(":")[2] for row in s.node.card if row.key in ("moede", "forum") for r in row.refs if r.startswith("meetings:")]
        if not meetings:
            continue
        c = card(step(guide_id, s.state)["html"])
        profiles = {p["attrs"]["data-meeting"]: p for p in find(c, "g-profile")}
        assert set(profiles) == set(meetings), f"{guide_id}#{s.state}"
        for m, p in profiles.items():
            rows = {r["attrs"]["data-row"] for r in find(p, "g-row")}
            assert rows == {key for key, _, _ in PROFILE}, f"{guide_id}#{s.state} {m}: {rows}"
            for r in find(p, "g-row"):
                dd = [n for n in r["children"] if isinstance(n, dict) and n["tag"] == "dd"][0]
                assert text(dd), f"{guide_id}#{s.state} {m}: row {r['attrs']['data-row']} is empty"
        checked += 1
    assert checked > 0


def _lists_hold_only_items(html: str, where: str):
    for node in walk(Tree(html).root):
        if node["tag"] in ("ul", "ol"):
            bad = [c["tag"] for c in node["children"] if isinstance(c, dict) and c["tag"] not in ("li", "script", "template")]
            assert not bad, f"{where}: <{node['tag']}> holds {bad}"


def test_no_list_holds_anything_but_items():
    for guide_id, flow in registry.guides().items():
        for s in flow.walk():
            _lists_hold_only_items(step(guide_id, s.state)["html"], f"{guide_id}#{s.state}")
        from guides.web import guide_html

        _lists_hold_only_items(guide_html(flow, "x/guide/"), f"{guide_id} page")
    macros = _macros()
    for page in sorted(DOCS.rglob("*.md")):
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for call in re.findall(r"{{\s*((\w+)\(.*?\))\s*}}", line):
                if call[1] in macros and call[1] not in ("guide", "models_table", "guide_title"):
                    _lists_hold_only_items(str(eval(call[0], {}, macros)), f"{page.name}:{n}")


def test_every_page_and_related_guide_named_in_the_data_exists():
    from guides.web import pages

    docs_pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    holders = pages(DOCS)["guides"]
    problems = []
    for model in registry.models().values():
        for kind, spec in schema.COLLECTIONS.items():
            if "page" not in spec.fields:
                continue
            for e in model.all(kind):
                if e.get("page") and e["page"] not in docs_pages:
                    problems.append(f"{model.id}: {kind}.{e.id}.page: {e['page']!r} is not a page in docs/")
    guides = registry.guides()
    for flow in guides.values():
        if flow.page and flow.page not in docs_pages:
            problems.append(f"{flow.file}: guide.page: {flow.page!r} is not a page in docs/")
        if flow.page and holders.get(flow.id) != flow.page:
            problems.append(f"{flow.file}: guide.page: {flow.page!r}, but the guide is on {holders.get(flow.id)!r}")
        for o in flow.outcomes.values():
            for r in o.related:
                if r not in guides:
                    problems.append(f"{flow.file}: outcomes.{o.id}.related: no guide {r!r}")
    assert not problems, "\n".join(problems)


def test_links_between_pages_are_relative_site_urls():
    assert href("randers/guide.md", "randers/niveau-3.md") == "../niveau-3/"
    assert href("randers/guide.md", "randers/index.md") == "../"
    assert href("samarbejdsmodellen/guide-forum.md", "samarbejdsmodellen/guide-roller.md") == "../guide-roller/"
    assert href("index.md", "randers/guide.md") == "randers/guide/"
    assert href(None, "randers/guide.md") is None


def test_web_and_mail_addresses_become_links_and_the_rest_is_escaped():
    html = str(linkify("Skriv til underretning@randers.dk eller se www.randers.dk/underretning. <b>"))
    assert '<a href="mailto:underretning@randers.dk">underretning@randers.dk</a>' in html
    assert '<a href="https://www.randers.dk/underretning">www.randers.dk/underretning</a>.' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


# -- a small model: two municipalities, every rule kind, pages and a related guide --------------

MODEL = """
[model]
id = "kort"
title = "Testmodel"
municipality = "To kommuner"
doc = "002"
summary = "Til test."

[municipalities.assens]
name = "Assens"
cite = { section = "Assens", quote = "Assens" }

[municipalities.haderslev]
name = "Haderslev"
cite = { section = "Haderslev", quote = "Haderslev" }

[roles.leder]
name = "Lederen"
cite = { section = "Roller", quote = "Lederen" }

[rules.leder-indkalder]
kind = "rule"
text = "Lederen indkalder til mødet med det gule skema."
short = "Lederen, med det gule skema"
cite = { section = "Mødet", quote = "Lederen indkalder" }

[rules.farver-haderslev]
kind = "rule"
text = "Tal ikke om grøn, gul eller rød trivsel med forældrene."
municipality = "haderslev"
cite = { section = "Haderslev", quote = "Tal ikke om farverne" }

[rules.farver-assens]
kind = "rule"
text = "Tal åbent med forældrene om farverne i trivselsskemaet."
municipality = "assens"
cite = { section = "Assens", quote = "Tal åbent om farverne" }

[rules.referat-tavs]
kind = "silent"
text = "Kilden siger ikke, hvem der skriver referat."
cite = { section = "Mødet", quote = "Referat" }

[rules.samtykke-uklar]
kind = "ambiguity"
text = "Kilden siger to ting om samtykke."
cite = { section = "Mødet", quote = "Samtykke" }

[rules.underretning-andet]
kind = "external"
text = "Har man en begrundet bekymring, skal man underrette."
cite = { doc = "002", section = "Underretninger", quote = "begrundet bekymring" }

[rules.kontakt]
kind = "rule"
text = "Spørg på moede@kommune.dk eller www.kommune.dk/moeder."
cite = { section = "Mødet", quote = "Kontakt" }

[meetings.moedet]
name = "Trivselsmødet"
purpose = ["At tale om trivslen."]
convener = ["leder-indkalder"]
leader = ["leder-indkalder"]
minutes = ["referat-tavs"]
consent = ["samtykke-uklar"]
page = "kort/moedet.md"
cite = { section = "Mødet", quote = "Trivselsmødet" }

[participants.moedet]
title = "Trivselsmødet"
meeting = "moedet"
groups = [{ takes_part = "condition", roles = ["leder"], wording = "som hovedregel" }]
cite = { section = "Mødet", quote = "deltager" }
"""

GUIDE = """
[guide]
id = "kort-guide"
title = "Test"
intro = "Intro."
start = "kommune"
page = "kort/guide.md"

[questions.kommune]
text = "Hvilken kommune arbejder du i?"
scope = "municipality"
options = [{ id = "assens", label = "Assens" }, { id = "haderslev", label = "Haderslev" }, { id = "anden", label = "En anden kommune" }]

[outcomes.svar]
title = "Hold et trivselsmøde"
summary = "Hold et trivselsmøde med forældrene."
related = ["kort-andet"]
[outcomes.svar.card]
moede = ["meetings:moedet"]
praksis = ["rules:farver-haderslev", "rules:farver-assens"]
underretning = ["rules:underretning-andet"]
kontakt = ["rules:kontakt"]
"""

OTHER = """
[guide]
id = "kort-andet"
title = "Den anden guide"
intro = "Intro."
start = "q"
page = "kort/andet.md"

[questions.q]
text = "Spørgsmål?"
options = [{ id = "a", label = "A" }, { id = "b", label = "B" }]

[outcomes.o]
title = "Svar"
summary = "Et svar."
card = { naeste = ["rules:leder-indkalder"] }
"""

ROUTES = '''
from guides.engine import Flow

flow = Flow(__package__, "{name}.toml")


@flow.route("{question}")
def route(answer, ctx):
    return ctx.outcome("{outcome}")
'''


@pytest.fixture(scope="module")
def small():
    loaded = load_texts({
        "model.toml": MODEL,
        "guide.toml": GUIDE, "guide.py": ROUTES.format(name="guide", question="kommune", outcome="svar"),
        "andet.toml": OTHER, "andet.py": ROUTES.format(name="andet", question="q", outcome="o"),
    }, shown="kort")
    return loaded.guides["kort-guide"]


def small_card(flow, answer):
    from guides.html import step_html

    return card(step_html(flow, flow.resolve(f"kommune={answer}")))


def main_text(c) -> str:
    """The card without its folded part about the other municipalities."""
    return text({**c, "children": [x for x in c["children"] if not (isinstance(x, dict) and "g-others" in classes(x))]})


def test_a_practice_of_one_municipality_never_stands_in_the_main_part_for_another(small):
    haderslev, assens = "Tal ikke om grøn, gul eller rød trivsel", "Tal åbent med forældrene om farverne"
    c = small_card(small, "assens")
    assert assens in main_text(c) and haderslev not in main_text(c)
    others = find(c, "g-others")
    assert len(others) == 1 and others[0]["tag"] == "details"
    assert "Sådan gør de andre kommuner" in text(others[0])
    other = find(others[0], "g-other")
    assert [o["attrs"]["data-municipality"] for o in other] == ["Haderslev"] and haderslev in text(other[0])
    c = small_card(small, "haderslev")
    assert haderslev in main_text(c) and assens not in main_text(c) and assens in text(find(c, "g-others")[0])
    c = small_card(small, "anden")
    assert haderslev not in main_text(c) and assens not in main_text(c)
    folded = find(c, "g-others")[0]
    assert "Sådan gør kommunerne i kilden" in text(folded)
    assert {o["attrs"]["data-municipality"] for o in find(folded, "g-other")} == {"Assens", "Haderslev"}


def test_rule_kinds_are_labelled(small):
    c = small_card(small, "assens")
    profile = {r["attrs"]["data-row"]: r for r in find(c, "g-row")}
    assert "Ikke nævnt i kilden: Kilden siger ikke, hvem der skriver referat." in text(profile["minutes"])
    html = small_html(small)
    assert "Kilden er uklar:</span> Kilden siger to ting om samtykke." in html
    quote = find(c, "g-external")
    assert len(quote) == 1 and quote[0]["tag"] == "blockquote"
    assert "Fra et andet dokument – Opsporingsmodellen (002): Opsporingsmodellen – idékatalog, december 2012" in text(quote[0])
    assert "Ikke nævnt i kilden" in text(profile["agenda"]), "an empty field of the meeting says so"
    # the wording is shown as a label with a capital first letter (1279d6e), never "Fast"
    assert "Som hovedregel: Lederen." in text(profile["participants"]), "the source's own qualifier, never 'Fast'"


def small_html(flow):
    from guides.html import step_html

    return str(step_html(flow, flow.resolve("kommune=assens")))


def test_a_card_links_on_and_makes_addresses_links(small):
    html = small_html(small)
    assert '<a href="../moedet/">Trivselsmødet</a>' in html, "the meeting's page, relative to the guide's"
    assert '<a href="../andet/">Den anden guide</a>' in html, "the related guide"
    assert '<a href="mailto:moede@kommune.dk">' in html and '<a href="https://www.kommune.dk/moeder">' in html
    c = small_card(small, "assens")
    short = text(find(c, "g-short")[0])
    assert "Indkalder: Lederen, med det gule skema" in short, "a rule's short words in 'Kort fortalt'"
    assert "Lederen indkalder til mødet med det gule skema." in main_text(c), "its whole text in the details"
