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
    """What `certmerge classify` prints of one file: its classification, or why it could not be read."""
    return _read_and_classify(app, path)[0]


def explain_file(app, path: Path) -> dict:
    """What `certmerge explain FILE` shows: the classification with each rule's parts, the new text that was
    read, and mail-parser's deeper view (defects, attachments, received hops). The file is read once and
    classified once; a file that cannot be read or parsed raises ParseError with the reason."""
    from .core.parse import inspect

    report, raw, mail, cls = _read_and_classify(app, path)
    if "error" in report:
        raise ParseError(f"{path}: {report['error']}")
    return {**report, "reasons": [[r.rule, r.field, r.text, r.weight] for r in cls.reasons],
            "text": mail.new_text, **inspect(raw)}


def _read_and_classify(app, path: Path) -> tuple[dict, bytes | None, object, object]:
    """(the report, the bytes read, the parsed mail, its classification); the last three None on an error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return {"file": str(path), "error": f"cannot read ({exc.strerror})"}, None, None, None
    try:
        mail, cls = app.classify_raw(raw)
    except ParseError as exc:
        return {"file": str(path), "error": str(exc)}, raw, None, None
    report = {"file": str(path), "kind": cls.kind.value, "confidence": cls.confidence,
              "authenticity": cls.authenticity.value, "auth_reason": cls.auth_reason, "case_id": cls.case_id,
              "language": cls.language.value, "needs_review": cls.confidence < app.settings.classify.review_threshold,
              "subject": mail.subject, "from": mail.sender.email, "reasons": [str(r) for r in cls.reasons],
              "asks": cls.asks.as_dict() if cls.asks else None}
    return report, raw, mail, cls
