"""The checker's English problems in Danish, in one place (the page and the CLI show these).

Each problem becomes plain data: ``{file, entry, field, where, problem, detail}``: ``problem`` is
Danish, ``detail`` the checker's own English words (for a maintainer). Never a traceback.
"""

from __future__ import annotations

import re

from .labels import collection_label

_TYPES = {"str": "en tekst", "int": "et tal", "list": "en liste", "dict": "en tabel", "bool": "sand/falsk", "float": "et decimaltal"}

ROUTING = "Det kræver en ændring af guidens ruter (Python), og dem redigerer værkstedet ikke."


def _ty(name: str) -> str:
    return _TYPES.get(name, name)


def _toml(detail: str) -> str:
    m = re.search(r"\(at line (\d+), column (\d+)\)", detail)
    where = f" (linje {m.group(1)}, kolonne {m.group(2)})" if m else (" (ved filens slutning)" if "end of document" in detail else "")
    text = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", detail)
    known = [
        (r"Cannot overwrite a value|Cannot declare .* twice", "den samme nøgle eller tabel står to gange"),
        (r"Expected '=' after a key", "der mangler '=' efter en nøgle"),
        (r"Invalid value", "en værdi er ikke gyldig (tekst skal stå i anførselstegn)"),
        (r"Unterminated string|Illegal character", "en tekst er ikke afsluttet med anførselstegn, eller den indeholder et ugyldigt tegn"),
        (r"Expected newline or end of document", "der står noget efter en værdi på samme linje"),
        (r"Invalid statement", "linjen er hverken en tabel ([navn]) eller nøgle = værdi"),
        (r"Unclosed array|Unclosed inline table|Expected ']'|Expected '}'", "en liste eller tabel er ikke lukket"),
    ]
    for pattern, da in known:
        if re.search(pattern, text):
            return f"Ikke gyldig TOML: {da}{where}."
    return f"Ikke gyldig TOML{where}: {text}."


# (pattern on the English text, Danish message; groups are named)
_RULES: list[tuple[str, object]] = [
    (r"^required field is missing$", "Feltet mangler; det skal udfyldes."),
    (r"^unknown field \(known fields: (?P<k>.*)\)$", lambda m: f"Ukendt felt. Felterne her hedder: {m['k']}."),
    (r"^unknown field", "Ukendt felt."),
    (r"^expected a non-empty text", "Skal være en tekst, og den må ikke være tom."),
    (r"^expected a whole number, got (?P<v>.*)$", lambda m: f"Skal være et helt tal (der står {m['v']})."),
    (r"^expected true or false, got (?P<v>.*)$", lambda m: f"Skal være sand eller falsk (der står {m['v']})."),
    (r"^expected one of (?P<a>.*), got (?P<v>.*)$", lambda m: f"Skal være en af: {m['a']} (der står {m['v']})."),
    (r"^expected a list, got (?P<t>\w+)", lambda m: f"Skal være en liste (der står {_ty(m['t'])})."),
    (r"^expected a table, got (?P<t>\w+)", lambda m: f"Skal være en tabel (der står {_ty(m['t'])})."),
    (r"^expected a table of entries", "Skal være en tabel af poster ([samling.id])."),
    (r"^expected the id of an entry in '(?P<c>[\w-]+)', got (?P<v>.*)$",
     lambda m: f"Skal være id'et på en post i {collection_label(m['c'])} (der står {m['v']})."),
    (r"^refers to (?P<c>[\w-]+) '(?P<i>[^']*)', which is not defined",
     lambda m: f"Henviser til '{m['i']}' i {collection_label(m['c'])}, men den findes ikke i modellen."),
    (r"^refers to (?P<c>[\w-]+) \"(?P<i>[^\"]*)\", which is not defined",
     lambda m: f"Henviser til '{m['i']}' i {collection_label(m['c'])}, men den findes ikke i modellen."),
    (r"^unknown source document '(?P<d>[^']*)'", lambda m: f"Ukendt kildedokument '{m['d']}' (kendte står i guides/sources.toml)."),
    (r"^at least one citation is required", "Der skal være mindst én kildehenvisning."),
    (r"^id '(?P<i>[^']*)' must be lower-case", lambda m: f"Id'et '{m['i']}' må kun have små bogstaver (a–z), tal og bindestreger."),
    (r"^(?P<c>[\w-]+) '(?P<i>[^']*)' is defined twice", lambda m: f"'{m['i']}' findes to gange i {collection_label(m['c'])}."),
    (r"^unknown collection \(known: (?P<k>.*)\)$", lambda m: f"Ukendt samling. De kendte er: {m['k']}."),
    (r"^unknown table \(known: (?P<k>.*)\)$", lambda m: f"Ukendt tabel. De kendte er: {m['k']}."),
    (r"^the \[model\] table is missing", "Tabellen [model] mangler (modellens id, titel, kommune, kildedokument)."),
    (r"^only (?P<f>\S+) may hold the \[model\] table", lambda m: f"Kun {m['f']} må have tabellen [model]."),
    (r"^file not found", "Filen mangler."),
    (r"^not valid TOML: (?P<d>.*)$", lambda m: _toml(m["d"])),
    (r"^a question needs a list of at least two options", "Et spørgsmål skal have en liste med mindst to svarmuligheder."),
    (r"^option id '(?P<i>[^']*)' is used twice", lambda m: f"Svar-id'et '{m['i']}' bruges to gange."),
    (r"^a question and an outcome share this id", "Et spørgsmål og et udfald har samme id."),
    (r"^unknown question '(?P<i>[^']*)'", lambda m: f"Ukendt spørgsmål '{m['i']}'."),
    (r"^unknown card row \(known: (?P<k>.*)\)$", lambda m: f"Ukendt række på svarkortet. De kendte er: {m['k']}."),
    (r"^an outcome needs a card", "Et udfald skal have et svarkort med mindst én række."),
    (r"^expected a non-empty list of 'collection:id' references", "Skal være en liste af henvisninger som 'rules:id'."),
    (r"must start with one of", "En henvisning skal begynde med en samling og ':' (fx 'rules:id')."),
    # routing (FlowError), the page and CLI show it next to the guide
    (r"^question '(?P<i>[^']*)' has no route", lambda m: f"Spørgsmålet '{m['i']}' har ingen rute. {ROUTING}"),
    (r"^node '(?P<i>[^']*)' is never reached", lambda m: f"'{m['i']}' nås aldrig ad nogen vej gennem guiden. {ROUTING}"),
    (r"^outcome '(?P<o>[^']*)': (?P<r>\S+) has no source", lambda m: f"Udfaldet '{m['o']}': {m['r']} på svarkortet har ingen kilde."),
    (r"routing refers to unknown (?P<k>question|outcome) '(?P<i>[^']*)'",
     lambda m: f"Guidens ruter bruger {'spørgsmålet' if m['k'] == 'question' else 'udfaldet'} '{m['i']}', som ikke længere findes. {ROUTING}"),
    (r"routing cites rule '(?P<i>[^']*)', which is not defined",
     lambda m: f"Guidens ruter begrunder et svar med reglen '{m['i']}', som ikke længere findes i modellen. Reglen kan ikke slettes her. {ROUTING}"),
    (r"a path is longer than 50 answers", f"En vej gennem guiden bliver ved og ved. {ROUTING}"),
]


