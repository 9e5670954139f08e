"""Node-by-node flow tests and golden scenarios from tests/cases/*.toml (also run in Pyodide)."""

import pytest

from tests.flowcases import load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    case.run()


def test_every_model_has_cases():
    from guides import registry

    covered = {c.guide for c in CASES if ":node:" in c.id}
    assert set(registry.guides()) <= covered, f"guides without flow cases: {set(registry.guides()) - covered}"
