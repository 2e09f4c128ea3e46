"""Replay labelled support threads mail by mail at their dates and print how certmerge did on them.

    python scripts/eval_threads.py [FOLDER ...]   (default: tests/threads)

A FOLDER holds thread folders (tests/threads/README.md gives their format). Figures: states, deadlines,
drafts due, asked facts present, false statements, threading headers, language, placeholders left.
"""

from __future__ import annotations

import sys
from pathlib import Path

from certmerge.evaluate_threads import evaluate_threads, format_totals

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    for folder in [Path(a) for a in sys.argv[1:]] or [ROOT / "tests" / "threads"]:
        print(f"== {folder}")
        print(format_totals(evaluate_threads(folder)))
