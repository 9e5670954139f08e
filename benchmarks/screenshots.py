"""PNG screenshots of key pages at phone (390x844) and desktop (1280x800) width, into screenshots/."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser_path import launch  # noqa: E402

PAGES = {
    "guide-start": "randers/guide/",
    "guide-outcome": "randers/guide/#vold=nej&hvor=dagtilbud&hvem=et-barn&sag=nej&niveau=niveau-3&udvikling-3=fortsat",
    "guide-abuse": "randers/guide/#vold=ja",
    "guide-bad-link": "randers/guide/#vold=maaske",
    "level-3": "randers/niveau-3/",
    "home": "",
}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def main(site="site", out="screenshots") -> None:
    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    Path(out).mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        for width, height, tag in ((390, 844, "phone"), (1280, 800, "desktop")):
            for name, path in PAGES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + path)
                page.wait_for_timeout(800)
                page.screenshot(path=f"{out}/{name}-{tag}.png", full_page=name.startswith("guide-o"))
                page.close()
        page = browser.new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
        page.goto(base + "randers/guide/")
        page.screenshot(path=f"{out}/guide-nojs-phone.png", full_page=False)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
