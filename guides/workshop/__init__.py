"""Modelværkstedet: load an edited copy of a model, check it like the build, and report what changes.

Shared by the page (``site_src/overrides/assets/js/workshop.js`` → ``workshop-worker.js`` → ``api``)
and the command line (``python -m guides validate PATH``, ``python -m guides diff PATH_A PATH_B``).
Nothing here changes ``guides/model.py`` or ``guides/engine.py``: an edited model is written into a
throwaway package (its data files plus the original model's routing modules, which the workshop
never edits) and loaded with the ordinary ``load_model`` and ``Flow``.
"""
