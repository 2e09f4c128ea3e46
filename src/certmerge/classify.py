"""Email -> Classification: one kind, a confidence and the reasons (which rule fired on which text).

The rules are data (rules.py): (name, kind, field, pattern, weight), English and Japanese. Only the new
text (quoted history cut) and the subject are read; a forwarded mail is read by what it forwards. Mail that
is neither from a vendor, nor claims to be, nor carries a case ID, nor is on topic is `unrelated`.
Authenticity is decided separately (authenticity.py) and carried along; it is always the outer sender's.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .authenticity import claims_vendor, is_vendor, verdict
from .charsets import japanese_ratio
from .model import Classification, Email, Lang, MailKind, Reason
from .rules import ON_TOPIC, RULES, SENDER_RULES

_CASE_SUBJECT_RE = re.compile(r"\[\s*CASE\s*[:#]?\s*(\d{8,20})\s*\]", re.I)
_CASE_TEXT_RE = re.compile(r"(?:case\s*(?:id|number|no\.?|#)?|ケース\s*(?:ID|番号)?)\s*[:：#]?\s*(\d{12,20})", re.I)
_DAYS_RE = re.compile(r"(\d{1,2})\s*(?:business\s+|calendar\s+)?(?:days?|日(?:以内|後|間)?|営業日)", re.I)
_WORD_DAYS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7}
_WORD_DAYS_RE = re.compile(r"\b(one|two|three|four|five|seven)\s+(?:business\s+)?days?\b", re.I)
MIN_SCORE = 2.0
EXCERPT = 60


def find_case_id(mail: Email) -> str | None:
    m = _CASE_SUBJECT_RE.search(mail.subject)
    if m:
        return m.group(1)
    m = _CASE_TEXT_RE.search(mail.new_text[:4000])
    return m.group(1) if m else None


def language_of(mail: Email) -> Lang:
    sample = mail.subject + "\n" + (mail.new_text or mail.text)[:3000]
    return Lang.JA if japanese_ratio(sample) >= 0.15 else Lang.EN


def _excerpt(text: str, m: re.Match) -> str:
    s = text[m.start():m.end()]
    return s if len(s) <= EXCERPT else s[:EXCERPT - 1] + "…"


def score(mail: Email, vendors: tuple[str, ...]) -> tuple[dict[MailKind, float], list[Reason]]:
    """Sum rule weights per kind over the subject, the new text and the sender."""
    fields = {"subject": mail.subject, "body": mail.new_text[:20000]}
    scores: dict[MailKind, float] = defaultdict(float)
    reasons: list[Reason] = []
    for rule in RULES:
        text = fields[rule.field]
        m = rule.pattern.search(text)
        if m:
            scores[rule.kind] += rule.weight
            reasons.append(Reason(rule.name, rule.field, _excerpt(text, m), rule.weight))
    sender = mail.sender.email
    for rule in SENDER_RULES:
        if rule.pattern.search(sender):
            scores[rule.kind] += rule.weight
            reasons.append(Reason(rule.name, "from", sender, rule.weight))
    return scores, reasons


def _on_topic(mail: Email, vendors: tuple[str, ...], case_id: str | None) -> tuple[bool, str]:
    if case_id:
        return True, f"case ID {case_id}"
    if is_vendor(mail.sender.domain, vendors):
        return bool(ON_TOPIC.search(mail.subject + "\n" + mail.new_text[:5000])), f"vendor {mail.sender.domain}"
    if claims_vendor(mail):
        return bool(ON_TOPIC.search(mail.subject + "\n" + mail.new_text[:5000])), "claims to be a vendor"
    return False, "not from a vendor, no case ID"


def deadline_days(mail: Email) -> int:
    """Days until an auto-close warning closes the case (3 when the mail does not say)."""
    text = mail.new_text[:5000]
    for m in _DAYS_RE.finditer(text):
        days = int(m.group(1))
        if 0 < days < 14:
            return days
    m = _WORD_DAYS_RE.search(text)
    return _WORD_DAYS[m.group(1).lower()] if m else 3


def classify(mail: Email, vendors: tuple[str, ...], trusted_ids: tuple[str, ...] = ()) -> Classification:
    v = verdict(mail, vendors, trusted_ids)
    subject_of = mail.forwarded if mail.forwarded is not None and mail.forwarded.new_text else mail
    case_id = find_case_id(subject_of) or find_case_id(mail)
    language = language_of(subject_of)
    on_topic, why = _on_topic(subject_of, vendors, case_id)
    if not on_topic and subject_of is not mail:
        on_topic, why = _on_topic(mail, vendors, case_id)
    scores, reasons = score(subject_of, vendors)
    kind, confidence = _decide(scores, on_topic)
    if not on_topic:
        reasons.insert(0, Reason("off_topic", "gate", why, 0.0))
    days = deadline_days(subject_of) if kind is MailKind.AUTO_CLOSE_WARNING else None
    return Classification(kind, round(confidence, 3), tuple(reasons), case_id, language, v.authenticity,
                          v.reason, days)


def _decide(scores: dict[MailKind, float], on_topic: bool) -> tuple[MailKind, float]:
    ranked = sorted(((s, k) for k, s in scores.items() if k is not MailKind.UNRELATED), reverse=True)
    unrelated = scores.get(MailKind.UNRELATED, 0.0)
    if not on_topic:
        best = ranked[0][0] if ranked else 0.0
        return MailKind.UNRELATED, 0.95 if best < MIN_SCORE else 0.75
    if not ranked or ranked[0][0] < MIN_SCORE or unrelated >= ranked[0][0]:
        top = ranked[0][0] if ranked else 0.0
        margin = (max(unrelated, MIN_SCORE) - top) / MIN_SCORE
        return MailKind.UNRELATED, min(0.95, 0.55 + 0.2 * max(margin, 0.0))
    top, kind = ranked[0]
    second = max(ranked[1][0] if len(ranked) > 1 else 0.0, unrelated)
    margin = (top - second) / 3.0
    strength = min(1.0, top / 4.0)
    return kind, min(0.99, 0.4 + 0.35 * min(margin, 1.0) + 0.25 * strength)
