"""The words of everything the guides and tables render, for comparing two versions of the code.

``snapshot()`` renders every state of every guide (questions, outcomes), a bad link, the static
fallback and every model table, and returns their text content: block elements become separate
fragments, whitespace is collapsed. Standard library only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "summary", "q", "td", "th", "legend",
    "label", "button", "div", "section", "details", "ul", "ol", "dl", "table", "tr", "blockquote", "nav",
}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.current: list[str] = []

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.parts.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)


def fragments(html: str) -> list[str]:
    """The text of an HTML string, one fragment per block (whitespace collapsed)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.parts


def text(html: str) -> str:
    return " ".join(fragments(html))


def _macros() -> dict:
    """The pages' macros, as mkdocs-macros registers them (``macros/main.py``)."""
    from pathlib import Path

    import macros.main

    class Env:
        def __init__(self):
            self.macros = {}
            self.variables = {}
            file = type("File", (), {"src_uri": "index.md"})()
            self.page = type("Page", (), {"url": "model/guide/", "file": file})()
            self.conf = {"docs_dir": str(Path(__file__).resolve().parent.parent / "docs")}

        def macro(self, fn, name=None):
            self.macros[name or fn.__name__] = fn
            return fn

    env = Env()
    macros.main.define_env(env)
    return env.macros


def snapshot() -> dict:
    """Text fragments of every guide state, a bad link, and every macro call in docs/ (guides excluded)."""
    from pathlib import Path

    from guides import api, registry

    out: dict = {"states": {}, "pages": {}}
    for guide_id, flow in sorted(registry.guides().items()):
        out["states"][guide_id] = {s.state: fragments(api.step(guide_id, s.state)["html"]) for s in flow.walk()}
    out["error"] = fragments(api.step("randers-niveau", "no=such")["html"])
    macros = _macros()
    docs = Path(__file__).resolve().parent.parent / "docs"
    for page in sorted(docs.rglob("*.md")):
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for call in re.findall(r"{{\s*((\w+)\(.*?\))\s*}}", line):
                if call[1] in ("guide", "ref"):
                    continue
                if call[1] not in macros:
                    continue
                html = eval(call[0], {}, macros)  # the page's own macro call
                out["pages"][f"{page.relative_to(docs)}:{n}:{call[1]}"] = fragments(html)
    return out


if __name__ == "__main__":
    import json
    import sys

    json.dump(snapshot(), sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
