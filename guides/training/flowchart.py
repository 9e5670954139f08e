"""A guide as a flowchart: the tree of every state the engine's walk reaches.

Each question node lists its options; each option leads to the next question or to an outcome.
Built from ``Flow.resolve`` for every (state, option), so it holds every question, option and
outcome of the flow, exactly as the guide routes them (a question asked after different earlier
answers appears once per path, as the reader meets it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine import Flow, Option, Outcome, Question, Step


@dataclass
class Node:
    step: Step
    branches: list[tuple[Option, "Node"]] = field(default_factory=list)

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.step.node, Outcome)


def tree(flow: Flow) -> Node:
    def build(step: Step) -> Node:
        node = Node(step)
        if isinstance(step.node, Question):
            base = [(q.id, o.id) for q, o in step.answers]
            for option in step.node.options:
                node.branches.append((option, build(flow.resolve(base + [(step.node.id, option.id)]))))
        return node

    return build(flow.resolve([]))


def count(node: Node) -> tuple[int, int, int]:
    """(question states, option branches, outcome leaves) in the tree."""
    if node.is_outcome:
        return 0, 0, 1
    q, o, leaves = 1, len(node.branches), 0
    for _, child in node.branches:
        cq, co, cl = count(child)
        q, o, leaves = q + cq, o + co, leaves + cl
    return q, o, leaves
