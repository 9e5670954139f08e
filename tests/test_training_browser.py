"""Undervisning in Chromium: exercise mode on a phone, projector mode by keyboard, and print.

Lean on purpose: one browser (the session fixture), a few pages.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from guides import registry
from guides.training import dilemmas, exercises, render

PHONE = {"width": 390, "height": 844}
FULL_HD = {"width": 1920, "height": 1080}
HD = {"width": 1280, "height": 720}
MODEL = "randers"


def _page(browser, site_url, viewport):
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    page.base = site_url
    return context, page


@pytest.fixture
def phone(browser, site_url):
    context, page = _page(browser, site_url, PHONE)
    yield page
    context.close()
    assert not page.errors, f"JavaScript errors: {page.errors}"


def visible_case(page):
    return page.locator("section.t-case:not([hidden])")


def test_exercise_right_wrong_reveal_reload_reset(phone):
    page = phone
    page.goto(page.base + f"undervisning/{MODEL}/oevelser/")
    page.wait_for_selector(".t-exercises.t-js")
    cases = exercises.exercises(MODEL)
    assert page.locator("section.t-case:not([hidden])").count() == 1, "one case per screen"
    first = cases[0]
    case = visible_case(page)
    assert case.get_attribute("data-case") == first.case.id
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling on a phone"

    # The first question answered right, the second wrong (the right answers come from the engine).
    right_key, wrong_key = first.asks[0].key, first.asks[1].key
    right_opt = first.asks[0].answer.id
    wrong_opt = next(o.id for o in first.asks[1].options if not o.correct)
    case.locator(f"label[for='t-{first.case.id}-{right_opt}']").click()
    case.locator(f"label[for='t-{first.case.id}-{wrong_opt}']").click()
    summary = case.locator("details.t-reveal > summary")
    assert summary.bounding_box()["height"] >= 44
    summary.click()
    assert case.locator(f"fieldset[data-key='{right_key}']").get_attribute("data-result") == "right"
    assert case.locator(f"fieldset[data-key='{wrong_key}']").get_attribute("data-result") == "wrong"
    assert "t-right" in case.locator(f"#t-{first.case.id}-{right_opt}").locator("..").get_attribute("class")
    assert "t-wrong" in case.locator(f"#t-{first.case.id}-{wrong_opt}").locator("..").get_attribute("class")
    correct_other = first.asks[1].answer.id
    assert "t-correct" in case.locator(f"#t-{first.case.id}-{correct_other}").locator("..").get_attribute("class")
    # The reveal is the guide's own answer card, with its citations, and links to the guide at that path.
    card = case.locator(".t-guide-answer .g-outcome")
    assert card.is_visible() and card.get_attribute("data-outcome") == first.case.outcome
    assert card.locator("details.g-cite").count() >= 1
    link = case.locator("a.t-guide-link")
    assert urlparse(link.get_attribute("href")).fragment == first.case.path
    assert "1" in page.locator(".t-progress").inner_text()

    # On to the next case; a reload keeps the place, the answers and the reveal.
    case.locator("button.t-next").click()
    assert visible_case(page).get_attribute("data-case") == cases[1].case.id
    page.reload()
    page.wait_for_selector(".t-exercises.t-js")
    assert visible_case(page).get_attribute("data-case") == cases[1].case.id
    visible_case(page).locator("button.t-prev").click()
    case = visible_case(page)
    assert case.locator(f"#t-{first.case.id}-{right_opt}").is_checked()
    assert case.locator(f"#t-{first.case.id}-{wrong_opt}").is_checked()
    assert case.locator("details.t-reveal").evaluate("d => d.open")
    assert case.locator(f"fieldset[data-key='{wrong_key}']").get_attribute("data-result") == "wrong"

    # Nulstil clears everything kept on the device.
    reset = page.locator("button.t-reset")
    assert reset.bounding_box()["height"] >= 44
    reset.click()
    store = page.locator(".t-exercises").get_attribute("data-store")
    assert page.evaluate("k => localStorage.getItem(k)", store) in (None, '{"current":0,"answers":{},"revealed":{}}')
    case = visible_case(page)
    assert case.get_attribute("data-case") == first.case.id
    assert page.locator(".t-exercises input:checked").count() == 0
    assert not case.locator("details.t-reveal").evaluate("d => d.open")
    page.reload()
    page.wait_for_selector(".t-exercises.t-js")
    assert page.locator(".t-exercises input:checked").count() == 0
    assert all(urlparse(u).hostname == "127.0.0.1" for u in page.requests), "no request to another host"
    assert not any("pyodide" in u for u in page.requests), "exercise pages need no Pyodide"


def test_projector_keyboard_walk_at_1920(browser, site_url):
    context, page = _page(browser, site_url, FULL_HD)
    try:
        page.goto(site_url + f"undervisning/{MODEL}/projektor/")
        page.wait_for_selector(".t-deck.t-js", state="attached")
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector(".t-deck.t-js", state="attached")
        slides = page.locator("section.t-slide")
        shown = page.locator("section.t-slide:not([hidden])")
        n_cases = len(exercises.cases(MODEL))
        assert slides.count() == n_cases + len(dilemmas.dilemmas(registry.model(MODEL)))
        assert shown.count() == 1
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible(), "no chrome"
        size = float(shown.locator(".t-situation").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 40, f"large type at 1920x1080 ({size}px)"

        def index():
            return page.evaluate("[...document.querySelectorAll('section.t-slide')].findIndex(s => !s.hidden)")

        assert index() == 0
        page.keyboard.press("ArrowRight")
        assert index() == 1
        page.keyboard.press(" ")
        assert index() == 2
        page.keyboard.press("ArrowLeft")
        assert index() == 1
        # V reveals the same answer card as the guide.
        second = exercises.cases(MODEL)[1]
        page.keyboard.press("v")
        card = shown.locator(".t-guide-answer .g-outcome")
        assert card.is_visible() and card.get_attribute("data-outcome") == second.outcome
        assert card.locator(".g-card").count() == 1
        # To the dilemmas and back.
        for _ in range(n_cases):
            page.keyboard.press("ArrowRight")
        assert shown.get_attribute("data-kind") == "dilemma"
        left_at = index()
        page.keyboard.press("Escape")
        page.wait_for_url(re.compile(rf"/undervisning/{MODEL}/$"))
        assert page.locator(".md-header").is_visible(), "leaving the projector brings the site back"
        # 1280x720: still large type.
        # The projector reopens where it was left (the last dilemma card).
        page.goto(site_url + f"undervisning/{MODEL}/projektor/")
        page.wait_for_selector(".t-deck.t-js", state="attached")
        assert index() == left_at and shown.get_attribute("data-kind") == "dilemma"
        # 1280x720, from the first case: still large type.
        page.evaluate("localStorage.clear()")
        page.set_viewport_size(HD)
        page.reload()
        page.wait_for_selector(".t-deck.t-js", state="attached")
        assert index() == 0
        size = float(shown.locator("h2").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 40, f"headline at 1280x720 ({size}px)"
        size = float(shown.locator(".t-situation").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert size >= 28, f"situation at 1280x720 ({size}px)"
        assert not page.errors, page.errors
    finally:
        context.close()


def _pdf_pages(pdf: bytes) -> int:
    """The page count of the PDF's page tree (its /Pages dictionary)."""
    tree = re.search(rb"<<[^>]*/Type\s*/Pages\b[^>]*>>", pdf)
    assert tree, "no page tree in the PDF"
    return int(re.search(rb"/Count\s+(\d+)", tree.group(0)).group(1))


