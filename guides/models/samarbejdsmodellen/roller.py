"""Routing of the Samarbejdsmodellen guide "Hvem gør hvad?" (text: roller.toml; source 000)."""

from guides.engine import Flow

flow = Flow(__package__, "roller.toml")

# Forums answered at once: option -> outcome.
DIRECT = {
    "maanedlige": "roller-maanedlige",
    "socialraadgiver": "roller-socialraadgiver",
    "aarlige": "roller-aarlige",
    "ved-ikke": "roller-ved-ikke",
}

# Samarbejdsmøde and Netværksmøde: who obtains the child's perspective depends on whether the
# child attends (table row "Indhentelse af barnets perspektiv ved manglende deltagelse").
# Per meeting: (rule asked before, rule if the child attends, outcome with / without the child,
# rule if the child does not attend).
MEETINGS = {
    "samarbejdsmoede": ("sm-afdaekning", "sm-barnet-hvis-muligt", "roller-samarbejdsmoede-med-barnet",
                        "roller-samarbejdsmoede-uden-barnet", "sm-perspektiv"),
    "netvaerksmoede": ("nm-afdaekning", "nm-barnets-perspektiv", "roller-netvaerksmoede-med-barnet",
                       "roller-netvaerksmoede-uden-barnet", "nm-perspektiv"),
}


@flow.route("forum")
def forum(answer, ctx):
    if answer in DIRECT:
        return ctx.outcome(DIRECT[answer])
    return ctx.question("barnet", because=[MEETINGS[answer][0]])


@flow.route("barnet")
def barnet(answer, ctx):
    _, with_rule, with_child, without_child, without_rule = MEETINGS[ctx.answer("forum")]
    if answer == "ja":
        return ctx.outcome(with_child, because=[with_rule])
    return ctx.outcome(without_child, because=[without_rule])
