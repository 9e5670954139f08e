"""What the workshop page asks (through ``workshop-worker.js``), as JSON in and JSON out.

Every function catches what it can foresee and returns Danish messages as data; the worker wraps
each call once more, so the page never shows a Python traceback.
"""

from __future__ import annotations

import base64
import json
import tomllib

from .. import html, registry
from ..engine import Outcome
from ..errors import AnswerError, FlowError
from . import archive, labels, load, report, tomlw

# The last "Afprøv": the edited model's flows, which the page clicks through.
_current: dict = {"ws": None, "original": {}, "snapshots": {}}


def _j(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def models() -> str:
    return _j([{"id": m.id, "title": m.title, "municipality": m.municipality} for m in registry.models().values()])


def schema() -> str:
    return _j(labels.forms())


def start(model_id: str) -> str:
    """The texts of one of the handbook's models: where an ambassador starts."""
    try:
        files = load.original_files(model_id)
    except KeyError:
        return _j({"ok": False, "error": f"Modellen '{model_id}' findes ikke i håndbogen."})
    return _j({"ok": True, "base": model_id, "folder": model_id, "files": files})


def parse(name: str, text: str) -> str:
    """One file as data for the forms, or its problems."""
    problems = load.precheck({name: text, **({} if name == "model.toml" else {"model.toml": "[model]\n"})}, markup=False)
    problems = [p for p in problems if p["file"] == name]
    if problems:
        return _j({"ok": False, "problems": problems})
    return _j({"ok": True, "data": tomllib.loads(text)})


def dump(data_json: str) -> str:
    """Form data back to TOML text."""
    try:
        return _j({"ok": True, "text": tomlw.dumps(json.loads(data_json))})
    except (TypeError, ValueError) as exc:
        return _j({"ok": False, "error": f"Data kunne ikke skrives som TOML ({type(exc).__name__})."})


def _original_flows(base: str) -> dict:
    if base not in _current["original"]:
        flows = {gid: f for gid, f in registry.guides().items() if f.model.id == base}
        _current["original"][base] = flows
        _current["snapshots"][base] = report.snapshot(flows)
    return _current["original"][base]


def check(request_json: str) -> str:
    """"Afprøv": validate the edited files like the build; if they load, the consequence report."""
    try:
        return _check(json.loads(request_json))
    except Exception as exc:  # the page shows one Danish sentence, never a traceback
        problem = {"file": "", "entry": "", "field": "", "where": "", "detail": type(exc).__name__,
                   "problem": f"Værkstedet kunne ikke afprøve modellen ({type(exc).__name__}). Dit arbejde er gemt og uændret."}
        return _j({"ok": False, "problems": [problem], "guides": [], "report": None})


def _check(req: dict) -> str:
    files, base = req.get("files") or {}, req.get("base")
    old = _current["ws"]
    ws = load.load_files(files, base=base)
    out = {"ok": ws.ok, "problems": ws.problems, "guides": [], "report": None}
    if ws.ok:
        if old is not None:
            load.discard(old)
        _current["ws"] = ws
        original = _original_flows(ws.base)
        exercises = []
        try:
            pkg = load.base_package(ws.base)
            from importlib import resources

            ex = resources.files(pkg).joinpath("exercises.toml")
            if ex.is_file():
                exercises = report.exercises_of(ex.read_text(encoding="utf-8"))
        except (KeyError, tomllib.TOMLDecodeError):
            exercises = []
        out["report"] = report.diff(original, ws.flows, scenarios=req.get("scenarios") or [], exercises=exercises,
                                    before_snapshot=_current["snapshots"][ws.base])
        out["guides"] = [{"id": f.id, "title": f.title, "intro": f.intro} for f in ws.flows.values()]
    else:
        load.discard(ws)
    return _j(out)


def step(guide_id: str, fragment: str) -> str:
    """A state of a guide of the edited model (as ``guides.api.step``, on the edited flows)."""
    ws = _current["ws"]
    flow = ws.flows.get(guide_id) if ws else None
    if flow is None:
        return _j({"ok": False, "kind": "error", "html": html.error_html("guiden findes ikke i den afprøvede model")})
    try:
        s = flow.resolve(fragment)
    except (AnswerError, FlowError) as exc:
        return _j({"ok": False, "kind": "error", "state": fragment, "html": html.error_html(str(exc))})
    kind = "outcome" if isinstance(s.node, Outcome) else "question"
    return _j({"ok": True, "kind": kind, "node": s.node.id, "state": s.state, "html": html.step_html(flow, s)})


def export_zip(request_json: str) -> str:
    req = json.loads(request_json)
    data = archive.export_zip(req["files"], req.get("folder") or req["base"], req["base"])
    return _j({"ok": True, "zip": base64.b64encode(data).decode("ascii")})


def import_zip(b64: str) -> str:
    try:
        got = archive.import_zip(base64.b64decode(b64))
    except archive.ImportRefused as exc:
        return _j({"ok": False, "error": str(exc)})
    return _j({"ok": True, **got})
