"""Property-based tests (Hypothesis): any link, any model file.

Links: generated fragments (known and unknown questions and options, repeats, any order, percent
signs, Unicode, markup, up to 100 kB) get the same verdict from the precomputed table the page
uses before Python is ready (``api.all_states``, looked up as ``guide.js`` does: exact match
after dropping leading "#") and from the engine (``api.step``); an error names what does not fit
in a short excerpt, never a traceback, never markup from the link.

Model files: generated ``model.toml`` files with missing, extra, wrong-typed and over-long fields
either load or raise ``ModelError`` whose every line names the file, the field and the problem.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from html import unescape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides import api, registry
from guides.engine import EXCERPT
from guides.errors import ModelError
from guides.model import load_model

GUIDES = sorted(registry.guides())
LINKS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODELS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GENERATED = {"fragments": 0, "models": 0}  # reported at the end of the module


@cache
def table(guide_id: str) -> dict:
    return api.all_states(guide_id)


def table_answer(guide_id: str, fragment: str) -> dict:
    """What guide.js shows before Python is ready: the table's own state, or its 'unknown'."""
    t = table(guide_id)
    return t["states"].get(fragment.lstrip("#"), t["unknown"])


@cache
def vocabulary(guide_id: str) -> tuple[list[str], list[str]]:
    flow = registry.guide(guide_id)
    questions = list(flow.questions)
    options = sorted({o.id for q in flow.questions.values() for o in q.options})
    return questions, options


NASTY = st.sampled_from([
    "", " ", "  ", "\t", "\u00a0", "\u200b", "\ufeff", "#", "##", "&", "=", "==", "%", "%%%", "%20", "%3D",
    "constructor", "__proto__", "toString", "hasOwnProperty", "<script>alert(1)</script>", "<b>", '"', "'",
    "æøå", "ÆØÅ", "\U0001F600", "\x00", "\u202e", "../", "\\", "x" * 100_000,
])


def text_piece(guide_id: str):
    questions, options = vocabulary(guide_id)
    return st.one_of(
        st.sampled_from(questions), st.sampled_from(options), NASTY,
        st.text(max_size=20), st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789", min_size=1, max_size=12),
    )


@st.composite
def fragments(draw):
    guide_id = draw(st.sampled_from(GUIDES))
    states = list(table(guide_id)["states"])
    piece = text_piece(guide_id)
    kind = draw(st.sampled_from(["valid", "mutated", "pairs", "raw"]))
    if kind == "valid":
        fragment = draw(st.sampled_from(states))
    elif kind == "mutated":
        # A real state changed a little: padded, repeated, reordered, cut, extended or prefixed.
        parts = draw(st.sampled_from(states)).split("&")
        op = draw(st.sampled_from(["pad", "repeat", "swap", "cut", "extend", "hash", "case", "trailing"]))
        if op == "pad":
            i = draw(st.integers(0, len(parts) - 1))
            parts[i] = draw(st.sampled_from([" ", "\t", "\u00a0", "\n"])) + parts[i] + draw(st.sampled_from(["", " "]))
        elif op == "repeat":
            parts.append(draw(st.sampled_from(parts)))
        elif op == "swap" and len(parts) > 1:
            i = draw(st.integers(0, len(parts) - 2))
            parts[i], parts[i + 1] = parts[i + 1], parts[i]
        elif op == "cut" and parts[-1]:
            parts[-1] = parts[-1][:-1]
        elif op == "extend":
            parts.append(f"{draw(piece)}={draw(piece)}")
        elif op == "hash":
            parts[0] = "#" * draw(st.integers(1, 3)) + parts[0]
        elif op == "case":
            parts = [p.upper() for p in parts]
        elif op == "trailing":
            parts.append("")
        fragment = "&".join(parts)
    elif kind == "pairs":
        pairs = draw(st.lists(st.tuples(piece, piece), max_size=8))
        fragment = "&".join(f"{q}={o}" for q, o in pairs)
    else:
        fragment = draw(st.text(max_size=60) | NASTY)
    return guide_id, fragment


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


