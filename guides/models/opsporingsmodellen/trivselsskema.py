"""Routing of the Opsporingsmodellen guide "Trivselsskema: hvad gør vi nu?" (text: trivselsskema.toml;
source 002). The first question (the reader's municipality) only scopes the card."""

from guides.engine import Flow

flow = Flow(__package__, "trivselsskema.toml")

# The outcome for each setting and colour (the school's yellow and the health visitor's green
# ask one more question first).
OUTCOMES = {
    ("sundhedspleje", "groen"): "sp-groen", ("sundhedspleje", "gul"): "sp-gul", ("sundhedspleje", "roed"): "sp-roed",
    ("dagpleje", "groen"): "dp-groen", ("dagpleje", "gul"): "dp-gul", ("dagpleje", "roed"): "dp-roed",
    ("boernehave", "groen"): "bh-groen", ("boernehave", "gul"): "bh-gul", ("boernehave", "roed"): "bh-roed",
    ("skole", "groen"): "sk-groen", ("skole", "roed"): "sk-roed",
}


@flow.route("kommune")
def kommune(answer, ctx):
    return ctx.question("sted")


@flow.route("sted")
def sted(answer, ctx):
    return ctx.question("farve", because=["ts-farver"])


@flow.route("farve")
def farve(answer, ctx):
    setting = ctx.answer("sted")
    if setting == "sundhedspleje" and answer == "groen":
        return ctx.question("kontekst", because=["sp-eget-skema"])
    if setting == "skole" and answer == "gul":
        return ctx.question("antal-gule")
    return ctx.outcome(OUTCOMES[setting, answer])


@flow.route("kontekst")
def kontekst(answer, ctx):
    if answer == "gul":
        return ctx.outcome("sp-kontekst", because=["sp-kontekst"])
    return ctx.outcome("sp-groen")


@flow.route("antal-gule")
def antal_gule(answer, ctx):
    if answer == "flere":
        return ctx.outcome("sk-gul-flere", because=["sk-to-gule"])
    return ctx.outcome("sk-gul-en", because=["sk-en-gul-tavs"])
