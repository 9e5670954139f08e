"""Routing of the Samarbejdsmodellen guide "Hvilket mødeforum?" (text: forum.toml; source 000).

The model has no rule on consent, underretning, violence/abuse, parents who will not take part,
or children not yet in daycare or school: those answers lead to outcomes that say so (rules of
kind "silent") and quote another document's words (kind "external"). Randers' violence
exception is not this model's.
"""

from guides.engine import Flow

flow = Flow(__package__, "forum.toml")

# First question: the topics the model is silent on -> (outcome, rule that points onward).
SILENT = {
    "vold": ("vold-ikke-reguleret", "sr-underretning-sparring"),
    "underretning": ("underretning-ikke-reguleret", "sr-underretning-sparring"),
    "samtykke": ("samtykke-ikke-reguleret", "sr-fysisk"),
    "foraeldre-nej": ("foraeldre-deltager-ikke", "sr-foraeldre-raad"),
    "foer-dagtilbud": ("foer-dagtilbud-ikke-naevnt", "baggrund"),
}


@flow.route("emne")
def emne(answer, ctx):
    if answer in SILENT:
        outcome, rule = SILENT[answer]
        return ctx.outcome(outcome, because=[rule])
    return ctx.question("behov", because=["fem-fora"])


@flow.route("behov")
def behov(answer, ctx):
    if answer == "gruppe":
        return ctx.outcome("maanedlige-moeder")
    if answer == "opfoelgning":
        return ctx.outcome("maanedlige-moeder", because=["mm-koordinering"])
    if answer == "overgang":
        return ctx.outcome("maanedlige-moeder", because=["mm-loese-punkter"])
    if answer == "raad":
        return ctx.outcome("socialraadgiver", because=["sr-fysisk"])
    if answer == "ledelse":
        return ctx.outcome("aarlige-moeder", because=["am-dagsorden"])
    return ctx.question("bekymring")


@flow.route("bekymring")
def bekymring(answer, ctx):
    if answer == "hverdag":
        return ctx.outcome("groent-omraade")
    if answer == "sparring":
        return ctx.outcome("samarbejdsmoede", because=["sm-indkaldes-naar"])
    if answer == "stoerre":
        return ctx.outcome("netvaerksmoede", because=["nm-samstemme"])
    if answer == "raad-netvaerk":
        return ctx.outcome("socialraadgiver", because=["sr-netvaerksmoede-sparring"])
    return ctx.outcome("droeft-forum", because=["vigtigste-rigtige-deltagere"])
