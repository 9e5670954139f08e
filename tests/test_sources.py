"""Every citation's quote is found, word for word, in the source document it names."""

import pytest

from guides import registry
from tests.sources import SEEDS, quote_in_source

CITED = [
    (m.id, e.kind, e.id, c)
    for m in registry.models().values()
    for kind in m.collections
    for e in m.all(kind)
    for c in e.cite
]


def test_seeds_present():
    assert SEEDS.is_dir(), f"source documents not found in {SEEDS} (set HANDBOOK_SEEDS)"


@pytest.mark.parametrize("model,kind,entry,cite", CITED, ids=[f"{m}:{k}.{e}:{i}" for i, (m, k, e, _) in enumerate(CITED)])
def test_quote_is_in_source(model, kind, entry, cite):
    assert quote_in_source(cite.doc.file, cite.quote), (
        f"{model}: {kind}.{entry}: quote not found in {cite.doc.file} ({cite.section}): {cite.quote!r}"
    )


def test_every_entry_is_cited():
    missing = []
    for m in registry.models().values():
        for kind in m.collections:
            missing += [f"{m.id}:{kind}.{e.id}" for e in m.all(kind) if not e.cite]
    assert not missing, f"entries without a citation: {missing}"


WORDINGS = [
    (m.id, p.id, g["wording"], p.cite)
    for m in registry.models().values()
    for p in m.all("participants")
    for g in p["groups"]
    if g.get("wording")
]


@pytest.mark.parametrize("model,entry,wording,cites", WORDINGS, ids=[f"{m}:{e}:{w[:20]}" for m, e, w, _ in WORDINGS])
def test_participant_wording_is_the_sources(model, entry, wording, cites):
    """A participant group's qualifier is shown as the source's words: it must be in a cited quote's document."""
    assert any(quote_in_source(c.doc.file, wording) for c in cites), f"{model}: participants.{entry}: {wording!r} is not in its sources"


def test_wording_required_where_the_source_qualifies():
    missing = [
        f"{m.id}:participants.{p.id}[{i}]"
        for m in registry.models().values()
        for p in m.all("participants")
        for i, g in enumerate(p["groups"])
        if g["takes_part"] in ("condition", "open") and not g.get("wording")
    ]
    assert not missing, f"groups of kind condition/open need the source's wording: {missing}"


EXTERNAL = [(m.id, r.id, r) for m in registry.models().values() for r in m.all("rules") if r["kind"] == "external"]


@pytest.mark.parametrize("model,rule,entry", EXTERNAL, ids=[f"{m}:{r}" for m, r, _ in EXTERNAL])
def test_external_rule_quotes_another_document(model, rule, entry):
    """A rule that reports another document's words is that document's quote, not a paraphrase."""
    own = registry.model(model).doc.id
    assert entry.cite and all(c.doc.id != own for c in entry.cite), f"{model}: rules.{rule} must cite another document"
    assert any(quote_in_source(c.doc.file, entry["text"]) for c in entry.cite), f"{model}: rules.{rule}: text is not quoted from its source"
