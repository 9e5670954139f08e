"""The one Jinja2 environment every piece of HTML is rendered through (autoescaped).

Templates live in ``guides/templates/``; a model may override any of them from its own
``templates/`` folder (looked up first), the way Material's ``custom_dir`` overrides theme blocks.
The same templates render at build time (CPython) and in the reader's browser (Pyodide).
Every template sees ``ui`` (the interface text of ``content/ui.toml``) and ``zip``.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import ui


def environment(model_package: str | None = None) -> Environment:
    """The environment for a model: its own templates first, if it has any; else the shared one
    (so each template is compiled once, not once per model)."""
    return _environment(_model_loader(model_package) if model_package else None)


@cache
def _model_loader(model_package: str) -> PackageLoader | None:
    try:
        return PackageLoader(model_package, "templates")
    except ValueError:  # the model has no templates/ folder of its own
        return None


@cache
def _environment(model_loader: PackageLoader | None) -> Environment:
    loaders = [model_loader] if model_loader else []
    loaders.append(PackageLoader("guides", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(ui=ui.all_text(), zip=zip)
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|")  # a Markdown table cell
    env.filters["linkify"] = linkify
    return env


# Web addresses and e-mail addresses in a text (a source's contact details) become links.
_LINK = re.compile(r"https?://[^\s<>\"]+|www\.[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def linkify(text) -> Markup:
    """A plain text, escaped, with its web and e-mail addresses as links."""
    text = str(text)
    out, pos = [], 0
    for match in _LINK.finditer(text):
        address = match.group(0).rstrip(".,;:)")
        out += [escape(text[pos:match.start()])]
        target = address if address.startswith("http") else f"mailto:{address}" if "@" in address else f"https://{address}"
        out += [Markup('<a href="{}">{}</a>').format(target, address)]
        pos = match.start() + len(address)
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def render(template: str, model_package: str | None = None, **context) -> Markup:
    """A template rendered with plain data; the result is markup (safe to nest in another template)."""
    return Markup(environment(model_package).get_template(template).render(**context))