def test_print_handout_one_a4_page_and_flowcharts_legible(browser, site_url):
    context, page = _page(browser, site_url, {"width": 1280, "height": 800})
    try:
        for model_id in registry.models():
            page.goto(site_url + f"undervisning/{model_id}/paa-en-side/")
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
            assert _pdf_pages(pdf) == 1, f"{model_id}: the handout must be exactly one A4 page, got {_pdf_pages(pdf)}"
        # (page.pdf prints with print CSS unless screen is emulated, so the sizes are measured after.)
        page.emulate_media(media="print")
        for model_id in registry.models():
            page.goto(site_url + f"undervisning/{model_id}/paa-en-side/")
            size = page.locator(".t-handout").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            assert size >= 7 * 96 / 72 - 0.1, f"{model_id}: handout type {size}px is below 7 pt"
        # The biggest flowchart: 9 pt on A4 portrait, nothing wider than the page.
        biggest = max(registry.guides().values(), key=lambda f: len(list(f.walk())))
        page.goto(site_url + render.model_url(biggest.model.id, "charts"))
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 718, "height": 1047})  # A4 minus 10 mm margins, at 96 dpi
        tree = page.locator(f".t-chart[data-guide='{biggest.id}'] .t-tree")
        assert tree.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") == pytest.approx(12, abs=0.1)  # 9 pt
        assert tree.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "the flowchart must fit the width of A4"
        smallest = tree.evaluate(
            "e => Math.min(...[...e.querySelectorAll('.t-node, .t-option-label, .t-tag')].map(x => parseFloat(getComputedStyle(x).fontSize)))")
        assert smallest >= 10, f"smallest text in the flowchart {smallest}px (< 7.5 pt)"
        pdf = page.pdf(format="A4", print_background=True)
        assert _pdf_pages(pdf) >= 1
    finally:
        context.close()


def test_every_link_of_the_section_leads_to_a_page(built_site):
    """The templates write relative links (mkdocs does not check links in HTML): each must resolve."""
    from urllib.parse import unquote

    pages = sorted((built_site / "undervisning").rglob("index.html"))
    assert len(pages) == 3 + 8 * len(registry.models())  # the section, side by side, the workshop; 8 per model
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        body = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
        for href in re.findall(r'href="([^"#:]*)(?:#[^"]*)?"', body):
            if not href:
                continue
            target = (page.parent / unquote(href)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(built_site)}: broken link {href}"
            checked += 1
    assert checked > 100
