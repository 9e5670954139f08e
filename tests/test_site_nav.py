"""Whose model am I following? The chooser, the model tag on every page, search limited to one
model, and the glossary that explains every abbreviation the pages use."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from guides import glossary, registry
from tests.conftest import ROOT
from tests.sources import quote_in_source

# An abbreviation: two to five capitals standing alone or before a hyphen (PPR, FDR-skema).
TOKEN = re.compile(r"(?<![\wÆØÅæøå])[A-ZÆØÅ]{2,5}(?![\wÆØÅæøå])")


def page_text(path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r'<abbr title="[^"]*">', "<abbr>", text)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", text))


def abbreviations(text: str, words: set[str]) -> set[str]:
    """Words of two to five capitals that are not ordinary words set in capitals (e.g. a figure's
    "VIDEN"): an ordinary word also occurs in lower case somewhere in the handbook. Longer runs of
    capitals are words set in capitals ("TOLKNING"), not abbreviations."""
    return {t for t in TOKEN.findall(text) if t.lower() not in words}


def test_glossary_quotes_are_in_the_sources():
    for term in glossary.terms():
        assert term.cite, f"glossary: {term.id} has no source"
        for c in term.cite:
            assert quote_in_source(c.doc.file, c.quote), f"glossary: {term.id}: quote not in {c.doc.file}: {c.quote!r}"


def test_every_abbreviation_on_the_pages_is_in_the_glossary(built_site):
    pages = {p: page_text(p) for p in built_site.rglob("*.html")}
    words = {w.lower() for text in pages.values() for w in re.findall(r"[a-zæøå]{2,}", text)}
    known = {t.term for t in glossary.terms()}
    missing = {}
    for path, text in pages.items():
        for abbr in abbreviations(text, words) - known:
            missing.setdefault(abbr, str(path.relative_to(built_site)))
    assert not missing, f"abbreviations the glossary lacks (first page using each): {missing}"


def test_abbreviation_finder_finds_what_it_should():
    words = {"viden", "og"}
    assert abbreviations("PPR og VIDEN, FDR-skema, AKT-konsulent, Randers", words) == {"PPR", "FDR", "AKT"}


def test_glossary_terms_are_explained_on_the_pages(built_site):
    """Markdown abbreviations: a term in running text carries its definition as a tooltip."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    ppr = next(t for t in glossary.terms() if t.term == "PPR")
    assert f'<abbr title="{htmllib.escape(ppr.definition, quote=True)}">PPR</abbr>' in home


def _model_pages(built_site):
    for model_id in registry.models():
        for p in sorted((built_site / model_id).rglob("index.html")):
            yield model_id, p


def test_every_model_page_is_tagged_with_its_model(built_site):
    untagged = []
    tags = {}
    for model_id, p in _model_pages(built_site):
        found = re.findall(r'class="md-tag"[^>]*>([^<]+)<', p.read_text(encoding="utf-8"))
        if not found:
            untagged.append(str(p.relative_to(built_site)))
        else:
            tags.setdefault(model_id, set()).add(found[0].strip())
    assert not untagged, f"pages without their model's tag: {untagged}"
    assert all(len(v) == 1 for v in tags.values()), f"one tag per model: {tags}"
    assert len({next(iter(v)) for v in tags.values()}) == len(tags), "two models share a tag"


@pytest.fixture()
def phone(browser, site_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    yield page
    ctx.close()


def test_chooser_remembers_the_model_across_pages_and_reloads(phone, site_url):
    phone.goto(site_url)
    blocks = phone.locator(".g-chooser-model")
    assert blocks.count() == len(registry.models())
    assert all(blocks.nth(i).is_visible() for i in range(blocks.count())), "before a choice every model is shown"
    phone.locator('label[for="g-chooser-randers"]').click()
    assert phone.locator('.g-chooser-model[data-model="randers"]').is_visible()
    assert not phone.locator('.g-chooser-model[data-model="nordfyn"]').is_visible()
    assert "Randers" in phone.locator(".g-model-notice").inner_text()

    phone.goto(site_url + "samarbejdsmodellen/")
    notice = phone.locator(".g-model-notice--other")
    assert notice.is_visible() and "Samarbejdsmodellen" in notice.inner_text() and "Randers" in notice.inner_text()
    phone.goto(site_url + "randers/niveau-3/")
    assert phone.locator(".g-model-notice").is_visible()
    assert phone.locator(".g-model-notice--other").count() == 0

    phone.goto(site_url)
    phone.reload()
    assert phone.locator("#g-chooser-randers").is_checked()
    phone.locator('label[for="g-chooser-nordfyn"]').click()  # changing it changes the home page
    phone.reload()
    assert phone.locator('.g-chooser-model[data-model="nordfyn"]').is_visible()
    assert not phone.locator('.g-chooser-model[data-model="randers"]').is_visible()
    first_link = phone.locator('.g-chooser-model[data-model="nordfyn"] a').first
    first_link.click()
    phone.wait_for_url("**/nordfyn/**")


def test_search_limited_to_the_readers_model(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(site_url)
    page.locator('label[for="g-chooser-randers"]').click()
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("samtykke", delay=30)
    items = page.locator(".md-search-result__item")
    items.first.wait_for()
    filt = page.locator(".g-search-filter input")
    assert filt.is_visible()
    shown_before = [i for i in range(items.count()) if items.nth(i).is_visible()]
    tags_before = {t.strip() for t in page.locator(".md-search-result__item .md-tag").all_inner_texts()}
    assert len(tags_before) > 1, f"a search across models shows several models' tags: {tags_before}"
    filt.check()
    visible = [items.nth(i) for i in range(items.count()) if items.nth(i).is_visible()]
    assert visible and len(visible) < len(shown_before)
    for item in visible:
        assert "Randers Kommune" in [t.strip() for t in item.locator(".md-tag").all_inner_texts()]
    ctx.close()


def test_search_snippets_read_as_text(built_site):
    """Words from adjacent table cells, list items and quotes do not run together in the search index
    ("DeltagereHvorFaste"); a join is allowed only where the handbook or a source writes it so."""
    import json

    from tests.sources import SEEDS

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    written = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    written += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    joined = set()
    for doc in index["docs"]:
        for word in re.findall(r"\b\w*[a-zæøå][A-ZÆØÅ]\w*", doc["text"]):
            if word not in written:
                joined.add((doc["location"], word))
    assert not joined, f"words run together in search snippets: {sorted(joined)[:20]}"


def test_theme_speaks_danish(built_site):
    """No English footer line, and the back-to-top button does not say "back to the start"."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in home and "Material for MkDocs" not in home
    assert "Tilbage til start" not in home and "Til toppen af siden" in home
