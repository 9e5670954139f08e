"""The guides in Chromium, as a reader uses them (phone 390x844 and desktop 1280x800)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from guides import assets, registry
from guides.engine import Outcome

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
GUIDE = "randers/guide/"
# A path through the Randers guide: one child in daycare, a level-3 meeting held, still a need.
PATH = [("vold", "nej"), ("hvor", "dagtilbud"), ("hvem", "et-barn"), ("sag", "nej"),
        ("niveau", "niveau-3"), ("udvikling-3", "fortsat")]


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def page(request, browser, site_url):
    context = browser.new_context(viewport=request.param, service_workers="block")
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.base = site_url
    yield page
    context.close()
    assert not page.errors, f"JavaScript errors: {page.errors}"


def question(page):
    return page.locator(".g-live form.g-form")


def at(page, qid):
    """Wait until the guide shows question `qid` (answers render asynchronously)."""
    page.wait_for_selector(f".g-live form.g-form[data-question='{qid}']", timeout=10000)
    return True


def at_outcome(page, oid):
    page.wait_for_selector(f".g-live .g-outcome[data-outcome='{oid}']", timeout=10000)
    return page.locator(".g-live .g-outcome")


def answer(page, qid, oid):
    at(page, qid)
    form = question(page)
    form.locator(f"input[value='{oid}']").check()
    form.locator("button.g-continue").click()


def walk(page, path):
    for qid, oid in path:
        answer(page, qid, oid)


def test_walk_to_outcome(page):
    page.goto(page.base + GUIDE)
    walk(page, PATH)
    outcome = at_outcome(page, "niveau-3-dagtilbud-samtykke")
    assert "husk forældrenes samtykke" in outcome.locator(".g-title").inner_text()
    assert "Husk forældrenes samtykke, når der holdes mere end ét møde på niveau 3." in outcome.inner_text()
    assert urlparse(page.url).fragment == "&".join(f"{q}={o}" for q, o in PATH)
    # The question heading and the outcome cite their source.
    assert outcome.locator("details.g-cite summary").first.inner_text().startswith("Kilde: Randers (001)")


def test_back_link_and_browser_history(page):
    page.goto(page.base + GUIDE)
    walk(page, PATH[:3])
    assert at(page, "sag")
    page.locator(".g-live a.g-back").click()
    assert at(page, "hvem")
    assert question(page).locator("input[value='et-barn']").is_checked(), "the earlier answer is kept"
    page.go_back()
    assert at(page, "sag")
    page.go_back()
    page.go_back()
    assert at(page, "hvor")
    page.go_forward()
    assert at(page, "hvem")


def test_change_an_answer_from_your_answers(page):
    page.goto(page.base + GUIDE)
    walk(page, PATH)
    page.locator(".g-your-answers a[data-change='hvem']").click()
    assert at(page, "hvem")
    assert urlparse(page.url).fragment == "vold=nej&hvor=dagtilbud"
    answer(page, "hvem", "gruppe")
    assert at(page, "gruppe-indsats")


def test_shared_link_restores_the_outcome(page):
    fragment = "&".join(f"{q}={o}" for q, o in PATH)
    page.goto(page.base + GUIDE + "#" + fragment)
    at_outcome(page, "niveau-3-dagtilbud-samtykke")
    page.reload()
    at_outcome(page, "niveau-3-dagtilbud-samtykke")


def test_no_choice_shows_an_error(page):
    page.goto(page.base + GUIDE)
    question(page).locator("button.g-continue").click()
    assert page.locator(".g-live .g-error").is_visible()
    assert at(page, "vold")


@pytest.mark.parametrize("fragment", ["vold=maaske", "hvem=et-barn", "vold=nej&hvem=et-barn&sag=ja&x=y", "%%%"])
def test_tampered_link_gets_a_plain_message(browser, site_url, fragment):
    page = browser.new_page(viewport=PHONE)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + GUIDE + "#" + fragment)
    page.wait_for_selector(".g-live .g-bad-link")
    bad = page.locator(".g-live .g-bad-link")
    assert "Linket passer ikke til guiden" in bad.inner_text()
    assert "Traceback" not in page.content()
    bad.locator("a.g-restart").click()
    assert at(page, "vold")
    assert not errors
    page.close()


def test_the_python_engine_answers_in_the_browser(page):
    page.goto(page.base + GUIDE)
    page.wait_for_function("window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)", timeout=60000)
    assert "failed" not in page.evaluate("window.__guideEngine")
    walk(page, PATH[:3])
    assert at(page, "sag")
    assert page.locator(".g-live").get_attribute("data-source") == "pyodide"
    # A tampered link answered by Python names what does not fit.
    page.goto(page.base + GUIDE + "#vold=maaske")
    page.wait_for_function("window.__guideEngine && window.__guideEngine.readyMs", timeout=60000)
    page.evaluate("history.pushState(null, '', '#vold=maaske&x=1'); dispatchEvent(new PopStateEvent('popstate'))")
    page.wait_for_selector(".g-live[data-source='pyodide'] .g-bad-link")
    assert "'maaske' er ikke et af svarene" in page.locator(".g-live .g-bad-link").inner_text()


def test_a_later_visit_restores_python_from_a_snapshot(page):
    ready = "window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)"
    page.goto(page.base + GUIDE)
    page.wait_for_function(ready, timeout=60000)
    assert page.evaluate("window.__guideEngine.start") == "boot"
    # The snapshot is saved in the background; wait until Cache Storage holds it.
    for _ in range(60):
        if page.evaluate("async () => (await (await caches.open('" + assets.SNAPSHOT_CACHE + "')).keys()).length") == 1:
            break
        page.wait_for_timeout(500)
    page.reload()
    page.wait_for_function(ready, timeout=60000)
    assert page.evaluate("window.__guideEngine.start") == "snapshot"
    walk(page, PATH[:3])
    assert at(page, "sag")
    assert page.locator(".g-live").get_attribute("data-source") == "pyodide"


def test_without_javascript_the_guide_is_walked_step_by_step(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + GUIDE)
    flow = registry.guide("randers-niveau")
    assert page.locator(".g-live").is_hidden()
    assert page.locator("details.g-all").get_attribute("open") is not None
    fallback = page.locator(".g-fallback")
    assert "kræver JavaScript" in fallback.locator(".g-fallback-intro").inner_text()
    # One block per reachable question step and one per outcome, each with an id; one shown at a time.
    steps = list(flow.walk())
    questions = sum(1 for s in steps if s.node.id in flow.questions)
    assert fallback.locator(".g-node[id]").count() == questions + len({s.node.id for s in flow.paths()})
    visible = lambda: [n.get_attribute("data-state") for n in fallback.locator(".g-node").all() if n.is_visible()]  # noqa: E731
    assert visible() == [""], "the first question shows"
    for i, (qid, oid) in enumerate(PATH):
        label = flow.questions[qid].option(oid).label
        fallback.locator(".g-node:visible a.g-choice", has_text=label).first.click()
        if i < len(PATH) - 1:
            assert visible() == ["&".join(f"{q}={o}" for q, o in PATH[: i + 1])]
    assert len(visible()) == 1, "one block at a time"
    outcome = fallback.locator(".g-node:visible .g-outcome")
    assert outcome.get_attribute("data-outcome") == "niveau-3-dagtilbud-samtykke"
    assert "Kort fortalt" in outcome.inner_text()
    fallback.locator(".g-node:visible a.g-restart").click()
    assert visible() == [""]
    context.close()


def test_instant_navigation_away_and_back(page):
    page.goto(page.base + GUIDE)
    answer(page, "vold", "nej")
    page.locator(".md-content a[href$='/randers/']").first.click()
    page.wait_for_url("**/randers/")
    assert page.evaluate("typeof document$") == "object"  # instant navigation is on
    page.locator(".md-content a[href$='/randers/guide/']").first.click()
    page.wait_for_url("**/randers/guide/")
    assert at(page, "vold")
    answer(page, "vold", "nej")
    assert at(page, "hvor")


def test_printing(browser, site_url):
    """An outcome prints as that answer; a question page prints the question, not every path
    (tests/test_print.py checks the PDF: one A4 page and what it holds)."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + GUIDE + "#" + "&".join(f"{q}={o}" for q, o in PATH))
    at_outcome(page, "niveau-3-dagtilbud-samtykke")
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator(".g-live .g-outcome").is_visible()
    assert page.locator(".g-all-wrap").is_hidden()
    page.emulate_media(media="screen")
    page.goto(site_url + GUIDE)
    page.evaluate("dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator(".g-live form.g-form").is_visible()  # a question page prints the question
    assert page.locator(".g-fallback").is_hidden()            # not every path
    page.close()


@pytest.mark.parametrize("fragment", ["constructor", "toString", "__proto__", "%20vold=nej", "vold=nej%20", "##vold=nej"])
def test_odd_links_get_the_same_verdict_before_python(browser, site_url, fragment):
    """Before Python is ready (save-data: never), the table answers only its own states."""
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    page = context.new_page()
    page.goto(site_url + GUIDE + "#" + fragment)
    if fragment == "##vold=nej":  # leading "#" are dropped by both, as guides.engine.decode does
        assert at(page, registry.guide("randers-niveau").resolve("vold=nej").node.id)
    else:
        page.wait_for_selector(".g-live .g-bad-link")
        assert "undefined" not in page.locator(".g-live").inner_text()
        page.locator(".g-live a.g-restart").click()
        assert at(page, "vold")
    context.close()


def test_no_request_leaves_localhost(page):
    page.goto(page.base + GUIDE)
    page.wait_for_function("window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)", timeout=60000)
    walk(page, PATH)
    page.goto(page.base)
    hosts = {urlparse(u).hostname for u in page.requests if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
    assert any(u.endswith(".wasm") for u in page.requests), "the guide page loads Pyodide"


def test_pyodide_only_on_guide_pages(browser, site_url):
    page = browser.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(site_url + "randers/niveau-3/")
    page.wait_for_timeout(500)
    assert not [u for u in seen if "pyodide" in u], "a page without a guide must not load Pyodide"
    page.close()


def test_save_data_skips_pyodide_and_still_answers(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    page = context.new_page()
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(site_url + GUIDE)
    walk(page, PATH)
    at_outcome(page, "niveau-3-dagtilbud-samtykke")
    assert page.locator(".g-live").get_attribute("data-source") == "table"
    assert not [u for u in seen if "pyodide" in u]
    context.close()


def _first_path(flow):
    step = flow.resolve([])
    pairs = []
    while not isinstance(step.node, Outcome):
        pairs.append((step.node.id, step.node.options[-1].id))
        step = flow.resolve(pairs)
    return pairs, step.node.id


@pytest.mark.parametrize("guide_id", sorted(registry.guides()))
def test_every_guide_walks_to_an_outcome_on_a_phone(browser, site_url, built_site, guide_id):
    """For each guide: find its page, follow the last option of every question to an outcome."""
    flow = registry.guide(guide_id)
    pages = [p for p in built_site.rglob("index.html") if f'data-guide="{guide_id}"' in p.read_text(encoding="utf-8")]
    assert pages, f"no page shows guide {guide_id}"
    url = site_url + str(pages[0].parent.relative_to(built_site)).replace("\\", "/") + "/"
    page = browser.new_page(viewport=PHONE)
    page.goto(url)
    pairs, outcome = _first_path(flow)
    walk(page, pairs)
    at_outcome(page, outcome)
    page.close()


def test_a_worker_script_that_cannot_load_is_named_in_one_console_line(browser, site_url):
    """The engine's own worker missing from the server: the page says so once and keeps answering."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.route("**/guide-worker.js", lambda route: route.fulfill(status=404, body="not found"))
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(site_url + GUIDE)
    page.wait_for_function("window.__guideEngine && window.__guideEngine.failed", timeout=30000)
    assert "guide-worker.js" in page.evaluate("window.__guideEngine.failed")
    lines = [m for m in console if "guide engine failed to start" in m]
    assert len(lines) == 1 and "\n" not in lines[0], console
    answer(page, "vold", "nej")
    assert at(page, registry.guide("randers-niveau").resolve("vold=nej").node.id)
    assert page.locator(".g-live").get_attribute("data-source") == "table"
    context.close()


def test_the_guide_does_not_wait_for_the_theme(browser, site_url):
    """guide.js runs async from the head and mounts a guide as soon as it is parsed: the first
    question is usable even when the theme's bundle (which runs only at the end of the page) never loads."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + GUIDE)
    head = page.evaluate("[...document.head.querySelectorAll('script[type=module][async]')].map((s) => s.src)")
    assert any(src.endswith("/assets/js/guide.js") for src in head), head
    answer(page, "vold", "nej")
    assert at(page, registry.guide("randers-niveau").resolve("vold=nej").node.id)
    context.close()
