"""HTML for questions, outcome cards, errors and the static fallback.

The same functions run at build time (the static fallback, the precomputed answers) and in
the reader's browser (Pyodide), so both show the same markup and the same words.
"""

from __future__ import annotations

from html import escape

from . import ui
from .data import Entry
from .engine import Flow, Outcome, Question, Step, encode
from .model import Model


def cite_html(entry: Entry) -> str:
    """The citations of an entry: the place always visible, the quotes one click away.
    Quotes from the same place share one line."""
    by_place: dict[str, list[str]] = {}
    for c in entry.cite:
        by_place.setdefault(c.label(), []).append(c.quote)
    return "".join(
        f'<details class="g-cite"><summary>{escape(ui.text("source"))}: {escape(place)}</summary>'
        + "".join(f"<q>{escape(q)}</q>" for q in quotes)
        + "</details>"
        for place, quotes in by_place.items()
    )


def role_names(model: Model, ids) -> str:
    return ", ".join(escape(model.get("roles", r)["name"]) for r in ids)


def ref_text(model: Model, ref: str) -> tuple[str, bool]:
    """HTML text of a "collection:id" reference and whether it marks a gap or ambiguity."""
    e = model.ref(ref)
    kind = e.kind
    if kind == "rules":
        return escape(e["text"]), e["kind"] in ("silent", "ambiguity")
    if kind == "efforts":
        return f"{escape(e['area'])}: {escape(', '.join(e['items']))}", False
    if kind == "practices":
        return f"{escape(e['municipality'])}: {escape(e['title'])}", False
    if kind == "roles":
        return escape(e["name"]), False
    if kind == "forms":
        colour = f" ({escape(e['colour'])})" if e.get("colour") else ""
        return f"{escape(e['name'])}{colour}: {escape(e['purpose'])}", False
    if kind == "deadlines":
        return escape(e["text"]), False
    if kind == "legal":
        return f"{escape(e['law'])} {escape(e['paragraph'])}: {escape(e['context'])}", False
    if kind == "meetings":
        return escape(e["name"]), False
    if kind == "levels":
        return f"Niveau {e['number']}: {escape(e['title'])}", False
    if kind == "participants":
        return " ".join(
            f"<strong>{escape(g.get('wording') or ui.card_labels_takes_part()[g['takes_part']])}:</strong> {role_names(model, g['roles'])}."
            for g in e["groups"]
        ), False
    raise ValueError(f"no text for {ref}")


def ref_item(model: Model, ref: str) -> str:
    text, uncertain = ref_text(model, ref)
    entry = model.ref(ref)
    flag = f'<span class="g-flag">{escape(ui.text("uncertain"))}:</span> ' if uncertain else ""
    extra = ""
    if entry.kind == "participants" and entry["notes"]:
        extra = '<ul class="g-notes">' + "".join(ref_item(model, "rules:" + n) for n in entry["notes"]) + "</ul>"
    cls = ' class="g-uncertain"' if uncertain else ""
    return f"<li{cls}>{flag}{text}{cite_html(entry)}{extra}</li>"


def card_html(flow: Flow, outcome: Outcome) -> str:
    labels = ui.card_labels()
    rows = []
    for row in outcome.card:
        items = "".join(ref_item(flow.model, ref) for ref in row.refs)
        rows.append(f'<div class="g-row"><dt>{escape(labels[row.key])}</dt><dd><ul>{items}</ul></dd></div>')
    return f'<dl class="g-card">{"".join(rows)}</dl>'


def why_html(flow: Flow, rule_ids) -> str:
    if not rule_ids:
        return ""
    items = "".join(ref_item(flow.model, f"rules:{r}") for r in rule_ids)
    return (
        f'<div class="g-why"><h3>{escape(ui.text("why"))}</h3>'
        f'<p>{escape(ui.text("why_intro"))}</p><ol>{items}</ol></div>'
    )


def outcome_rules(step: Step) -> list[str]:
    """The rules behind an outcome: those routing applied on the way, then the outcome's own."""
    rules = list(step.because)
    rules += [r for r in step.node.why if r not in rules]
    return rules


def outcome_html(flow: Flow, outcome: Outcome, rule_ids, heading="h2", anchor: str | None = None) -> str:
    id_attr = f' id="{escape(anchor)}"' if anchor else ""
    return (
        f'<section class="g-outcome"{id_attr} data-outcome="{escape(outcome.id)}">'
        f'<p class="g-caption">{escape(ui.text("answer_heading"))}</p>'
        f'<{heading} class="g-title" tabindex="-1">{escape(outcome.title)}</{heading}>'
        f'<p class="g-summary">{escape(outcome.summary)}</p>'
        f"{card_html(flow, outcome)}{why_html(flow, rule_ids)}</section>"
    )


