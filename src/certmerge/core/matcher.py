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
  one; an alternative is searched only when one of them is in the text. Which literals a text holds is found
  in one Aho-Corasick pass (pyahocorasick, C) over the text: 25 us for a support mail's new text, where a
  `literal in text` test per literal (about 300 of them) took 125 us.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import ahocorasick

_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


@dataclass(frozen=True)
class Alt:
    """One alternative of a rule's pattern."""

    pattern: re.Pattern
    needs: tuple[str, ...] | None  # literals one of which every match contains (None: always search)
    word_start: bool  # the alternative began with \b (checked here, not by re)
    also: tuple[frozenset[str], ...] = ()  # further sets of literals, one of each of which every match contains

    def possible(self, present: frozenset[str]) -> bool:
        """Whether a text holding (of the prefilter literals) those `present` can hold a match."""
        if self.needs is not None and present.isdisjoint(self.needs):
            return False
        return not any(map(present.isdisjoint, self.also))

    def search(self, lowered: str, pos: int = 0) -> re.Match | None:
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
        sets = required_literal_sets(body)
        alts.append(Alt(re.compile(body, re.S), sets[0] if sets else None, word_start,
                        tuple(frozenset(x) for x in sets[1:])))
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
        if not alt.possible(present):
            continue
        m = alt.search(lowered)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


class Literals:
    """A set of prefilter literals, and which of them a text holds (one pass over the text for all of them)."""

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = tuple(sorted(set(literals)))
        self._automaton = ahocorasick.Automaton()
        for literal in self.literals:
            self._automaton.add_word(literal, literal)
        if self.literals:
            self._automaton.make_automaton()

    def found_in(self, lowered: str) -> frozenset[str]:
        """Which of the literals occur in the lower-cased text."""
        if not self.literals:
            return frozenset()
        return frozenset(map(_VALUE, self._automaton.iter(lowered)))


_VALUE = itemgetter(1)


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literals of which every match of `pattern` contains at least one, or None."""
    sets = required_literal_sets(pattern, flags)
    return sets[0] if sets else None


def required_literal_sets(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Sets of literals such that every match of `pattern` contains one literal of EACH set: one set for each
    part of the top-level sequence that has literals ("(accounts?|profiles?)...been...(merged|combined)" needs
    one of account/profile, "been" and one of merged/combined), the most selective first. A text lacking any
    of the sets cannot match. Sets whose shortest literal is under 3 characters are left out (they filter
    nothing) unless nothing else is found."""
    try:
        items = list(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an internal parser API: without it, no prefilter (always search)
        return ()
    best = _factors(items)
    if not best:
        return ()
    first = tuple(sorted({f.lower() for f in best}))
    others = []
    for found in _parts(items):
        literals = tuple(sorted({f.lower() for f in found}))
        if literals != first and min(map(len, literals)) >= 3 and literals not in others:
            others.append(literals)
    return (first, *others)


def _parts(items: list) -> list[list[str]]:
    """The literal sets of each part of a sequence, as _factors finds the best of them."""
    out: list[list[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(["".join(run)])
        run = []
        found = None
        if op is _c.SUBPATTERN:
            found = _factors(list(av[3]))
        elif op is _c.BRANCH:
            alts = [_factors(list(b)) for b in av[1]]
            found = None if any(not a for a in alts) else [x for a in alts for x in a]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _factors(list(av[2]))
        elif op is _c.ATOMIC_GROUP:
            found = _factors(list(av))
        if found and min(map(len, found)) > 0:
            out.append(found)
    if run:
        out.append(["".join(run)])
    return out


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
