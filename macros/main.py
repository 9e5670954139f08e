"""mkdocs-macros module: a thin registry over the tested ``guides`` package.

Pages call these macros; all rendering lives in ``guides.tables`` and ``guides.web``.
Loading the module validates every model and guide, so a malformed file stops the build
with a message naming the file, the field and the problem.
"""

from guides import registry, tables
from guides.web import guide_html, models_markdown, source_html

# Macro name -> table function taking a Model first. Pages write e.g. {{ roles_table("randers") }}.
TABLES = {
    "roles_table": tables.roles,
    "forms_table": tables.forms,
    "deadlines_table": tables.deadlines,
    "legal_table": tables.legal,
    "levels_table": tables.levels,
    "participants_table": tables.participants,
    "level": tables.level,
    "meeting": tables.meeting,
    "rules": tables.rules,
    "comparison_table": tables.comparison,
    "responsibilities_table": tables.responsibilities,
    "methods_table": tables.methods,
    "method": tables.method,
    "practice": tables.practice,
}


def _on_model(fn):
    def macro(model_id, *args, **kwargs):
        return fn(registry.model(model_id), *args, **kwargs)

    macro.__doc__ = fn.__doc__
    return macro


def define_env(env):
    registry.validate_all()

    for name, fn in TABLES.items():
        env.macro(_on_model(fn), name)

    @env.macro
    def guide(guide_id):
        """The interactive guide and its static fallback (every path to its outcome)."""
        return guide_html(registry.guide(guide_id), env.page.url)

    @env.macro
    def guide_title(guide_id):
        """A guide's title (the heading of the page that holds it)."""
        return registry.guide(guide_id).title

    @env.macro
    def models_table():
        """Every model with its municipality, what it is, and links to its guides (the home page)."""
        return models_markdown(env.page.file.src_uri, env.conf["docs_dir"])

    @env.macro
    def dataformat():
        """The reference page of the data format (every field of every file), from guides/schema.py."""
        return tables.dataformat()

    @env.macro
    def source(model_id):
        """Which source document a model's pages rest on, and its date."""
        return source_html(registry.model(model_id))
