"""Routing of the Opsporingsmodellen guide "Efter underretningen: hvad sker der nu?"
(text: efter_underretning.toml; source 002, 8.1 and 8.3). The first question only scopes the card."""

from guides.engine import Flow

flow = Flow(__package__, "efter_underretning.toml")

# What the one who filed wants to know -> outcome.
TOPICS = {"svar": "u-svar", "farver": "u-farver", "bagefter": "u-bagefter"}
# The weight of the underretning (Vordingborg's red, yellow, green) -> outcome.
WEIGHTS = {"roed": "m-roed", "gul": "m-gul", "groen": "m-groen"}


@flow.route("kommune")
def kommune(answer, ctx):
    return ctx.question("rolle")


@flow.route("rolle")
def rolle(answer, ctx):
    if answer == "underretter":
        return ctx.question("emne", because=["tilbagemelding"])
    return ctx.question("modtaget", because=["vb-eksempel"])


@flow.route("emne")
def emne(answer, ctx):
    return ctx.outcome(TOPICS[answer])


@flow.route("modtaget")
def modtaget(answer, ctx):
    if answer == "anden-kommune":
        return ctx.outcome("m-mellemkommunal", because=["vb-mellemkommunal"])
    if answer == "tvivl":
        return ctx.outcome("m-tvivl", because=["vb-tvivl"])
    if answer == "privat":
        return ctx.question("tyngde", because=["vb-anonyme", "vb-vurderer"])
    return ctx.question("tyngde", because=["vb-vurderer"])


@flow.route("tyngde")
def tyngde(answer, ctx):
    return ctx.outcome(WEIGHTS[answer])
