"""The schema of every data file: model data, guide text, and every table nested in them.

One place for the shape of the data. Every field has a type, a Danish label and a one-line
Danish help text; the same schema drives the checker (``data.Checker``: every problem as
``<file>: <path.to.field>: <problem>``), the reference page "Dataformat" (``docs/dataformat.md``)
and, as plain data (``describe()``), the forms of a model-editing workshop.

Field types:
  str, int, bool      a value of that type (a text must not be empty)
  id                  an id: lower-case letters, digits and hyphens
  list[T]             a list of T
  ref:C               the id of an entry of collection C in the same model
  cardref             a "collection:id" reference into the model (collections: ``CARD_REFS``)
  enum:a,b,c          one of the given strings
  cites               one citation table or a list of them (``TABLES["citation"]``)
  table:N             a table checked against ``TABLES[N]``
  map[T]              a table of entries keyed by their id (each key an ``id``), each a T
  card                an outcome card: row key (``ui.toml [card]``) -> list[cardref], in file order
A trailing ``?`` makes a field optional; a missing optional list is an empty list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    type: str
    label: str  # Danish, for forms and the reference page
    help: str  # Danish, one line
    min: int = 0  # a list's least length
    unique: str | None = None  # a list of tables: this field's value may appear only once

    @property
    def optional(self) -> bool:
        return self.type.endswith("?")

    @property
    def base(self) -> str:
        return self.type.rstrip("?")


@dataclass(frozen=True)
class Table:
    label: str
    help: str
    fields: dict[str, Field]


F = Field

CITATION = Table("Kildehenvisning", "Hvor i kildedokumentet noget står, med kildens egne ord.", {
    "doc": F("str?", "Dokument", "Kildedokumentets nummer i guides/sources.toml; uden det modellens eget dokument."),
    "section": F("str", "Afsnit", "Afsnittet eller tabellen, som dokumentet selv kalder det."),
    "quote": F("str", "Citat", "Ord skrevet præcis af fra dokumentet (testene finder dem i kilden)."),
})

# Who takes part, as the source words it (one group of roles per qualifier). ``takes_part``:
#   always     the source says they always / as fixed participants take part ("deltager altid")
#   invited    the source says they can be invited or called in ("kan inviteres", "ad hoc")
#   condition  they take part on a condition the source states ("som hovedregel, hvis ...")
#   one_of     one of several alternatives ("PPR-psykolog, sprogkonsulent eller sundhedsplejerske")
#   examples   examples of a wider group the source names ("Det kan fx. være ...")
#   open       the source's own open wording ("Deltagere kan være ...")
# ``wording`` is the source's own qualifier, copied exactly; the card shows it instead of the
# default label. Required for condition and open.
PARTICIPANT_GROUP = Table("Deltagergruppe", "En gruppe roller, der deltager på samme måde, som kilden siger det.", {
    "takes_part": F("enum:always,invited,condition,one_of,examples,open", "Hvordan de deltager",
                    "altid, kan inviteres, på en betingelse, én af flere, eksempler eller kildens åbne formulering."),
    "roles": F("list[ref:roles]", "Roller", "Rollerne i gruppen (id'er fra roles)."),
    "wording": F("str?", "Kildens ord", "Kildens egen formulering af, hvordan de deltager, skrevet præcis af (kræves ved betingelse og åben)."),
})

MODEL = Table("Model", "Modellen selv: navn, kommune og kildedokument.", {
    "id": F("str", "Id", "Modellens id, som sider og guides bruger (fx randers)."),
    "title": F("str", "Titel", "Modellens navn, som kilden skriver det."),
    "municipality": F("str", "Kommune", "Kommunen eller afsenderen, som kilden nævner den."),
    "doc": F("str", "Kildedokument", "Kildedokumentets nummer i guides/sources.toml."),
    "summary": F("str", "Kort om modellen", "Én sætning om, hvad modellen er (vises i oversigten over modeller)."),
})

COLLECTIONS: dict[str, Table] = {
    "roles": Table("Roller", "Personer og enheder, der indgår i modellen.", {
        "name": F("str", "Navn", "Rollens navn, som kilden skriver det."),
        "description": F("str?", "Beskrivelse", "Hvad rollen er, med kildens ord."),
        "responsibilities": F("list[ref:rules]?", "Ansvar", "Regler om, hvad rollen har ansvar for, hver med sin kilde."),
        "cite": F("cites", "Kilde", "Hvor rollen er beskrevet."),
    }),
    "forms": Table("Skemaer", "Skemaer og skabeloner, modellen bruger.", {
        "name": F("str", "Navn", "Skemaets navn."),
        "colour": F("str?", "Farve", "Skemaets farve, hvis kilden giver det en (fx gul)."),
        "purpose": F("str", "Hvornår og til hvad", "Hvornår skemaet bruges, og til hvad."),
        "page": F("str?", "Side", "Håndbogens side om skemaet (sti under docs/, fx randers/skemaer.md)."),
        "cite": F("cites", "Kilde", "Hvor skemaet er beskrevet."),
    }),
    "deadlines": Table("Frister", "Frister, som kilden angiver dem.", {
        "text": F("str", "Frist", "Fristen i én sætning."),
        "cite": F("cites", "Kilde", "Hvor fristen står."),
    }),
    "legal": Table("Lovgrundlag", "Lovhenvisninger, præcis som kilden giver dem.", {
        "law": F("str", "Lov", "Loven, som kilden nævner den (fx Serviceloven)."),
        "paragraph": F("str", "Paragraf", "Paragraffen, som kilden skriver den (fx § 50)."),
        "context": F("str", "Hvor modellen bruger den", "Hvad modellen bruger paragraffen til."),
        "cite": F("cites", "Kilde", "Hvor henvisningen står."),
    }),
    # ``silent`` states what the source does not regulate; ``ambiguity`` what it says in two ways;
    # ``external`` what another source document says on a point this model is silent on (its text
    # is that document's words, quoted; its citation names that document).
    "rules": Table("Regler", "Det, håndbogen og guiderne bygger på: hver regel med sin kilde.", {
        "text": F("str", "Tekst", "Reglen i klart dansk, tro mod kilden."),
        "kind": F("enum:rule,exception,silent,ambiguity,external", "Slags",
                  "regel, undtagelse, kilden er tavs, kilden er uklar, eller et andet dokuments ord."),
        "short": F("str?", "Kort", "Reglen med få ord til svarets boks \"Kort fortalt\"."),
        "municipality": F("ref:municipalities?", "Kommune", "Kun denne kommunes praksis (id fra municipalities)."),
        "cite": F("cites", "Kilde", "Hvor reglen står (ved external: det andet dokument)."),
    }),
    "municipalities": Table("Kommuner", "Kommuner, hvis praksis modellen beskriver.", {
        "name": F("str", "Navn", "Kommunens navn."),
        "cite": F("cites", "Kilde", "Hvor kommunen nævnes."),
    }),
    "efforts": Table("Indsatser", "Konkrete tilbud og indsatser på et niveau og et område.", {
        "level": F("ref:levels", "Niveau", "Niveauet, indsatserne hører til."),
        "area": F("str", "Område", "Området (fx dagtilbud, skole, sundhedspleje)."),
        "items": F("list[str]", "Indsatser", "Indsatserne, som kilden nævner dem."),
        "cite": F("cites", "Kilde", "Hvor indsatserne står."),
    }),
    "meetings": Table("Møder", "Møder og fora: hvem indkalder, leder og deltager, og hvad der gælder.", {
        "name": F("str", "Navn", "Mødets navn, som kilden skriver det."),
        "purpose": F("list[str]", "Formål", "Mødets formål, punkt for punkt."),
        "convener": F("list[ref:rules]", "Hvem indkalder", "Regler om, hvem der indkalder."),
        "leader": F("list[ref:rules]", "Hvem leder mødet", "Regler om, hvem der leder mødet."),
        "forms": F("list[ref:forms]?", "Skemaer", "Skemaer, mødet bruger."),
        "deadlines": F("list[ref:deadlines]?", "Frister", "Frister for mødet."),
        "agenda": F("list[ref:rules]?", "Dagsorden", "Hvem laver og sender dagsorden, og hvornår (mangler: \"Ikke nævnt i kilden\")."),
        "minutes": F("list[ref:rules]?", "Referat", "Hvem skriver referat, og hvornår."),
        "parents_child": F("list[ref:rules]?", "Forældre og barn", "Deltager forældrene og barnet."),
        "consent": F("list[ref:rules]?", "Samtykke", "Hvad der gælder om forældrenes samtykke."),
        "underretning": F("list[ref:rules]?", "Underretning", "Hvad der gælder om underretning."),
        "page": F("str?", "Side", "Håndbogens side om mødet (sti under docs/)."),
        "cite": F("cites", "Kilde", "Hvor mødet er beskrevet."),
    }),
    "levels": Table("Niveauer", "Niveauer eller trin i en model, der trappes op.", {
        "number": F("int", "Nummer", "Niveauets nummer."),
        "title": F("str", "Titel", "Niveauets titel."),
        "purpose": F("list[str]", "Indhold og formål", "Hvad niveauet er til, punkt for punkt."),
        "outcomes": F("list[str]", "Mulige udfald", "Hvad niveauet kan føre til."),
        "procedure_next": F("list[ref:rules]?", "Videre til næste niveau", "Regler for at gå videre til næste niveau."),
        "meetings": F("list[ref:meetings]?", "Møder", "Møderne på niveauet."),
        "forms": F("list[ref:forms]?", "Skemaer", "Skemaerne på niveauet."),
        "legal": F("list[ref:legal]?", "Lovgrundlag", "Lovhenvisninger for niveauet."),
        "consent": F("list[ref:rules]?", "Samtykke", "Hvad der gælder om samtykke på niveauet."),
        "page": F("str?", "Side", "Håndbogens side om niveauet (sti under docs/)."),
        "cite": F("cites", "Kilde", "Hvor niveauet er beskrevet."),
    }),
    "participants": Table("Deltagere", "Hvem der deltager i én sammenhæng (et niveau, et møde).", {
        "title": F("str", "Hvor", "Sammenhængen (fx niveau 3 i dagtilbud og skole)."),
        "level": F("ref:levels?", "Niveau", "Niveauet, hvis det gælder et niveau."),
        "meeting": F("ref:meetings?", "Møde", "Mødet, hvis det gælder et møde."),
        "groups": F("list[table:participant_group]", "Grupper", "Hvem der deltager, gruppe for gruppe, med kildens forbehold."),
        "convener": F("list[ref:rules]?", "Hvem indkalder", "Regler om, hvem der indkalder."),
        "notes": F("list[ref:rules]?", "Bemærk", "Regler, der hører til deltagerne (fx barnets perspektiv)."),
        "cite": F("cites", "Kilde", "Hvor deltagerne står."),
    }),
    "methods": Table("Metoder", "Metoderne i en model, der er et katalog af metoder.", {
        "number": F("int", "Nummer", "Metodens nummer i kataloget."),
        "name": F("str", "Navn", "Metodens navn."),
        "goal": F("str", "Mål", "Metodens mål."),
        "background": F("str", "Baggrund", "Baggrunden for metoden."),
        "method": F("str", "Metoden", "Hvordan metoden bruges."),
        "result": F("str", "Forventet resultat", "Hvad metoden forventes at give."),
        "page": F("str?", "Side", "Håndbogens side om metoden (sti under docs/)."),
        "cite": F("cites", "Kilde", "Hvor metoden er beskrevet."),
    }),
    "practices": Table("Praksis", "Én kommunes praksis med en metode, som kommunen selv beskriver den.", {
        "method": F("ref:methods", "Metode", "Metoden, praksissen hører til."),
        "municipality": F("str", "Kommune", "Kommunens navn, som kilden skriver det."),
        "title": F("str", "Titel", "Praksissens titel."),
        "how": F("list[str]", "Sådan arbejder de", "Hvordan kommunen arbejder, punkt for punkt."),
        "organisation": F("list[str]?", "Organisering og ressourcer", "Organisering og ressourcer."),
        "experience": F("list[str]?", "Erfaringer", "Kommunens erfaringer."),
        "prerequisites": F("list[str]?", "Forudsætninger", "Hvad der skal til."),
        "usable": F("list[str]?", "Kan bruges", "Hvad praksissen kan bruges til."),
        "not_usable": F("list[str]?", "Kan ikke bruges", "Hvad den ikke kan bruges til, eller hvad man skal være opmærksom på."),
        "advice": F("list[str]?", "Gode råd", "Kommunens gode råd."),
        "rules": F("list[ref:rules]?", "Regler og forbehold", "Regler og forbehold i praksissen."),
        "cite": F("cites", "Kilde", "Hvor praksissen er beskrevet."),
    }),
    # One row of a side-by-side table of meetings, as the source sets them side by side;
    # ``cells`` holds one rule per compared meeting, in the order the page's macro names them.
    "comparisons": Table("Sammenligninger", "Én række i en tabel, der stiller møder side om side, som kilden gør.", {
        "table": F("str", "Tabel", "Tabellens navn; rækker med samme navn hører sammen."),
        "label": F("str", "Række", "Rækkens overskrift."),
        "cells": F("list[ref:rules]", "Celler", "Én regel pr. møde, i sidens rækkefølge."),
        "cite": F("cites", "Kilde", "Hvor tabellen står."),
    }),
}

# Collections an outcome card may point into ("rules:id", "forms:id" ...).
CARD_REFS = ("rules", "roles", "forms", "deadlines", "legal", "meetings", "levels", "participants", "efforts", "practices")

GUIDE = Table("Guide", "Guidens navn, indledning og første spørgsmål.", {
    "id": F("str", "Id", "Guidens id, som siderne bruger i {{ guide(\"id\") }}."),
    "title": F("str", "Titel", "Guidens titel (sidens overskrift)."),
    "intro": F("str", "Indledning", "Hvad guiden hjælper med, i én eller to sætninger."),
    "start": F("str", "Første spørgsmål", "Id'et på det spørgsmål, guiden begynder med."),
    "page": F("str?", "Side", "Håndbogens side, der viser guiden (sti under docs/); kortene linker videre ud fra den."),
})

OPTION = Table("Svarmulighed", "Ét svar på et spørgsmål.", {
    "id": F("id", "Id", "Svarets id i adresselinjen (små bogstaver, tal og bindestreg)."),
    "label": F("str", "Tekst", "Svaret, som læseren ser det."),
    "hint": F("str?", "Hjælpetekst", "En kort forklaring under svaret."),
})

QUESTION = Table("Spørgsmål", "Ét spørgsmål om situationen, besvaret med faste muligheder.", {
    "text": F("str", "Spørgsmål", "Spørgsmålet, som læseren ser det."),
    "hint": F("str?", "Hjælpetekst", "En kort forklaring under spørgsmålet."),
    "scope": F("enum:municipality?", "Afgrænser", "municipality: svaret (en kommunes id eller \"anden\") afgrænser svaret til den kommune."),
    "options": F("list[table:option]", "Svarmuligheder", "Mindst to svar, hvert med sit eget id.", min=2, unique="id"),
})

OUTCOME = Table("Svar", "Et udfald af guiden: titel, sammenfatning og svarkort.", {
    "title": F("str", "Titel", "Svaret i én linje."),
    "summary": F("str", "Sammenfatning", "Hvad læseren skal gøre; kan henvise til data med {{ ref(\"deadlines:id\") }} eller {{ ref(\"rules:id\") }}."),
    "card": F("card", "Svarkort", "Kortets rækker (nøgler fra ui.toml [card]), hver en liste af henvisninger \"samling:id\", i filens rækkefølge."),
    "why": F("list[ref:rules]?", "Hvorfor", "Regler bag svaret, uanset vejen hertil."),
    "related": F("list[str]?", "Videre til", "Id'er på guides, læseren kan gå videre til."),
})

TABLES: dict[str, Table] = {
    "citation": CITATION,
    "participant_group": PARTICIPANT_GROUP,
    "model": MODEL,
    **COLLECTIONS,
    "guide": GUIDE,
    "question": QUESTION,
    "option": OPTION,
    "outcome": OUTCOME,
}

# The files themselves. A model file holds [model] (only model.toml) and any collections;
# a guide file holds [guide], [questions.<id>] and [outcomes.<id>].
MODEL_FILE = Table("Modelfil", "model.toml (og model-*.toml): modellens data.", {
    "model": F("table:model?", "Model", "Modellen selv (kun i model.toml, og der skal den stå)."),
    **{name: F(f"map[table:{name}]?", t.label, t.help) for name, t in COLLECTIONS.items()},
})

GUIDE_FILE = Table("Guidefil", "<guide>.toml: guidens tekst; ruterne står i <guide>.py ved siden af.", {
    "guide": F("table:guide", "Guide", GUIDE.help),
    "questions": F("map[table:question]", "Spørgsmål", QUESTION.help),
    "outcomes": F("map[table:outcome]", "Svar", OUTCOME.help),
})

# One term of the glossary (guides/glossary.toml): defined from a source, or marked as not defined.
TERM = Table("Ord", "Et ord eller en forkortelse fra kilderne, forklaret ud fra en kilde.", {
    "term": F("str", "Ord", "Ordet eller forkortelsen, som kilderne skriver det."),
    "abbr": F("bool?", "Forkortelse", "Forklares på alle sider, når man holder musen over eller trykker."),
    "defined": F("bool?", "Forklaret i kilden", "false, hvis ingen kilde forklarer ordet (ordlisten siger det)."),
    "definition": F("str", "Forklaring", "Forklaringen, bygget på det citerede."),
    "cite": F("cites", "Kilde", "Hvor ordet står eller forklares."),
})

FILES = {"model": MODEL_FILE, "guide": GUIDE_FILE}


def describe() -> dict:
    """The whole schema as plain data (JSON-ready): every table, every field's type, label and help."""

    def table(t: Table) -> dict:
        return {
            "label": t.label,
            "help": t.help,
            "fields": {
                name: {"type": f.base, "optional": f.optional, "label": f.label, "help": f.help,
                       **({"min": f.min} if f.min else {}), **({"unique": f.unique} if f.unique else {})}
                for name, f in t.fields.items()
            },
        }

    return {
        "files": {name: table(t) for name, t in FILES.items()},
        "tables": {name: table(t) for name, t in TABLES.items()},
        "card_refs": list(CARD_REFS),
    }
