"""The schema as the workshop's forms need it: every field's type with a Danish label and help.

One adapter over ``guides.schema``: it reads core's described schema (``Table``/``Field`` objects with
``label`` and ``help``) when present, and otherwise the plain type strings of ``schema.COLLECTIONS``
and ``schema.NESTED`` with the small fallback labels below. Point this one function at new labels.
"""

from __future__ import annotations

from .. import schema

# Fallback labels (used only while the schema itself carries none).
_COLLECTION_LABELS = {
    "roles": ("Roller", "Personer og enheder, der indgår i modellen."),
    "forms": ("Skemaer", "Skemaer og skabeloner, modellen bruger."),
    "deadlines": ("Frister", "Frister, som kilden angiver dem."),
    "legal": ("Lovgrundlag", "Lovhenvisninger, præcis som kilden giver dem."),
    "rules": ("Regler", "Det, guiderne bygger på: hver regel med sin kilde."),
    "municipalities": ("Kommuner", "Kommuner, hvis praksis modellen beskriver."),
    "efforts": ("Indsatser", "Konkrete tilbud og indsatser pr. niveau og område."),
    "meetings": ("Møder og fora", "Møder og fora: formål, indkalder, mødeleder, frister."),
    "levels": ("Niveauer", "Niveauer eller trin i modellen."),
    "participants": ("Deltagere", "Hvem der deltager, i én sammenhæng, med kildens forbehold."),
    "methods": ("Metoder", "Metoder i et metodekatalog."),
    "practices": ("Praksis", "Én kommunes praksis for en metode."),
    "comparisons": ("Sammenligninger", "Rækker i en tabel, der stiller møder side om side."),
    "model": ("Model", "Modellen selv: navn, kommune og kildedokument."),
    "citation": ("Kildehenvisning", "Hvor i kildedokumentet noget står, med kildens egne ord."),
    "participant_group": ("Deltagergruppe", "En gruppe roller, der deltager på samme måde."),
}
_FIELD_LABELS = {
    "name": "Navn", "description": "Beskrivelse", "responsibilities": "Ansvar", "cite": "Kilde",
    "colour": "Farve", "purpose": "Formål", "page": "Side i håndbogen", "text": "Tekst", "law": "Lov",
    "paragraph": "Paragraf", "context": "Hvor modellen bruger den", "kind": "Slags", "short": "Kort fortalt",
    "municipality": "Kommune", "level": "Niveau", "area": "Område", "items": "Punkter", "convener": "Indkalder",
    "leader": "Mødeleder", "deadlines": "Frister", "agenda": "Dagsorden", "minutes": "Referat",
    "parents_child": "Forældre og barn", "consent": "Samtykke", "underretning": "Underretning",
    "number": "Nummer", "title": "Titel", "outcomes": "Mulige udfald", "procedure_next": "Videre til næste niveau",
    "meetings": "Møder", "legal": "Lovgrundlag", "meeting": "Møde", "groups": "Deltagergrupper", "notes": "Noter",
    "goal": "Mål", "background": "Baggrund", "method": "Metode", "result": "Resultat", "how": "Sådan gør de",
    "organisation": "Organisering", "experience": "Erfaringer", "prerequisites": "Forudsætninger",
    "usable": "Kan bruges", "not_usable": "Kan ikke bruges", "advice": "Gode råd", "rules": "Regler",
    "table": "Tabel", "label": "Række", "cells": "Celler", "id": "Id", "doc": "Dokument", "section": "Afsnit",
    "quote": "Citat", "takes_part": "Hvordan de deltager", "roles": "Roller", "wording": "Kildens ord",
    "summary": "Kort om modellen",
}
# Danish names of enum values (rules.kind, participant groups' takes_part).
ENUM_LABELS = {
    "rule": "Regel", "exception": "Undtagelse", "silent": "Kilden er tavs", "ambiguity": "Kilden er uklar",
    "external": "Et andet dokuments ord",
    "always": "Deltager altid", "invited": "Kan inviteres", "condition": "På en betingelse",
    "one_of": "Én af flere", "examples": "Eksempler", "open": "Kildens åbne formulering",
}


def _table(name: str, table) -> dict:
    """{label, help, fields: {field: {type, optional, label, help}}} for a schema table."""
    label, help_ = _COLLECTION_LABELS.get(name, (name, ""))
    if hasattr(table, "fields"):  # the described schema (Table of Field)
        label, help_ = table.label or label, table.help or help_
        fields = {n: (f.type, f.label, f.help) for n, f in table.fields.items()}
    else:
        fields = {n: (t, _FIELD_LABELS.get(n, n), "") for n, t in table.items()}
    out = {}
    for n, (t, flabel, fhelp) in fields.items():
        base = t.rstrip("?")
        out[n] = {"type": base, "optional": t.endswith("?"), "label": flabel or _FIELD_LABELS.get(n, n), "help": fhelp or ""}
    return {"label": label, "help": help_, "fields": out}


def _nested() -> dict:
    nested = getattr(schema, "NESTED", None) or getattr(schema, "TABLES", {})
    out = {name: _table(name, t) for name, t in nested.items()}
    out.setdefault("citation", _table("citation", schema.CITATION))
    return out


def forms() -> dict:
    """Everything the page needs to generate forms: collections, nested tables, enum labels."""
    return {
        "model": _table("model", schema.MODEL),
        "collections": {name: _table(name, t) for name, t in schema.COLLECTIONS.items()},
        "tables": _nested(),
        "enum_labels": ENUM_LABELS,
    }


def collection_label(kind: str) -> str:
    t = schema.COLLECTIONS.get(kind)
    if t is not None and hasattr(t, "label"):
        return t.label
    return _COLLECTION_LABELS.get(kind, (kind, ""))[0]


def field_spec(kind: str) -> dict[str, str]:
    """Field name -> base type string of a collection (for following references in the diff)."""
    t = schema.COLLECTIONS.get(kind, {})
    if hasattr(t, "fields"):
        return {n: f.type.rstrip("?") for n, f in t.fields.items()}
    return {n: v.rstrip("?") for n, v in t.items()}


def field_label(kind: str, name: str) -> str:
    t = schema.COLLECTIONS.get(kind, {})
    if hasattr(t, "fields") and name in t.fields:
        return t.fields[name].label
    return _FIELD_LABELS.get(name, name)
