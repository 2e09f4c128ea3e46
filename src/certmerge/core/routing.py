"""Which stored case a mail belongs to, among many (one shared mailbox for a team's cases). Pure.

In this order: the vendor case ID the mail carries (classify reads it with authenticity.CASE_TAG and
CASE_ID_IN_TEXT), then its References / In-Reply-To chain (stored mail, our drafts), then, for trusted
support or badge-platform mail that no case knows yet, the one case it may be adopted by: among the cases
that may adopt it (no vendor case ID yet and waiting for support; or, for Credly mail, past the merge), the
ones whose accounts the mail names (addresses and certification account IDs in its headers, its text, a
forwarded part). Mail that could belong to two or more cases is never guessed: it is stored with no case,
needs review, and names every candidate (`certmerge assign`).

The store looks candidates up by index (`lookup_for` says what to look up, `wanted` which cases to read
whole), so that routing costs the same with 1 or 1,000 cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .authenticity import is_badge_platform, is_vendor
from .model import Authenticity, CaseFile, CaseRecord, CaseState, Classification, Email, MailKind

ADOPT_STATES = frozenset({CaseState.READY_TO_SUBMIT, CaseState.SELF_SERVICE, CaseState.AWAITING_SUPPORT})
CREDLY_STATES = frozenset({CaseState.AWAITING_COMPLETION, CaseState.COMPLETED, CaseState.CREDLY_REQUESTED,
                           CaseState.CLOSED})
SUPPORT_KINDS = frozenset({MailKind.ACKNOWLEDGEMENT, MailKind.AI_AUTO_ANSWER, MailKind.INFO_REQUEST,
                           MailKind.CONFIRMATION_REQUEST, MailKind.COMPLETION_NOTICE, MailKind.CREDLY_FOLLOWUP,
                           MailKind.AUTO_CLOSE_WARNING})
NAMED_MAX = 5  # candidates named in an ambiguous mail's effect (the others counted)
TEXT_LIMIT = 20000  # characters of a mail's text searched for addresses and account IDs
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_ACCOUNT = re.compile(r"(?<![A-Za-z0-9])AWS\d{5,12}(?!\d)", re.I)
_ANSWERED_ADDRESSES = ("credly_email", "builder_id_email")

Key = tuple[str, str]  # ("email", lower-cased address) | ("account", "AWS...")


def case_keys(cf: CaseFile) -> frozenset[Key]:
    """What identifies a case's person in mail: both accounts' IDs and addresses (and the Credly and Builder
    ID addresses the user answered)."""
    keys: set[Key] = set()
    for acc in (cf.target, cf.source):
        keys.add(("account", acc.account_id.upper()))
        keys |= {("email", e.lower()) for e in (acc.login_email, acc.training_email, acc.certification_email) if e}
    keys |= {("email", cf.answer(k).lower()) for k in _ANSWERED_ADDRESSES if cf.answer(k)}
    return frozenset(keys)


def mail_keys(mail: Email) -> frozenset[Key]:
    """The addresses and account IDs a mail names: From, To and Cc, its subject and text, a forwarded part."""
    keys: set[Key] = set()
    part: Email | None = mail
    for _depth in range(3):
        if part is None:
            break
        keys |= {("email", a.email.lower()) for a in (part.sender, *part.to) if a.email}
        text = part.text[:TEXT_LIMIT]
        if "@" in text:
            keys |= {("email", e.lower().rstrip(".")) for e in _EMAIL.findall(text)}
        keys |= {("account", a.upper()) for a in _ACCOUNT.findall(part.subject + "\n" + text)}
        part = part.forwarded
    return frozenset(keys)


@dataclass(frozen=True)
class Eligible:
    """Cases that may adopt a mail no case knows yet: in one of `states`, and (`unknown_id`) with no vendor
    case ID recorded."""

    states: frozenset[CaseState]
    unknown_id: bool


@dataclass(frozen=True)
class Lookup:
    """What the store looks up for one mail (by index): its case ID, its thread, the keys it names, and
    which cases may adopt it."""

    case_id: str | None
    thread_ids: tuple[str, ...]
    keys: frozenset[Key]
    eligible: tuple[Eligible, ...]


def lookup_for(mail: Email, cls: Classification, vendors: tuple[str, ...]) -> Lookup:
    eligible = []
    if cls.authenticity is not Authenticity.FAIL:
        if is_vendor(mail.sender.domain, vendors) and cls.case_id and cls.kind in SUPPORT_KINDS:
            eligible.append(Eligible(ADOPT_STATES, True))
        if cls.kind is MailKind.CREDLY_FOLLOWUP and is_badge_platform(mail.sender.domain):
            eligible.append(Eligible(CREDLY_STATES, False))
    thread = tuple(dict.fromkeys(m for m in (mail.in_reply_to, *mail.references) if m))
    return Lookup(cls.case_id, thread, mail_keys(mail) if eligible else frozenset(), tuple(eligible))


@dataclass(frozen=True)
class Found:
    """What the store found for a Lookup: case numbers only, and the records `wanted` asked for."""

    by_case_id: frozenset[int] = frozenset()
    thread_case: int | None = None
    key_hits: tuple[frozenset[int], ...] = ()  # for each key of the mail that some case has: those cases
    eligible: frozenset[int] = frozenset()
    records: dict[int, CaseRecord] = field(default_factory=dict)


def _named(key_hits: tuple[frozenset[int], ...]) -> frozenset[int]:
    """The cases the mail names: those every key it names points to; when no case has all of them (it
    names two people's accounts), every case one of them points to."""
    if not key_hits:
        return frozenset()
    common = frozenset.intersection(*key_hits)
    return common or frozenset.union(*key_hits)


def _candidates(found: Found) -> list[int]:
    """In order of preference: the case ID's cases, the thread's case, the cases that may adopt it."""
    if found.by_case_id:
        if found.thread_case in found.by_case_id:
            return [found.thread_case]
        return sorted(found.by_case_id)
    if found.thread_case is not None:
        return [found.thread_case]
    named = _named(found.key_hits)
    return sorted(named & found.eligible if named else found.eligible)


def wanted(found: Found) -> list[int]:
    """The cases whose records deciding needs: the one it goes to, or the first candidates it names."""
    return _candidates(found)[:NAMED_MAX]


@dataclass(frozen=True)
class Route:
    case: CaseRecord | None  # where it goes; None: no case (see candidates)
    candidates: tuple[CaseRecord, ...] = ()  # two or more: it could belong to any of them (never guessed)
    more: int = 0  # candidates beyond those named


def route(found: Found) -> Route:
    ids = _candidates(found)
    if len(ids) == 1:
        return Route(found.records[ids[0]])
    if not ids:
        return Route(None)
    named = tuple(found.records[i] for i in ids[:NAMED_MAX] if i in found.records)
    return Route(None, named, len(ids) - len(named))


def candidates_text(r: Route) -> str:
    """'3 (Taro Yamada), 7 (Hanako Sato) and 2 more' (stored in an ambiguous mail's effect)."""
    text = ", ".join(f"{c.id} ({c.person})" for c in r.candidates)
    return text + (f" and {r.more} more" if r.more else "")
