"""Errors with messages a maintainer or a reader can act on."""


class ModelError(Exception):
    """A model or guide file is malformed. Names the file, the field and the problem."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class FlowError(Exception):
    """A flow is wired wrongly (unknown node, unreachable node, option without a route ...)."""


class AnswerError(Exception):
    """Answers (e.g. from a shared link) that do not fit the guide. Shown to the reader."""
