"""Engine and data validation: bad input gets a clear error naming the file, the field and the problem."""

from __future__ import annotations

import importlib
import json
import sys
import textwrap

import pytest

from guides import registry
from guides.engine import Flow, decode
from guides.errors import AnswerError, FlowError, ModelError

GOOD_MODEL = """
[model]
id = "test"
title = "Testmodel"
municipality = "Test"
doc = "001"
summary = "Til test."

[roles.leder]
name = "Leder"
cite = { section = "Procedure", quote = "Lederen indkalder til tværfagligt netværksmøde." }

[rules.r1]
kind = "rule"
text = "En regel."
cite = { section = "Procedure", quote = "Lederen indkalder til tværfagligt netværksmøde." }
"""

GOOD_GUIDE = """
[guide]
id = "test-guide"
title = "Test"
intro = "Intro."
start = "q1"

[questions.q1]
text = "Spørgsmål?"
options = [{ id = "a", label = "A" }, { id = "b", label = "B" }]

[outcomes.o1]
title = "Udfald 1"
summary = "Et."
card = { naeste = ["rules:r1"] }

[outcomes.o2]
title = "Udfald 2"
summary = "To."
card = { funktion = ["roles:leder"] }
"""


@pytest.fixture
def pkg(tmp_path, monkeypatch):
    """A throwaway model package; returns a function writing its files and returning its name."""
    root = tmp_path / "pkgs"
    (root / "tmpmodel").mkdir(parents=True)
    (root / "tmpmodel" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(root))

    def write(model=GOOD_MODEL, guide=GOOD_GUIDE):
        (root / "tmpmodel" / "model.toml").write_text(textwrap.dedent(model), encoding="utf-8")
        (root / "tmpmodel" / "guide.toml").write_text(textwrap.dedent(guide), encoding="utf-8")
        from guides.model import load_model

        load_model.cache_clear()
        importlib.invalidate_caches()
        sys.modules.pop("tmpmodel", None)
        return "tmpmodel"

    return write


def routed(package, **routes):
    flow = Flow(package, "guide.toml")
    for qid, fn in routes.items():
        flow.route(qid)(fn)
    return flow


def test_a_good_flow_validates_and_resolves(pkg):
    flow = routed(pkg(), q1=lambda a, ctx: ctx.outcome("o1" if a == "a" else "o2", because=["r1"]))
    flow.validate()
    step = flow.resolve("q1=b")
    assert step.node.id == "o2" and step.because == ("r1",) and step.state == "q1=b"
    assert [s.node.id for s in flow.paths()] == ["o1", "o2"]


def test_malformed_toml_names_the_file(pkg):
    with pytest.raises(ModelError, match=r"tmpmodel/model.toml: not valid TOML"):
        Flow(pkg(model="[model\nid = 1"), "guide.toml")


def test_unknown_field_is_named(pkg):
    with pytest.raises(ModelError, match=r"tmpmodel/model.toml: roles.leder.nme: unknown field"):
        Flow(pkg(model=GOOD_MODEL.replace('name = "Leder"', 'nme = "Leder"')), "guide.toml")


def test_missing_citation_is_named(pkg):
    bad = GOOD_MODEL.replace('[rules.r1]\nkind = "rule"\ntext = "En regel."\ncite', '[rules.r1]\nkind = "rule"\ntext = "En regel."\nxcite')
    with pytest.raises(ModelError) as err:
        Flow(pkg(model=bad), "guide.toml")
    assert "tmpmodel/model.toml: rules.r1.cite: required field is missing" in str(err.value)


def test_wrong_type_and_unknown_document(pkg):
    bad = GOOD_MODEL.replace('kind = "rule"', 'kind = "regel"').replace('doc = "001"', 'doc = "009"')
    with pytest.raises(ModelError) as err:
        Flow(pkg(model=bad), "guide.toml")
    assert "model.doc: unknown source document '009'" in str(err.value)


def test_undefined_reference_on_a_card_is_named(pkg):
    with pytest.raises(ModelError, match=r"guide.toml: outcomes.o1.card.naeste\[0\]: refers to rules 'nope'"):
        Flow(pkg(guide=GOOD_GUIDE.replace('"rules:r1"', '"rules:nope"')), "guide.toml")


def test_unknown_card_row_is_named(pkg):
    with pytest.raises(ModelError, match=r"outcomes.o2.card.hvem: unknown card row"):
        Flow(pkg(guide=GOOD_GUIDE.replace("funktion =", "hvem =")), "guide.toml")


