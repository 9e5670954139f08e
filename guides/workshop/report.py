"""The consequence report: every outcome over all paths, before and after, as plain data.

An outcome ("udfald") is one outcome of one guide. Its content is what the card shows: title,
summary, each card row's items (the text of each reference, the texts it points on to, such as a
meeting's deadlines and convener, and its citations) and the rules under "Hvorfor?" on its paths.
``diff`` compares two sets of flows outcome by outcome, path by path, and reruns the golden
scenarios and the course exercises on both.
"""

from __future__ import annotations

import re
import tomllib
from html import unescape

from .. import ui
from ..engine import Flow, Outcome
from ..errors import AnswerError, FlowError
from .labels import field_label, field_spec


def _plain(model, ref: str) -> str:
    try:  # core's presenters, when present
        from ..present import plain_text

        return plain_text(model, ref)
    except ImportError:
        from ..html import ref_text

        text, _ = ref_text(model, ref)
        return unescape(re.sub(r"<[^>]+>", "", text))


def _cites(entry) -> list[str]:
    return [f"{c.label()}: »{c.quote}«" for c in entry.cite]


def item(model, ref: str) -> dict:
    """One card item: its text, the texts of the entries it points on to, its citations."""
    entry = model.ref(ref)
    details = []
    spec = field_spec(entry.kind)
    for name, ftype in spec.items():
        target = ftype[5:-1] if ftype.startswith("list[") else ftype
        if not target.startswith("ref:"):
            continue
        kind = target[4:]
        value = entry.get(name)
        for key in (value if isinstance(value, list) else [value] if value else []):
            if isinstance(key, str) and model.has(kind, key):
                details.append(f"{field_label(entry.kind, name)}: {_plain(model, f'{kind}:{key}')}")
    return {"ref": ref, "text": _plain(model, ref), "details": details, "cite": _cites(entry)}


def _rules_of(step) -> list[str]:
    rules = list(step.because)
    return rules + [r for r in step.node.why if r not in rules]


def snapshot(flows: dict[str, Flow]) -> dict:
    """{(guide, outcome): content} and {(guide, path): outcome} over every path of every guide."""
    outcomes: dict[tuple[str, str], dict] = {}
    paths: dict[tuple[str, str], str] = {}
    labels = ui.card_labels()
    for gid, flow in flows.items():
        for step in flow.walk():
            if not isinstance(step.node, Outcome):
                continue
            o = step.node
            paths[(gid, step.state)] = o.id
            unit = outcomes.get((gid, o.id))
            if unit is None:
                unit = outcomes[(gid, o.id)] = {
                    "guide": gid, "guide_title": flow.title, "outcome": o.id, "title": o.title, "summary": o.summary,
                    "rows": [{"key": r.key, "label": labels.get(r.key, r.key), "items": [item(flow.model, ref) for ref in r.refs]} for r in o.card],
                    "why": {}, "paths": [],
                }
            unit["paths"].append(step.state)
            for rid in _rules_of(step):
                unit["why"].setdefault(rid, _plain(flow.model, f"rules:{rid}") if flow.model.has("rules", rid) else rid)
    return {"outcomes": outcomes, "paths": paths}


def _item_line(i: dict) -> str:
    line = i["text"]
    if i["details"]:
        line += " (" + "; ".join(i["details"]) + ")"
    return line


def _compare_units(a: dict, b: dict) -> list[dict]:
    changes = []
    if a["title"] != b["title"]:
        changes.append({"what": "Titel", "ref": "", "before": a["title"], "after": b["title"]})
    if a["summary"] != b["summary"]:
        changes.append({"what": "Kort sagt", "ref": "", "before": a["summary"], "after": b["summary"]})
    rows_a = {r["key"]: r for r in a["rows"]}
    rows_b = {r["key"]: r for r in b["rows"]}
    for key in list(rows_a) + [k for k in rows_b if k not in rows_a]:
        ra, rb = rows_a.get(key), rows_b.get(key)
        label = (ra or rb)["label"]
        ia = {i["ref"]: i for i in (ra["items"] if ra else [])}
        ib = {i["ref"]: i for i in (rb["items"] if rb else [])}
        for ref in list(ia) + [r for r in ib if r not in ia]:
            x, y = ia.get(ref), ib.get(ref)
            if x and y:
                if x["text"] != y["text"]:
                    changes.append({"what": label, "ref": ref, "before": x["text"], "after": y["text"]})
                if x["details"] != y["details"]:
                    gone = [d for d in x["details"] if d not in y["details"]]
                    new = [d for d in y["details"] if d not in x["details"]]
                    changes.append({"what": f"{label}: {y['text']}", "ref": ref, "before": "; ".join(gone), "after": "; ".join(new)})
                elif x["cite"] != y["cite"]:
                    changes.append({"what": f"{label} – kilde", "ref": ref, "before": " | ".join(x["cite"]), "after": " | ".join(y["cite"])})
            else:
                changes.append({"what": label, "ref": ref, "before": _item_line(x) if x else "", "after": _item_line(y) if y else ""})
    wa, wb = a["why"], b["why"]
    for rid in list(wa) + [r for r in wb if r not in wa]:
        if wa.get(rid) != wb.get(rid):
            changes.append({"what": ui_text("why", "Hvorfor?"), "ref": f"rules:{rid}", "before": wa.get(rid, ""), "after": wb.get(rid, "")})
    if sorted(a["paths"]) != sorted(b["paths"]):
        gone = [p for p in a["paths"] if p not in b["paths"]]
        new = [p for p in b["paths"] if p not in a["paths"]]
        changes.append({"what": "Veje hertil", "ref": "", "before": "; ".join(gone), "after": "; ".join(new)})
    return changes


