"""Teaching material ("Undervisning") generated from the models and guides.

* ``exercises``: case exercises (``guides/models/<model>/exercises.toml``), each a path through a
  guide; the options and right answers come from the outcome the path reaches and from the other
  outcomes of the same guide. ``check_all()`` runs every case against the engine (CPython and
  Pyodide) and returns the problems, each naming the case.
* ``dilemmas``: discussion cards from the rules the data marks ``silent`` or ``ambiguity``.
* ``topics``: what each model says per topic (handout and "Modellerne side om side").
* ``flowchart``: a guide's flow as a tree, from the engine's walk.
* ``render``: the HTML of the pages (Jinja2 templates in ``guides/templates/training/``).

Only ``render`` needs Jinja2; the rest is standard library, so ``check_all`` runs in Pyodide.
"""

from .exercises import check_all

__all__ = ["check_all"]
