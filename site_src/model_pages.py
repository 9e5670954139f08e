"""Build hook: every page knows whose model it belongs to, and explains the glossary's terms.

A model's pages live in ``docs/<model id>/``. The page gets its model's navigation title as a
tag (Material's tags plugin shows it above the title and the search shows it on every result,
so a page from another municipality's model is never mistaken for one's own) and a
``data-model`` attribute that the chooser script compares with the reader's own model.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
import tempfile
from pathlib import Path

from guides import glossary, registry, ui


def on_config(config):
    """Explain every glossary term on every page: the terms become Markdown abbreviations,
    appended to each page by pymdownx.snippets (Material shows them as tooltips)."""
    path = Path(tempfile.mkdtemp(prefix="handbook-")) / "abbreviations.md"
    path.write_text(glossary.abbreviations_markdown(), encoding="utf-8")
    for ext in ("abbr", "pymdownx.snippets"):
        if ext not in config.markdown_extensions:
            config.markdown_extensions.append(ext)
    config.mdx_configs["pymdownx.snippets"] = {"base_path": [str(path.parent)], "auto_append": [path.name], "check_paths": True}
    return config


def model_of(src_uri: str):
    """The model whose folder holds this page, or None (home, about, training pages ...)."""
    folder = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    return registry.models().get(folder)


def _section_title(page) -> str | None:
    ancestors = list(page.ancestors)
    return ancestors[-1].title if ancestors else None


def on_page_markdown(markdown, page, config, files):
    model = model_of(page.file.src_uri)
    if model is None:
        return markdown
    label = _section_title(page) or model.title
    tags = page.meta.setdefault("tags", [])
    if label not in tags:
        tags.insert(0, label)
    page.meta["model"] = model.id
    return markdown


def _texts_json() -> str:
    keys = {"yours": "chooser_yours", "change": "chooser_change", "other": "chooser_other_model", "only_mine": "search_only_mine"}
    return json.dumps({k: ui.text(v) for k, v in keys.items()}, ensure_ascii=False)


# The search index strips tags, so without whitespace at block edges the words of adjacent cells,
# list items and citations run together in search snippets ("DeltagereHvorFaste").
# (also <br>, and the training pages' line spans, which CSS sets on lines of their own)
_BLOCKS = "td|th|dt|dd|li|ul|ol|dl|p|div|summary|details|q|h[1-6]|tr|table|section|article|label|blockquote|figcaption|legend"
_BLOCK_EDGE = re.compile(rf"(</(?:{_BLOCKS})>|</span>(?=<span class=\"t-line))(?=<)|(?<=\S)(?=<(?:{_BLOCKS}|br)\b)")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def space_blocks(html: str) -> str:
    """A line break at block edges that touch text or tags (outside <pre>, where breaks show)."""
    parts = _PRE.split(html)
    return "".join(p if i % 2 else _BLOCK_EDGE.sub(lambda m: (m.group(1) or "") + "\n", p) for i, p in enumerate(parts))


def on_page_content(html, page, config, files):
    """Mark the content with its model (the chooser warns when it is not the reader's) and give the
    chooser script its Danish texts. They sit in an attribute, not a <script type="application/json">:
    Material's instant navigation re-creates a new page's scripts without their type, and would run
    the JSON as code."""
    texts = f'<div id="g-chooser-texts" data-texts="{html_escape(_texts_json(), quote=True)}" hidden></div>'
    model_id = page.meta.get("model")
    tag = html_escape(page.meta["tags"][0]) if model_id else ""
    scope = f'<div class="g-model-scope" data-model="{model_id}" data-tag="{tag}" hidden></div>' if model_id else ""
    return f"{texts}{scope}{space_blocks(html)}"
