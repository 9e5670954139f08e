"""Routing of the Samarbejdsmodellen guide "Hvilket mødeforum?" (text: forum.toml; source 000).

The model has no rule on consent, underretning or violence/abuse: those answers lead to
outcomes that say so (rules of kind "silent"). Randers' violence exception is not this model's.
"""

from guides.engine import Flow

flow = Flow(__package__, "forum.toml")


@flow.route("emne")
def emne(answer, ctx):
    if answer == "vold":
        return ctx.outcome("vold-ikke-reguleret", because=["sr-underretning-sparring"])
    if answer == "underretning":
        return ctx.outcome("underretning-ikke-reguleret", because=["sr-underretning-sparring"])
    if answer == "samtykke":
        return ctx.outcome("samtykke-ikke-reguleret", because=["sr-fysisk"])
    return ctx.question("behov", because=["fem-fora"])


@flow.route("behov")
def behov(answer, ctx):
    if answer == "gruppe":
        return ctx.outcome("maanedlige-moeder")
    if answer == "raad":
        return ctx.outcome("socialraadgiver", because=["sr-fysisk"])
    if answer == "ledelse":
        return ctx.outcome("aarlige-moeder", because=["am-dagsorden"])
    return ctx.question("bekymring")


@flow.route("bekymring")
def bekymring(answer, ctx):
    if answer == "sparring":
        return ctx.outcome("samarbejdsmoede", because=["sm-indkaldes-naar"])
    if answer == "stoerre":
        return ctx.outcome("netvaerksmoede", because=["nm-samstemme"])
    return ctx.outcome("droeft-forum", because=["vigtigste-rigtige-deltagere"])
