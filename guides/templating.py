"""The one Jinja2 environment every piece of HTML is rendered through (autoescaped).

Templates live in ``guides/templates/``; a model may override any of them from its own
``templates/`` folder (looked up first), the way Material's ``custom_dir`` overrides theme blocks.
The same templates render at build time (CPython) and in the reader's browser (Pyodide).
Every template sees ``ui`` (the interface text of ``content/ui.toml``) and ``zip``.
"""

from __future__ import annotations

from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import ui


@cache
def environment(model_package: str | None = None) -> Environment:
    loaders = []
    if model_package:
        try:
            loaders.append(PackageLoader(model_package, "templates"))
        except ValueError:  # the model has no templates/ folder of its own
            pass
    loaders.append(PackageLoader("guides", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(ui=ui.all_text(), zip=zip)
    return env


def render(template: str, model_package: str | None = None, **context) -> Markup:
    """A template rendered with plain data; the result is markup (safe to nest in another template)."""
    return Markup(environment(model_package).get_template(template).render(**context))
