"""The outcome card as plain data: what it says, in which order, each sentence once.

A card reads, top to bottom:
  1. "Kort fortalt": at most five lines – what to do (the summary), which meeting, level or forum,
     who convenes, consent, underretning – each rule in its ``short`` words where it has them;
  2. the whole profile of every meeting the card names (row ``moede``/``forum`` -> ``meetings:``):
     every row of ``PROFILE``, "Ikke nævnt i kilden" where neither the card nor the meeting says;
  3. the card's other rows (long rows folded after their first item);
  4. with a municipality chosen (a question with ``scope = "municipality"``): what the other
     municipalities do, folded under one heading, each labelled with its municipality;
  5. onward links (the pages of the meeting, level and forms; related guides); "Hvorfor?".

A text shown once is not shown again: a later occurrence becomes a pointer to where it stands,
keeping its sources. Citations are grouped per row: one place line per place, quotes one tap away.
"""

from __future__ import annotations

import posixpath
import re

from . import ui
from .engine import Flow, Outcome
from .present import ref_item

# The meeting profile: (row, the card row that answers it for this outcome, the meeting's field).
PROFILE = (
    ("convener", "indkalder", "convener"),
    ("leader", "leder", "leader"),
    ("agenda", "dagsorden", "agenda"),
    ("minutes", "referat", "minutes"),
    ("participants", "deltagere", None),
    ("parents_child", "foraeldre_barn", "parents_child"),
    ("consent", "samtykke", "consent"),
    ("underretning", "underretning", "underretning"),
)
MEETING_ROWS = ("moede", "forum")
WHERE_ROWS = ("niveau", "moede", "forum")
FOLD_AFTER = 280  # characters of text in a row before the rest of it folds
SHORT_LINES = 5
SENTENCE = re.compile(r"(?<=[.!?])\s+")
SAME_SENTENCE = 30  # sentences this long or longer are shown once per card


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _item_text(item: dict) -> str:
    if item.get("groups"):
        return " ".join(f"{g['label']}: {g['roles']}." for g in item["groups"])
    return item.get("text") or ""


def _short(model, ref: str) -> str:
    e = model.ref(ref)
    if e.kind == "rules":
        if e["kind"] == "external":  # another document's words stand whole, labelled, in the details
            return e.get("short") or ui.text("external_short")
        return e.get("short") or e["text"]
    if e.kind == "meetings":
        return e["name"]
    if e.kind == "levels":
        return f"{ui.text('level')} {e['number']}: {e['title']}"
    return _item_text(ref_item(model, ref, notes=False))


def page_url(docs_path: str) -> str:
    """The site URL (directory style) of a docs page: ``randers/niveau-3.md`` -> ``randers/niveau-3/``."""
    path = docs_path[:-3] if docs_path.endswith(".md") else docs_path
    if path == "index" or path.endswith("/index"):
        path = path[:-5]
    return path.strip("/") + "/" if path.strip("/") else ""


def href(from_page: str | None, to_page: str | None) -> str | None:
    """A link from one docs page to another, relative (as the site is served from any folder)."""
    if not from_page or not to_page:
        return None
    start, target = page_url(from_page) or ".", page_url(to_page) or "."
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"


