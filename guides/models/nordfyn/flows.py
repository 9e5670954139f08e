"""Routing of the Nordfyn guide "Hvem kan hjælpe?" (source 004).

Text: hjaelp.toml. Data and citations: model.toml. From what the staff member needs to the
function the model makes responsible. Needs the model does not cover (underretning, vold,
møder, skemaer, samtykke) end in outcomes that say the model is silent.
"""

from guides.engine import Flow

hjaelp = Flow(__package__, "hjaelp.toml")


@hjaelp.route("bekymring")
def _bekymring(answer, ctx):
    if answer == "ja":
        return ctx.outcome("underretning-ikke-beskrevet")
    return ctx.question("omraade")


@hjaelp.route("omraade")
def _omraade(answer, ctx):
    if answer == "laering":
        return ctx.question("laering", because=["rc-formaal"])
    if answer == "skolefravaer":
        return ctx.outcome("skolefravaer")
    if answer == "familie":
        return ctx.question("familie")
    if answer == "sundhed":
        return ctx.question("sundhed")
    return ctx.outcome("procedurer-ikke-beskrevet")


@hjaelp.route("laering")
def _laering(answer, ctx):
    outcome = {
        "sparring": "vejledning",
        "specialpaed-egne": "specialpaed-egne",
        "specialpaed-udenfor": "specialpaed-visitation",
        "boerneinterview": "boerneinterview",
        "udredning": "udredning",
    }[answer]
    return ctx.outcome(outcome)


@hjaelp.route("familie")
def _familie(answer, ctx):
    if answer == "aaben-sag":
        return ctx.outcome("familieafdelingen")
    if answer == "ingen-sag":
        return ctx.outcome("familie-tidligt")
    return ctx.outcome("familie-uafklaret")


@hjaelp.route("sundhed")
def _sundhed(answer, ctx):
    outcome = {
        "sundhedsforhold": "sundhedsforhold",
        "overlevering": "overlevering",
        "sundhedsundersoegelse": "sundhedsundersoegelser",
        "tandpleje-mistrivsel": "tandpleje-mistrivsel",
        "tandsundhed": "tandsundhed",
    }[answer]
    return ctx.outcome(outcome)


FLOWS = [hjaelp]
