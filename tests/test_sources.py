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
