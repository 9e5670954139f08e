"""Routing of the guide "Udviklingsmøde, netværksmøde eller konsultativt forum?" (source 003).

Text: moede.toml. Data and citations: model.toml. Each route names the rules it applies
(``because``); they become the outcome's "Hvorfor?". Where the page is silent (vold, overgreb,
underretning, no consent, withdrawn consent, how to choose between the two meetings) the guide
ends in an outcome that says so instead of guessing.
"""

from guides.engine import Flow

moede = Flow(__package__, "moede.toml")


@moede.route("bekymring")
def _bekymring(answer, ctx):
    if answer == "ja":
        return ctx.outcome("ikke-reguleret")
    return ctx.question("hvad")


@moede.route("hvad")
def _hvad(answer, ctx):
    if answer == "praksis":
        return ctx.outcome("konsultativt-forum", because=["konsultativt-forebyggelse"])
    return ctx.question("fagpersoner", because=["to-muligheder"])


@moede.route("fagpersoner")
def _fagpersoner(answer, ctx):
    if answer == "ppr-terapeut":
        return ctx.question("foerste", because=["udviklingsmoede-deltagere"])
    if answer == "myndighed":
        return ctx.question("foerste", because=["netvaerksmoede-deltagere"])
    return ctx.outcome("valg-uklart")


@moede.route("foerste")
def _foerste(answer, ctx):
    if answer == "foerste":
        return ctx.question("samtykke", because=["skemaer-dagsorden-referat", "samtykke-ved-opstart"])
    return ctx.question("trukket", because=["skemaer-dagsorden-referat", "opfoelgning"])


@moede.route("samtykke")
def _samtykke(answer, ctx):
    if answer == "afvist":
        return ctx.outcome("samtykke-afvist")
    return ctx.question("initiativ", because=["samtykke-kraeves"])


@moede.route("trukket")
def _trukket(answer, ctx):
    if answer == "ja":
        return ctx.outcome("samtykke-trukket-tilbage")
    return ctx.question("initiativ", because=["samtykke-tilbage"])


@moede.route("initiativ")
def _initiativ(answer, ctx):
    meeting = "udvikling" if ctx.answer("fagpersoner") == "ppr-terapeut" else "netvaerk"
    stage = ctx.answer("foerste")
    if answer == "paedagogisk-leder":
        return ctx.outcome(f"{meeting}-{stage}-leder", because=["moedeleder-paedagogisk-leder"])
    return ctx.outcome(f"{meeting}-{stage}-aftales", because=["moedeleder-aftales"])


FLOWS = [moede]
