"""Routing of the Nordfyn guide "Hvem kan hjælpe?" (text: hjaelp.toml; source 004).

From what the staff member needs to the function the model makes responsible. The need comes
first: a concern about a child goes to what the model does say (the ressourcecenter, Videncentret
and Familiehuset for mistrivsel, Familieafdelingen or the fremskudt socialrådgiver for the home,
tandplejen with the ressourcecentre); only violence, abuse and underretning, on which the model
is silent, end in the outcome that says so. Meetings, forms and consent also end in a silent outcome.
A leader's question about who leads the cross-sectional collaboration ends at the ledergruppe.
"""

from guides.engine import Flow

flow = Flow(__package__, "hjaelp.toml")


@flow.route("omraade")
def omraade(answer, ctx):
    if answer == "laering":
        return ctx.question("laering", because=["rc-formaal"])
    if answer == "bekymring":
        return ctx.question("bekymring")
    if answer == "skolefravaer":
        return ctx.outcome("skolefravaer")
    if answer == "familie":
        return ctx.question("familie")
    if answer == "sundhed":
        return ctx.question("sundhed")
    if answer == "ledelse":
        return ctx.outcome("ledelse")
    return ctx.outcome("procedurer-ikke-beskrevet")


@flow.route("bekymring")
def bekymring(answer, ctx):
    if answer == "mistrivsel":
        return ctx.outcome("mistrivsel")
    if answer == "hjemmet":
        return ctx.question("familie", because=["fh-tidlig-indsats"])
    if answer == "tandpleje":
        return ctx.outcome("tandpleje-mistrivsel")
    return ctx.outcome("underretning-ikke-beskrevet")


LAERING = {
    "sparring": "vejledning",
    "specialpaed-egne": "specialpaed-egne",
    "specialpaed-udenfor": "specialpaed-visitation",
    "boerneinterview": "boerneinterview",
    "udredning": "udredning",
    "data": "data",
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
