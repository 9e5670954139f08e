"""The teaching pages' macros (registered by ``macros/main.py``); each a thin call into ``render``."""

from __future__ import annotations

from . import render


def define(env) -> None:
    def docs_dir() -> str:
        return env.conf["docs_dir"]

    def url() -> str:
        return env.page.url

    @env.macro
    def training_kit(model_id):
        """Course kit: learning goals, session plans, facilitator notes, links."""
        return render.kit(model_id, url(), docs_dir())

    @env.macro
    def training_exercises(model_id):
        """Exercise mode: every case of the model, one per screen."""
        return render.exercises_page(model_id, url(), docs_dir())

    @env.macro
    def training_dilemmas(model_id):
        """Dilemma cards from the model's silent and ambiguous rules."""
        return render.dilemmas_page(model_id, url(), docs_dir())

    @env.macro
    def training_projector(model_id):
        """Projector mode: cases and dilemmas, one per screen."""
        return render.projector(model_id, url(), docs_dir())

    @env.macro
    def training_handout(model_id):
        """Modellen på én side (A4)."""
        return render.handout(model_id, url(), docs_dir())

    @env.macro
    def training_case_sheet(model_id, answers=False):
        """The case sheet, with or without answers."""
        return render.case_sheet(model_id, url(), docs_dir(), answers=answers)

    @env.macro
    def training_flowcharts(model_id):
        """Every guide of the model as a flowchart."""
        return render.flowcharts(model_id, url(), docs_dir())

    @env.macro
    def training_comparison():
        """Modellerne side om side."""
        return render.comparison(url(), docs_dir())

    @env.macro
    def training_overview():
        """The section's front page: every model's kit."""
        return render.overview(url(), docs_dir())
