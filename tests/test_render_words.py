"""No word the guides and tables say is lost by accident.

``tests/fixtures/render_before.json.gz`` holds the text (one fragment per block element, whitespace
collapsed) of every state of every guide, a bad link and every macro call on the pages, produced by
``python -m tests.render_text | gzip -9n > tests/fixtures/render_before.json.gz`` with the code after
the merge of the templates, the content of the five models and the card's de-duplication (branch
``fix``). The earlier fixture (commit f5cd0eb, hand-written HTML) was replaced because the content
has changed on purpose since. A change of words on purpose: regenerate the fixture with the command
above in the same commit, and say why in its message.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
from pathlib import Path

import pytest

from tests.render_text import snapshot

BEFORE = json.loads(gzip.decompress((Path(__file__).parent / "fixtures" / "render_before.json.gz").read_bytes()))

MAY_GO = {"Hvorfor?"}  # a heading, not a sentence of its own
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _clean(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def now():
    return snapshot()


def _diff(a: str, b: str) -> str:
    return "\n".join(difflib.unified_diff(a.split(" "), b.split(" "), "before", "now", n=3, lineterm=""))[:3000]


def test_every_guide_state_keeps_every_word(now):
    problems = []
    for guide_id, states in BEFORE["states"].items():
        for state, before in states.items():
            got = now["states"].get(guide_id, {}).get(state)
            if got is None:
                problems.append(f"{guide_id} #{state}: state no longer exists")
                continue
            text = _clean(" ".join(got)).casefold()  # a sentence may now stand inside the summary
            # Each sentence once per card: a sentence may now stand in another item of the card.
            sentences = [p for f in map(_clean, before) if f not in MAY_GO for p in SENTENCE.split(f) if p]
            lost = [p for p in sentences if p.casefold() not in text]
            if lost:
                problems.append(f"{guide_id} #{state}: no longer says {lost[:3]}")
    assert not problems, f"{len(problems)} states lost words:\n" + "\n".join(problems[:10])


def test_the_bad_link_message_says_the_same_words(now):
    assert now["error"] == BEFORE["error"], _diff(" ".join(BEFORE["error"]), " ".join(now["error"]))


def test_every_table_on_the_pages_says_the_same_words(now):
    problems = []
    for where, before in BEFORE["pages"].items():
        a, b = _clean(" ".join(before)), _clean(" ".join(now["pages"].get(where, [])))
        if a != b:
            problems.append(f"{where}:\n{_diff(a, b)}")
    assert not problems, f"{len(problems)} macro calls differ:\n" + "\n\n".join(problems[:5])
