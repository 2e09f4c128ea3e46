"""Which notification events are due, and their texts in the case's language (en / ja, from the gettext
catalog: i18n.speaking; the words of states, kinds and actions are notices_text's). Pure.

An event is a `Notice`, unique by its cause: the mail that caused it (`mail:<dedupe key>`), a timer
(`timer:<kind>:<case>:<time>`) or an outage of the mailbox (`outage:<since>`). The store keeps each cause
once, so deciding the same event again (after a restart, at every wake of the watcher) adds nothing.

Events: case_moved, reply_due (a mail), deadline_near (24 h before a reply-by or reopen-by date),
deadline_passed, support_silent (workdays.Schedule.follow_up_at), forged_refused (a mail), and
mailbox_unreachable / mailbox_reachable (the watcher).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from . import lifecycle
from .i18n import _, speaking, t
from .model import CaseState, CaseView, NextAction
from .notices_text import action_words, kind_words, state_words

TYPES = ("case_moved", "reply_due", "deadline_near", "deadline_passed", "support_silent", "forged_refused",
         "mailbox_unreachable", "mailbox_reachable")
NEAR = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Notice:
    type: str
    cause: str
    case_id: int | None
    created_at: dt.datetime
    due_at: dt.datetime | None
    language: str
    title: str
    body: str
    facts: dict[str, Any] = field(default_factory=dict)
    from_mail: bool = False

    def row(self) -> dict[str, Any]:
        """The outbox row (store.outbox); a mail's event names its mail once the mail's row exists."""
        return {"cause": self.cause, "type": self.type, "case_id": self.case_id, "created_at": self.created_at,
                "due_at": self.due_at, "language": self.language, "title": self.title, "body": self.body,
                "facts": json.dumps(self.facts, ensure_ascii=False, default=str),
                "message_ref": "mail" if self.from_mail else None}


@dataclass(frozen=True)
class Timer:
    kind: str  # deadline_near | deadline_passed | support_silent
    due_at: dt.datetime
    cause: str
    limit: dt.datetime | None = None  # the reply-by / reopen-by date of a deadline timer
    reopen: bool = False  # the limit is a reopen-by date


def _stamp(t: dt.datetime) -> str:
    return t.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _when(t: dt.datetime | None, tz: dt.tzinfo) -> str:
    return t.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z").strip() if t else "-"


def case_label(case: dict) -> str:
    return case.get("vendor_case_id") or f"#{case['id']}"


def _next_line(nxt: NextAction, state: str | None, tz: dt.tzinfo) -> str:
    """The next action, its reply-by date (or when support's answer is expected) and the draft to write."""
    fields = {"action": action_words(nxt, state), "when": _when(nxt.wait_until, tz),
              "cmd": f" (certmerge draft → {nxt.draft_purpose})" if nxt.draft_purpose else ""}
    if nxt.kind == "draft" and nxt.wait_until:
        if nxt.overdue:
            return t("Next: {action} (OVERDUE since {when}){cmd}", **fields)
        return t("Next: {action} (by {when}){cmd}", **fields)
    if nxt.wait_until:
        return t("Next: {action} (expected by {when}){cmd}", **fields)
    return t("Next: {action}{cmd}", **fields)


def _action_facts(nxt: NextAction) -> dict[str, Any]:
    return nxt.as_dict()


# --- mail ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MailFacts:
    """What a processed mail did, as the pipeline decided it (app.py fills it in)."""

    cause: str
    kind: str
    authenticity: str
    sender: str
    subject: str
    summary: str
    from_state: str | None
    to_state: str | None
    asked: bool  # it asks something of the user or sets a reply-by / reopen-by date
    own: bool  # the user's own reply
    moved_ok: bool  # trusted, not held for review or acceptance
    candidates: str = ""  # the cases a mail that no case took could belong to (routing.candidates_text)
    message_id: str = ""


def mail_notices(m: MailFacts, case: dict | None, nxt: NextAction | None, now: dt.datetime, lang: str,
                 tz: dt.tzinfo) -> list[Notice]:
    """The event one mail causes: a forgery refused; else a reply now due; else a case moved; else none."""
    if m.authenticity == "fail" and (case is not None or m.kind != "unrelated"):
        return [_forged(m, case, now, lang)]
    if case is None and m.candidates:
        return [_held(m, now, lang)]
    if case is None or m.own or not m.moved_ok or nxt is None:
        return []
    moved = bool(m.to_state and m.from_state != m.to_state)
    facts = {"case": case_label(case), "kind": m.kind, "from_state": m.from_state, "to_state": m.to_state,
             "subject": m.subject, "sender": m.sender, "next_action": _action_facts(nxt)}
    if nxt.kind == "draft" and (moved or m.asked):
        kind = "reply_due"
    elif moved:
        kind = "case_moved"
    else:
        return []
    with speaking(lang):
        title, body = _mail_text(kind, m, case, nxt, tz)
    return [Notice(kind, m.cause, case["id"], now, now, lang, title, body, facts, from_mail=True)]


def _mail_text(kind: str, m: MailFacts, case: dict, nxt: NextAction, tz: dt.tzinfo) -> tuple[str, str]:
    label, moved = case_label(case), m.to_state and m.from_state != m.to_state
    head = (t("certmerge: a reply to support is due (case {label})", label=label) if kind == "reply_due"
            else t("certmerge: case {label} is now {state}", label=label, state=state_words(m.to_state)))
    what = t("Support sent {kind}: {subject}", kind=kind_words(m.kind), subject=m.subject)
    step = (t("State: {from_state} -> {to_state}", from_state=state_words(m.from_state), to_state=state_words(m.to_state))
            if moved else t("State: {state} (unchanged)", state=state_words(m.to_state)))
    return head, "\n".join((what, step, _next_line(nxt, m.to_state, tz)))


def _held(m: MailFacts, now: dt.datetime, lang: str) -> Notice:
    """A support mail that could belong to several cases waits for the user to say which (`assign`)."""
    facts = {"kind": m.kind, "sender": m.sender, "subject": m.subject, "candidates": m.candidates,
             "message_id": m.message_id}
    import shlex

    ref = shlex.quote(m.message_id) if m.message_id else "N"  # assign takes a Message-ID or the mail's number
    with speaking(lang):
        title = _("certmerge: a support mail could belong to several cases")
        body = t("{kind} from {sender} ({subject}) could be case {candidates}.\n"
                 "Nothing was guessed: say which with `certmerge assign {ref} --case C`.",
                 kind=kind_words(m.kind), sender=m.sender, subject=m.subject, candidates=m.candidates, ref=ref)
    return Notice("mail_held", m.cause, None, now, now, lang, title, body, facts, from_mail=True)


def _forged(m: MailFacts, case: dict | None, now: dt.datetime, lang: str) -> Notice:
    label = case_label(case) if case else "-"
    facts = {"case": label, "kind": m.kind, "sender": m.sender, "subject": m.subject, "why": m.summary}
    with speaking(lang):
        title = _("certmerge: a forged mail was refused")
        body = t("A mail from {sender} ({subject}) failed the authenticity check and did not move case {label}.\n"
                 "Why: {why}\nDo not open its links or answer it.", sender=m.sender, subject=m.subject, label=label,
                 why=m.summary)
    return Notice("forged_refused", m.cause, case["id"] if case else None, now, now, lang, title, body, facts,
                  from_mail=True)


# --- timers -------------------------------------------------------------------------------------------
def reply_limit(case: CaseView) -> tuple[dt.datetime | None, bool]:
    """The date by which the user must reply, as lifecycle.next_action reads it: (date, is it a reopen-by)."""
    if case.reopen_by and case.state in lifecycle.OPEN_STATES:
        return case.reopen_by, True
    if case.deadline and case.state is not CaseState.CLOSED:
        return case.deadline, False
    return None, False


def timers(case_id: int, case: CaseView) -> list[Timer]:
    """Every timer of the case as it stands, past and future (case carries its business-day schedule)."""
    limit, reopen = reply_limit(case)
    if limit is not None:
        return [Timer("deadline_near", limit - NEAR, f"timer:deadline_near:{case_id}:{_stamp(limit)}", limit, reopen),
                Timer("deadline_passed", limit, f"timer:deadline_passed:{case_id}:{_stamp(limit)}", limit, reopen)]
    wait = lifecycle.support_wait(case)
    if case.follow_up_at is not None and wait is not None:
        return [Timer("support_silent", case.follow_up_at, f"timer:support_silent:{case_id}:{_stamp(wait[0])}")]
    return []


def due(all_timers: list[Timer], now: dt.datetime) -> list[Timer]:
    """The timers due at `now`; a deadline that has passed makes its 24-hour warning moot."""
    passed = {t.limit for t in all_timers if t.kind == "deadline_passed" and t.due_at <= now}
    return [t for t in all_timers if t.due_at <= now and not (t.kind == "deadline_near" and t.limit in passed)]


def next_due(all_timers: list[Timer], now: dt.datetime) -> dt.datetime | None:
    later = [t.due_at for t in all_timers if t.due_at > now]
    return min(later) if later else None


def timer_notice(timer: Timer, case: dict, view: CaseView, nxt: NextAction, business_days: int, now: dt.datetime,
                 lang: str, tz: dt.tzinfo) -> Notice:
    label = case_label(case)
    facts = {"case": label, "state": view.state.value, "due_at": timer.due_at.isoformat(), "next_action": _action_facts(nxt)}
    if timer.limit is not None:
        facts.update(limit=timer.limit.isoformat(), reopen=timer.reopen)
    if timer.kind == "support_silent":
        since = lifecycle.support_wait(view)[0]
        facts.update(since=since.isoformat(), business_days=business_days)
    with speaking(lang):
        title, lead = _timer_text(timer, label, view, business_days, tz)
        body = f"{lead}\n{_next_line(nxt, view.state.value, tz)}"
    return Notice(timer.kind, timer.cause, case["id"], now, timer.due_at, lang, title, body, facts)


def _timer_text(timer: Timer, label: str, view: CaseView, days: int, tz: dt.tzinfo) -> tuple[str, str]:
    limit = _when(timer.limit, tz)
    what = _("reopen-by date") if timer.reopen else _("reply-by date (support closes the case without a reply)")
    if timer.kind == "deadline_near":
        return (t("certmerge: less than 24 hours left (case {label})", label=label),
                t("The {what} is {limit}.", what=what, limit=limit))
    if timer.kind == "deadline_passed":
        return (t("certmerge: a deadline has passed (case {label})", label=label),
                t("The {what} was {limit}: OVERDUE.", what=what, limit=limit))
    since = _when(lifecycle.support_wait(view)[0], tz)
    return (t("certmerge: support has been silent for {days} business days (case {label})", days=days, label=label),
            t("No answer from support since {since}.", since=since))


# --- the mailbox out of reach -------------------------------------------------------------------------
def outage_cause(since: dt.datetime, back: bool) -> str:
    return f"outage:{_stamp(since)}" + (":over" if back else "")


def outage_notice(source: str, since: dt.datetime, now: dt.datetime, error: str, back: bool, lang: str,
                  tz: dt.tzinfo) -> Notice:
    """The mailbox unreachable for longer than the configured minutes, or reachable again after that."""
    minutes = int((now - since).total_seconds() // 60)
    facts = {"source": source, "since": since.isoformat(), "minutes": minutes, "error": error}
    cause = outage_cause(since, back)
    kind = "mailbox_reachable" if back else "mailbox_unreachable"
    fields = {"source": source, "since": _when(since, tz), "minutes": minutes, "error": error}
    with speaking(lang):
        if back:
            title = _("certmerge: the mailbox is reachable again")
            body = t("{source} could not be reached from {since} for {minutes} min; the mail that came meanwhile "
                     "is processed now.", **fields)
        else:
            title = t("certmerge: the mailbox has been out of reach for {minutes} min", minutes=minutes)
            body = t("{source} cannot be reached since {since} ({error}). certmerge keeps retrying.", **fields)
    return Notice(kind, cause, None, now, now, lang, title, body, facts)