def test_option_without_a_route(pkg):
    flow = Flow(pkg(), "guide.toml")
    with pytest.raises(FlowError, match=r"test-guide \(.*guide.toml, model test\): question 'q1' has no route"):
        flow.validate()


def test_unknown_node(pkg):
    flow = routed(pkg(), q1=lambda a, ctx: ctx.outcome("o3"))
    with pytest.raises(FlowError, match="unknown outcome 'o3'"):
        flow.validate()


def test_unreachable_node(pkg):
    flow = routed(pkg(), q1=lambda a, ctx: ctx.outcome("o1"))
    with pytest.raises(FlowError, match="node 'o2' is never reached"):
        flow.validate()


def test_a_route_must_return_a_node_not_a_string(pkg):
    flow = routed(pkg(), q1=lambda a, ctx: "o1")
    with pytest.raises(FlowError, match="returned 'o1'.*return ctx.question"):
        flow.validate()


def test_routing_may_only_cite_defined_rules(pkg):
    flow = routed(pkg(), q1=lambda a, ctx: ctx.outcome("o1" if a == "a" else "o2", because=["r9"]))
    with pytest.raises(FlowError, match="cites rule 'r9'"):
        flow.validate()


@pytest.mark.parametrize(
    "fragment,message",
    [
        ("vold=maaske", "'maaske' er ikke et af svarene"),
        ("hvem=et-barn", "spørgsmålet 'hvem' passer ikke her"),
        ("vold=ja&hvem=et-barn", "flere svar, end guiden har spørgsmål til"),
        ("vold", "'vold' er ikke et svar"),
    ],
)
def test_answers_that_do_not_fit_raise_answer_error(fragment, message):
    with pytest.raises(AnswerError, match=message):
        registry.guide("randers-niveau").resolve(fragment)


def test_decode():
    assert decode("#a=b&c=d") == [("a", "b"), ("c", "d")]
    assert decode("") == []


