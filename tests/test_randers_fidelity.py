"""Randers (001): defects found in a line-by-line read against the source, guarded by rules.

Each test names the source's words it rests on; they fail if a card or the data drifts again.
"""

import re

import pytest

from guides import registry
from guides.engine import Outcome
from tests.sources import SEEDS, normalise

MODEL = registry.model("randers")
FLOW = registry.guide("randers-niveau")
PATHS = [step for step in FLOW.walk() if isinstance(step.node, Outcome)]


def _refs(outcome, key=None):
    return [r for row in outcome.card if key is None or row.key == key for r in row.refs]


def test_parents_not_claimed_where_the_participant_list_lacks_them():
    """Niveau 3/4 – Deltagere, 'Før institutionsalderen: Sundhedsplejerske og det pågældende
    sundhedsplejersketeam samt relevante samarbejdspartnere.' names no parents: no card on such a
    participant list may say the parents take part."""
    for o in FLOW.outcomes.values():
        people = [MODEL.ref(r) for r in _refs(o, "deltagere")]
        if not people or any("foraeldre" in g["roles"] for p in people for g in p["groups"]):
            continue
        for ref in _refs(o):
            if ref.startswith("rules:"):
                text = MODEL.ref(ref)["text"]
                assert "faste deltagere" not in text and "står forældrene" not in text, f"{o.id}: {ref} claims the parents take part"
        assert "rules:foraeldre-deltager" not in _refs(o), o.id


def test_a_cards_level_notes_speak_of_its_own_level():
    """A note on parents and child on a level-N card speaks of level N, not another level."""
    for o in FLOW.outcomes.values():
        levels = {MODEL.ref(r)["number"] for r in _refs(o, "niveau")}
        if not levels:
            continue
        for ref in _refs(o, "foraeldre_barn") + _refs(o, "samtykke"):
            named = {int(n) for pair in re.findall(r"niveau (\d)(?: og (\d))?", MODEL.ref(ref)["text"]) for n in pair if n}
            assert not named or named & levels, f"{o.id}: {ref} speaks of level {named}, card is level {levels}"


def test_handleplan_is_the_school_areas_rule():
    """'Beslutninger nedskrives i en handleplan.' stands in the overview under Skoleområdet only."""
    for kind in ("rules", "forms", "efforts"):
        for e in MODEL.all(kind):
            text = " ".join(str(e.get(f) or "") for f in ("text", "purpose")) + " ".join(e.get("items") or [])
            if re.search(r"(skrives|nedskrives) i en handleplan", text, re.I):
                assert "skole" in text.lower() or e.get("area") == "Skoleområdet", f"{kind}.{e.id} states the school rule as everyone's"


def test_existing_case_rule_shows_its_context():
    """The rule stands under 'Procedure: Fra niveau 4 til 5'; the text a reader sees says so."""
    assert "Fra niveau 4 til 5" in MODEL.get("rules", "eksisterende-sag")["text"]


def _source_lower() -> str:
    return normalise((SEEDS / MODEL.doc.file).read_text(encoding="utf-8"), True).lower()


def test_every_cited_section_is_a_heading_of_the_source():
    """Sections are the source's own headings (no 'Titelblad', 'Indledning', '(overskrift)')."""
    src = _source_lower()
    bad = []
    for kind in MODEL.collections:
        for e in MODEL.all(kind):
            for c in e.cite:
                section = re.sub(r"\s*\([^)]*\)", "", c.section)
                for part in re.split(r" – |, ", section):
                    if part.lower() not in src:
                        bad.append(f"{kind}.{e.id}: {c.section!r} ({part!r})")
    assert not bad, bad


def test_every_role_has_a_description():
    """The roles page shows each role with its text from the source, never a bare heading."""
    assert [r.id for r in MODEL.all("roles") if not r.get("description")] == []


@pytest.mark.parametrize("setting", ["foer-dagtilbud", "ufoedt"])
def test_health_visitor_never_reaches_a_group_level_outcome(setting):
    """Niveau 2 is 'Konsultativ indsats på gruppeniveau' in daycare and school; before daycare the
    source's participants start at level 3 with the health visitors."""
    reached = [s for s in PATHS if f"hvor={setting}" in s.state]
    assert reached
    for s in reached:
        assert "participants:niveau-2" not in _refs(s.node), s.state
        assert "levels:niveau-2" not in _refs(s.node), s.state


def test_every_effort_in_the_overview_is_on_a_card():
    """'Oversigt over mulige indsatser med udgangspunkt i de 5 niveauer': everything it lists is findable from a card."""
    shown = {r for s in PATHS for r in _refs(s.node, "eksempler")}
    assert {f"efforts:{e.id}" for e in MODEL.all("efforts")} <= shown


def test_meeting_outcomes_show_their_levels_efforts():
    """Every outcome naming a level's meeting lists that level's efforts (the 'eksempler' row)."""
    for o in FLOW.outcomes.values():
        if not _refs(o, "moede"):
            continue
        levels = {MODEL.ref(r).id for r in _refs(o, "niveau")}
        efforts = [MODEL.ref(r) for r in _refs(o, "eksempler")]
        assert efforts and all(e["level"] in levels for e in efforts), o.id
