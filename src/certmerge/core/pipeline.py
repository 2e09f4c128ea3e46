"""One mail through the core: which case it belongs to, what it does to it, and the Change to store.

Pure: given the parsed mail, its classification, the stored cases and the time, it returns a Change
(store.py writes it in one transaction) and a one-line account of the effect. No I/O.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from . import lifecycle
from .authenticity import is_support_person
from .errors import IllegalTransition
from .drafts import placeholders
from .model import (REVIEW_THRESHOLD, Asks, Authenticity, CaseFile, CaseRecord, CaseState, Classification, Email, Event,
                    Lang, MailKind, merge_asks)
from .model import Change
from .storedtext import (AMBIGUOUS, AUTO_CLOSE, FORWARD, FORWARD_NOT_AUTHENTICATED, FORWARD_NOT_YOURS as NOT_FROM_YOU,
                         MAIL_EVENT, MOVED, NEEDS_REVIEW, NO_CASE, NOT_TRUSTED, OWN_MAIL, PLACEHOLDERS_LEFT, REOPEN,
                         REPLY_BY, REPLY_SENT, SENT, SENT_MOVED, SENT_WARNING, STAYS, UNEXPECTED, UNVERIFIED, fmt,
                         stored_time)

AUTO_CLOSE_DAYS = 3  # an auto-close warning that names no date or duration
FORWARD_NOT_YOURS = "a forward from"  # how the effect of a forward by someone else starts (see `accept`)
UNVERIFIED_BLOCKED = "unverified ("  # how the effect of mail refused by require_authenticated starts

@dataclass(frozen=True)
class Policy:
    vendors: tuple[str, ...]
    require_authenticated: bool = False
    review_threshold: float = REVIEW_THRESHOLD


@dataclass(frozen=True)
class Effect:
    change: Change
    case: CaseRecord | None
    from_state: str | None
    to_state: str | None
    summary: str


def user_addresses(cf: CaseFile) -> set[str]:
    """The user's own addresses (mail from them is the user's, e.g. a reply found in Sent)."""
    return {e.lower() for acc in (cf.target, cf.source)
            for e in (acc.login_email, acc.training_email, acc.certification_email) if e}


def _message_row(mail: Email, cls: Classification, origin: str, now: dt.datetime, case_id: int | None,
                 effect: str, needs_review: bool, direction: str) -> dict[str, Any]:
    return {
        "case_id": case_id, "dedupe_key": mail.dedupe_key, "message_id": mail.message_id, "origin": origin,
        "subject": mail.subject[:1000], "sender": mail.sender.email, "sender_name": mail.sender.name[:200],
        "date": mail.date, "processed_at": now, "kind": cls.kind.value, "confidence": cls.confidence,
        "authenticity": cls.authenticity.value, "auth_reason": cls.auth_reason,
        "reasons": json.dumps([[r.rule, r.field, r.text, r.weight] for r in cls.reasons], ensure_ascii=False),
        "vendor_case_id": cls.case_id, "language": cls.language.value, "needs_review": needs_review,
        "effect": effect, "in_reply_to": mail.in_reply_to, "refs": " ".join(mail.references),
        "text": mail.new_text[:20000], "direction": direction,
        "asks": json.dumps(cls.asks.as_dict(), ensure_ascii=False) if cls.asks else None,
    }


def _may_move(cls: Classification, policy: Policy) -> tuple[bool, str]:
    if cls.authenticity is Authenticity.FAIL:
        return False, fmt(NOT_TRUSTED, reason=cls.auth_reason)
    if cls.authenticity is Authenticity.UNVERIFIED and policy.require_authenticated:
        return False, fmt(UNVERIFIED, reason=cls.auth_reason)
    return True, ""


def effect_of(mail: Email, cls: Classification, case: CaseRecord | None, policy: Policy, origin: str,
              now: dt.datetime, position=None, seen_key=None, candidates: str = "") -> Effect:
    """What this mail does: the Change to store and a one-line summary. `candidates`: the cases a mail with
    no case could belong to (routing.candidates_text), when there are two or more: it waits for review."""
    needs_review = cls.confidence < policy.review_threshold
    change = Change(position=position, seen_key=seen_key)
    if case is None:
        summary = fmt(AMBIGUOUS, kind=cls.kind.value, candidates=candidates) if candidates \
            else fmt(NO_CASE, kind=cls.kind.value)
        change.message = _message_row(mail, cls, origin, now, None, summary, needs_review or bool(candidates), "in")
        return Effect(change, None, None, None, summary)
    change.case_id = case.id
    change.expected_state = case.state.value
    state = case.state
    own = mail.sender.email in user_addresses(case.casefile)
    if own and mail.forwarded is None:
        return _own_reply(mail, cls, case, origin, now, change)
    events: list[dict[str, Any]] = [{"at": now, "type": "mail", "detail": fmt(
        MAIL_EVENT, kind=cls.kind.value, sender=mail.sender.email, auth=cls.authenticity.value,
        subject=mail.subject[:120])}]
    why_not = _why_not(mail, cls, policy, own)
    if why_not:
        events.append({"at": now, "type": "warning", "detail": why_not})
        moved, updates = _Moved(state, why_not, False, [], {}), {}
    else:
        updates = _support_facts(mail, cls, case, policy, mail.date or now)
        moved = _moved(cls, state, now, mail.date or now, needs_review)
        events += moved.events
        updates.update(moved.updates)
    updates["updated_at"] = now
    change.case_updates = updates
    change.events = events
    change.message = _message_row(mail, cls, origin, now, case.id, moved.summary,
                                  needs_review or moved.unexpected, "in")
    return Effect(change, case, state.value, moved.state.value, moved.summary)


def _why_not(mail: Email, cls: Classification, policy: Policy, own: bool) -> str:
    """Why this mail may not move the case ("" when it may)."""
    ok, why_not = _may_move(cls, policy)
    if ok and mail.forwarded is not None and not (own and cls.authenticity is Authenticity.PASS):
        # a forward is authenticated as its outer sender: only the user's own, authenticated forwards count
        who = FORWARD_NOT_AUTHENTICATED if own else NOT_FROM_YOU
        return fmt(FORWARD, sender=mail.sender.email, who=who, kind=cls.kind.value)
    return "" if ok else why_not


class _Moved(NamedTuple):
    state: CaseState  # after the mail
    summary: str
    unexpected: bool  # the table has no move for it here: recorded for review
    events: list[dict[str, Any]]
    updates: dict[str, Any]


def _moved(cls: Classification, state: CaseState, now: dt.datetime, received: dt.datetime,
           needs_review: bool) -> _Moved:
    """What a mail that may move the case does to it: its deadlines, then its event."""
    updates = _deadlines(cls, received, state)
    events: list[dict[str, Any]] = []
    summary = fmt(STAYS, kind=cls.kind.value, state=state.value)
    if updates:
        summary = _deadline_summary(cls, updates)
        events.append({"at": now, "type": "warning", "detail": summary})
    ev = lifecycle.event_for(cls.kind)
    if ev is None:
        return _Moved(state, summary, False, events, updates)
    if needs_review:
        summary = fmt(NEEDS_REVIEW, kind=cls.kind.value, confidence=f"{cls.confidence:.2f}")
        return _Moved(state, summary, False, events + [{"at": now, "type": "warning", "detail": summary}], updates)
    try:
        new_state = lifecycle.step(state, ev)
    except IllegalTransition as exc:
        summary = fmt(UNEXPECTED, kind=cls.kind.value, reason=exc)
        return _Moved(state, summary, True, events + [{"at": now, "type": "warning", "detail": summary}], updates)
    if new_state is state:
        return _Moved(state, summary, False, events, updates)
    timed = bool(updates)
    move = lifecycle.record(state, new_state, now, cls.kind.value)
    updates.update(move.updates)
    if new_state is not CaseState.COMPLETED:
        updates["missing_items"] = []
    if not timed:  # support acted: an earlier warning's deadline no longer holds
        updates.update(deadline=None, reopen_by=None)
    summary = fmt(MOVED, kind=cls.kind.value, from_state=state.value, to_state=new_state.value)
    return _Moved(new_state, summary, False, events + list(move.events), updates)


def _deadlines(cls: Classification, received: dt.datetime, state: CaseState) -> dict[str, Any]:
    """The reply-by date a mail sets (an auto-close warning always sets one), or the reopen-by date of a
    "resolved, reply within N days to reopen" mail while the merge is not done (a survey after completion
    that says how to reopen asks nothing of the user)."""
    asks = cls.asks
    if asks.reopen_by:
        return {"reopen_by": asks.reopen_by, "deadline": None} if state in lifecycle.OPEN_STATES else {}
    if asks.deadline:
        return {"deadline": asks.deadline}
    if cls.kind is MailKind.AUTO_CLOSE_WARNING:
        return {"deadline": received + dt.timedelta(days=AUTO_CLOSE_DAYS)}
    return {}


def _deadline_summary(cls: Classification, timed: dict[str, Any]) -> str:
    if timed.get("reopen_by"):
        return fmt(REOPEN, at=stored_time(timed["reopen_by"]))
    words = f" ({cls.asks.deadline_text})" if cls.asks.deadline_text else ""
    if cls.kind is MailKind.AUTO_CLOSE_WARNING:
        return fmt(AUTO_CLOSE, at=stored_time(timed["deadline"]), words=words)
    return fmt(REPLY_BY, kind=cls.kind.value, at=stored_time(timed["deadline"]), words=words)


def _support_facts(mail: Email, cls: Classification, case: CaseRecord, policy: Policy,
                   received: dt.datetime) -> dict[str, Any]:
    """What a trusted support mail teaches about the thread: case ID, address, subject, threading."""
    out: dict[str, Any] = {}
    if cls.case_id and not case.vendor_case_id:
        out["vendor_case_id"] = cls.case_id
    if is_support_person(mail.sender.email, policy.vendors) and cls.kind is not MailKind.SURVEY:
        out["support_address"] = mail.sender.email
        out["support_subject"] = mail.subject
        if mail.message_id:
            out["support_message_id"] = mail.message_id
            refs = [r for r in mail.references if r != mail.message_id] + [mail.message_id]
            out["support_references"] = " ".join(refs[-20:])
        out["last_support_mail_at"] = received
    return out


def _own_reply(mail: Email, cls: Classification, case: CaseRecord, origin: str, now: dt.datetime,
               change: Change) -> Effect:
    """The user's own reply to the support thread (found in Sent): records the reply as sent."""
    state = case.state
    sent_at = mail.date or now
    ev = lifecycle.reply_event(state, case.missing_items)
    try:
        new_state = lifecycle.step(state, ev)
    except IllegalTransition:
        new_state = state
    summary = fmt(SENT_MOVED, from_state=state.value, to_state=new_state.value) if new_state is not state \
        else SENT
    updates: dict[str, Any] = {"last_reply_sent_at": sent_at, "deadline": None, "reopen_by": None, "updated_at": now}
    events = [{"at": now, "type": "action", "detail": fmt(REPLY_SENT, subject=mail.subject[:120]), "event": ev.value}]
    left = placeholders(mail.text)
    if left:
        events.append({"at": now, "type": "warning", "detail": fmt(PLACEHOLDERS_LEFT, n=len(left),
                                                                    placeholder=left[0][:100])})
        summary = fmt(SENT_WARNING, summary=summary, n=len(left))
    move = lifecycle.record(state, new_state, now, ev.value)
    updates.update(move.updates)
    events += move.events
    change.case_updates = updates
    change.events = events
    change.drafts_sent_at = sent_at
    own = replace(cls, authenticity=Authenticity.OWN, auth_reason=fmt(OWN_MAIL, sender=mail.sender.email))
    change.message = _message_row(mail, own, origin, now, case.id, summary, False, "out")
    return Effect(change, case, state.value, new_state.value, summary)