def ui_text(key: str, default: str) -> str:
    try:
        return ui.text(key)
    except Exception:
        return default


def diff(before: dict[str, Flow], after: dict[str, Flow], scenarios=(), exercises=(), before_snapshot=None) -> dict:
    """The consequence report of ``after`` against ``before`` (flows by guide id); pass
    ``before_snapshot`` (= ``snapshot(before)``) to reuse the walk of an unchanged original."""
    sa, sb = before_snapshot or snapshot(before), snapshot(after)
    ua, ub = sa["outcomes"], sb["outcomes"]
    keys = list(ua) + [k for k in ub if k not in ua]
    outcomes = []
    for key in keys:
        a, b = ua.get(key), ub.get(key)
        if a and b:
            changes = _compare_units(a, b)
            if changes:
                outcomes.append({"guide": key[0], "guide_title": b["guide_title"], "outcome": key[1], "title": b["title"],
                                 "paths": len(b["paths"]), "status": "changed", "changes": changes})
        else:
            u = a or b
            outcomes.append({"guide": key[0], "guide_title": u["guide_title"], "outcome": key[1], "title": u["title"],
                             "paths": len(u["paths"]), "status": "removed" if a else "added", "changes": []})
    pa, pb = sa["paths"], sb["paths"]
    paths = {
        "added": [{"guide": g, "path": p, "outcome": pb[(g, p)]} for (g, p) in pb if (g, p) not in pa],
        "removed": [{"guide": g, "path": p, "outcome": pa[(g, p)]} for (g, p) in pa if (g, p) not in pb],
        "moved": [{"guide": g, "path": p, "before": pa[(g, p)], "after": pb[(g, p)]} for (g, p) in pa if (g, p) in pb and pa[(g, p)] != pb[(g, p)]],
    }
    sc = [r for r in (_scenario(s, before, after, sa, sb) for s in scenarios) if r]
    ex = [r for r in (_exercise(e, before, after) for e in exercises) if r]
    total = len(keys)
    return {
        "headline": f"{len(outcomes)} af {total} udfald ændrer sig",
        "outcomes_total": total, "outcomes_changed": len(outcomes), "outcomes": outcomes, "paths": paths,
        "scenarios": sc, "exercises": ex,
        "empty": not (outcomes or any(paths.values()) or sc or ex),
    }


# -- golden scenarios (tests/cases/<model>.toml) and course exercises (exercises.toml) --------


def scenarios_of(cases_text: str) -> list[dict]:
    """The golden scenarios of a cases file, each with its guide."""
    data = tomllib.loads(cases_text)
    default = data.get("guide")
    return [{"guide": s.get("guide", default), **{k: s[k] for k in ("name", "answers", "outcome", "card_has", "card_lacks", "why_has") if k in s}}
            for s in data.get("scenario", [])]


def exercises_of(text: str) -> list[dict]:
    data = tomllib.loads(text)
    return [{k: c[k] for k in ("id", "title", "guide", "path", "outcome", "ask") if k in c} for c in data.get("case", [])]


def _resolve(flows, guide, answers):
    flow = flows.get(guide)
    if flow is None:
        return None, None
    try:
        step = flow.resolve(answers)
    except (AnswerError, FlowError):
        return flow, None
    return flow, step if isinstance(step.node, Outcome) else None


