"""Functions stay short (the brief: under about 40 lines, split along responsibilities): every function and
method in src/, counted from its `def` to its last line, docstring included. A function that must be longer
is listed in LONGER with its length and the reason, so that growing past the limit is a decision."""

from __future__ import annotations

import ast

from tests.helpers import ROOT

LIMIT = 40
LONGER: dict[str, int] = {  # "path:function" -> its accepted length, with a comment saying why
    # a revision writes out its tables whole, as they were at that revision (later revisions never change it)
    "certmerge/migrations/versions/0001_baseline.py:_tables": 50,
}


def lengths() -> dict[str, int]:
    out = {}
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{path.relative_to(ROOT / 'src').as_posix()}:{node.name}"
                out[name] = max(out.get(name, 0), node.end_lineno - node.lineno + 1)
    return out


def test_no_function_is_longer_than_the_limit():
    found = lengths()
    assert len(found) > 500  # the walk found the source
    too_long = {name: n for name, n in found.items() if n > max(LIMIT, LONGER.get(name, 0))}
    assert not too_long, f"functions over {LIMIT} lines (split them along what they do): {too_long}"


def test_the_listed_exceptions_are_still_needed():
    found = lengths()
    assert all(found.get(name, 0) > LIMIT for name in LONGER), "remove what is no longer over the limit"
