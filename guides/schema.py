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
    "rules": {
        "text": "str",
        "kind": "enum:rule,exception,silent,ambiguity",
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
        "cite": "cites",
    },
    # Who takes part, in one setting (e.g. level 3 in daycare and school).
    "participants": {
        "title": "str",
        "level": "ref:levels?",
        "meeting": "ref:meetings?",
        "fixed": "list[ref:roles]",
        "possible": "list[ref:roles]?",
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
        "cite": "cites",
    },
    # One municipality's practice of a method, as the municipality describes it in the source.
    "practices": {
        "method": "ref:methods",
        "municipality": "str",
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
CARD_REFS = ("rules", "roles", "forms", "deadlines", "legal", "meetings", "levels", "participants")

GUIDE = {
    "id": "str",
    "title": "str",
    "intro": "str",
    "start": "str",
}

QUESTION = {
    "text": "str",
    "hint": "str?",
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
}
