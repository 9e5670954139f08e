"""Every model and guide, found by looking in ``guides/models/``.

A model folder holds ``model.toml`` (+ ``model-*.toml``) and, per guide, ``<guide>.toml`` (its
text) beside ``<guide>.py`` (its routing, a module-level ``flow``); the two are paired by name.
Adding a model adds a folder; adding a guide adds two files; nothing here changes.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib import resources

from .engine import Flow
from .errors import FlowError
from .model import Model, load_model


@cache
def model_packages() -> tuple[str, ...]:
    root = resources.files("guides.models")
    names = sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("model.toml").is_file())
    return tuple(f"guides.models.{n}" for n in names)


def guide_names(package: str) -> list[str]:
    """The guides of a model package: every ``<name>.py`` that has a ``<name>.toml`` beside it."""
    files = {p.name for p in resources.files(package).iterdir()}
    return sorted(n[:-3] for n in files if n.endswith(".py") and n != "__init__.py" and f"{n[:-3]}.toml" in files)


@cache
def guides() -> dict[str, Flow]:
    out: dict[str, Flow] = {}
    for package in model_packages():
        for name in guide_names(package):
            flow = getattr(importlib.import_module(f"{package}.{name}"), "flow", None)
            if not isinstance(flow, Flow):
                raise FlowError(f"{package}.{name}: a guide module must define 'flow = Flow(__package__, \"{name}.toml\")'")
            if flow.id in out:
                raise FlowError(f"guide id {flow.id!r} is used twice ({out[flow.id].file}, {flow.file})")
            out[flow.id] = flow
    return out


@cache
def models() -> dict[str, Model]:
    """Models by id (loaded once: a model's guides and its pages share one Model)."""
    loaded = (load_model(p) for p in model_packages())
    return {m.id: m for m in loaded}


def guide(guide_id: str) -> Flow:
    try:
        return guides()[guide_id]
    except KeyError:
        raise FlowError(f"unknown guide {guide_id!r}; known: {', '.join(sorted(guides()))}") from None


def model(model_id: str) -> Model:
    try:
        return models()[model_id]
    except KeyError:
        raise FlowError(f"unknown model {model_id!r}; known: {', '.join(sorted(models()))}") from None


def validate_all() -> None:
    for flow in guides().values():
        flow.validate()
