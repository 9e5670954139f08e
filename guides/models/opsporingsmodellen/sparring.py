"""Routing of the Opsporingsmodellen guide "Hvor får vi sparring?" (text: sparring.toml; source 002)."""

from guides.engine import Flow

flow = Flow(__package__, "sparring.toml")

BY_AGE = {"0-3": "barn-0-3", "3-6": "barn-3-6", "6-10": "barn-6-10"}


@flow.route("kommune")
def kommune(answer, ctx):
    return ctx.question("behov")


@flow.route("behov")
def behov(answer, ctx):
    if answer == "moede":
        return ctx.outcome("moede-tovholder", because=["tovholder-hvert-forloeb"])
    if answer == "praksis":
        return ctx.outcome("praksis", because=["fsf-uden-foraeldre"])
    if answer == "sag":
        return ctx.outcome("sag", because=["sbt-norddjurs-ikke"])
    if answer == "underretning":
        return ctx.outcome("underretning", because=["underret-straks"])
    return ctx.question("foraeldre", because=["ntm-konkret-barn"])


@flow.route("foraeldre")
def foraeldre(answer, ctx):
    if answer == "ja":
        return ctx.question("alder", because=["foraeldre-deltagelse-accept"])
    if answer == "ikke-spurgt":
        return ctx.outcome("spoerg-foraeldre", because=["foraeldre-deltagelse-accept"])
    if answer == "konflikt":
        return ctx.outcome("konflikt", because=["sbt-norddjurs-ikke"])
    return ctx.outcome("uden-accept", because=["uden-accept-49a"])


@flow.route("alder")
def alder(answer, ctx):
    return ctx.outcome(BY_AGE[answer])
