"""Speed and size of a plain handbook page and a guide page, served by nginx with the shipped
config (deploy/nginx/haandbog.conf) under /haandbog/, as figures (not a test).

For each condition (localhost; phone: 4x CPU slowdown, 1.6 Mbit/s down, 150 ms RTT) and cache
state (cold: a new browser profile; warm: the same profile, visited again), the median of N runs:
  * plain page: ms to content (first contentful paint);
  * guide page: ms to the first question usable (form shown and wired up), ms from a click on
    "Fortsæt" to the next step shown, ms until Python (Pyodide in the worker) is ready, and how
    it started (boot or snapshot);
  * bytes on the wire before the first question is usable (resource timing), and in all until
    Python is ready, from nginx's access log (incl. the service worker's precaching).
Then every engine asset raw / gzip / brotli (what the server sends). If the engine fails to
start, the run reports why. Usage: python benchmarks/bench.py [--runs 5] [--site DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from guides import assets  # noqa: E402
from tests.browser_path import ARGS, executable  # noqa: E402
from tests.servers import PREFIX, Nginx, build, free_port  # noqa: E402

PHONE = {"cpu": 4, "down": 1.6e6 / 8, "up": 750e3 / 8, "latency": 150}
PLAIN = "randers/niveau-3/"
GUIDE = "randers/guide/"
READY = "window.__guideEngine && (window.__guideEngine.readyMs || window.__guideEngine.failed)"
# In-page timing of one answer: from the submit event to the step shown.
CLICK_TIMER = """() => {
  const live = document.querySelector(".g-live");
  window.__clickAt = null; window.__answeredAt = null;
  live.addEventListener("submit", () => { window.__clickAt = performance.now(); }, { capture: true, once: true });
  new MutationObserver((_, obs) => { if (window.__clickAt) { window.__answeredAt = performance.now(); obs.disconnect(); } })
    .observe(live, { childList: true, subtree: true });
}"""
BYTES_BEFORE = """(t) => {
  const nav = performance.getEntriesByType("navigation")[0];
  return (nav ? nav.transferSize : 0) + performance.getEntriesByType("resource")
    .filter((e) => e.responseEnd <= t).reduce((s, e) => s + e.transferSize, 0);
}"""


def poll(page, expression, timeout=600):
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = page.evaluate(expression)
        if value:
            return value
        page.wait_for_timeout(50)
    raise TimeoutError(expression)


def measure(context, server, url: str, phone: bool, guide: bool) -> dict:
    mark = server.log_mark()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if phone:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]})
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": PHONE["latency"],
            "downloadThroughput": PHONE["down"], "uploadThroughput": PHONE["up"],
        })
    page.goto(url, wait_until="domcontentloaded", timeout=600000)
    out = {}
    if guide:
        page.wait_for_selector(".g-guide[data-mounted] .g-live form.g-form", timeout=600000)
        mounted = page.evaluate("window.__guideMountedAt")
        out["first_question_ms"] = mounted
        out["bytes_before_question"] = page.evaluate(BYTES_BEFORE, mounted)
        # one answer, while the engine may still be loading (the table answers)
        page.evaluate(CLICK_TIMER)
        form = page.locator(".g-live form.g-form").first
        form.locator("input[name=svar]").first.check()
        form.locator("button.g-continue").click()
        poll(page, "window.__answeredAt")
        out["answer_after_click_ms"] = page.evaluate("window.__answeredAt - window.__clickAt")
        poll(page, READY)
        eng = page.evaluate("window.__guideEngine")
        if "failed" in eng:
            out["engine_failed"] = eng["failed"]
        else:
            out["python_ready_ms"] = eng["at"]
            out["python_start"] = eng.get("start")
            out["worker_started_ms"] = eng.get("startedAt")
            for phase, ms in (eng.get("phases") or {}).items():
                out[f"worker: {phase} (ms after its start)"] = ms
            # a reader stays on the page: let the worker save its snapshot
            for _ in range(150):
                if page.evaluate("async () => (await (await caches.open('" + assets.SNAPSHOT_CACHE + "')).keys()).length"):
                    break
                page.wait_for_timeout(200)
    else:
        page.wait_for_load_state("load", timeout=600000)
        out["content_ms"] = poll(page, "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
    # A reader stays a moment: the service worker finishes installing (precaching) before the next visit.
    page.evaluate("""async () => { if (!('serviceWorker' in navigator)) return;
      const reg = await navigator.serviceWorker.ready; for (let i = 0; i < 600 && !navigator.serviceWorker.controller; i++)
      await new Promise((r) => setTimeout(r, 50)); }""")
    page.wait_for_timeout(500)  # the access log is written when each response ends
    # From nginx's access log: every response for the page, its workers and the service worker.
    sent = server.sent_since(mark)
    out["bytes_total"] = sum(b for _, b in sent)
    out["engine_bytes"] = sum(b for u, b in sent if "/assets/pyodide/" in u or u.endswith((".whl", ".zip")))
    page.close()
    return out


def run(playwright, server, path: str, phone: bool, runs: int, guide: bool) -> dict:
    base = server.url
    results = {"cold": [], "warm": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            ctx = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable(playwright), args=ARGS, headless=True,
                viewport={"width": 390, "height": 844} if phone else {"width": 1280, "height": 800},
            )
            results["cold"].append(measure(ctx, server, base + path, phone, guide))
            results["warm"].append(measure(ctx, server, base + path, phone, guide))
            ctx.close()
    summary = {}
    for cache, rows in results.items():
        keys = {k for r in rows for k in r if k not in ("python_start", "engine_failed")}
        summary[cache] = {k: round(statistics.median(r[k] for r in rows if k in r)) for k in sorted(keys)}
        starts = sorted({r["python_start"] for r in rows if "python_start" in r})
        if starts:
            summary[cache]["python_start"] = starts
        failed = sorted({r["engine_failed"] for r in rows if "engine_failed" in r})
        if failed:
            summary[cache]["engine_failed"] = failed
            print(f"  ENGINE FAILED: {failed}", file=sys.stderr)
    print(f"  {path} {'phone' if phone else 'localhost'}: {summary}", file=sys.stderr, flush=True)
    return summary


def asset_sizes(site: Path) -> dict:
    """Every engine asset: raw, .gz and .br as the build wrote them (what nginx sends)."""
    layout = json.loads((site / "assets" / assets.LAYOUT).read_text())
    out, total = {}, {"raw": 0, "gzip": 0, "br": 0}
    for rel in assets.engine_files(layout):
        f = site / "assets" / rel
        sizes = {"raw": f.stat().st_size}
        for enc, ext in (("gzip", ".gz"), ("br", ".br")):
            c = f.with_name(f.name + ext)
            sizes[enc] = c.stat().st_size if c.is_file() else sizes["raw"]
        out[rel] = sizes
        for k in total:
            total[k] += sizes[k]
    out["engine total"] = total
    return out


def precache_sizes(site: Path) -> dict:
    """What the service worker fetches in the background after the first page (raw and as sent)."""
    text = (site / assets.SERVICE_WORKER).read_text(encoding="utf-8")
    data = json.loads(text.split("const HANDBOOK = ", 1)[1].split(";\n", 1)[0])
    raw = sent = 0
    for rel in data["precache"]:
        f = site / rel
        if f.is_dir() or not rel or rel.endswith("/"):
            f = f / "index.html"
        size = f.stat().st_size
        br = f.with_name(f.name + ".br")
        raw += size
        sent += br.stat().st_size if br.is_file() else size
    return {"files": len(data["precache"]), "raw": raw, "br": sent}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--site", help="a site already built for the bench's address (default: build one)")
    args = ap.parse_args()
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    site = Path(args.site) if args.site else work / "site"
    if not args.site:
        build(site, f"http://127.0.0.1:{port}{PREFIX}")
    (work / "nginx").mkdir()
    server = Nginx(site, work / "nginx", port)
    from playwright.sync_api import sync_playwright

    report = {"server": "nginx (deploy/nginx/haandbog.conf) at " + server.url}
    try:
        with sync_playwright() as p:
            for label, phone in (("localhost", False), ("phone", True)):
                plain = run(p, server, PLAIN, phone, args.runs, guide=False)
                guide = run(p, server, GUIDE, phone, args.runs, guide=True)
                ratio = {c: round(guide[c]["first_question_ms"] / max(1, plain[c]["content_ms"]), 2) for c in ("cold", "warm")}
                report[label] = {"plain_page": plain, "guide_page": guide, "first_question_vs_content": ratio}
    finally:
        server.stop()
    report["engine_assets_bytes"] = asset_sizes(site)
    report["service_worker_precache_bytes"] = precache_sizes(site)
    print(json.dumps(report, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
