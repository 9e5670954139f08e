"""Routing of the guide "Udviklingsmøde, netværksmøde eller konsultativt forum?" (text: moede.toml;
source 003).

The first question asks what the reader needs. Where the page is silent (vold, overgreb,
underretning, no consent, withdrawn consent, parents who will not take part, a child not yet in
daycare or school, how to choose between the two meetings) the guide
ends in an outcome that says so instead of guessing. A reader who says "samarbejdsmøde" about one
child (the word of source 000) is led on to the two meetings about one child this page describes.
"""

from guides.engine import Flow

flow = Flow(__package__, "moede.toml")


@flow.route("hvad")
def hvad(answer, ctx):
    if answer == "vold":
        return ctx.outcome("ikke-reguleret")
    if answer == "foraeldre-nej":
        return ctx.outcome("foraeldre-deltager-ikke")
    if answer == "foer-dagtilbud":
        return ctx.outcome("foer-dagtilbud-ikke-naevnt")
    if answer == "praksis":
        return ctx.outcome("konsultativt-forum", because=["konsultativt-forebyggelse"])
    if answer == "strategi":
        return ctx.outcome("samarbejdsmoeder")
    if answer == "samarbejdsmoede-barn":
        return ctx.question("fagpersoner", because=["samarbejdsmoede-betydning", "to-muligheder"])
    return ctx.question("fagpersoner", because=["to-muligheder"])


@flow.route("fagpersoner")
def fagpersoner(answer, ctx):
    if answer == "ppr-terapeut":
        return ctx.question("foerste", because=["udviklingsmoede-deltagere"])
    if answer == "myndighed":
        return ctx.question("foerste", because=["netvaerksmoede-deltagere"])
    return ctx.outcome("valg-uklart")


@flow.route("foerste")
def foerste(answer, ctx):
    if answer == "foerste":
        return ctx.question("samtykke", because=["skemaer-dagsorden-referat", "samtykke-ved-opstart"])
    return ctx.question("trukket", because=["skemaer-dagsorden-referat", "opfoelgning"])


@flow.route("samtykke")
def samtykke(answer, ctx):
    if answer == "afvist":
        return ctx.outcome("samtykke-afvist")
    return ctx.question("institution", because=["samtykke-kraeves"])


@flow.route("institution")
def institution(answer, ctx):
    if answer == "privat":
        return ctx.question("initiativ", because=["samtykke-private"])
    return ctx.question("initiativ", because=["samtykke-skema"])


@flow.route("trukket")
def trukket(answer, ctx):
    if answer == "ja":
        return ctx.outcome("samtykke-trukket-tilbage")
    return ctx.question("initiativ", because=["samtykke-tilbage"])


# The outcome by (meeting, first or follow-up) and who took the initiative.
INITIATIV = {
    ("udvikling", "foerste"): ("udvikling-foerste-leder", "udvikling-foerste-aftales"),
    ("udvikling", "opfoelgende"): ("udvikling-opfoelgende-leder", "udvikling-opfoelgende-aftales"),
    ("netvaerk", "foerste"): ("netvaerk-foerste-leder", "netvaerk-foerste-aftales"),
    ("netvaerk", "opfoelgende"): ("netvaerk-opfoelgende-leder", "netvaerk-opfoelgende-aftales"),
}


@flow.route("initiativ")
def initiativ(answer, ctx):
    meeting = "udvikling" if ctx.answer("fagpersoner") == "ppr-terapeut" else "netvaerk"
    leader, agreed = INITIATIV[meeting, ctx.answer("foerste")]
    if answer == "paedagogisk-leder":
        return ctx.outcome(leader, because=["initiativ", "moedeleder-paedagogisk-leder"])
    return ctx.outcome(agreed, because=["initiativ", "moedeleder-aftales"])
