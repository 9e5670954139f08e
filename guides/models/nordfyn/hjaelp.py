"""Routing of the Nordfyn guide "Hvem kan hjælpe?" (text: hjaelp.toml; source 004).

From what the staff member needs to the function the model makes responsible. Needs the model
does not cover (underretning, vold, møder, skemaer, samtykke) end in outcomes that say so.
"""

from guides.engine import Flow

flow = Flow(__package__, "hjaelp.toml")


@flow.route("bekymring")
def bekymring(answer, ctx):
    if answer == "ja":
        return ctx.outcome("underretning-ikke-beskrevet")
    return ctx.question("omraade")


@flow.route("omraade")
def omraade(answer, ctx):
    if answer == "laering":
        return ctx.question("laering", because=["rc-formaal"])
    if answer == "skolefravaer":
        return ctx.outcome("skolefravaer")
    if answer == "familie":
        return ctx.question("familie")
    if answer == "sundhed":
        return ctx.question("sundhed")
    return ctx.outcome("procedurer-ikke-beskrevet")


LAERING = {
    "sparring": "vejledning",
    "specialpaed-egne": "specialpaed-egne",
    "specialpaed-udenfor": "specialpaed-visitation",
    "boerneinterview": "boerneinterview",
    "udredning": "udredning",
}


@flow.route("laering")
def laering(answer, ctx):
    return ctx.outcome(LAERING[answer])


@flow.route("familie")
def familie(answer, ctx):
    if answer == "aaben-sag":
        return ctx.outcome("familieafdelingen")
    if answer == "ingen-sag":
        return ctx.outcome("familie-tidligt")
    return ctx.outcome("familie-uafklaret")


SUNDHED = {
    "sundhedsforhold": "sundhedsforhold",
    "overlevering": "overlevering",
    "sundhedsundersoegelse": "sundhedsundersoegelser",
    "tandpleje-mistrivsel": "tandpleje-mistrivsel",
    "tandsundhed": "tandsundhed",
}


@flow.route("sundhed")
def sundhed(answer, ctx):
    return ctx.outcome(SUNDHED[answer])
