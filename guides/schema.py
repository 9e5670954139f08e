"""The schema of model data files: which collections exist and what each entry holds.

One place for the shape of the data. A model file (``model.toml``) holds a ``[model]`` table
and any of the collections below; every entry is checked against its field types when the
model is loaded, and every reference (``ref:roles``) must name an entry of that collection.

Field types:
  str, int, bool      a value of that type
  list[str]           a list of strings
  ref:C / list[ref:C] the id of an entry (or ids of entries) of collection C in the same model
  enum:a,b,c          one of the given strings
  cites               one citation table or a list of them (see ``CITATION``)
  list[table:N]       a list of tables, each checked against ``NESTED[N]``
A trailing ``?`` makes a field optional. A missing optional list is an empty list.
"""

CITATION = {
    # The source document's number in sources.toml; defaults to the model's own document.
    "doc": "str?",
    # Where in the document: a heading or table as the document names it.
    "section": "str",
    # Words copied exactly from the document (checked against the source by the tests).
    "quote": "str",
}

# Who takes part, as the source words it (one group of roles per qualifier). ``takes_part``:
#   always     the source says they always / as fixed participants take part ("deltager altid")
#   invited    the source says they can be invited or called in ("kan inviteres", "ad hoc")
#   condition  they take part on a condition the source states ("som hovedregel, hvis ...")
#   one_of     one of several alternatives ("PPR-psykolog, sprogkonsulent eller sundhedsplejerske")
#   examples   examples of a wider group the source names ("Det kan fx. være ...")
#   open       the source's own open wording ("Deltagere kan være ...")
# ``wording`` is the source's own qualifier, copied exactly; the card shows it instead of the
# default label. Required for condition and open.
PARTICIPANT_GROUP = {
    "takes_part": "enum:always,invited,condition,one_of,examples,open",
    "roles": "list[ref:roles]",
    "wording": "str?",
}

NESTED = {"participant_group": PARTICIPANT_GROUP}

MODEL = {
    "id": "str",
    "title": "str",
    "municipality": "str",
    "doc": "str",
    "summary": "str",
}

