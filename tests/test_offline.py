"""Offline after the first visit (service worker), on the real server (nginx, sub-path, CSP):
visit the home page and one guide online, go offline, then open every guide page and answer it to
an outcome, use search, reload; the engine, once fetched, starts from the cache."""

from __future__ import annotations

import pytest

from guides import registry
from tests.servers import serve_built_site
from tests.test_server import PHONE, READY, guide_pages, wait_js, walk

SW_READY = """async () => {
  const reg = await navigator.serviceWorker.ready;
  for (let i = 0; i < 200 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 50));
  const names = await caches.keys();
  return !!navigator.serviceWorker.controller && names.some((n) => n.startsWith("handbook-pages-")) && !!reg.active;
}"""


@pytest.fixture(scope="session")
def nginx_site(tmp_path_factory):
    """(address of the handbook under /haandbog/ on nginx with the shipped config, built site)."""
    return serve_built_site(tmp_path_factory)


def test_every_guide_search_and_reload_offline(browser, nginx_site):
    url, site = nginx_site
    pages = guide_pages(site)
    assert set(pages) == set(registry.guides())
    context = browser.new_context(**PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(url)
        assert page.evaluate(SW_READY), "the service worker did not take over"
        first = next(iter(pages.values()))
        page.goto(url + first)  # online: the engine is fetched once, and cached
        wait_js(page, READY)
        assert "failed" not in page.evaluate("window.__guideEngine")

        context.set_offline(True)
        for gid, path in pages.items():
            page.goto(url + path)
            walk(page, registry.guide(gid).paths()[0])
        assert page.locator("#hb-status[data-state=offline]").is_visible()
        assert "offline" in page.locator("#hb-status").inner_text()

        page.goto(url + first)
        wait_js(page, READY)
        assert "failed" not in page.evaluate("window.__guideEngine"), "the cached engine did not start offline"

        page.goto(url + "om/")
        page.locator("label[for=__search]").first.click()
        page.locator("input[data-md-component=search-query]").fill("samtykke")
        page.wait_for_selector(".md-search-result__item", timeout=60000)

        page.reload()
        gid, path = next(iter(pages.items()))
        page.goto(url + path)
        walk(page, registry.guide(gid).paths()[-1])
    finally:
        context.close()
    assert not errors, errors
