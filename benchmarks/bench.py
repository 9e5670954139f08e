"""Speed and size of a handbook page and a guide page, as figures (not a test).

For each condition (localhost; mobile emulation: 4x CPU slowdown, ~1.6 Mbit/s down, 150 ms RTT) and
cache state (cold: new browser context; warm: same context, reloaded), the median of N runs of:
  * bytes transferred for a handbook page and a guide page (until Python answers);
  * ms until the first question is usable (its form is shown and wired up);
  * ms until the Python engine (Pyodide in the worker) is ready to answer.
Usage: python benchmarks/bench.py [--runs 5] [--site site]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser_path import launch  # noqa: E402

MOBILE = {"cpu": 4, "down": 1.6e6 / 8, "up": 750e3 / 8, "latency": 150}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def measure(context, url: str, mobile: bool, guide: bool) -> dict:
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received = []
    cdp.on("Network.loadingFinished", lambda e: received.append(e["encodedDataLength"]))
    if mobile:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": MOBILE["cpu"]})
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": MOBILE["latency"],
            "downloadThroughput": MOBILE["down"], "uploadThroughput": MOBILE["up"],
        })
    page.goto(url, wait_until="load", timeout=600000)
    out = {}
    if guide:
        page.wait_for_selector(".g-guide[data-mounted] .g-live form.g-form", timeout=600000)
        out["first_question_ms"] = page.evaluate("performance.now()")
        page.wait_for_function("window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)", timeout=600000)
        eng = page.evaluate("window.__guideEngine")
        if "failed" in eng:
            raise RuntimeError(eng["failed"])
        out["python_ready_ms"] = eng["at"]
    else:
        page.wait_for_timeout(300)
    out["bytes"] = sum(received)
    page.close()
    return out


def run(browser, base: str, path: str, mobile: bool, runs: int, guide: bool) -> dict:
    results = {"cold": [], "warm": []}
    for _ in range(runs):
        ctx = browser.new_context(viewport={"width": 390, "height": 844} if mobile else {"width": 1280, "height": 800})
        results["cold"].append(measure(ctx, base + path, mobile, guide))
        results["warm"].append(measure(ctx, base + path, mobile, guide))
        ctx.close()
    summary = {}
    for cache, rows in results.items():
        summary[cache] = {k: round(statistics.median(r[k] for r in rows)) for k in rows[0]}
    return summary


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--site", default="site")
    args = ap.parse_args()
    base, server = serve(Path(args.site))
    from playwright.sync_api import sync_playwright

    report = {}
    with sync_playwright() as p:
        browser = launch(p)
        for label, mobile in (("localhost", False), ("mobile", True)):
            report[label] = {
                "handbook_page": run(browser, base, "randers/niveau-3/", mobile, args.runs, guide=False),
                "guide_page": run(browser, base, "randers/guide/", mobile, args.runs, guide=True),
            }
        browser.close()
    server.shutdown()
    print(json.dumps(report, indent=2))
    out = Path("benchmarks/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
