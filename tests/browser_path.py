"""Which Chromium the browser tests drive: Playwright's own where installed, else Debian's.

`python -m tests.browser_path` exits 1 when there is none (the Makefile then installs chromium).
"""

from __future__ import annotations

import os
import shutil
import sys

DEBIAN = "/usr/bin/chromium"
# Keep Chromium off the closed network and able to run as root.
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"]


def _managed(playwright) -> str | None:
    try:
        if playwright is None:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                return p.chromium.executable_path
        return playwright.chromium.executable_path
    except Exception:  # playwright not usable: fall back to Debian's
        return None


def executable(playwright=None) -> str | None:
    """None means: let Playwright use its own managed browser."""
    managed = _managed(playwright)
    if managed and os.path.exists(managed):
        return None
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or (DEBIAN if os.path.exists(DEBIAN) else None)
    if not found:
        raise RuntimeError("no Chromium: install Debian's 'chromium' (make browser) or run 'playwright install chromium'")
    return found


def launch(playwright, **kwargs):
    return playwright.chromium.launch(executable_path=executable(playwright), args=ARGS, **kwargs)


if __name__ == "__main__":
    try:
        print(executable() or "playwright-managed")
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
