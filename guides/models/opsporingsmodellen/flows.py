"""Routing of the four Opsporingsmodellen guides (source 002, KORA 2012).

Text: underretning.toml, trivselsskema.toml, sparring.toml, overgang.toml.
Data and citations: model.toml, model-regler.toml, model-praksis.toml. Each route names the
rules it applies (``because``); they become the outcome's "Hvorfor?".
"""

from guides.engine import Flow

# --------------------------------------------------------------------------- underretning
underretning = Flow(__package__, "underretning.toml")


@underretning.route("bekymring")
def _bekymring(answer, ctx):
    if answer == "begrundet":
        return ctx.question("alvor", because=["underret-straks"])
    if answer == "tvivl":
        return ctx.outcome("tvivl", because=["vb-tvivl", "uden-accept-49a"])
    return ctx.outcome("undren", because=["handlepligt-undren"])


@underretning.route("alvor")
def _alvor(answer, ctx):
    if answer == "ja":
        return ctx.outcome("underret-akut", because=["vb-roed"])
    return ctx.outcome("underret-straks")


# --------------------------------------------------------------------------- trivselsskema
trivsel = Flow(__package__, "trivselsskema.toml")

_PREFIX = {"sundhedspleje": "sp", "dagpleje": "dp", "boernehave": "bh", "skole": "sk"}


@trivsel.route("sted")
def _sted(answer, ctx):
    return ctx.question("farve", because=["ts-farver"])


@trivsel.route("farve")
def _farve(answer, ctx):
    sted = ctx.answer("sted")
    if sted == "sundhedspleje" and answer == "groen":
        return ctx.question("kontekst", because=["sp-eget-skema"])
    if sted == "skole" and answer == "gul":
        return ctx.question("antal-gule")
    return ctx.outcome(f"{_PREFIX[sted]}-{answer}")


@trivsel.route("kontekst")
def _kontekst(answer, ctx):
    if answer == "gul-roed":
        return ctx.outcome("sp-kontekst", because=["sp-kontekst"])
    return ctx.outcome("sp-groen")


@trivsel.route("antal-gule")
def _antal_gule(answer, ctx):
    if answer == "flere":
        return ctx.outcome("sk-gul-flere", because=["sk-to-gule"])
    return ctx.outcome("sk-gul-en", because=["sk-en-gul-tavs"])


# --------------------------------------------------------------------------- sparring
sparring = Flow(__package__, "sparring.toml")


@sparring.route("behov")
def _behov(answer, ctx):
    if answer == "praksis":
        return ctx.outcome("praksis", because=["fsf-uden-foraeldre"])
    if answer == "sag":
        return ctx.outcome("sag", because=["sbt-norddjurs-ikke"])
    if answer == "underretning":
        return ctx.outcome("underretning", because=["underret-straks"])
    return ctx.question("foraeldre", because=["ntm-konkret-barn"])


@sparring.route("foraeldre")
def _foraeldre(answer, ctx):
    if answer == "ja":
        return ctx.question("alder", because=["foraeldre-deltagelse-accept"])
    if answer == "ikke-spurgt":
        return ctx.outcome("spoerg-foraeldre", because=["foraeldre-deltagelse-accept"])
    return ctx.outcome("uden-accept", because=["uden-accept-49a"])


@sparring.route("alder")
def _alder(answer, ctx):
    return ctx.outcome(f"barn-{answer}")


# --------------------------------------------------------------------------- overgang
overgang = Flow(__package__, "overgang.toml")

_OVERGANG = {"sp-dagpleje": "sp", "dagpleje-bh": "dp", "bh-skole": "bh"}


@overgang.route("overgang")
def _overgang(answer, ctx):
    return ctx.question("foraeldre", because=["og-skriftligt-samtykke"])


@overgang.route("foraeldre")
def _og_foraeldre(answer, ctx):
    prefix = _OVERGANG[ctx.answer("overgang")]
    if answer == "nej":
        return ctx.outcome(f"{prefix}-afslag")
    return ctx.question("saerlig")


@overgang.route("saerlig")
def _saerlig(answer, ctx):
    prefix = _OVERGANG[ctx.answer("overgang")]
    if answer == "ja":
        return ctx.outcome(f"{prefix}-saerlig", because=["og-alle-boern"])
    return ctx.outcome(f"{prefix}-alle")


FLOWS = [underretning, trivsel, sparring, overgang]
