"""The workshop's command line twins (wired into ``python -m guides``):

    python -m guides validate PATH          a model folder outside the package (e.g. an unzipped download)
    python -m guides diff PATH_A PATH_B     the consequence report of B against A

Both use the same loader, Danish problems and report as the page.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import load, report

CASES = Path(__file__).resolve().parents[2] / "tests" / "cases"


def _print_problems(ws) -> None:
    for p in ws.problems:
        where = " ".join(x for x in (p["entry"], p["field"]) if x)
        print(f"{p['file']}: {where + ': ' if where else ''}{p['problem']}", file=sys.stderr)


def _unzip_if_zip(path: str) -> str:
    if path.endswith(".zip") and Path(path).is_file():
        import tempfile

        from .archive import ImportRefused, import_zip

        try:
            got = import_zip(Path(path).read_bytes())
        except ImportRefused as exc:
            print(f"fejl: {exc}", file=sys.stderr)
            raise SystemExit(1)
        folder = Path(tempfile.mkdtemp(prefix="workshop-zip-")) / got["folder"]
        folder.mkdir()
        for name, text in got["files"].items():
            (folder / name).write_text(text, encoding="utf-8")
        if got["base"]:
            (folder / load.WORKSHOP_FILE).write_text(f'base = "{got["base"]}"\n', encoding="utf-8")
        return str(folder)
    return path


def cmd_validate(args) -> int:
    ws = load.load_folder(_unzip_if_zip(args.path))
    if not ws.ok:
        _print_problems(ws)
        print(f"fejl: {len(ws.problems)} problem(er) i {args.path}", file=sys.stderr)
        return 1
    print(f"ok: model {ws.model.id}, {len(ws.flows)} guides (ruter fra {ws.base or 'mappen selv'})")
    return 0


def _scenarios(model_id: str) -> list[dict]:
    f = CASES / f"{model_id}.toml"
    return report.scenarios_of(f.read_text(encoding="utf-8")) if f.is_file() else []


def _exercises(path: str) -> list[dict]:
    f = Path(path) / "exercises.toml"
    return report.exercises_of(f.read_text(encoding="utf-8")) if f.is_file() else []


def cmd_diff(args) -> int:
    a = load.load_folder(_unzip_if_zip(args.path_a))
    b = load.load_folder(_unzip_if_zip(args.path_b), base=a.base or None) if a.ok else None
    for ws in (a, b):
        if ws is not None and not ws.ok:
            _print_problems(ws)
            return 1
    rep = report.diff(a.flows, b.flows, scenarios=_scenarios(a.model.id), exercises=_exercises(args.path_a))
    print(json.dumps(rep, ensure_ascii=False, indent=2) if args.json else report.as_text(rep))
    return 0


def register(sub) -> None:
    """Add ``diff`` and the PATH of ``validate`` to the subcommands of ``python -m guides``."""
    v = sub.choices.get("validate")
    if v is not None:
        previous = v.get_default("fn")
        if not any(a.dest == "path" for a in v._actions):
            v.add_argument("path", nargs="?", metavar="PATH", help="a model folder (or its zip) outside the package")
        v.set_defaults(fn=lambda args: cmd_validate(args) if getattr(args, "path", None) else previous(args))
    p = sub.add_parser("diff", help="what changes in every outcome, golden scenario and exercise from model folder A to B")
    p.add_argument("path_a", metavar="PATH_A")
    p.add_argument("path_b", metavar="PATH_B")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_diff)
