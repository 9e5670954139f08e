"""The workshop page's shell (build time): the element ``workshop.js`` mounts on, with the models
to start from and their golden scenarios as JSON data (autoescaped Jinja2; no string is markup)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .. import registry
from ..web import WHEEL, root_prefix, version
from . import report

CASES = Path(__file__).resolve().parents[2] / "tests" / "cases"

_env = Environment(
    loader=PackageLoader("guides.workshop", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)


def page_data() -> dict:
    models, scenarios = [], {}
    for m in registry.models().values():
        package = m.package.rsplit(".", 1)[-1]
        models.append({"id": m.id, "title": m.title, "municipality": m.municipality})
        f = CASES / f"{package}.toml"
        scenarios[m.id] = report.scenarios_of(f.read_text(encoding="utf-8")) if f.is_file() else []
    return {"models": models, "scenarios": scenarios}


def shell_html(page_url: str) -> str:
    assets = root_prefix(page_url) + "assets/"
    return _env.get_template("shell.j2").render(assets=assets, wheel=WHEEL, version=version(), data=page_data())
