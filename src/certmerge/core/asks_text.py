"""The text machinery of asks.py: patterns for lower-cased text that are searched fast over a whole text
(split into alternatives with a literal prefilter, matcher.py) and narrowed to the alternatives that can
match in one text; the lower-casing that keeps positions; sentences of a line."""

from __future__ import annotations

import re
from bisect import bisect_right

from .matcher import Alt, Literals, compile_alternatives


class FastPattern:
    """A pattern for lower-cased text, searched as matcher.py searches the rules: split into its alternatives,
    each tried only when one of the literals it needs is in the text (what matches is unchanged; a sentence
    is searched about ten times faster than with one re.I pattern)."""

    def __init__(self, pattern: str) -> None:
        self.alts = compile_alternatives(pattern)
        self.literals = Literals(x for a in self.alts if a.needs for x in (*a.needs, *(y for s in a.also for y in s)))
        self.need_set = frozenset(x for a in self.alts if a.needs for x in a.needs)
        self._narrowed: dict[frozenset[int], Narrowed] = {}
        self.always_idx = frozenset(i for i, a in enumerate(self.alts) if a.needs is None)
        self.by_literal: dict[str, frozenset[int]] = {
            x: frozenset(i for i, a in enumerate(self.alts) if a.needs and x in a.needs) for x in self.need_set}

    def search(self, text: str, pos: int = 0) -> re.Match | None:
        """The leftmost match, as one re.I pattern would find it (one text: narrowed to it, then searched)."""
        return self.within(text).search(text, pos)

    def within(self, whole: str, present: frozenset[str] | None = None) -> "Narrowed":
        """This pattern with only the alternatives that can match somewhere in `whole`, as one compiled pattern:
        for the many sentences of one text, whose literals were looked for once (`present`: the literals of
        several patterns found in `whole` in one pass)."""
        if present is None:
            present = self.literals.found_in(whole)
        by = self.by_literal
        hits = [by[x] for x in self.need_set.intersection(present)]
        if not hits and not self.always_idx:
            return NOTHING
        picked = frozenset(i for i in self.always_idx.union(*hits) if self.alts[i].possible(present))
        if not picked:
            return NOTHING
        found = self._narrowed.get(picked)
        if found is None:
            parts = [("\\b" if self.alts[i].word_start else "") + self.alts[i].pattern.pattern for i in sorted(picked)]
            found = self._narrowed[picked] = Narrowed(re.compile("|".join(parts), re.S),
                                                     tuple(self.alts[i] for i in sorted(picked)))
        return found


def no_match(text: str, pos: int = 0) -> None:
    return None


class Narrowed:
    """A FastPattern pattern narrowed to one text (see FastPattern.within). `search` is the compiled pattern's own: for the
    short lines and parts of that text. Over the whole text, `anywhere` and `lines` search each alternative on
    its own, where re scans ahead for its leading literal instead of trying every alternative at every
    position (the same answers: a line holds a match of the alternation where it holds one of an alternative)."""

    def __init__(self, pattern: re.Pattern | None, alts: tuple[Alt, ...] | None = None) -> None:
        self.pattern = pattern
        self.alts = pattern is not None
        self.search = pattern.search if pattern is not None else no_match
        self._parts = alts if alts is not None else ((Alt(pattern, None, False),) if pattern is not None else ())

    def anywhere(self, text: str) -> bool:
        """Whether it matches anywhere in `text`."""
        return any(alt.search(text) is not None for alt in self._parts)

    def lines(self, text: str) -> set[int]:
        """The numbers of the lines of `text` where it matches (one scan of the whole text per alternative)."""
        if not self._parts:
            return set()
        starts, found = line_starts(text), set()
        for alt in self._parts:
            pos = 0
            while (m := alt.search(text, pos)) is not None:
                line = bisect_right(starts, m.start()) - 1
                found.add(line)
                pos = starts[line + 1]  # on to the next line: one match a line is enough
        return found


def line_starts(text: str) -> list[int]:
    starts, pos = [0], 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        starts.append(pos)
    return starts


NOTHING = Narrowed(None)


def lowered(pattern: str, fast: bool = False):
    """A pattern for lower-cased text: its letters lower-cased (escapes kept: \\S stays \\S) and no re.I, which
    CPython scans several times slower. `fast`: for the long alternations read over whole texts, split into
    alternatives with a literal prefilter (FastPattern)."""
    low = re.sub(r"\\.|[^\\]+", lambda m: m.group(0) if m.group(0)[0] == "\\" else m.group(0).lower(), pattern)
    return FastPattern(low) if fast else re.compile(low)


def lower(text: str) -> str:
    """The text lower-cased, same length (a character whose lower case is longer is kept as it is), so that a
    match in it is a match at the same place of the text."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# where a sentence ends: ".", "!" or "?" before a space, a ")" or the end ("e.g. this" is one sentence), or a
# Japanese 。！？; found by a scan for those characters, not by matching every character of the text
SENTENCE_END = re.compile(r"[.!?]+(?=[\s)]|$)|[。！？][.!?。！？]*")


def spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of one line, its end punctuation included; blank ones left out."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]
