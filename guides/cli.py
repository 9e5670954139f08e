"""Command line: check a flow without a browser.

    python -m guides list
    python -m guides answer <guide> [<question>=<option> ...] [--json]
    python -m guides validate [PATH]
"""

from __future__ import annotations

import argparse
import json
import sys

from . import registry
from .engine import Outcome, Question
from .errors import AnswerError, FlowError, ModelError


def cmd_list(_args) -> int:
    for flow in registry.guides().values():
        print(f"{flow.id}  ({flow.model.municipality}: {flow.model.title})")
        print(f"  {flow.title}")
        for q in flow.questions.values():
            print(f"  {q.id}: {q.text}")
            for o in q.options:
                print(f"    {q.id}={o.id}  {o.label}")
        print(f"  outcomes: {', '.join(flow.outcomes)}")
        print()
    return 0


def outcome_dict(flow, step) -> dict:
    from .present import outcome_rules, plain_text, ref_item

    def item(ref):
        e = flow.model.ref(ref)
        uncertain = ref_item(flow.model, ref, notes=False)["uncertain"]
        return {"ref": ref, "text": plain_text(flow.model, ref), "uncertain": uncertain, "cite": [c.as_dict() for c in e.cite]}

    o: Outcome = step.node
    return {
        "kind": "outcome",
        "id": o.id,
        "title": o.title,
        "summary": o.summary,
        "card": {row.key: [item(r) for r in row.refs] for row in o.card},
        "why": [item(f"rules:{r}") for r in outcome_rules(step)],
    }


def cmd_answer(args) -> int:
    flow = registry.guide(args.guide)
    try:
        step = flow.resolve([tuple(a.split("=", 1)) if "=" in a else (a, "") for a in args.answers])
    except AnswerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if isinstance(step.node, Question):
        q = step.node
        data = {"kind": "question", "id": q.id, "text": q.text, "options": [{"id": o.id, "label": o.label} for o in q.options]}
    else:
        data = outcome_dict(flow, step)
    data["answers"] = step.state
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if data["kind"] == "question":
        print(f"next question {data['id']}: {data['text']}")
        for o in data["options"]:
            print(f"  {data['id']}={o['id']}  {o['label']}")
        return 0
    print(f"outcome {data['id']}: {data['title']}\n  {data['summary']}")
    for key, items in data["card"].items():
        print(f"  [{key}]")
        for i in items:
            print(f"    - {i['text']}  ({'; '.join(c['source'] + ', ' + c['section'] for c in i['cite'])})")
    print("  [hvorfor]")
    for i in data["why"]:
        print(f"    - {i['text']}")
    return 0


def cmd_validate(args) -> int:
    # With a PATH, the workshop's twin checks that folder (or zip): see guides/workshop/cli.py.
    registry.validate_all()
    print(f"ok: {len(registry.models())} models, {len(registry.guides())} guides")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guides", description="The handbook's decision guides.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list", help="every guide, its questions and option ids").set_defaults(fn=cmd_list)
    p = sub.add_parser("answer", help="the next question or the outcome for some answers")
    p.add_argument("guide")
    p.add_argument("answers", nargs="*", metavar="question=option")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_answer)
    sub.add_parser("validate", help="load and check every model and guide").set_defaults(fn=cmd_validate)
    from .workshop.cli import register  # the workshop's twins: validate PATH, diff PATH_A PATH_B

    register(sub)
    args = parser.parse_args(argv)
    try:
        return args.fn(args)
    except (ModelError, FlowError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