COLLECTIONS = {
    # People and organisational units that take part in the model.
    "roles": {
        "name": "str",
        "description": "str?",
        # What the role is responsible for, each a rule with its own citation (e.g. Nordfyn's functions).
        "responsibilities": "list[ref:rules]?",
        "cite": "cites",
    },
    # Forms and templates (Randers' coloured forms, a trivselsskema ...).
    "forms": {
        "name": "str",
        "colour": "str?",
        "purpose": "str",
        "page": "str?",
        "cite": "cites",
    },
    # A deadline as the source states it.
    "deadlines": {
        "text": "str",
        "cite": "cites",
    },
    # A legal reference, exactly as the source gives it.
    "legal": {
        "law": "str",
        "paragraph": "str",
        "context": "str",
        "cite": "cites",
    },
    # A statement the handbook and the guides apply. ``silent`` states what the source does
    # not regulate; ``ambiguity`` what it says in two ways.
    # ``external`` is what another source document says on a point this model is silent on:
    # its text is that document's words, quoted, and its citation names that document.
    # ``short`` is the rule in a few words, for an outcome's "Kort fortalt" box.
    # ``municipality`` marks one municipality's practice (a model describing several, e.g. 002).
    "rules": {
        "text": "str",
        "kind": "enum:rule,exception,silent,ambiguity,external",
        "short": "str?",
        "municipality": "ref:municipalities?",
        "cite": "cites",
    },
    # The municipalities whose practice a model describes (e.g. the five of Opsporingsmodellen).
    "municipalities": {
        "name": "str",
        "cite": "cites",
    },
    # Concrete efforts (tilbud, indsatser, fora) a model lists for a level and an area
    # (e.g. Randers' overview per level: dagtilbud, skole, sundhedspleje, familie ...).
    "efforts": {
        "level": "ref:levels",
        "area": "str",
        "items": "list[str]",
        "cite": "cites",
    },
    # A meeting or forum.
    "meetings": {
        "name": "str",
        "purpose": "list[str]",
        "convener": "list[ref:rules]",
        "leader": "list[ref:rules]",
        "forms": "list[ref:forms]?",
        "deadlines": "list[ref:deadlines]?",
        # The meeting profile an outcome shows; a missing field reads "Ikke nævnt i kilden".
        "agenda": "list[ref:rules]?",        # who writes and sends the agenda, and when
        "minutes": "list[ref:rules]?",       # who writes the minutes, and when
        "parents_child": "list[ref:rules]?", # do parents and the child take part
        "consent": "list[ref:rules]?",
        "underretning": "list[ref:rules]?",
        "page": "str?",                      # the handbook page about it (docs path, e.g. "randers/niveau-3.md")
        "cite": "cites",
    },
    # A level or stage of an escalation model.
    "levels": {
        "number": "int",
        "title": "str",
        "purpose": "list[str]",
        "outcomes": "list[str]",
        "procedure_next": "list[ref:rules]?",
        "meetings": "list[ref:meetings]?",
        "forms": "list[ref:forms]?",
        "legal": "list[ref:legal]?",
        "consent": "list[ref:rules]?",
        "page": "str?",
        "cite": "cites",
    },
    # Who takes part, in one setting (e.g. level 3 in daycare and school).
    "participants": {
        "title": "str",
        "level": "ref:levels?",
        "meeting": "ref:meetings?",
        "groups": "list[table:participant_group]",
        "convener": "list[ref:rules]?",
        "notes": "list[ref:rules]?",
        "cite": "cites",
    },
    # A method of a model that is a catalogue of methods (e.g. Opsporingsmodellen, source 002).
    "methods": {
        "number": "int",
        "name": "str",
        "goal": "str",
        "background": "str",
        "method": "str",
        "result": "str",
        "page": "str?",
        "cite": "cites",
    },
    # One municipality's practice of a method, as the municipality describes it in the source.
    "practices": {
        "method": "ref:methods",
        "municipality": "str",  # its name as the source gives it; rules.municipality names the entry
        "title": "str",
        "how": "list[str]",
        "organisation": "list[str]?",
        "experience": "list[str]?",
        "prerequisites": "list[str]?",
        "usable": "list[str]?",
        "not_usable": "list[str]?",
        "advice": "list[str]?",
        "rules": "list[ref:rules]?",
        "cite": "cites",
    },
    # One row of a side-by-side table of meetings (e.g. Samarbejdsmøde vs Netværksmøde), as the
    # source sets them side by side. ``table`` groups the rows; ``cells`` holds one rule per
    # compared meeting, in the order the page's macro names the meetings (tables.comparison).
    "comparisons": {
        "table": "str",
        "label": "str",
        "cells": "list[ref:rules]",
        "cite": "cites",
    },
}

# Collections an outcome card may point into ("rules:id", "forms:id" ...).
CARD_REFS = ("rules", "roles", "forms", "deadlines", "legal", "meetings", "levels", "participants", "efforts", "practices")

GUIDE = {
    "id": "str",
    "title": "str",
    "intro": "str",
    "start": "str",
    "page": "str?",  # the handbook page that holds it (docs path); cards link onward relative to it
}

QUESTION = {
    "text": "str",
    "hint": "str?",
    # "municipality": the answer (an option id = a ``municipalities`` id, or "anden") scopes the
    # outcome: that municipality's rules first, the others folded under "Sådan gør de andre kommuner".
    "scope": "enum:municipality?",
    "options": "options",
}

OPTION = {
    "id": "str",
    "label": "str",
    "hint": "str?",
}

OUTCOME = {
    "title": "str",
    "summary": "str",
    # Card rows: key -> list of "collection:id" references. Keys and their labels: ui.toml [card].
    "card": "card",
    # Rules that justify this outcome whatever the path (path-dependent ones come from routing).
    "why": "list[ref:rules]?",
    # Guides to go on to (guide ids), e.g. from a forum to "Hvem gør hvad?".
    "related": "list[str]?",
}
