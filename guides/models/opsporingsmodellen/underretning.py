"""Routing of the Opsporingsmodellen guide on underretning (text: underretning.toml; source 002)."""

from guides.engine import Flow

flow = Flow(__package__, "underretning.toml")


@flow.route("kommune")
def kommune(answer, ctx):
    return ctx.question("bekymring")


@flow.route("bekymring")
def bekymring(answer, ctx):
    if answer == "begrundet":
        return ctx.question("alvor", because=["underret-straks"])
    if answer == "tvivl":
        return ctx.outcome("tvivl", because=["vb-tvivl", "uden-accept-49a"])
    return ctx.outcome("undren", because=["foraeldre-tidligt"])


@flow.route("alvor")
def alvor(answer, ctx):
    if answer == "ja":
        return ctx.outcome("underret-akut", because=["vb-roed"])
    return ctx.outcome("underret-straks")
