"""The source documents, for checking citations against them."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("HANDBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))


def normalise(text: str, join_hyphens: bool) -> str:
    """Fold whitespace; optionally join words hyphenated across a line break ("sen-\\n des")."""
    if join_hyphens:
        text = re.sub(r"-[ \t]*\n\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(file: str) -> tuple[str, str]:
    raw = (SEEDS / file).read_text(encoding="utf-8")
    return normalise(raw, True), normalise(raw, False)


def quote_in_source(file: str, quote: str) -> bool:
    q = normalise(quote, False)
    joined, plain = source_text(file)
    return q in joined or q in plain