def blocked(row: dict[str, Any]) -> bool:
    """A stored mail that was recorded but kept from moving the case (a forward by someone else, unverified
    mail under require_authenticated) until the user accepts it."""
    return (row["effect"] or "").startswith((FORWARD_NOT_YOURS, UNVERIFIED_BLOCKED))


def mail_event(row: dict[str, Any]) -> Event | None:
    """The lifecycle event a stored incoming mail applies, as processing decided it."""
    if row["authenticity"] == Authenticity.FAIL.value or row["needs_review"] or blocked(row):
        return None
    return lifecycle.event_for(MailKind(row["kind"]))


def _user_event(e: dict[str, Any]) -> Event | None:
    """The event of a user's action: recorded since schema 2; before, only in its state change ("by sent")."""
    if e["event"]:
        return Event(e["event"])
    word = (e["detail"] or "").removeprefix("by ").split(" ")[0]
    return Event(word) if word in Event._value2member_map_ and word not in MailKind._value2member_map_ else None


def replay(history: list[dict[str, Any]], rows: dict[int, dict[str, Any]], start: int, state: CaseState) -> CaseState:
    """The state after re-running the lifecycle from stored mail `start` onward: the state before it, then
    each later mail (as its row now reads) and each action of the user's, in the order they happened."""
    first = next((i for i, e in enumerate(history) if e["message_ref"] == start), None)
    if first is None:
        return state
    before = [e for e in history[:first] if e["type"] == "state"]
    state = CaseState(before[-1]["to_state"]) if before else state
    done: set[int] = set()
    for e in history[first:]:
        ref = e["message_ref"]
        if ref is not None and ref not in done and ref in rows:
            done.add(ref)
            row = rows[ref]
            ev = Event(e["event"]) if row["direction"] == "out" and e["event"] else mail_event(row)
        elif ref is None and (e["event"] or e["type"] == "state"):
            ev = _user_event(e)
        else:
            continue
        if ev is not None:
            try:
                state = lifecycle.step(state, ev)
            except IllegalTransition:
                pass  # as when it was processed: recorded, the state stays
    return state


def pending_of(rows: list[dict[str, Any]], last_reply_sent_at: dt.datetime | None,
               language: Lang) -> tuple[Asks, MailKind | None, Lang]:
    """What support asked since the user's last reply, from a case's stored mail (newest first): every asking
    mail, older first (a warning that repeats a request adds its deadline to it), the kind of the latest
    asking mail, and the language to answer in (that mail's, else the latest support mail's, else `language`)."""
    asking: list[dict[str, Any]] = []
    lang = None
    for m in rows:
        when = m["date"] or m["processed_at"]
        if m["direction"] == "out" or (last_reply_sent_at and when <= last_reply_sent_at):
            break
        if m["authenticity"] == "fail" or m["needs_review"] or blocked(m):
            continue
        lang = lang or Lang(m["language"])
        if m["asks"] and m["asks"].get("items"):
            asking.append(m)
    if not asking:
        return Asks(), None, lang or language
    latest = asking[0]
    return merge_asks([Asks.from_dict(m["asks"]) for m in reversed(asking)]), MailKind(latest["kind"]), \
        Lang(latest["language"])
