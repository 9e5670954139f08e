"""Modelværkstedet in Chromium: start from Randers, move the agenda deadline, see it in a guide
outcome and in the consequence report, break a field, download, validate the zip with the CLI,
import it back unchanged, reload, and bad input. Lean: one walk, one bad-input test."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "undervisning/modelvaerksted/"
BOOT = 180_000  # Pyodide boot on a busy test machine (about 1-3 s on an idle one)
ENTRY = "deadlines.dagsorden-5-arbejdsdage"
FIELD = f'.ws-field[data-where="model.toml|{ENTRY}|text"]'
# The Randers path to "Niveau 3: Lederen indkalder til tværfagligt netværksmøde", whose card shows the deadline.
PATH = [("vold", "nej"), ("hvor", "dagtilbud"), ("hvem", "et-barn"), ("sag", "nej"),
        ("niveau", "niveau-2"), ("udvikling-2", "ikke-nok")]


@pytest.fixture
def page(browser, site_url, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block", accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(site_url + PAGE)
    page.wait_for_selector(".ws-shell[data-state=ready]", timeout=BOOT)
    yield page
    context.close()
    assert not page.errors, f"JavaScript errors: {page.errors}"


def start_randers(page):
    page.select_option(".ws-model-select", "randers")
    page.click(".ws-new")
    page.wait_for_selector(".ws-shell[data-state=editing]", timeout=60_000)


def open_entry(page, kind, entry):
    page.select_option(".ws-collection", kind)
    page.click(f'details[data-entry="{entry}"] > summary')


def deadline_input(page):
    return page.locator(f"{FIELD} textarea, {FIELD} input").first


def afproev(page, expect="ready"):
    page.click(".ws-try")
    page.wait_for_function(f"document.querySelector('.ws-shell').dataset.report === '{expect}'", timeout=60_000)


def no_traceback(page):
    text = page.locator(".ws-shell").inner_text()
    assert "Traceback" not in text and "File \"" not in text


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "guides", *args], capture_output=True, text=True, cwd=ROOT)


def test_change_a_deadline_see_it_everywhere_download_import_reload(page, tmp_path):
    start_randers(page)
    open_entry(page, "deadlines", ENTRY)
    field = deadline_input(page)
    old = field.input_value()
    assert "5 arbejdsdage" in old
    field.fill(old.replace("5 arbejdsdage", "10 arbejdsdage"))
    afproev(page)

    # the consequence report: "N af M udfald ændrer sig", each change before -> after
    headline = page.locator(".ws-headline").inner_text()
    changed, total = (int(x) for x in headline.split(" udfald")[0].split(" af "))
    assert 0 < changed < total
    assert page.locator(".ws-outcome").count() == changed
    first = page.locator(".ws-outcome").first
    first.locator("summary").click()
    assert "5 arbejdsdage" in first.locator(".ws-before").first.inner_text()
    assert "10 arbejdsdage" in first.locator(".ws-after").first.inner_text()

    # click through the guide with the edited model to an outcome that names the deadline
    for qid, oid in PATH:
        form = page.locator(f'.ws-guide form.g-form[data-question="{qid}"]')
        form.wait_for(timeout=10_000)
        form.locator(f'label[for="g-{qid}-{oid}"]').click()
        form.locator("button[type=submit]").click()
    outcome = page.locator('.ws-guide [data-kind="outcome"]')
    outcome.wait_for(timeout=10_000)
    # the card's deadline item shows the edited text (its citation still quotes the source's own words;
    # a summary that retypes the deadline instead of referring to it keeps its old words)
    assert "senest 10 arbejdsdage før mødet" in outcome.inner_text()
    assert "senest 5 arbejdsdage før mødet" not in outcome.locator(".g-short").inner_text()

    # break the field: the Danish error stands beside it
    field.fill("")
    afproev(page, "problems")
    error = page.locator(f"{FIELD} .ws-field-error")
    assert error.is_visible() and "tom" in error.inner_text()
    no_traceback(page)
    field.fill(old.replace("5 arbejdsdage", "10 arbejdsdage"))
    afproev(page)

    # download; the CLI accepts the zip; import it back unchanged
    files = page.evaluate("workshop.ws.files")
    with page.expect_download() as info:
        page.click(".ws-download")
    zpath = tmp_path / "model.zip"
    info.value.save_as(zpath)
    ok = run_cli("validate", str(zpath))
    assert ok.returncode == 0, ok.stderr
    folder = tmp_path / "unzipped"
    zipfile.ZipFile(zpath).extractall(folder)
    (only,) = list(folder.iterdir())
    assert run_cli("validate", str(only)).returncode == 0
    diff = run_cli("diff", str(ROOT / "guides" / "models" / "randers"), str(only))
    assert diff.stdout.startswith(f"{changed} af {total} udfald"), diff.stdout[:200]

    page.click(".ws-close")
    page.set_input_files(".ws-import", str(zpath))
    page.wait_for_function("document.querySelector('.ws-title').textContent.includes('Importeret')", timeout=30_000)
    assert page.evaluate("workshop.ws.files") == files

    # reload keeps the work (the open workspace and everything saved)
    page.reload()
    page.wait_for_selector(".ws-shell[data-state=editing]", timeout=BOOT)
    assert page.evaluate("workshop.ws.files") == files
    page.click(".ws-close")
    assert page.locator(".ws-saved-item").count() == 2  # the draft and the import


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_bad_input_gives_a_danish_message_and_keeps_what_was_saved(page, tmp_path):
    start_randers(page)
    saved = page.evaluate("JSON.stringify(workshop.ws.files)")
    page.click(".ws-mode-raw")
    raw = page.locator(".ws-raw-text")
    original = raw.input_value()
    cases = [
        (original + "\n[roles.x\n", "Ikke gyldig TOML"),
        (original.replace("[deadlines.halvaar]", "[deadlines.halvaar]\nfarve = 1", 1), "Ukendt felt"),
        (original + '\n[levels.ekstra]\nnumber = "tre"\ntitle = "x"\npurpose = ["x"]\noutcomes = ["x"]\ncite = { section = "x", quote = "y" }\n', "helt tal"),
        (original.replace('name = "Tovholder"', 'name = "<img src=x onerror=window.__xss=1><script>window.__xss=1</script>"', 1), "HTML eller script"),
        (original + "\nx = " + "[" * 300 + "]" * 300 + "\n", "lag"),
    ]
    for text, expect in cases:
        raw.fill(text)
        afproev(page, "problems")
        problems = page.locator(".ws-problem-list").inner_text()
        assert expect in problems, (expect, problems[:300])
        no_traceback(page)
    assert page.evaluate("window.__xss") is None
    raw.fill(original)
    afproev(page)
    assert page.evaluate("JSON.stringify(workshop.ws.files)") == saved

    # hostile or oversized zips: refused in Danish, nothing saved changes
    page.click(".ws-close")
    before = page.evaluate("JSON.stringify(Object.entries(localStorage).sort())")
    for name, data, expect in [
        ("slip.zip", _zip({"../model.toml": b"[model]"}), "uden for mappen"),
        ("deep.zip", _zip({"a/b/c/model.toml": b"[model]"}), "flere lag"),
        ("big.zip", b"PK" + b"\0" * 5_200_000, "for stor"),
        ("notzip.zip", b"hello", "ikke en zip-fil"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        page.set_input_files(".ws-import", str(path))
        msg = page.locator(".ws-message")
        msg.wait_for(state="visible", timeout=30_000)
        page.wait_for_function(f"document.querySelector('.ws-message').textContent.includes({json.dumps(expect)})", timeout=30_000)
        assert page.evaluate("JSON.stringify(Object.entries(localStorage).sort())") == before
        no_traceback(page)