def answers_html(step: Step) -> str:
    if not step.answers:
        return ""
    rows = []
    for i, (q, o) in enumerate(step.answers):
        href = "#" + encode(step.answers[:i])
        rows.append(
            f'<div class="g-answer"><dt>{escape(q.text)}</dt><dd>{escape(o.label)}</dd>'
            f'<dd class="g-change"><a href="{escape(href)}" data-change="{escape(q.id)}">{escape(ui.text("change"))}'
            f'<span class="g-vh"> {escape(ui.text("change_hidden"))}: {escape(q.text)}</span></a></dd></div>'
        )
    return f'<div class="g-your-answers"><h3>{escape(ui.text("your_answers"))}</h3><dl>{"".join(rows)}</dl></div>'


def nav_html(step: Step) -> str:
    back = ""
    if step.answers:
        back = f'<a class="g-back" href="#{escape(encode(step.answers[:-1]))}">{escape(ui.text("back"))}</a>'
    return back


def restart_html() -> str:
    return f'<p class="g-restart-line"><a class="g-restart" href="#">{escape(ui.text("restart"))}</a></p>'


def question_html(step: Step, selected: str | None = None) -> str:
    q: Question = step.node
    number = len(step.answers) + 1
    hint_id = f"g-hint-{q.id}"
    hint = f'<p class="g-hint" id="{hint_id}">{escape(q.hint)}</p>' if q.hint else ""
    described = f' aria-describedby="{hint_id}"' if q.hint else ""
    radios = []
    for o in q.options:
        oid = f"g-{q.id}-{o.id}"
        checked = " checked" if o.id == selected else ""
        ohint = f'<p class="g-option-hint" id="{oid}-hint">{escape(o.hint)}</p>' if o.hint else ""
        odesc = f' aria-describedby="{oid}-hint"' if o.hint else ""
        radios.append(
            f'<div class="g-radio"><input type="radio" id="{oid}" name="svar" value="{escape(o.id)}"{odesc}{checked}>'
            f'<label for="{oid}">{escape(o.label)}</label>{ohint}</div>'
        )
    return (
        f'<div class="g-step" data-kind="question" data-node="{escape(q.id)}">{nav_html(step)}'
        f'<form class="g-form" data-question="{escape(q.id)}" data-state="{escape(step.state)}" novalidate>'
        f'<fieldset class="g-fieldset"{described}><legend class="g-legend">'
        f'<span class="g-caption">{escape(ui.text("question_of"))} {number}</span>'
        f'<h2 class="g-title" tabindex="-1">{escape(q.text)}</h2></legend>{hint}'
        f'<p class="g-error" role="alert" hidden>{escape(ui.text("no_choice"))}</p>'
        f'<div class="g-radios">{"".join(radios)}</div></fieldset>'
        f'<button type="submit" class="md-button md-button--primary g-continue">{escape(ui.text("continue"))}</button>'
        f"</form>{answers_html(step)}{restart_html() if step.answers else ''}</div>"
    )


def step_html(flow: Flow, step: Step) -> str:
    if isinstance(step.node, Question):
        return question_html(step)
    return (
        f'<div class="g-step" data-kind="outcome" data-node="{escape(step.node.id)}">{nav_html(step)}'
        f"{outcome_html(flow, step.node, outcome_rules(step))}{answers_html(step)}{restart_html()}</div>"
    )


def error_html(detail: str) -> str:
    return (
        f'<div class="g-step g-bad-link" data-kind="error" role="alert">'
        f'<h2 class="g-title" tabindex="-1">{escape(ui.text("bad_link_title"))}</h2>'
        f'<p>{escape(ui.text("bad_link_body"))}</p>'
        f'<p class="g-detail">{escape(ui.text("bad_link_detail"))} {escape(detail)}.</p>'
        f'<p><a class="md-button md-button--primary g-restart" href="#">{escape(ui.text("bad_link_action"))}</a></p></div>'
    )


def fallback_html(flow: Flow) -> str:
    """Every path to its outcome, on one printable page: what a reader without JavaScript uses."""
    paths = flow.paths()
    rules_by_outcome: dict[str, list[str]] = {}
    order: list[Outcome] = []
    rows = []
    for step in paths:
        o = step.node
        if o.id not in rules_by_outcome:
            rules_by_outcome[o.id] = []
            order.append(o)
        for r in outcome_rules(step):
            if r not in rules_by_outcome[o.id]:
                rules_by_outcome[o.id].append(r)
        answers = "".join(
            f"<li>{escape(q.text)} <strong>{escape(opt.label)}</strong></li>" for q, opt in step.answers
        )
        rows.append(
            f"<tr><td><ol>{answers}</ol></td>"
            f'<td><a href="#udfald-{escape(o.id)}">{escape(o.title)}</a></td></tr>'
        )
    cards = "".join(
        outcome_html(flow, o, rules_by_outcome[o.id], heading="h4", anchor=f"udfald-{o.id}") for o in order
    )
    return (
        f'<div class="g-fallback"><h2>{escape(ui.text("fallback_heading"))}</h2>'
        f'<p>{escape(ui.text("fallback_intro"))}</p>'
        f'<div class="g-table-wrap"><table class="g-paths"><thead><tr><th scope="col">{escape(ui.text("fallback_if"))}</th>'
        f'<th scope="col">{escape(ui.text("fallback_then"))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
        f'<h3>{escape(ui.text("fallback_answers"))}</h3>{cards}</div>'
    )