@LINKS
@given(fragments())
def test_every_link_gets_the_same_verdict_before_and_after_python(case):
    guide_id, fragment = case
    GENERATED["fragments"] += 1
    engine = api.step(guide_id, fragment)
    before = table_answer(guide_id, fragment)
    assert engine["ok"] == before["ok"], f"{guide_id} #{fragment[:80]!r}: table {before['ok']}, engine {engine['ok']}"
    if engine["ok"]:
        assert engine["html"] == before["html"]
        return
    html = engine["html"]
    text = visible_text(html)
    assert "Traceback" not in text and "Error" not in text
    assert "Linket passer ikke til guiden" in text and 'href="#"' in html, "a plain message with a way to start over"
    # The detail names the problem: which answer or question does not fit, quoted in short.
    detail = re.search(r'<p class="g-detail">(.*?)</p>', html, re.S)
    assert detail, html
    quoted = re.findall(r"'(.*?)'", unescape(detail.group(1)), re.S)
    assert quoted or "flere svar" in detail.group(1), detail.group(1)
    assert all(len(q) <= EXCERPT + 1 for q in quoted), "an error quotes at most a short excerpt"
    assert len(html) < 2_000, "never the whole link"
    # Never markup from the link: every tag in the answer is one the engine writes.
    tags = set(re.findall(r"<\s*([a-zA-Z][\w-]*)", html))
    assert tags <= {"div", "h2", "p", "a"}, tags


@pytest.mark.parametrize("fragment", ["constructor", "toString", "__proto__", "hasOwnProperty", " vold=nej", "vold=nej ", "\tvold=nej"])
def test_object_keys_and_padding_are_not_answers(fragment):
    assert not api.step("randers-niveau", fragment)["ok"]
    assert not table_answer("randers-niveau", fragment)["ok"]


def test_a_100_kb_answer_is_quoted_in_short():
    res = api.step("randers-niveau", "vold=" + "<b>" * 33_000)
    assert not res["ok"]
    assert len(res["html"]) < 2_000 and "<b>" not in res["html"]


# -- Model files --------------------------------------------------------------------------------

MODEL_FIELDS = {"id": "m", "title": "T", "municipality": "K", "doc": "001", "summary": "S"}
ROLE = {"name": "Leder", "cite": {"section": "Niveau 1", "quote": "et citat"}}
WEIRD = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5), st.just(""),
    st.just("x" * 20_000), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def toml_value(v) -> str:
    if v is None:
        return '""'
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{toml_value(str(k))} = {toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(v)


def toml_table(name: str, fields: dict) -> str:
    return f"[{name}]\n" + "".join(f"{toml_value(k)} = {toml_value(v)}\n" for k, v in fields.items())


@st.composite
def model_files(draw):
    """A small valid model, then broken: fields dropped, added, retyped or made very long."""
    model = dict(MODEL_FIELDS)
    role = {**ROLE, "cite": dict(ROLE["cite"])}
    changes = []
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(["model", "role", "cite"]))
        if target == "cite" and not isinstance(role.get("cite"), dict):
            target = "role"  # the citation itself was removed or retyped
        table_ = {"model": model, "role": role, "cite": role.get("cite")}[target]
        op = draw(st.sampled_from(["missing", "extra", "type", "long"]))
        key = draw(st.sampled_from(sorted(table_) or ["x"]))
        if op == "missing":
            table_.pop(key, None)
        elif op == "extra":
            table_[draw(st.sampled_from(["extra", "Name", "<b>x</b>", "æ", "id2"]))] = draw(WEIRD)
        elif op == "type":
            table_[key] = draw(WEIRD)
        else:
            table_[key] = draw(st.sampled_from(["x", "æø ", "<i>"])) * draw(st.integers(1_000, 20_000))
        changes.append((target, op, key))
    role_id = draw(st.sampled_from(["leder", "Leder", "le der", "x" * 300, "-x"]))
    return toml_table("model", model) + toml_table(f"roles.{toml_value(role_id)}", role), changes


@pytest.fixture(scope="module")
def model_package(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    pkg = root / "generated_model"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    sys.path.insert(0, str(root))
    yield pkg
    sys.path.remove(str(root))


@MODELS
@given(case=model_files())
def test_a_broken_model_file_names_file_field_and_problem(model_package, case):
    text, _changes = case
    GENERATED["models"] += 1
    (model_package / "model.toml").write_text(text, encoding="utf-8")
    try:
        model = load_model.__wrapped__("generated_model")
    except ModelError as exc:
        assert exc.problems
        for line in exc.problems:
            file, _, rest = line.partition(": ")
            assert file == "generated_model/model.toml", line
            where, _, problem = rest.partition(": ")
            assert where and problem, f"no field or problem in {line[:200]!r}"
        return
    # It loaded: then every required field had a value of its type.
    assert model.title and model.id


def test_report_generated_inputs():
    """Runs last in this module: the number of generated inputs, for the record."""
    print(f"\nHypothesis generated {GENERATED['fragments']} links and {GENERATED['models']} model files")
    assert GENERATED["fragments"] >= 100 and GENERATED["models"] >= 100