def test_cli_answer_json(capsys):
    from guides.cli import main

    assert main(["answer", "randers-niveau", "vold=ja", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"id": "underretning-straks"' in out and '"section": "Niveau 1 – Mulige udfald"' in out
    assert main(["answer", "randers-niveau", "vold=nej"]) == 0
    assert "next question hvor" in capsys.readouterr().out
    assert main(["answer", "randers-niveau", "vold=x"]) == 2


# -- one schema for everything: nested tables are checked by the same checker --------------------


def test_a_question_needs_two_options(pkg):
    bad = GOOD_GUIDE.replace('options = [{ id = "a", label = "A" }, { id = "b", label = "B" }]', 'options = [{ id = "a", label = "A" }]')
    with pytest.raises(ModelError, match=r"guide.toml: questions.q1.options: expected a list of at least 2, got 1"):
        Flow(pkg(guide=bad), "guide.toml")


def test_nested_option_fields_are_checked(pkg):
    bad = GOOD_GUIDE.replace('{ id = "b", label = "B" }', '{ id = "a", lable = "B" }')
    with pytest.raises(ModelError) as err:
        Flow(pkg(guide=bad), "guide.toml")
    text = str(err.value)
    assert "guide.toml: questions.q1.options[1].lable: unknown field" in text
    assert "guide.toml: questions.q1.options[1].label: required field is missing" in text
    assert "guide.toml: questions.q1.options[1].id: id 'a' is used twice" in text


def test_nested_participant_groups_are_checked(pkg):
    model = GOOD_MODEL + """
[participants.p1]
title = "Møde"
groups = [{ takes_part = "somtimes", roles = ["leder", "ingen"] }]
cite = { section = "Procedure", quote = "Lederen indkalder til tværfagligt netværksmøde." }
"""
    with pytest.raises(ModelError) as err:
        Flow(pkg(model=model), "guide.toml")
    text = str(err.value)
    assert "model.toml: participants.p1.groups[0].takes_part: expected one of always," in text
    assert "model.toml: participants.p1.groups[0].roles[1]: refers to roles 'ingen'" in text


def test_a_summary_may_refer_to_the_data(pkg):
    guide = GOOD_GUIDE.replace('summary = "Et."', 'summary = "Husk: {{ ref(\\"rules:r1\\") }}"')
    flow = routed(pkg(guide=guide), q1=lambda a, ctx: ctx.outcome("o1" if a == "a" else "o2"))
    assert flow.outcomes["o1"].summary == "Husk: En regel."


@pytest.mark.parametrize("expr,problem", [
    ('{{ ref(\\"rules:nope\\") }}', "ref('rules:nope') refers to rules 'nope', which is not defined"),
    ('{{ ref(\\"roles:leder\\") }}', "ref('roles:leder') must point to one of deadlines, rules"),
    ('{{ ref.__class__ }}', "template error"),
    ('{{ unknown }}', "template error"),
])
def test_a_bad_reference_in_a_summary_is_a_load_error(pkg, expr, problem):
    guide = GOOD_GUIDE.replace('summary = "Et."', f'summary = "{expr}"')
    with pytest.raises(ModelError) as err:
        Flow(pkg(guide=guide), "guide.toml")
    assert "guide.toml: outcomes.o1.summary: " + problem in str(err.value)


def test_every_field_has_a_danish_label_and_help():
    from guides import schema

    described = schema.describe()
    json.dumps(described)  # plain data
    for name, table in {**described["tables"], **described["files"]}.items():
        assert table["label"] and table["help"], name
        for field, spec in table["fields"].items():
            assert spec["label"].strip() and spec["help"].strip(), f"{name}.{field}"
    assert described["tables"]["question"]["fields"]["options"]["type"] == "list[table:option]"


# -- a model outside the package: a folder, or texts ---------------------------------------------

ROUTING = '''
from guides.engine import Flow

flow = Flow(__package__, "guide.toml")


@flow.route("q1")
def q1(answer, ctx):
    return ctx.outcome("o1" if answer == "a" else "o2")
'''


def test_load_a_model_from_texts():
    from guides.load import load_texts

    loaded = load_texts({"model.toml": GOOD_MODEL, "guide.toml": GOOD_GUIDE, "guide.py": ROUTING}, shown="workshop")
    assert loaded.model.id == "test" and set(loaded.guides) == {"test-guide"}
    assert loaded.guides["test-guide"].resolve("q1=b").node.id == "o2"
    with pytest.raises(ModelError, match=r"workshop/guide.toml: outcomes.o1.card.naeste\[0\]: refers to rules 'nope'"):
        load_texts({"model.toml": GOOD_MODEL, "guide.toml": GOOD_GUIDE.replace('"rules:r1"', '"rules:nope"')}, shown="workshop")
    with pytest.raises(FlowError, match="node 'o2' is never reached"):
        load_texts({"model.toml": GOOD_MODEL, "guide.toml": GOOD_GUIDE, "guide.py": ROUTING.replace('"o1" if answer == "a" else "o2"', '"o1"')})


def test_validate_a_model_folder_from_the_command_line(tmp_path, capsys):
    from guides.cli import main

    (tmp_path / "model.toml").write_text(GOOD_MODEL, encoding="utf-8")
    (tmp_path / "guide.toml").write_text(GOOD_GUIDE, encoding="utf-8")
    (tmp_path / "guide.py").write_text(ROUTING, encoding="utf-8")
    # `validate PATH` is the workshop's (guides/workshop/cli.py): a folder or a zip, problems in Danish
    assert main(["validate", str(tmp_path)]) == 0
    assert "ok: model test, 1 guides" in capsys.readouterr().out
    (tmp_path / "guide.toml").write_text(GOOD_GUIDE.replace("funktion =", "hvem ="), encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "guide.toml: outcomes.o2 card.hvem: Ukendt række på svarkortet." in err, err
    assert f"fejl: 1 problem(er) i {tmp_path}" in err


def test_a_model_may_override_a_template(pkg, tmp_path):
    from guides import templating
    from guides.html import step_html

    package = pkg()
    folder = tmp_path / "pkgs" / "tmpmodel" / "templates"
    folder.mkdir()
    (folder / "_restart.j2").write_text('<p class="own">{{ ui.text.restart }} – egen skabelon</p>', encoding="utf-8")
    templating._model_loader.cache_clear()
    templating._environment.cache_clear()
    flow = routed(package, q1=lambda a, ctx: ctx.outcome("o1" if a == "a" else "o2"))
    assert "egen skabelon" in step_html(flow, flow.resolve("q1=a"))
    other = registry.guide("randers-niveau")
    assert "egen skabelon" not in step_html(other, other.resolve("vold=ja"))
    templating._model_loader.cache_clear()
    templating._environment.cache_clear()


def test_markup_in_data_is_escaped(pkg):
    from guides.html import step_html

    flow = routed(pkg(guide=GOOD_GUIDE.replace('title = "Udfald 1"', 'title = "<script>alert(1)</script>"')),
                  q1=lambda a, ctx: ctx.outcome("o1" if a == "a" else "o2"))
    html = step_html(flow, flow.resolve("q1=a"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
