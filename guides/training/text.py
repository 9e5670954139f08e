"""Interface text of the teaching pages (``text.toml``), loaded once."""

from functools import cache

from ..data import read_toml


@cache
def _text() -> dict:
    data, _ = read_toml("guides.training", "text.toml")
    return data


def text(key: str) -> str:
    return _text()["text"][key]


def section(name: str) -> dict:
    return _text()[name]
