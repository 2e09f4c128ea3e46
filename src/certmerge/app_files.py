"""Classifying mail files without a case (`certmerge classify`, `explain FILE`)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from .core.errors import ParseError


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in (".eml", ".txt", ".msg"))
        else:
            yield p


def classify_report(app, path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {"file": str(path), "error": f"cannot read ({exc.strerror})"}
    try:
        mail, cls = app.classify_raw(raw)
    except ParseError as exc:
        return {"file": str(path), "error": str(exc)}
    return {"file": str(path), "kind": cls.kind.value, "confidence": cls.confidence,
            "authenticity": cls.authenticity.value, "auth_reason": cls.auth_reason, "case_id": cls.case_id,
            "language": cls.language.value, "needs_review": cls.confidence < app.settings.classify.review_threshold,
            "subject": mail.subject, "from": mail.sender.email, "reasons": [str(r) for r in cls.reasons],
            "asks": cls.asks.as_dict() if cls.asks else None}
