"""Routing of the Randers guide "Hvilket niveau og hvilket møde?" (text: niveau.toml).

Each route names the rules it applies (``because``); they become the outcome's "Hvorfor?".
"""

from guides.engine import Flow

flow = Flow(__package__, "niveau.toml")


@flow.route("vold")
def vold(answer, ctx):
    # Safety first: the exception applies before anything else (niveau 1 and 4→5).
    if answer == "ja":
        return ctx.outcome("underretning-straks", because=["vold-foraeldre-orienteres-ikke"])
    return ctx.question("hvem")


@flow.route("hvem")
def hvem(answer, ctx):
    if answer == "gruppe":
        return ctx.question("gruppe-indsats", because=["niveau-2-gruppe"])
    return ctx.question("sag")


@flow.route("gruppe-indsats")
def gruppe_indsats(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-1")
    return ctx.outcome("niveau-2", because=["leder-afklarer-2-eller-3"])


@flow.route("sag")
def sag(answer, ctx):
    if answer == "ja":
        return ctx.outcome("kontakt-sagens-raadgiver")
    return ctx.question("alder")


@flow.route("alder")
def alder(answer, ctx):
    because = ["sundhedsplejerske-central"] if answer == "foer-dagtilbud" else []
    return ctx.question("hvor-langt", because=because)


@flow.route("hvor-langt")
def hvor_langt(answer, ctx):
    before_daycare = ctx.answer("alder") == "foer-dagtilbud"
    if answer == "intet-endnu":
        return ctx.outcome("niveau-1")
    if answer == "niveau-1":
        return ctx.question("direkte-3", because=["leder-afklarer-2-eller-3"])
    if answer == "niveau-2":
        return ctx.question("moeder-niveau-3", because=["videre-2-3"])
    if answer == "niveau-3":
        return ctx.outcome("niveau-4-foer" if before_daycare else "niveau-4-dagtilbud", because=["videre-3-4"])
    return ctx.question("familie")


@flow.route("direkte-3")
def direkte_3(answer, ctx):
    if answer == "ja":
        return ctx.question("moeder-niveau-3", because=["spring-niveau"])
    return ctx.outcome("niveau-2", because=["niveau-2-foer-3"])


# Level 3 outcomes by setting: (first meeting, later meetings).
LEVEL_3 = {
    "foer": ("niveau-3-foer", "niveau-3-foer-samtykke"),
    "dagtilbud": ("niveau-3-dagtilbud", "niveau-3-dagtilbud-samtykke"),
}


@flow.route("moeder-niveau-3")
def moeder_niveau_3(answer, ctx):
    first, later = LEVEL_3["foer" if ctx.answer("alder") == "foer-dagtilbud" else "dagtilbud"]
    if answer == "ingen":
        return ctx.outcome(first, because=["samtykke-foerste-moede"])
    return ctx.outcome(later, because=["samtykke-niveau-3"])


@flow.route("familie")
def familie(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-4-juster")
    return ctx.question("fremskudt", because=["familie-4-5"])


@flow.route("fremskudt")
def fremskudt(answer, ctx):
    if answer == "nej":
        return ctx.outcome("inddrag-fremskudt")
    return ctx.outcome("niveau-5", because=["fremskudt-foer-frc"])
