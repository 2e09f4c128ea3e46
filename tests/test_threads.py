"""The labelled support threads (tests/threads), replayed mail by mail at their dates: every state, deadline,
draft fact, threading header and language right, and no false statement (tests/threads/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from certmerge.evaluate_threads import evaluate_threads, format_totals

THREADS = Path(__file__).parent / "threads"


@pytest.fixture(scope="module")
def totals():
    return evaluate_threads(THREADS)


def test_there_are_threads_in_english_and_japanese(totals):
    assert len(totals.results) >= 8
    assert sum(len(r.drafts) for r in totals.results) >= 20


@pytest.mark.parametrize("figure", ["states right", "deadlines right", "drafts due when expected",
                                    "asked facts in drafts", "drafts without a false statement",
                                    "valid threading headers", "drafts in the right language",
                                    "drafts without a placeholder left"])
def test_every_figure_is_perfect(totals, figure):
    ok, n = totals.figures()[figure]
    assert n and ok == n, format_totals(totals)