class _Card:
    def __init__(self, flow: Flow, outcome: Outcome, answers):
        self.flow, self.model, self.outcome = flow, flow.model, outcome
        self.seen: dict[str, str] = {}  # normalised text -> where it stands (a label)
        self.sentences: dict[str, str] = {}  # normalised sentence -> where it stands
        self.scope = None  # the municipality chosen on the way (an id, or "anden")
        for q, o in answers:
            if q.scope == "municipality":
                self.scope = o.id
        self.others: dict[str, list[dict]] = {}  # municipality -> rows folded away
        self.rows = {row.key: list(row.refs) for row in outcome.card}

    # -- items ------------------------------------------------------------------------------

    def municipality(self, ref: str) -> str | None:
        e = self.model.ref(ref)
        if e.kind == "rules":
            return e.get("municipality")
        if e.kind == "practices":
            for m in self.model.all("municipalities"):
                if _norm(m["name"]) == _norm(e["municipality"]) or m.id == _norm(e["municipality"]):
                    return m.id
            return _norm(e["municipality"])
        return None

    def elsewhere(self, ref: str) -> str | None:
        """The other municipality a reference belongs to, when the reader chose a municipality."""
        m = self.municipality(ref)
        if self.scope and m and (self.scope == "anden" or m != self.scope):
            return m
        return None

    def fresh(self, text: str, where: str) -> tuple[str, str | None]:
        """The sentences of a text not yet on the card, and where the first dropped one stands."""
        kept, first = [], None
        for sentence in SENTENCE.split(text):
            key = _norm(sentence)
            if len(key) >= SAME_SENTENCE and key in self.sentences:
                first = first or self.sentences[key]
                continue
            kept.append(sentence)
            if len(key) >= SAME_SENTENCE:
                self.sentences[key] = where
        return " ".join(kept), first

    def item(self, ref: str, where: str) -> dict:
        """A reference as an item; a text already on the card becomes a pointer to it, and
        sentences already on the card are left out (a quotation from another document is whole)."""
        item = ref_item(self.model, ref)
        item["notes"] = [n for n in (self.note(n, where) for n in item["notes"]) if n]
        key = _norm(_item_text(item))
        if key in self.seen:
            return {"see": self.seen[key], "cites": item["cites"]}
        for shown, at in self.seen.items():
            if len(key) >= 40 and at == "short" and key in shown:  # stated in the summary (e.g. a deadline)
                return {"see": at, "cites": item["cites"]}
        self.seen[key] = where
        if item["text"] and item["kind"] != "external":
            rest, at = self.fresh(item["text"], where)
            if not rest:
                return {"see": at, "cites": item["cites"]}
            item["text"] = rest
        return item

    def note(self, note: dict, where: str) -> dict | None:
        key = _norm(_item_text(note))
        if key in self.seen:
            return None
        self.seen[key] = where
        if note.get("text") and note.get("kind") != "external":  # sentences shown before are left out
            rest, _ = self.fresh(note["text"], where)
            if not rest:
                return None
            note = {**note, "text": rest}
        return note

    def row(self, key: str, label: str, refs, where: str) -> dict:
        main, entries = [], []
        for ref in refs:
            m = self.elsewhere(ref)
            if m:
                self.others.setdefault(m, []).append({"label": label, "ref": ref})
            else:
                main.append(ref)
        for ref in main:
            entries.append(self.item(ref, where))
        return self.finish({"key": key, "label": label, "entries": entries})

    @staticmethod
    def finish(row: dict) -> dict:
        """Pointers to the same place merge; citations grouped per place for the whole row;
        a long row shows its first item and folds the rest."""
        entries, pointers = [], {}
        for e in row["entries"]:
            if "see" in e:
                if e["see"] in pointers:
                    pointers[e["see"]]["cites"] += e["cites"]
                    continue
                pointers[e["see"]] = e = {"see": e["see"], "cites": list(e["cites"])}
            entries.append(e)
        cites: dict[str, list[str]] = {}
        for e in entries:
            for group in [*e.get("cites", []), *(c for n in e.get("notes", []) for c in n["cites"])]:
                quotes = cites.setdefault(group["place"], [])
                quotes += [q for q in group["quotes"] if q not in quotes]
        row["cites"] = [{"place": p, "quotes": q} for p, q in cites.items()]
        row["entries"] = entries
        length = sum(len(_item_text(e)) for e in entries if "see" not in e)
        row["fold"] = 1 if length > FOLD_AFTER and len(entries) > 1 else 0
        return row

    # -- the card ---------------------------------------------------------------------------

    def meetings(self) -> list[str]:
        return [r.partition(":")[2] for key in MEETING_ROWS for r in self.rows.get(key, []) if r.startswith("meetings:")]

    def short(self) -> list[dict]:
        """At most five lines: what to do, where, who convenes, consent, underretning."""
        labels = ui.all_text()["short"]
        meetings = [self.model.get("meetings", m) for m in self.meetings()]
        lines = [{"label": None, "flag": None, "text": self.outcome.summary}]
        where = [r for key in WHERE_ROWS for r in self.rows.get(key, [])
                 if not self.elsewhere(r) and (not r.startswith("rules:") or self.model.ref(r).get("short"))]
        if where:
            lines.append({"label": labels["where"], "flag": None, "text": " · ".join(dict.fromkeys(_short(self.model, r) for r in where))})
        for key, card_key, field in (("convener", "indkalder", "convener"), ("consent", "samtykke", "consent"),
                                     ("underretning", "underretning", "underretning")):
            refs = self.rows.get(card_key) or [f"rules:{r}" for m in meetings[:1] for r in (m.get(field) or [])]
            refs = [r for r in refs if not self.elsewhere(r)]
            if refs:
                kinds = {self.model.ref(r).get("kind") for r in refs}
                flag = "ambiguity" if "ambiguity" in kinds else "silent" if kinds == {"silent"} else None
                lines.append({"label": labels[key], "flag": flag,
                              "text": " ".join(dict.fromkeys(_short(self.model, r) for r in refs))})
        out = []
        for line in lines[:SHORT_LINES]:
            self.seen.setdefault(_norm(line["text"]), "short")
            line["text"], _ = self.fresh(line["text"], "short")
            if line["text"]:
                out.append(line)
        return out

    def profile(self, meeting_id: str, alone: bool) -> dict:
        """Every row of a meeting's profile: the card's own row where it has one (when it names
        only this meeting), else the meeting's field, else "Ikke nævnt i kilden"."""
        m = self.model.get("meetings", meeting_id)
        labels = ui.card_labels()
        rows = []
        for key, card_key, field in PROFILE:
            refs = self.rows.get(card_key) if alone else None
            if refs:
                self.used.add(card_key)
            elif key == "participants":
                tied = [r for r in self.rows.get("deltagere", []) if self.model.ref(r).get("meeting") == meeting_id]
                refs = tied or [f"participants:{p.id}" for p in self.model.all("participants") if p.get("meeting") == meeting_id]
            else:
                refs = [f"rules:{r}" for r in (m.get(field) or [])]
            row = self.row(key, labels[card_key], refs, labels[card_key])
            row["missing"] = not row["entries"]
            rows.append(row)
        return {"id": meeting_id, "name": m["name"], "href": href(self.flow.page, m.get("page")), "rows": rows,
                "cites": self.finish({"key": "meeting", "label": m["name"], "entries": [ref_item(self.model, f"meetings:{meeting_id}", notes=False)]})["cites"]}

    def links(self) -> list[dict]:
        """The model's pages for what the card names, and the guides to go on to."""
        from . import registry

        out, seen = [], set()
        refs = [r for refs in self.rows.values() for r in refs]
        refs += [f"meetings:{m}" for m in self.meetings()]
        for ref in refs:
            e = self.model.ref(ref)
            page = e.get("page") if e.kind in ("meetings", "levels", "forms", "methods") else None
            link = href(self.flow.page, page)
            if link and link not in seen:
                seen.add(link)
                out.append({"text": _short(self.model, ref) if e.kind != "forms" else e["name"], "href": link})
        guides = {**registry.guides(), **getattr(self.flow, "siblings", {})}  # a loaded folder's own guides too
        for guide_id in self.outcome.related:
            other = guides.get(guide_id)
            link = href(self.flow.page, other.page) if other else None
            if link and link not in seen:
                seen.add(link)
                out.append({"text": other.title, "href": link, "guide": True})
        return out

    def build(self, rule_ids) -> dict:
        card_labels = ui.card_labels()
        short = self.short()
        self.used: set[str] = set()
        meetings = self.meetings()
        profiles = [self.profile(m, alone=len(meetings) == 1) for m in meetings]
        rows = []
        for key, refs in self.rows.items():
            if key in MEETING_ROWS:  # the meetings have their profiles; what else the row says stays
                refs = [r for r in refs if not r.startswith("meetings:")]
            elif key in self.used:
                continue
            rows.append(self.row(key, card_labels[key], refs, card_labels[key]))
        rows = [r for r in rows if r["entries"]]
        why_entries = []
        for rid in rule_ids:
            ref = f"rules:{rid}"
            m = self.elsewhere(ref)
            if m:
                self.others.setdefault(m, []).append({"label": ui.text("why"), "ref": ref})
                continue
            e = self.item(ref, ui.text("why"))
            if "see" not in e:  # a rule already on the card is cited there
                why_entries.append(e)
        why = self.finish({"key": "why", "label": ui.text("why"), "entries": why_entries})
        names = {m.id: m["name"] for m in self.model.all("municipalities")}
        others = []
        for m, entries in self.others.items():
            # the same sentence once here too: a rule already in one of this municipality's rows is
            # not repeated under "Hvorfor?", and a text shown before becomes a pointer to it
            rows_by_label: dict[str, list[str]] = {}
            for e in entries:
                rows_by_label.setdefault(e["label"], []).append(e["ref"])
            name, rows_out, shown = names.get(m, m), [], set()
            for label, refs in rows_by_label.items():
                items = []
                for r in dict.fromkeys(refs):
                    if r in shown:
                        continue
                    shown.add(r)
                    e = self.item(r, f"{name}: {label}")
                    if "see" not in e or label != ui.text("why"):
                        items.append(e)
                row = self.finish({"key": label, "label": label, "entries": items})
                if row["entries"]:
                    rows_out.append(row)
            others.append({"name": name, "rows": rows_out})
        return {
            "id": self.outcome.id,
            "title": self.outcome.title,
            "summary": self.outcome.summary,
            "short": short,
            "meetings": profiles,
            "rows": rows,
            "others": others,
            "others_heading": ui.text("others_all" if self.scope == "anden" else "others"),
            "links": self.links(),
            "why": why,
        }


def build(flow: Flow, outcome: Outcome, rule_ids, answers=()) -> dict:
    return _Card(flow, outcome, answers).build(rule_ids)
