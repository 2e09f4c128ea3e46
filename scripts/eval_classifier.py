"""Print per-kind precision and recall and the confusion matrix for labeled mail folders.

    python scripts/eval_classifier.py [FOLDER ...]   (default: sample_mail tests/labeled tests/heldout)

tests/heldout holds mail written in three rounds, each measured once before any rule was changed in response
(tests/heldout/README.md has the blind figures); its report is printed separately and is not a tuning target.
"""

from __future__ import annotations

import sys
from pathlib import Path

from certmerge.evaluate import evaluate, format_report

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT / "sample_mail", ROOT / "tests" / "labeled",
                                                   ROOT / "tests" / "heldout"]
    for folder in folders:
        if (folder / "labels.csv").is_file():
            print(format_report(evaluate(folder), str(folder)))
            print()
