"""WCAG 2.1 A/AA with axe-core (npm, pinned; injected from node_modules, no network), and the keyboard.

axe runs on every page of the built site and on every guide at its start, after one and after two
answers and on every outcome, on a phone (390x844) and a desktop (1280x800), in the light and the
dark colour scheme. One browser; one page per width and scheme, reused; guide states are reached
by changing the URL fragment, as a shared link or the back button does. Pyodide is not started
(save-data): the precomputed answers are the same HTML (tests/test_pyodide.py checks that).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guides import api, registry
from guides.engine import Outcome, Question

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = ["light", "dark"]
COMBOS = [(v, s) for v in VIEWPORTS for s in SCHEMES]

RUN_AXE = """async ([include, tags]) => {
  const result = await axe.run(include ? { include: [include] } : document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false,
  });
  return result.violations.map((v) => ({
    id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${(n.failureSummary || "").split("\\n").slice(1, 2).join("")}`),
  }));
}"""


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root ('' for the home page)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def guide_page(site: Path, guide_id: str) -> str:
    for rel in site_pages(site):
        if f'data-guide="{guide_id}"' in (site / rel / "index.html").read_text(encoding="utf-8"):
            return rel
    raise AssertionError(f"no page shows guide {guide_id}")


def audited_states(guide_id: str) -> list[tuple[str, str]]:
    """(fragment, node id): the start, every state after one and after two answers, and one
    state for every outcome, from the precomputed answers the site serves."""
    states = api.all_states(guide_id)["states"]
    chosen: dict[str, str] = {}
    outcomes: set[str] = set()
    for fragment, res in states.items():
        depth = fragment.count("&") + 1 if fragment else 0
        if depth <= 2:
            chosen[fragment] = res["node"]
        if res["kind"] == "outcome" and res["node"] not in outcomes:
            outcomes.add(res["node"])
            chosen[fragment] = res["node"]
    assert outcomes == set(registry.guide(guide_id).outcomes), "every outcome is audited"
    return list(chosen.items())


def violations_text(violations) -> str:
    return "\n".join(f"  {v['id']} ({v['help']}): " + " | ".join(v["nodes"]) for v in violations)


@pytest.fixture(scope="module", params=COMBOS, ids=[f"{v}-{s}" for v, s in COMBOS])
def audit(request, browser, built_site):
    viewport, scheme = request.param
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, service_workers="block")
    context.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    # Material's search builds its index in a worker on every page load; nothing audited needs it
    # (the dialog is audited as the page holds it), and on a busy machine it triples the time.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    empty = {**index, "docs": []}
    context.route("**/search/search_index.json", lambda route: route.fulfill(json=empty))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, scheme
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def open_page(page, url: str, scheme: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected, "the colour scheme follows the system"
    page.add_script_tag(path=str(AXE))


def test_every_page(audit, site_url, built_site):
    page, scheme = audit
    failures = []
    pages = site_pages(built_site)
    for rel in pages:
        open_page(page, site_url + rel, scheme)
        if found := page.evaluate(RUN_AXE, [None, TAGS]):
            failures.append(f"/{rel}\n{violations_text(found)}")
    assert len(pages) > 40
    assert not failures, f"axe found WCAG 2.1 A/AA violations on {len(failures)} of {len(pages)} pages:\n" + "\n".join(failures)


@pytest.mark.parametrize("guide_id", sorted(registry.guides()))
def test_every_guide_state(audit, site_url, built_site, guide_id):
    page, scheme = audit
    open_page(page, site_url + guide_page(built_site, guide_id), scheme)
    page.wait_for_selector(".g-guide.g-js")
    failures = []
    for fragment, node in audited_states(guide_id):  # the start first: the page as loaded
        if fragment:
            page.evaluate("() => document.querySelector('.g-live .g-step').dataset.stale = '1'")
            page.evaluate("f => { location.hash = f }", fragment)
        page.wait_for_selector(f".g-live .g-step:not([data-stale])[data-node='{node}']", timeout=10000)
        # The live step (the page around it is audited by test_every_page; the fallback is hidden here).
        if found := page.evaluate(RUN_AXE, [".g-live", TAGS]):
            failures.append(f"#{fragment}\n{violations_text(found)}")
    assert not failures, f"{guide_id}: WCAG 2.1 A/AA violations in {len(failures)} states:\n" + "\n".join(failures)


def test_error_message_is_tied_to_its_question(browser, site_url, built_site):
    """As GOV.UK's radios: the message is announced, named by the fieldset, and in AA contrast."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(site_url + guide_page(built_site, "randers-niveau"))
    page.locator(".g-live button.g-continue").click()
    error = page.locator(".g-live .g-error")
    assert error.is_visible()
    error_id = error.get_attribute("id")
    assert error_id and error_id in page.locator(".g-live fieldset").get_attribute("aria-describedby").split()
    assert page.evaluate("document.activeElement.name") == "svar", "focus goes to the options"
    page.add_script_tag(path=str(AXE))
    assert not page.evaluate(RUN_AXE, [".g-live", TAGS])
    page.close()


def test_only_a_small_status_line_is_live(browser, site_url, built_site):
    """The guide box is not a live region; a shared link's answer is announced by its title alone."""
    flow = registry.guide("randers-niveau")
    outcome = next(s for s in flow.walk() if isinstance(s.node, Outcome))
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(site_url + guide_page(built_site, "randers-niveau") + "#" + outcome.state)
    page.wait_for_selector(f".g-live .g-outcome[data-outcome='{outcome.node.id}']")
    live = page.locator(".g-guide [aria-live], .g-guide [role=status], .g-guide [role=alert]:visible")
    assert live.count() == 1
    status = live.first.inner_text()
    assert outcome.node.title in status and len(status) < len(outcome.node.title) + 40
    page.close()


def test_keyboard_only_completes_a_guide(browser, site_url, built_site):
    """Tab, Space and Enter alone: choose, continue, and focus lands on each new heading."""
    guide_id = "opsporing-overgang"
    flow = registry.guide(guide_id)
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(site_url + guide_page(built_site, guide_id))
    page.wait_for_selector(".g-guide.g-js")
    focused = "() => { const e = document.activeElement; return e ? [e.tagName, e.name || '', e.className || '', e.value || ''] : null }"

    def tab_to(test: str, limit=300):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return !!(e && e.closest('.g-live') && ({test})) }}"):
                return
        raise AssertionError(f"Tab never reached {test}; last focus: {page.evaluate(focused)}")

    step = flow.resolve([])
    pairs = []
    while isinstance(step.node, Question):
        tab_to("e.name === 'svar'")
        page.keyboard.press("Space")  # Tab lands on the group's first option; Space chooses it
        assert page.evaluate("document.activeElement.checked")
        pairs.append((step.node.id, page.evaluate("document.activeElement.value")))
        tab_to("e.classList.contains('g-continue')")
        page.keyboard.press("Enter")
        step = flow.resolve(pairs)
        node = step.node.id
        page.wait_for_selector(f".g-live .g-step[data-node='{node}']")
        assert page.evaluate("document.activeElement.classList.contains('g-title') && !!document.activeElement.closest('.g-live')"), (
            f"focus is on the new heading after answering {pairs[-1]}: {page.evaluate(focused)}"
        )
        assert page.evaluate("document.activeElement.textContent") in (step.node.title if isinstance(step.node, Outcome) else step.node.text)
    assert len(pairs) >= 2
    # Back to a question with Enter on "Ret": focus is on that question's heading.
    tab_to("e.dataset.change === " + repr(pairs[0][0]))
    page.keyboard.press("Enter")
    page.wait_for_selector(f".g-live form.g-form[data-question='{pairs[0][0]}']")
    assert page.evaluate("document.activeElement.classList.contains('g-title')")
    page.close()


def test_targets_are_large_enough_on_a_phone(browser, site_url, built_site):
    """Ret, Tilbage, Start forfra and each option row are at least 44x44 px (GOV.UK's size)."""
    flow = registry.guide("randers-niveau")
    deep = max((s for s in flow.walk() if isinstance(s.node, Question)), key=lambda s: len(s.answers))
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(site_url + guide_page(built_site, "randers-niveau") + "#" + deep.state)
    page.wait_for_selector(f".g-live form.g-form[data-state='{deep.state}']")
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.g-live a.g-back, .g-live a.g-restart, .g-live .g-change a, .g-live .g-radio')].map((e) => {
          const r = e.getBoundingClientRect(); return [e.className || e.textContent, r.width, r.height]; })""")
    assert {s[0] for s in sizes} >= {"g-back", "g-restart", "g-radio"}
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert not small, f"targets under 44x44 px: {small}"
    # The whole option row chooses the option, not just the label and the circle.
    row = page.locator(".g-live .g-radio").last
    row.scroll_into_view_if_needed()  # on a phone the last row starts below the fold; a click there hits nothing
    box, label = row.bounding_box(), row.locator("label").bounding_box()
    page.mouse.click(box["x"] + box["width"] - 4, label["y"] + label["height"] / 2)  # the row's far end, on the label's line
    assert row.locator("input").is_checked()
    page.close()


def test_focus_is_visible_on_a_radio(browser, site_url, built_site):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(site_url + guide_page(built_site, "randers-niveau"))
    page.wait_for_selector(".g-guide.g-js")
    radio = page.locator(".g-live input[name=svar]").first
    before = radio.evaluate("e => getComputedStyle(e).outlineStyle + getComputedStyle(e).outlineWidth")
    radio.focus()
    style = radio.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
    assert style[0] == "solid" and style[1] >= 2, f"focused radio outline {style} (unfocused {before})"
    page.close()
