"""Routing of the Randers guide "Hvilket niveau og hvilket møde?" (text: niveau.toml).

Each route names the rules it applies (``because``); they become the outcome's "Hvorfor?".
"Før institutionsalderen" (a child not yet in daycare) has its own questions and outcomes:
level 2 is a group-level forum in daycare and school, so that path never leads to it.
"""

from guides.engine import Flow

flow = Flow(__package__, "niveau.toml")


def _before_daycare(ctx) -> bool:
    return ctx.answer("hvor") == "foer-dagtilbud"


@flow.route("vold")
def vold(answer, ctx):
    # Safety first: the exception applies before anything else (niveau 1 and 4→5).
    if answer == "ja":
        return ctx.outcome("underretning-straks", because=["vold-foraeldre-orienteres-ikke"])
    return ctx.question("hvor")


@flow.route("hvor")
def hvor(answer, ctx):
    if answer == "ufoedt":
        return ctx.outcome("foer-foedsel")
    if answer == "foer-dagtilbud":
        return ctx.question("sag", because=["sundhedsplejerske-central"])
    return ctx.question("hvem")


@flow.route("hvem")
def hvem(answer, ctx):
    if answer == "gruppe":
        return ctx.question("gruppe-indsats", because=["niveau-2-gruppe"])
    if answer == "anonymt":
        return ctx.outcome("niveau-2", because=["niveau-2-unavngivne"])
    return ctx.question("sag")


