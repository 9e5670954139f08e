"""Modelværkstedet's speed, as figures (not a test): from navigation to "ready to edit" and from
"Afprøv" to the consequence report, cold (a new browser profile) and warm (the same profile again),
locally and optionally on an emulated phone (4x CPU on the page, ~1.6 Mbit/s down, 150 ms RTT).

  * ready_ms      navigation -> the start view is usable (Python started in the worker)
  * editing_ms    click "Start fra modellen" (Randers) -> the forms are shown
  * report_ms     click "Afprøv" (agenda deadline moved) -> the consequence report is shown
  * start         "boot" (first visit) or "snapshot" (restored from Cache Storage)

Usage: python benchmarks/workshop_bench.py [--site site] [--runs 1] [--phone] [--out FILE.md]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.bench import MOBILE, serve  # noqa: E402
from tests.browser_path import launch  # noqa: E402

PAGE = "undervisning/modelvaerksted/"
ENTRY = "deadlines.dagsorden-5-arbejdsdage"


def visit(context, url: str, phone: bool) -> dict:
    page = context.new_page()
    if phone:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": MOBILE["cpu"]})
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": MOBILE["latency"],
                                                      "downloadThroughput": MOBILE["down"], "uploadThroughput": MOBILE["up"]})
    t0 = time.perf_counter()
    page.goto(url, timeout=600_000)
    page.wait_for_selector(".ws-shell[data-state=ready]", timeout=600_000)
    ready = (time.perf_counter() - t0) * 1000
    shell = page.locator(".ws-shell")
    start = shell.get_attribute("data-start")
    page.evaluate("sessionStorage.clear()")
    page.select_option(".ws-model-select", "randers")
    t1 = time.perf_counter()
    page.click(".ws-new")
    page.wait_for_selector(".ws-shell[data-state=editing]", timeout=600_000)
    editing = (time.perf_counter() - t1) * 1000
    page.select_option(".ws-collection", "deadlines")
    page.click(f'details[data-entry="{ENTRY}"] > summary')
    field = page.locator(f'.ws-field[data-where="model.toml|{ENTRY}|text"] textarea, .ws-field[data-where="model.toml|{ENTRY}|text"] input').first
    field.fill(field.input_value().replace("5 arbejdsdage", "10 arbejdsdage"))
    t2 = time.perf_counter()
    page.click(".ws-try")
    page.wait_for_function("document.querySelector('.ws-shell').dataset.report === 'ready'", timeout=600_000)
    report = (time.perf_counter() - t2) * 1000
    headline = page.locator(".ws-headline").inner_text()
    page.close()
    return {"ready_ms": round(ready), "editing_ms": round(editing), "report_ms": round(report), "start": start, "headline": headline}


def run(playwright, url: str, phone: bool, runs: int) -> dict:
    out = {"cold": [], "warm": []}
    for _ in range(runs):
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 800}, service_workers="block")
        out["cold"].append(visit(context, url, phone))
        out["warm"].append(visit(context, url, phone))
        context.close()
        browser.close()
    return out


def median(rows, key):
    return round(statistics.median(r[key] for r in rows))


def main() -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default="site")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--phone", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    base, server = serve(Path(args.site))
    lines = [f"| condition | cache | navigation → ready to edit | Start → forms | Afprøv → report | Python start |", "|---|---|---|---|---|---|"]
    try:
        with sync_playwright() as p:
            for phone in ([False, True] if args.phone else [False]):
                res = run(p, base + PAGE, phone, args.runs)
                for cache in ("cold", "warm"):
                    rows = res[cache]
                    lines.append(f"| {'phone (emulated)' if phone else 'local'} | {cache} | {median(rows, 'ready_ms')} ms | {median(rows, 'editing_ms')} ms "
                                 f"| {median(rows, 'report_ms')} ms | {rows[0]['start']} |")
                headline = res["cold"][0]["headline"]
    finally:
        server.shutdown()
    load = os.getloadavg()
    text = "\n".join(lines) + f"\n\nMedian of {args.runs} run(s). Report: \"{headline}\". Load average during the run: {load[0]:.1f} (2 cores).\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
