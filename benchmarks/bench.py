"""Speed and size of a handbook page and a guide page, as figures (not a test).

For each condition (localhost; mobile emulation: 4x CPU slowdown, ~1.6 Mbit/s down, 150 ms RTT) and
cache state (cold: a new browser profile; warm: the same profile, visited again), the median of N runs of:
  * bytes transferred for a handbook page (until the network is idle) and a guide page (until
    Python is ready to answer);
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
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser_path import ARGS, executable  # noqa: E402

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
    received = []
    # Every response of the page and its workers (Pyodide loads in a worker); bytes on the wire.
    page.on("requestfinished", lambda r: received.append(_wire_bytes(r)))
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
        out["first_question_ms"] = page.evaluate("window.__guideMountedAt")
        page.wait_for_function("window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)", timeout=600000)
        eng = page.evaluate("window.__guideEngine")
        if "failed" in eng:
            raise RuntimeError(eng["failed"])
        out["python_ready_ms"] = eng["at"]
        out["python_start"] = eng.get("start")
        out["python_worker_ms"] = eng["readyMs"]  # inside the worker: from its start to ready
        # A reader stays on the page: let the worker finish saving its snapshot.
        for _ in range(100):
            if page.evaluate("async () => (await (await caches.open('guides-python')).keys()).length"):
                break
            page.wait_for_timeout(200)
    else:
        page.wait_for_load_state("networkidle", timeout=600000)  # incl. the search index Material fetches
    out["bytes"] = sum(received)
    page.close()
    return out


def _wire_bytes(request) -> int:
    try:
        sizes = request.sizes()
        return sizes["responseBodySize"] + sizes["responseHeadersSize"]
    except Exception:  # e.g. a request that ended without a response
        return 0


def run(playwright, base: str, path: str, mobile: bool, runs: int, guide: bool) -> dict:
    """Cold: a new browser profile (empty disk cache); warm: the same profile, second visit."""
    results = {"cold": [], "warm": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            ctx = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable(playwright), args=ARGS, headless=True,
                viewport={"width": 390, "height": 844} if mobile else {"width": 1280, "height": 800},
            )
            results["cold"].append(measure(ctx, base + path, mobile, guide))
            results["warm"].append(measure(ctx, base + path, mobile, guide))
            ctx.close()
    summary = {}
    for cache, rows in results.items():
        summary[cache] = {k: round(statistics.median(r[k] for r in rows)) for k in rows[0] if k != "python_start"}
        if "python_start" in rows[0]:
            summary[cache]["python_start"] = sorted({r["python_start"] for r in rows})
    print(f"  {path} {'mobile' if mobile else 'localhost'}: {summary}", file=sys.stderr, flush=True)
    return summary


def asset_sizes(site: Path) -> dict:
    """Raw and gzip sizes of what a guide page adds (a host that compresses sends the gzip size)."""
    import gzip

    out = {}
    for rel in ("assets/pyodide/pyodide.asm.wasm", "assets/pyodide/python_stdlib.min.zip", "assets/pyodide/pyodide.asm.mjs",
                "assets/guides/randers-niveau.json", "assets/guides/guides-0.1.0-py3-none-any.whl", "randers/guide/index.html"):
        data = (site / rel).read_bytes()
        out[rel] = {"raw": len(data), "gzip": len(gzip.compress(data, 6))}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--site", default="site")
    args = ap.parse_args()
    base, server = serve(Path(args.site))
    from playwright.sync_api import sync_playwright

    report = {}
    with sync_playwright() as p:
        for label, mobile in (("localhost", False), ("mobile", True)):
            report[label] = {
                "handbook_page": run(p, base, "randers/niveau-3/", mobile, args.runs, guide=False),
                "guide_page": run(p, base, "randers/guide/", mobile, args.runs, guide=True),
            }
    server.shutdown()
    report["assets_bytes"] = asset_sizes(Path(args.site))
    print(json.dumps(report, indent=2))
    out = Path("benchmarks/results")
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
