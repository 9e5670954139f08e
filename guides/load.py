"""Load and check a model that is not (yet) part of the package: a folder, or texts in memory.

    load_folder(path)            a model folder anywhere on disk (model.toml, model-*.toml,
                                 <guide>.toml + <guide>.py); the guides' routing is imported
    load_texts({name: text})     the same files as texts (e.g. from an in-browser workshop); a
                                 ``<guide>.py`` text is run as that guide's routing if given

Both return a ``Loaded`` (the model and its guides by id) after the same checks as the
package's own models (``validate`` walks every guide that has routing); problems raise
``ModelError`` / ``FlowError`` with messages ``<file>: <path.to.field>: <problem>``.
"""

from __future__ import annotations

import itertools
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

from .data import Files, register
from .engine import Flow
from .errors import FlowError
from .model import Model, load_model

_names = itertools.count(1)


@dataclass
class Loaded:
    model: Model
    guides: dict[str, Flow] = field(default_factory=dict)
    package: str = ""
    routed: set[str] = field(default_factory=set)  # guides whose routing was given

    def validate(self) -> None:
        """Every guide with routing walked (unreachable nodes, missing routes, uncited cards)."""
        for guide_id in sorted(self.routed):
            self.guides[guide_id].validate()


def guide_names(names: list[str]) -> list[str]:
    """The guides among a model's files: every ``<name>.toml`` that is not model data."""
    return sorted(n[:-5] for n in names if n.endswith(".toml") and n != "model.toml" and not n.startswith("model-"))


def _package(files: Files, folder: str | None) -> str:
    """A fresh package name for the model's files, registered so the loaders find them."""
    name = f"guides_loaded_{next(_names)}"
    register(name, files)
    module = types.ModuleType(name)
    module.__path__ = [folder] if folder else []
    module.__package__ = name
    sys.modules[name] = module
    return name


def _routing(package: str, guide: str, source: str, shown: str) -> Flow:
    """Run a guide's routing module (its ``flow = Flow(__package__, "<guide>.toml")``)."""
    module = types.ModuleType(f"{package}.{guide}")
    module.__package__ = package
    module.__file__ = shown
    sys.modules[module.__name__] = module
    exec(compile(source, shown, "exec"), module.__dict__)
    flow = getattr(module, "flow", None)
    if not isinstance(flow, Flow):
        raise FlowError(f"{shown}: a guide module must define 'flow = Flow(__package__, \"{guide}.toml\")'")
    return flow


def _load(files: Files, folder: str | None) -> Loaded:
    package = _package(files, folder)
    loaded = Loaded(load_model(package), package=package)
    names = files.names()
    for guide in guide_names(names):
        if f"{guide}.py" in names:
            flow = _routing(package, guide, files.read(f"{guide}.py"), files.shown(f"{guide}.py"))
            loaded.routed.add(flow.id)
        else:
            flow = Flow(package, f"{guide}.toml")  # text only: checked, not walked
        if flow.id in loaded.guides:
            raise FlowError(f"guide id {flow.id!r} is used twice ({loaded.guides[flow.id].file}, {flow.file})")
        loaded.guides[flow.id] = flow
        flow.siblings = loaded.guides  # related guides are looked up among these first
    loaded.validate()
    return loaded


def load_folder(path) -> Loaded:
    """Load and check the model folder at ``path`` (anywhere on disk)."""
    folder = Path(path)
    if not (folder / "model.toml").is_file():
        raise FlowError(f"{folder}: no model.toml (a model folder holds model.toml and its guides)")
    return _load(Files.folder(folder), str(folder))


def load_texts(texts: dict[str, str], shown: str = "model") -> Loaded:
    """Load and check a model given as {file name: text}; ``shown`` prefixes the names in messages."""
    return _load(Files.texts(dict(texts), shown), None)
