"""A small TOML writer for model data edited through the forms (the standard library only reads TOML).

Collections become ``[kind.id]`` tables; inside an entry, tables are written inline
(``cite = { section = "...", quote = "..." }``) and long lists one item per line.
``tomllib.loads(dumps(data)) == data`` for everything a model file holds.
"""

from __future__ import annotations

import re

BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(k: str) -> str:
    return k if BARE.match(k) else _str(k)


def _str(s: str) -> str:
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def value(v, indent: str = "") -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return _str(v)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key(k)} = {value(x)}" for k, x in v.items()) + " }" if v else "{}"
    if isinstance(v, list):
        items = [value(x, indent + "  ") for x in v]
        one = "[" + ", ".join(items) + "]"
        if len(one) <= 100 and not any(isinstance(x, dict) for x in v) or not v:
            return one
        return "[\n" + "".join(f"{indent}  {i},\n" for i in items) + f"{indent}]"
    raise TypeError(f"cannot write {type(v).__name__} as TOML")


def dumps(data: dict) -> str:
    lines: list[str] = []

    def table(path: list[str], d: dict, depth: int) -> None:
        scalars = {k: v for k, v in d.items() if not (isinstance(v, dict) and depth < 2)}
        subs = {k: v for k, v in d.items() if isinstance(v, dict) and depth < 2}
        if path and (scalars or not subs):
            if lines:
                lines.append("")
            lines.append("[" + ".".join(_key(p) for p in path) + "]")
        for k, v in scalars.items():
            lines.append(f"{_key(k)} = {value(v)}")
        for k, v in subs.items():
            table(path + [k], v, depth + 1)

    table([], data, 0)
    return "\n".join(lines) + "\n"
