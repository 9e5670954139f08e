"""Interface text (``content/ui.toml``), loaded once."""

from functools import cache

from .data import read_toml


@cache
def _ui() -> dict:
    data, _ = read_toml("guides.content", "ui.toml")
    return data


def texts() -> dict[str, str]:
    return _ui()["text"]


def text(key: str) -> str:
    return _ui()["text"][key]


def card_labels() -> dict[str, str]:
    return _ui()["card"]


def card_labels_takes_part() -> dict[str, str]:
    return _ui()["takes_part"]
