"""Every word the guides and tables rendered before the move to templates is still rendered.

``tests/fixtures/render_before.json.gz`` holds the text (whitespace collapsed) of every state of
every guide, a bad link and every macro call on the pages, produced by ``python -m tests.render_text``
with the code of commit f5cd0eb (hand-written HTML). The test renders the same with today's code and
reports every difference.
"""

from __future__ import annotations

import difflib
import gzip
import json
from pathlib import Path

import pytest

from tests.render_text import snapshot

BEFORE = json.loads(gzip.decompress((Path(__file__).parent / "fixtures" / "render_before.json.gz").read_bytes()))

# Words changed on purpose, each with its reason: (before, now).
CHANGED = [
    # Issue 8: the Randers level 3 and 4 summaries now quote the deadline from the data
    # (deadlines.dagsorden-5-arbejdsdage) instead of retyping it.
    ("med det gule skema og sender dagsorden til forældre og samarbejdspartnere senest 5 arbejdsdage før mødet.",
     "med det gule skema. Lederen sender dagsorden til forældre og samarbejdspartnere senest 5 arbejdsdage før mødet."),
    ("Der indkaldes med det gule skema, og dagsordenen sendes senest 5 arbejdsdage før mødet.",
     "Der indkaldes med det gule skema. Lederen sender dagsorden til forældre og samarbejdspartnere senest 5 arbejdsdage før mødet."),
]


def _expected(before: str) -> str:
    for old, new in CHANGED:
        before = before.replace(old, new)
    return before


@pytest.fixture(scope="module")
def now():
    return snapshot()


def _diff(a: str, b: str) -> str:
    return "\n".join(difflib.unified_diff(a.split(" "), b.split(" "), "before", "now", n=3, lineterm=""))[:3000]


def test_every_guide_state_says_the_same_words(now):
    problems = []
    for guide_id, states in BEFORE["states"].items():
        for state, before in states.items():
            got = now["states"].get(guide_id, {}).get(state)
            before = _expected(before)
            if got is None:
                problems.append(f"{guide_id} #{state}: state no longer exists")
            elif got != before:
                problems.append(f"{guide_id} #{state}:\n{_diff(before, got)}")
    assert not problems, f"{len(problems)} states differ:\n" + "\n\n".join(problems[:5])


def test_the_bad_link_message_says_the_same_words(now):
    assert now["error"] == BEFORE["error"], _diff(BEFORE["error"], now["error"])


def test_every_table_on_the_pages_says_the_same_words(now):
    problems = [
        f"{where}:\n{_diff(before, now['pages'].get(where, ''))}"
        for where, before in BEFORE["pages"].items()
        if now["pages"].get(where) != before
    ]
    assert not problems, f"{len(problems)} macro calls differ:\n" + "\n\n".join(problems[:5])
