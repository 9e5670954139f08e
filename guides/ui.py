"""Interface text (``content/ui.toml``), loaded once."""

from functools import cache

from .data import read_toml


@cache
def all_text() -> dict:
    data, _ = read_toml("guides.content", "ui.toml")
    return data


def texts() -> dict[str, str]:
    return all_text()["text"]


def text(key: str) -> str:
    return all_text()["text"][key]


def card_labels() -> dict[str, str]:
    return all_text()["card"]


def card_labels_takes_part() -> dict[str, str]:
    return all_text()["takes_part"]


def label(table: str, key: str) -> str:
    """A label of the handbook's tables (``[tables]`` in ui.toml)."""
    return all_text()["tables"][table][key]
