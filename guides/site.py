"""Site-wide pieces built from the models' data: the home page's model chooser.

Which page holds a guide is read from the pages themselves (the page that calls
``{{ guide("<id>") }}``), so the chooser links where the guide really is.
"""

from __future__ import annotations

from pathlib import Path

from . import registry, ui
from .templating import render


def guide_pages(docs_dir: Path) -> dict[str, str]:
    """Guide id -> the docs path of the page that holds it (its ``{{ guide("id") }}``)."""
    from .web import pages

    return pages(docs_dir)["guides"]


def page_url(docs_path: str) -> str:
    """The directory URL MkDocs gives a docs path (``randers/guide.md`` -> ``randers/guide/``)."""
    path = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return path


def chooser_html(docs_dir: Path, tags: dict[str, str], from_url: str = "") -> str:
    """The home page's "Hvor arbejder du?" / "Hvad står du med?" chooser.

    ``tags`` maps a model id to its label (its navigation section's title)."""
    pages = guide_pages(docs_dir)
    prefix = "../" * (from_url.strip("/").count("/") + 1) if from_url.strip("/") else ""
    models = []
    for model in registry.models().values():
        guides = [
            {"title": flow.title, "intro": flow.intro, "href": prefix + page_url(pages[gid])}
            for gid, flow in registry.guides().items()
            if flow.model.id == model.id and gid in pages
        ]
        models.append({
            "id": model.id,
            "tag": tags.get(model.id, model.title),
            "title": model.title,
            "summary": model.summary,
            "href": f"{prefix}{model.id}/",
            "guides": guides,
        })
    models.sort(key=lambda m: m["tag"])
    return render("site/chooser.j2", text=ui.texts(), models=models)