def _scenario_result(s: dict, flows, snap) -> dict:
    flow, step = _resolve(flows, s.get("guide"), s.get("answers", ""))
    if step is None:
        return {"outcome": None, "title": "", "holds": False, "content": None, "failed": ["vejen fører ikke til et udfald"]}
    refs = {r for row in step.node.card for r in row.refs}
    why = _rules_of(step)
    failed = []
    if step.node.id != s.get("outcome"):
        failed.append(f"udfaldet er '{step.node.id}', ikke '{s.get('outcome')}'")
    failed += [f"{r} står ikke på svarkortet" for r in s.get("card_has", []) if r not in refs]
    failed += [f"{r} står på svarkortet, men skal ikke" for r in s.get("card_lacks", []) if r in refs]
    failed += [f"reglen {r} står ikke under Hvorfor?" for r in s.get("why_has", []) if r not in why]
    unit = snap["outcomes"].get((s["guide"], step.node.id))
    return {"outcome": step.node.id, "title": step.node.title, "holds": not failed, "failed": failed, "unit": unit}


def _scenario(s, before, after, sa, sb) -> dict | None:
    a, b = _scenario_result(s, before, sa), _scenario_result(s, after, sb)
    changes = _compare_units(a["unit"], b["unit"]) if a.get("unit") and b.get("unit") else []
    changes = [c for c in changes if c["what"] != "Veje hertil"]
    if a["outcome"] == b["outcome"] and a["holds"] == b["holds"] and not changes:
        return None
    return {"name": s.get("name", ""), "guide": s.get("guide"), "answers": s.get("answers", ""),
            "before": {"outcome": a["outcome"], "title": a["title"], "holds": a["holds"], "failed": a["failed"]},
            "after": {"outcome": b["outcome"], "title": b["title"], "holds": b["holds"], "failed": b["failed"]},
            "changes": changes}


def _exercise_answer(e, flows) -> dict:
    flow, step = _resolve(flows, e.get("guide"), e.get("path", ""))
    if step is None:
        return {"outcome": None}
    answer = {"outcome": step.node.id, "udfald": step.node.title}
    for key in e.get("ask", []):
        row = next((r for r in step.node.card if r.key == key), None)
        if row is not None:
            answer[key] = [_item_line(item(flow.model, ref)) for ref in row.refs]
    return answer


def _exercise(e, before, after) -> dict | None:
    a, b = _exercise_answer(e, before), _exercise_answer(e, after)
    if a == b:
        return None
    labels = ui.card_labels()
    changes = []
    for key in ["udfald", *[k for k in e.get("ask", []) if k != "udfald"]]:
        if a.get(key) != b.get(key):
            fmt = lambda v: " | ".join(v) if isinstance(v, list) else (v or "")
            changes.append({"what": "Udfald" if key == "udfald" else labels.get(key, key), "before": fmt(a.get(key)), "after": fmt(b.get(key))})
    return {"id": e.get("id"), "title": e.get("title", ""), "guide": e.get("guide"), "changes": changes,
            "before_outcome": a.get("outcome"), "after_outcome": b.get("outcome")}


def as_text(report: dict) -> str:
    """The report for a terminal (the CLI twin of the page)."""
    out = [report["headline"] + "."]
    for o in report["outcomes"]:
        status = {"changed": "ændret", "added": "nyt", "removed": "fjernet"}[o["status"]]
        out.append(f"\n[{status}] {o['guide']} → {o['outcome']}: {o['title']} ({o['paths']} {'vej' if o['paths'] == 1 else 'veje'})")
        for c in o["changes"]:
            ref = f" {c['ref']}" if c.get("ref") else ""
            out.append(f"  {c['what']}{ref}:\n    før:   {c['before'] or '–'}\n    efter: {c['after'] or '–'}")
    p = report["paths"]
    for kind, da in (("added", "Nye veje"), ("removed", "Fjernede veje"), ("moved", "Veje til et andet udfald")):
        if p[kind]:
            out.append(f"\n{da}: {len(p[kind])}")
            out += [f"  {x['guide']}: {x['path']} ({x.get('outcome') or x.get('before') + ' → ' + x.get('after')})" for x in p[kind]]
    if report["scenarios"]:
        out.append(f"\nGyldne scenarier, hvis svar ændrer sig: {len(report['scenarios'])}")
        for s in report["scenarios"]:
            held = lambda r: "holder" if r["holds"] else "holder ikke: " + "; ".join(r["failed"])
            out.append(f"  {s['name']}\n    før:   {s['before']['outcome']} ({held(s['before'])})\n    efter: {s['after']['outcome']} ({held(s['after'])})")
            out += [f"    {c['what']}: {c['before'] or '–'} → {c['after'] or '–'}" for c in s["changes"]]
    if report["exercises"]:
        out.append(f"\nKursusopgaver, hvis svar ændrer sig: {len(report['exercises'])}")
        for e in report["exercises"]:
            out.append(f"  {e['id']}: {e['title']}")
            out += [f"    {c['what']}: {c['before'] or '–'} → {c['after'] or '–'}" for c in e["changes"]]
    if report["empty"]:
        out.append("Ingen udfald, scenarier eller opgaver ændrer sig.")
    return "\n".join(out)
