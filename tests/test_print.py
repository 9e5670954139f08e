"""Printing, with Chromium's PDF output: an answer is a one-page A4 handout, a question prints itself.

A handout holds the answer's title, its summary ("Kort fortalt" where the card has one), the
reader's answers, the card, the page's address, the date printed, and the handbook's name and
version. A question page prints the question, not every path. Pages are counted in the PDF.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from guides import registry
from guides.engine import Outcome
from tests.test_a11y import guide_page

A4 = {"width": 794, "height": 1123}
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true}})"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def print_now(page) -> bytes:
    """What a browser does on Ctrl+P: 'beforeprint', then print media; then 'afterprint'."""
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return pdf


def printed_text(page) -> str:
    """The text on paper (Chromium sends 'afterprint' once the PDF is made, so print again)."""
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    text = page.locator("body").inner_text()
    return text


@pytest.fixture(scope="module")
def paper(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    yield page
    context.close()


def one_state_per_outcome(flow):
    seen = {}
    for step in flow.paths():
        seen.setdefault(step.node.id, step)
    return list(seen.values())


@pytest.mark.parametrize("guide_id", sorted(registry.guides()))
def test_every_answer_prints_on_one_a4_page(paper, site_url, built_site, guide_id):
    flow = registry.guide(guide_id)
    url = site_url + guide_page(built_site, guide_id)
    too_long = []
    for step in one_state_per_outcome(flow):
        paper.emulate_media(media="null")  # no emulation: page.pdf prints with print media
        paper.goto(url + "#" + step.state)
        paper.wait_for_selector(f".g-live .g-outcome[data-outcome='{step.node.id}']")
        pages = pdf_pages(print_now(paper))
        if pages != 1:
            too_long.append((step.node.id, pages))
        paper.evaluate("dispatchEvent(new Event('afterprint'))")
    assert not too_long, f"{guide_id}: answers printing on more than one A4 page: {too_long}"


def test_a_handout_holds_what_a_reader_needs(paper, site_url, built_site):
    flow = registry.guide("randers-niveau")
    step = max(one_state_per_outcome(flow), key=lambda s: len(s.answers))
    assert isinstance(step.node, Outcome)
    url = site_url + guide_page(built_site, flow.id) + "#" + step.state
    paper.emulate_media(media="null")  # no emulation: page.pdf prints with print media
    paper.goto(url)
    paper.wait_for_selector(f".g-live .g-outcome[data-outcome='{step.node.id}']")
    pdf = print_now(paper)
    assert pdf_pages(pdf) == 1
    text = printed_text(paper)
    version = paper.locator(".g-guide").get_attribute("data-version")
    printed_on = paper.evaluate("new Date().toLocaleDateString(document.documentElement.lang, {dateStyle: 'long'})")
    assert step.node.title in text and step.node.summary[:60] in text
    for q, o in step.answers:  # the reader's answers
        assert q.text in text and o.label in text
    labels = [paper.locator(".g-live .g-card dt").nth(i).inner_text() for i in range(2)]
    assert all(label in text for label in labels), "the card"
    assert "Samarbejdshåndbogen" in text and version in text
    assert paper.url in text.replace("\n", ""), "the page's address, with the answers"
    assert printed_on in text and str(date.today().year) in printed_on
    # Order on paper: the answer, then the reader's answers, then the card.
    tops = [paper.locator(f".g-live {sel}").first.bounding_box()["y"] for sel in (".g-title", ".g-summary", ".g-your-answers", ".g-card")]
    assert tops == sorted(tops), f"on paper: title, summary, answers, card (tops {tops})"
    # Not on paper: the site's navigation and the buttons.
    for hidden in (".md-header", ".md-sidebar--primary", ".g-live a.g-restart", ".g-all-wrap"):
        assert paper.locator(hidden).first.is_hidden(), hidden
    paper.evaluate("dispatchEvent(new Event('afterprint'))")
    paper.emulate_media(media="null")  # no emulation: page.pdf prints with print media


def test_a_question_page_prints_the_question_not_every_path(paper, site_url, built_site):
    flow = registry.guide("randers-niveau")
    paper.emulate_media(media="null")  # no emulation: page.pdf prints with print media
    paper.goto(site_url + guide_page(built_site, flow.id))
    paper.wait_for_selector(".g-guide.g-js")
    pdf = print_now(paper)
    assert pdf_pages(pdf) == 1
    text = printed_text(paper)
    start = flow.question(flow.start)
    assert start.text in text and all(o.label in text for o in start.options)
    assert paper.locator(".g-fallback").is_hidden()
    assert "Samarbejdshåndbogen" in text
    paper.evaluate("dispatchEvent(new Event('afterprint'))")
    paper.emulate_media(media="null")  # no emulation: page.pdf prints with print media


def test_without_javascript_the_print_is_every_path(browser, site_url, built_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + guide_page(built_site, "randers-niveau"))
    page.emulate_media(media="print")
    nodes = page.locator(".g-fallback .g-node")
    assert nodes.count() > 20 and all(nodes.nth(i).is_visible() for i in range(0, nodes.count(), 7)), "every step prints"
    assert page.locator(".g-live").is_hidden()
    context.close()
