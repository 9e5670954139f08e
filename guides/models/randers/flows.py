"""Routing of the Randers guide "Hvilket niveau og hvilket møde?".

Text: niveau.toml. Data and citations: model.toml. Each route names the rules it applies
(``because``); they become the outcome's "Hvorfor?".
"""

from guides.engine import Flow

niveau = Flow(__package__, "niveau.toml")


@niveau.route("vold")
def _vold(answer, ctx):
    # Safety first: the exception applies before anything else (niveau 1 and 4→5).
    if answer == "ja":
        return ctx.outcome("underretning-straks", because=["vold-foraeldre-orienteres-ikke"])
    return ctx.question("hvem")


@niveau.route("hvem")
def _hvem(answer, ctx):
    if answer == "gruppe":
        return ctx.question("gruppe-indsats", because=["niveau-2-gruppe"])
    return ctx.question("sag")


@niveau.route("gruppe-indsats")
def _gruppe_indsats(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-1")
    return ctx.outcome("niveau-2", because=["leder-afklarer-2-eller-3"])


@niveau.route("sag")
def _sag(answer, ctx):
    if answer == "ja":
        return ctx.outcome("kontakt-sagens-raadgiver")
    return ctx.question("alder")


@niveau.route("alder")
def _alder(answer, ctx):
    because = ["sundhedsplejerske-central"] if answer == "foer-dagtilbud" else []
    return ctx.question("hvor-langt", because=because)


@niveau.route("hvor-langt")
def _hvor_langt(answer, ctx):
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


@niveau.route("direkte-3")
def _direkte_3(answer, ctx):
    if answer == "ja":
        return ctx.question("moeder-niveau-3", because=["spring-niveau"])
    return ctx.outcome("niveau-2", because=["niveau-2-foer-3"])


@niveau.route("moeder-niveau-3")
def _moeder_niveau_3(answer, ctx):
    setting = "foer" if ctx.answer("alder") == "foer-dagtilbud" else "dagtilbud"
    if answer == "ingen":
        return ctx.outcome(f"niveau-3-{setting}", because=["samtykke-foerste-moede"])
    return ctx.outcome(f"niveau-3-{setting}-samtykke", because=["samtykke-niveau-3"])


@niveau.route("familie")
def _familie(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-4-juster")
    return ctx.question("fremskudt", because=["familie-4-5"])


@niveau.route("fremskudt")
def _fremskudt(answer, ctx):
    if answer == "nej":
        return ctx.outcome("inddrag-fremskudt")
    return ctx.outcome("niveau-5", because=["fremskudt-foer-frc"])


FLOWS = [niveau]
