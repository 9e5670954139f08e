"""Routing of the Samarbejdsmodellen guides "Hvilket mødeforum?" and "Hvem gør hvad?".

Text: forum.toml and roller.toml. Data and citations: model.toml and model-rules.toml. Each
route names the rules it applies (``because``); they become the outcome's "Hvorfor?".
The model has no rule on consent, underretning or violence/abuse: those answers lead to
outcomes that say so (rules of kind "silent"). Randers' violence exception is not this model's.
"""

from guides.engine import Flow

forum = Flow(__package__, "forum.toml")
roller = Flow(__package__, "roller.toml")

# ---------------------------------------------------------------- "Hvilket mødeforum?"


@forum.route("emne")
def _emne(answer, ctx):
    if answer == "vold":
        return ctx.outcome("vold-ikke-reguleret", because=["sr-underretning-sparring"])
    if answer == "underretning":
        return ctx.outcome("underretning-ikke-reguleret", because=["sr-underretning-sparring"])
    if answer == "samtykke":
        return ctx.outcome("samtykke-ikke-reguleret", because=["sr-fysisk"])
    return ctx.question("behov", because=["fem-fora"])


@forum.route("behov")
def _behov(answer, ctx):
    if answer == "gruppe":
        return ctx.outcome("maanedlige-moeder")
    if answer == "raad":
        return ctx.outcome("socialraadgiver", because=["sr-fysisk"])
    if answer == "ledelse":
        return ctx.outcome("aarlige-moeder", because=["am-dagsorden"])
    return ctx.question("bekymring")


@forum.route("bekymring")
def _bekymring(answer, ctx):
    if answer == "sparring":
        return ctx.outcome("samarbejdsmoede", because=["sm-indkaldes-naar"])
    if answer == "stoerre":
        return ctx.outcome("netvaerksmoede", because=["nm-samstemme"])
    return ctx.outcome("droeft-forum", because=["vigtigste-rigtige-deltagere"])


# -------------------------------------------------------------------- "Hvem gør hvad?"


@roller.route("forum")
def _forum(answer, ctx):
    if answer == "maanedlige":
        return ctx.outcome("roller-maanedlige")
    if answer == "socialraadgiver":
        return ctx.outcome("roller-socialraadgiver")
    if answer == "aarlige":
        return ctx.outcome("roller-aarlige")
    # Samarbejdsmøde and Netværksmøde: who obtains the child's perspective depends on whether
    # the child attends (table row "Indhentelse af barnets perspektiv ved manglende deltagelse").
    afdaekning = "sm-afdaekning" if answer == "samarbejdsmoede" else "nm-afdaekning"
    return ctx.question("barnet", because=[afdaekning])


@roller.route("barnet")
def _barnet(answer, ctx):
    meeting = ctx.answer("forum")
    prefix = "sm" if meeting == "samarbejdsmoede" else "nm"
    if answer == "ja":
        because = ["sm-barnet-hvis-muligt"] if prefix == "sm" else ["nm-barnets-perspektiv"]
        return ctx.outcome(f"roller-{meeting}-med-barnet", because=because)
    return ctx.outcome(f"roller-{meeting}-uden-barnet", because=[f"{prefix}-perspektiv"])


FLOWS = [forum, roller]
