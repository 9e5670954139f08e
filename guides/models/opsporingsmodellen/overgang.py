"""Routing of the Opsporingsmodellen guide "Overgang" (text: overgang.toml; source 002)."""

from guides.engine import Flow

flow = Flow(__package__, "overgang.toml")

# Per transition: (parents refuse, special attention needed, for all children).
OUTCOMES = {
    "sp-dagpleje": ("sp-afslag", "sp-saerlig", "sp-alle"),
    "dagpleje-bh": ("dp-afslag", "dp-saerlig", "dp-alle"),
    "bh-skole": ("bh-afslag", "bh-saerlig", "bh-alle"),
}


@flow.route("kommune")
def kommune(answer, ctx):
    return ctx.question("overgang")


@flow.route("overgang")
def overgang(answer, ctx):
    if answer == "andet":
        return ctx.outcome("andet-skift", because=["og-andet-skift-tavs"])
    return ctx.question("foraeldre", because=["og-skriftligt-samtykke"])


@flow.route("foraeldre")
def foraeldre(answer, ctx):
    if answer == "nej":
        return ctx.outcome(OUTCOMES[ctx.answer("overgang")][0])
    return ctx.question("saerlig")


@flow.route("saerlig")
def saerlig(answer, ctx):
    refused, special, everyone = OUTCOMES[ctx.answer("overgang")]
    if answer == "ja":
        return ctx.outcome(special, because=["og-alle-boern"])
    return ctx.outcome(everyone)
