"""mkdocs-macros module: a thin registry over the tested ``guides`` package.

Pages call these macros; all rendering lives in ``guides.tables`` and ``guides.web``.
Loading the module validates every model and guide, so a malformed file stops the build
with a message naming the file, the field and the problem.
"""

from guides import registry, tables
from guides.training import site as training_site
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
    "efforts_table": tables.efforts,
}


def _on_model(fn):
    def macro(model_id, *args, **kwargs):
        return fn(registry.model(model_id), *args, **kwargs)

    macro.__doc__ = fn.__doc__
    return macro


def define_env(env):
    registry.validate_all()
    define_site_macros(env)
    training_site.define(env)  # Undervisning: the teaching pages' macros (guides/training/site.py)

    @env.macro
    def workshop():
        """The model workshop: start, edit, try, report, keep and share (runs in the browser)."""
        from guides.workshop.page import shell_html

        return shell_html(env.page.url)

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


# ---- site-wide: the model chooser and the glossary (guides.site, guides.glossary) -----------------


def nav_section_titles(nav) -> dict[str, str]:
    """Model id -> the title of its navigation section (the section whose pages live in docs/<id>/)."""
    out = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, children in item.items():
                if isinstance(children, list):
                    first = children[0] if children else ""
                    first = next(iter(first.values())) if isinstance(first, dict) else first
                    if isinstance(first, str) and "/" in first:
                        out.setdefault(first.split("/", 1)[0], title)
    return out


def define_site_macros(env):
    from pathlib import Path

    from guides import glossary, site

    @env.macro
    def chooser():
        """The home page's chooser: "Hvor arbejder du?" and "Hvad står du med?"."""
        tags = nav_section_titles(env.conf.get("nav"))
        return site.chooser_html(Path(env.conf["docs_dir"]), tags, env.page.url)

    @env.macro
    def glossary_list():
        """The glossary page: every term with its definition and source, or marked as not defined."""
        return glossary.glossary_html()
