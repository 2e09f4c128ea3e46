"""Exact, fast case-insensitive matching of many regex rules against one text (for classify.py).

Three measured tricks, none of which changes what matches (tests/test_classify_rules.py checks this against
the plain `re.I` patterns on every corpus):
- The pattern is lower-cased and compiled case-SENSITIVE; the text is lower-cased once. CPython's re skips its
  literal- and charset-prefix scans for IGNORECASE patterns that start with a letter, so every rule would
  otherwise try a match at every position.
- A top-level alternation `a|b|c` is split into its alternatives, each compiled on its own, and a leading
  `\\b` is checked in Python: an alternative then starts with a literal that re can scan for. The leftmost
  match wins; at the same position the earlier alternative, as in re.
- A prefilter (as RE2 and Hyperscan do): from the parsed pattern, literals of which every match must contain
  one; an alternative is searched only when one of them is in the text.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass

_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


@dataclass(frozen=True)
class Alt:
    """One alternative of a rule's pattern."""

    pattern: re.Pattern
    needs: tuple[str, ...] | None  # literals one of which every match contains (None: always search)
    word_start: bool  # the alternative began with \b (checked here, not by re)

    def search(self, lowered: str) -> re.Match | None:
        pos = 0
        while True:
            m = self.pattern.search(lowered, pos)
            if m is None or not self.word_start or _at_boundary(lowered, m.start()):
                return m
            pos = m.start() + 1


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _at_boundary(text: str, i: int) -> bool:
    before = i > 0 and _is_word(text[i - 1])
    after = i < len(text) and _is_word(text[i])
    return before != after


def compile_alternatives(pattern: str, name: str = "") -> tuple[Alt, ...]:
    """A pattern meant for re.I | re.S as lower-cased alternatives with their prefilter literals."""
    if _UPPER_ESCAPE.search(pattern):
        raise ValueError(f"rule {name}: upper-case escapes (\\S, \\W, \\D...) cannot be lower-cased")
    alts = []
    for part in split_alternatives(pattern.lower()):
        word_start = part.startswith("\\b") and len(part) > 2
        body = part[2:] if word_start else part
        alts.append(Alt(re.compile(body, re.S), required_literals(body), word_start))
    return tuple(alts)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (outside groups and character classes)."""
    parts: list[str] = []
    depth, in_class, escaped, seg, class_first = 0, False, False, 0, -1
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or i == class_first  # "]" right after "[" or "[^" is a literal
        elif ch == "[":
            in_class, class_first = True, i + 1 + (pattern[i + 1:i + 2] == "^")
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[seg:i])
            seg = i + 1
    parts.append(pattern[seg:])
    return parts


def first_match(alts: tuple[Alt, ...], lowered: str, present: frozenset[str]) -> re.Match | None:
    """The leftmost match of any alternative (the earlier alternative on a tie), as re would find it."""
    best = None
    for alt in alts:
        if alt.needs is not None and present.isdisjoint(alt.needs):
            continue
        m = alt.search(lowered)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def literals_in(lowered: str, literals: tuple[str, ...]) -> frozenset[str]:
    """Which of the prefilter literals occur in the lower-cased text (one pass per text)."""
    return frozenset(filter(lowered.__contains__, literals))


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals of which every match of `pattern` contains at least one, or None."""
    try:
        found = _factors(list(_parser.parse(pattern, flags)))
    except Exception:  # noqa: BLE001 - an internal parser API: without it, no prefilter (always search)
        return None
    return tuple(sorted({f.lower() for f in found})) if found else None


def _better(a: list[str] | None, b: list[str] | None) -> list[str] | None:
    if not b or min(map(len, b)) == 0:
        return a
    if not a:
        return b

    def key(c: list[str]) -> tuple[int, int]:  # the longest shortest literal, then the fewest literals
        return min(map(len, c)), -len(c)

    return b if key(b) > key(a) else a


def _factors(items: list) -> list[str] | None:
    """The most selective set of literals one of which every match of this sequence contains."""
    best: list[str] | None = None
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        best, run = _better(best, ["".join(run)] if run else None), []
        if op is _c.SUBPATTERN:
            best = _better(best, _factors(list(av[3])))
        elif op is _c.BRANCH:
            alts = [_factors(list(b)) for b in av[1]]
            best = _better(best, None if any(not a for a in alts) else [x for a in alts for x in a])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _factors(list(av[2])))
        elif op is _c.ATOMIC_GROUP:
            best = _better(best, _factors(list(av)))
    return _better(best, ["".join(run)] if run else None)