@flow.route("gruppe-indsats")
def gruppe_indsats(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-1")
    if answer == "virker":
        return ctx.outcome("fortsaet-niveau-1")
    return ctx.outcome("niveau-2", because=["leder-afklarer-2-eller-3"])


@flow.route("sag")
def sag(answer, ctx):
    if answer == "ja":
        if _before_daycare(ctx):
            # The parallel meeting the source describes is about daycare or school only.
            return ctx.outcome("kontakt-sagens-raadgiver", because=["eksisterende-sag"])
        return ctx.question("sag-emne")
    return ctx.question("niveau-foer" if _before_daycare(ctx) else "niveau")


@flow.route("sag-emne")
def sag_emne(answer, ctx):
    if answer == "familie":
        return ctx.outcome("kontakt-sagens-raadgiver", because=["eksisterende-sag"])
    return ctx.question("niveau", because=["sideloebende-moede", "to-niveauer-eksempel"])


@flow.route("niveau")
def niveau(answer, ctx):
    if answer == "intet-endnu":
        return ctx.outcome("niveau-1", because=["start-niveau-1"])
    if answer == "hoejere":
        return ctx.question("start-niveau", because=["spring-niveau"])
    if answer == "familie":
        return _to_frc(ctx)
    if answer == "niveau-1":
        return ctx.question("udvikling-1")
    if answer == "niveau-2":
        return ctx.question("udvikling-2")
    if answer == "niveau-3":
        return ctx.question("udvikling-3")
    return ctx.question("udvikling-4")


@flow.route("niveau-foer")
def niveau_foer(answer, ctx):
    if answer == "intet-endnu":
        return ctx.outcome("niveau-1", because=["start-niveau-1"])
    if answer == "hoejere":
        return ctx.question("start-niveau-foer", because=["spring-niveau"])
    if answer == "familie":
        return ctx.question("frc-vej", because=["fremskudt-foer-frc"])
    if answer == "niveau-1":
        return ctx.question("udvikling-1")
    if answer == "niveau-3":
        return ctx.question("udvikling-3")
    return ctx.question("udvikling-4")


def _to_frc(ctx):
    """The family is the concern: an existing case goes to its social worker, otherwise the ways in."""
    if ctx.answer("sag") == "ja":
        return ctx.outcome("kontakt-sagens-raadgiver", because=["eksisterende-sag"])
    return ctx.question("frc-vej", because=["fremskudt-foer-frc"])


@flow.route("start-niveau")
def start_niveau(answer, ctx):
    if answer == "niveau-2":
        return ctx.outcome("niveau-2", because=["leder-afklarer-2-eller-3"])
    if answer == "niveau-3":
        return ctx.outcome("niveau-3-dagtilbud", because=["leder-afklarer-2-eller-3"])
    if answer == "niveau-4":
        return ctx.outcome("niveau-4-dagtilbud")
    if answer == "niveau-5":
        return _to_frc(ctx)
    return ctx.outcome("afklar-niveau")


@flow.route("start-niveau-foer")
def start_niveau_foer(answer, ctx):
    if answer == "niveau-3":
        return ctx.outcome("niveau-3-foer")
    if answer == "niveau-4":
        return ctx.outcome("niveau-4-foer")
    if answer == "niveau-5":
        return ctx.question("frc-vej", because=["fremskudt-foer-frc"])
    return ctx.outcome("afklar-niveau")


@flow.route("udvikling-1")
def udvikling_1(answer, ctx):
    if answer == "fremgang":
        return ctx.outcome("fortsaet-niveau-1")
    if _before_daycare(ctx):
        # No group-level forum before daycare: the model's next meeting is the health visitors' (level 3).
        return ctx.outcome("niveau-3-foer", because=["leder-afklarer-2-eller-3", "foer-ingen-niveau-2"])
    return ctx.question("direkte-3", because=["leder-afklarer-2-eller-3"])


@flow.route("direkte-3")
def direkte_3(answer, ctx):
    if answer == "ja":
        return ctx.outcome("niveau-3-dagtilbud", because=["spring-niveau"])
    return ctx.outcome("niveau-2", because=["niveau-2-foer-3"])


@flow.route("udvikling-2")
def udvikling_2(answer, ctx):
    if answer == "afslut":
        return ctx.outcome("niveau-2-afslut")
    if answer == "fortsat":
        return ctx.outcome("niveau-2", because=["niveau-2-fortsat"])
    return ctx.outcome("niveau-3-dagtilbud", because=["videre-2-3", "samtykke-foerste-moede"])


@flow.route("udvikling-3")
def udvikling_3(answer, ctx):
    if answer == "afslut":
        return ctx.outcome("niveau-3-afslut")
    if answer == "fortsat":
        later = "niveau-3-foer-samtykke" if _before_daycare(ctx) else "niveau-3-dagtilbud-samtykke"
        return ctx.outcome(later, because=["opfoelgningsmoede"])
    return ctx.outcome("niveau-4-foer" if _before_daycare(ctx) else "niveau-4-dagtilbud", because=["videre-3-4"])


@flow.route("udvikling-4")
def udvikling_4(answer, ctx):
    if answer == "fremgang":
        return ctx.outcome("niveau-4-fortsaet")
    if answer == "ned":
        later = "niveau-3-foer-samtykke" if _before_daycare(ctx) else "niveau-3-dagtilbud-samtykke"
        return ctx.outcome(later, because=["ned-til-3"])
    return ctx.question("familie", because=["juster-indsats"])


@flow.route("familie")
def familie(answer, ctx):
    if answer == "nej":
        return ctx.outcome("niveau-4-juster")
    if ctx.answer("sag") == "ja":
        return ctx.outcome("kontakt-sagens-raadgiver", because=["familie-4-5", "eksisterende-sag"])
    return ctx.question("frc-vej", because=["familie-4-5", "fremskudt-foer-frc"])


@flow.route("frc-vej")
def frc_vej(answer, ctx):
    if answer == "fremskudt-henviser":
        return ctx.outcome("niveau-5", because=["frc-fremskudt-henviser"])
    if answer == "familien-selv":
        return ctx.outcome("niveau-5", because=["frc-familien-selv"])
    if answer == "underretning":
        return ctx.outcome("underretning-via-fremskudt")
    return ctx.outcome("inddrag-fremskudt")
