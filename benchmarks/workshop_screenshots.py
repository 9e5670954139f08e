"""Screenshots of the workshop walk (start from Randers, move the agenda deadline, add a participant,
see what changes, a broken field, download, import) at desktop and phone width.

Usage: python benchmarks/workshop_screenshots.py [--site site] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.bench import serve  # noqa: E402
from tests.browser_path import launch  # noqa: E402

PAGE = "undervisning/modelvaerksted/"
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
DEADLINE = "deadlines.dagsorden-5-arbejdsdage"
PARTICIPANTS = "participants.niveau-3-dagtilbud"
PATH = [("vold", "nej"), ("hvem", "et-barn"), ("sag", "nej"), ("alder", "dagtilbud-skole"),
        ("hvor-langt", "niveau-2"), ("moeder-niveau-3", "ingen")]


def shot(page, out: Path, name: str, size: str, target=None, block="center") -> None:
    if target is not None:
        target.evaluate(f"e => e.scrollIntoView({{block: '{block}'}})")
        if block == "start":
            page.evaluate("window.scrollBy(0, -140)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(out / f"workshop-{name}-{size}.png"))


def walk(p, base: str, out: Path, size: str) -> None:
    browser = launch(p)
    context = browser.new_context(viewport=SIZES[size], service_workers="block", accept_downloads=True)
    page = context.new_page()
    page.goto(base + PAGE)
    page.wait_for_selector(".ws-shell[data-state=ready]", timeout=600_000)
    page.select_option(".ws-model-select", "randers")
    shot(page, out, "1-start", size, page.locator(".ws-start"), block="start")
    page.click(".ws-new")
    page.wait_for_selector(".ws-shell[data-state=editing]", timeout=600_000)
    # move the agenda deadline
    page.select_option(".ws-collection", "deadlines")
    page.click(f'details[data-entry="{DEADLINE}"] > summary')
    field = page.locator(f'.ws-field[data-where="model.toml|{DEADLINE}|text"]')
    box = field.locator("textarea, input").first
    box.fill(box.input_value().replace("5 arbejdsdage", "10 arbejdsdage"))
    shot(page, out, "2-deadline", size, field)
    # add a participant: PPR always takes part in level 3 network meetings in daycare and school
    page.select_option(".ws-collection", "participants")
    page.click(f'details[data-entry="{PARTICIPANTS}"] > summary')
    roles = page.locator('[id$="niveau-3-dagtilbud-groups-0-roles"]')
    roles.locator(":scope > .ws-list-add").click()
    roles.locator(":scope > .ws-list-item select").last.select_option("ppr")
    shot(page, out, "3-participant", size, roles)
    # Afprøv: what changes
    page.click(".ws-try")
    page.wait_for_function("document.querySelector('.ws-shell').dataset.report === 'ready'", timeout=600_000)
    first = page.locator(".ws-outcome").first
    first.locator("summary").click()
    shot(page, out, "4-report", size, page.locator(".ws-headline"), block="start")
    for qid, oid in PATH:
        form = page.locator(f'.ws-guide form.g-form[data-question="{qid}"]')
        form.locator(f'label[for="g-{qid}-{oid}"]').click()
        form.locator("button[type=submit]").click()
    outcome = page.locator('.ws-guide [data-kind="outcome"]')
    outcome.wait_for()
    shot(page, out, "5-guide", size, outcome.locator(".g-card li", has_text="arbejdsdage før mødet.").first)
    # a broken field: the error beside it
    page.select_option(".ws-collection", "deadlines")
    page.click(f'details[data-entry="{DEADLINE}"] > summary')
    box = page.locator(f'.ws-field[data-where="model.toml|{DEADLINE}|text"]').locator("textarea, input").first
    kept = box.input_value()
    box.fill("")
    page.click(".ws-try")
    page.wait_for_function("document.querySelector('.ws-shell').dataset.report === 'problems'", timeout=600_000)
    shot(page, out, "6-error", size, page.locator(f'.ws-field[data-where="model.toml|{DEADLINE}|text"]'))
    box.fill(kept)
    page.click(".ws-try")
    page.wait_for_function("document.querySelector('.ws-shell').dataset.report === 'ready'", timeout=600_000)
    # download and import back
    with page.expect_download() as info:
        page.click(".ws-download")
    zpath = Path(tempfile.mkdtemp()) / "randers-udkast.zip"
    info.value.save_as(zpath)
    page.click(".ws-close")
    page.set_input_files(".ws-import", str(zpath))
    page.wait_for_function("document.querySelector('.ws-title').textContent.includes('Importeret')", timeout=60_000)
    page.click(".ws-close")
    shot(page, out, "7-import", size, page.locator(".ws-start"), block="start")
    context.close()
    browser.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default="site")
    ap.add_argument("--out", default="screenshots")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base, server = serve(Path(args.site))
    try:
        with sync_playwright() as p:
            for size in SIZES:
                walk(p, base, out, size)
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