def danish(text: str) -> str:
    """The Danish message for one English problem text (the part after file and field)."""
    text = text.strip()
    for pattern, out in _RULES:
        m = re.search(pattern, text)
        if m:
            return out(m) if callable(out) else out
    return f"Problem, som værkstedet ikke kan oversætte: {text}"


_ENTRY_TABLES = {"questions", "outcomes"}


def split_where(where: str) -> tuple[str, str]:
    """``roles.leder.cite[0].quote`` -> (``roles.leder``, ``cite[0].quote``); ``model.id`` -> (``model``, ``id``)."""
    from .. import schema

    head, _, rest = where.partition(".")
    head_clean = re.sub(r"\[\d+\]$", "", head)
    if (head_clean in schema.COLLECTIONS or head_clean in _ENTRY_TABLES) and rest:
        key, _, field = rest.partition(".")
        m = re.match(r"^([^\[]+)(\[.*)?$", key)
        if m and m.group(2):  # roles.leder[0]? (never in practice) keep the index on the field
            return f"{head}.{m.group(1)}", (m.group(2) + ("." + field if field else "")).lstrip(".")
        return f"{head}.{key}", field
    return head, rest


def problem(file: str, where: str, english: str) -> dict:
    entry, field = split_where(where) if where else ("", "")
    return {"file": file, "entry": entry, "field": field, "where": where, "problem": danish(english), "detail": english}


def from_model_error(lines, rename) -> list[dict]:
    """ModelError lines ``<file>: <where>: <text>`` (``rename`` maps the shown path to a file name)."""
    out = []
    for line in lines:
        parts = line.split(": ", 2)
        if len(parts) == 3:
            file, where, text = parts
        elif len(parts) == 2:
            file, where, text = parts[0], "", parts[1]
        else:
            file, where, text = "", "", line
        out.append(problem(rename(file), where, text))
    return out


_FLOW_HEAD = re.compile(r"^(?P<guide>[\w-]+) \((?P<file>[^,]+), model [\w-]+\): (?P<rest>.*)$", re.S)


def from_flow_error(text: str, guide_file: str) -> list[dict]:
    """A FlowError: ``<guide> (<file>, model <m>): p1; p2`` or ``<guide>: <problem>``."""
    m = _FLOW_HEAD.match(text)
    parts = m["rest"].split("; ") if m else [text.split(": ", 1)[-1]]
    out = []
    for p in parts:
        node = re.search(r"'([^']+)'", p)
        kind = "outcomes" if ("outcome" in p or "never reached" in p) else "questions"
        entry = f"{kind}.{node.group(1)}" if node else ""
        out.append({"file": guide_file, "entry": entry, "field": "", "where": entry, "problem": danish(p), "detail": p})
    return out
