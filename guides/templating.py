"""The one Jinja2 environment every piece of HTML is rendered through (autoescaped).

Templates live in ``guides/templates/``; a model may override any of them from its own
``templates/`` folder (looked up first), the way Material's ``custom_dir`` overrides theme blocks.
The same templates render at build time (CPython) and in the reader's browser (Pyodide).
"""

from __future__ import annotations

from functools import cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment(model_package: str | None = None) -> Environment:
    loaders = []
    if model_package:
        try:
            loaders.append(PackageLoader(model_package, "templates"))
        except ValueError:  # the model has no templates/ folder of its own
            pass
    loaders.append(PackageLoader("guides", "templates"))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, model_package: str | None = None, **context) -> str:
    return environment(model_package).get_template(template).render(**context)
