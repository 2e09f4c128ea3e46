"""Measure the classifier on a labeled folder (labels.csv: file,kind,authenticity,case_id,language,...).

Prints per-kind precision and recall, the confusion matrix, the authenticity and case-ID accuracy, every
wrong kind and every wrong authenticity verdict, and (loudly) any mail labelled `fail` that got `pass`.
Used by scripts/eval_classifier.py and by the tests that guard the figures.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .core.classify import classify
from .config import DEFAULT_VENDOR_DOMAINS
from .core.model import MailKind
from .core.parse import parse_bytes


@dataclass
class Report:
    rows: list[dict] = field(default_factory=list)  # file, expected and got for each field

    def _pairs(self, key: str) -> list[tuple[str, str]]:
        return [(r[f"want_{key}"], r[f"got_{key}"]) for r in self.rows]

    def accuracy(self, key: str = "kind") -> float:
        pairs = self._pairs(key)
        return sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0

    def per_kind(self) -> dict[str, tuple[float, float, float, int]]:
        """kind -> (precision, recall, F1, support)."""
        out = {}
        pairs = self._pairs("kind")
        for kind in [k.value for k in MailKind]:
            tp = sum(a == b == kind for a, b in pairs)
            fp = sum(b == kind and a != kind for a, b in pairs)
            fn = sum(a == kind and b != kind for a, b in pairs)
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            out[kind] = (p, r, f1, tp + fn)
        return out

    def macro_f1(self) -> float:
        scores = [f1 for (_p, _r, f1, n) in self.per_kind().values() if n]
        return sum(scores) / len(scores) if scores else 0.0

    def confusion(self) -> Counter:
        return Counter(self._pairs("kind"))

    def errors(self) -> list[dict]:
        return [r for r in self.rows if r["want_kind"] != r["got_kind"]]

    def auth_errors(self) -> list[dict]:
        return [r for r in self.rows if r["want_authenticity"] != r["got_authenticity"]]

    def forgeries_passed(self) -> list[dict]:
        """Mails labelled `fail` that the gate let through as `pass`: must always be empty."""
        return [r for r in self.rows if r["want_authenticity"] == "fail" and r["got_authenticity"] == "pass"]


def evaluate(folder: Path, vendors: tuple[str, ...] = DEFAULT_VENDOR_DOMAINS,
             trusted_ids: tuple[str, ...] = ()) -> Report:
    report = Report()
    with open(Path(folder) / "labels.csv", encoding="utf-8", newline="") as fh:
        for label in csv.DictReader(fh):
            mail = parse_bytes((Path(folder) / label["file"]).read_bytes())
            c = classify(mail, vendors, trusted_ids)
            report.rows.append({
                "file": label["file"],
                "want_kind": label["kind"], "got_kind": c.kind.value,
                "want_authenticity": label["authenticity"], "got_authenticity": c.authenticity.value,
                "want_case_id": label.get("case_id", ""), "got_case_id": c.case_id or "",
                "want_language": label.get("language", ""), "got_language": c.language.value,
                "confidence": c.confidence, "auth_reason": c.auth_reason,
            })
    return report


def format_report(report: Report, title: str) -> str:
    lines = [f"== {title}: {len(report.rows)} mails",
             f"kind accuracy {report.accuracy('kind'):.3f}   macro-F1 {report.macro_f1():.3f}   "
             f"authenticity {report.accuracy('authenticity'):.3f}   case ID {report.accuracy('case_id'):.3f}   "
             f"language {report.accuracy('language'):.3f}",
             f"{'kind':<22}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>5}"]
    for kind, (p, r, f1, n) in report.per_kind().items():
        lines.append(f"{kind:<22}{p:>10.3f}{r:>8.3f}{f1:>7.3f}{n:>5}")
    kinds = [k.value for k in MailKind]
    short = {k: k[:6] for k in kinds}
    lines.append("confusion (rows: labeled, columns: classified)")
    lines.append(" " * 22 + "".join(f"{short[k]:>8}" for k in kinds))
    conf = report.confusion()
    for want in kinds:
        lines.append(f"{want:<22}" + "".join(f"{conf.get((want, got), 0):>8}" for got in kinds))
    for r in report.errors():
        lines.append(f"  wrong: {r['file']}: labeled {r['want_kind']}, got {r['got_kind']} ({r['confidence']:.2f})")
    for r in report.auth_errors():
        lines.append(f"  wrong authenticity: {r['file']}: labeled {r['want_authenticity']}, got "
                     f"{r['got_authenticity']} ({r['auth_reason']})")
    forged = report.forgeries_passed()
    lines.append(f"forgeries (labelled fail): {sum(r['want_authenticity'] == 'fail' for r in report.rows)}, "
                 f"of which got pass: {len(forged)}" + ("  <-- MUST BE 0" if forged else ""))
    return "\n".join(lines)
