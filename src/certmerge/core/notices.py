"""Which notification events are due, and their texts in the case's language (en / ja). Pure.

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
from .model import CaseState, CaseView, NextAction
from .notices_text import STATE_JA, action_ja, kind_label

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


def _next_line(nxt: NextAction, lang: str, tz: dt.tzinfo) -> str:
    cmd = f" (certmerge draft → {nxt.draft_purpose})" if nxt.draft_purpose else ""
    if lang == "ja":
        by = f"（期限 {_when(nxt.wait_until, tz)}{' 超過' if nxt.overdue else ''}）" if nxt.kind == "draft" and nxt.wait_until else ""
        return f"次: {action_ja(nxt)}{by}{cmd}"
    by = ""
    if nxt.kind == "draft" and nxt.wait_until:
        by = f" ({'OVERDUE since' if nxt.overdue else 'by'} {_when(nxt.wait_until, tz)})"
    elif nxt.wait_until:
        by = f" (expected by {_when(nxt.wait_until, tz)})"
    return f"Next: {nxt.title}{by}{cmd}"


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


def mail_notices(m: MailFacts, case: dict | None, nxt: NextAction | None, now: dt.datetime, lang: str,
                 tz: dt.tzinfo) -> list[Notice]:
    """The event one mail causes: a forgery refused; else a reply now due; else a case moved; else none."""
    if m.authenticity == "fail" and (case is not None or m.kind != "unrelated"):
        return [_forged(m, case, now, lang)]
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
    title, body = _mail_text(kind, m, case, nxt, lang, tz)
    return [Notice(kind, m.cause, case["id"], now, now, lang, title, body, facts, from_mail=True)]


def _mail_text(kind: str, m: MailFacts, case: dict, nxt: NextAction, lang: str, tz: dt.tzinfo) -> tuple[str, str]:
    label, moved = case_label(case), m.to_state and m.from_state != m.to_state
    if lang == "ja":
        head = (f"certmerge: ケース {label} に返信が必要です" if kind == "reply_due"
                else f"certmerge: ケース {label} は「{STATE_JA[CaseState(m.to_state)]}」になりました")
        what = f"サポートから{kind_label(m.kind, 'ja')}のメールが届きました: {m.subject}"
        step = (f"状態: {STATE_JA[CaseState(m.from_state)]} → {STATE_JA[CaseState(m.to_state)]}" if moved
                else f"状態: {STATE_JA[CaseState(m.to_state)]}（変わらず）")
        return head, "\n".join((what, step, _next_line(nxt, lang, tz)))
    head = (f"certmerge: a reply to support is due (case {label})" if kind == "reply_due"
            else f"certmerge: case {label} is now {m.to_state}")
    what = f"Support sent {kind_label(m.kind, 'en')}: {m.subject}"
    step = f"State: {m.from_state} -> {m.to_state}" if moved else f"State: {m.to_state} (unchanged)"
    return head, "\n".join((what, step, _next_line(nxt, lang, tz)))


def _forged(m: MailFacts, case: dict | None, now: dt.datetime, lang: str) -> Notice:
    label = case_label(case) if case else "-"
    facts = {"case": label, "kind": m.kind, "sender": m.sender, "subject": m.subject, "why": m.summary}
    if lang == "ja":
        title = "certmerge: なりすましメールを拒否しました"
        body = (f"{m.sender} からのメール「{m.subject}」は認証に失敗したため、ケース {label} には反映していません。"
                f"\n理由: {m.summary}\nリンクを開いたり返信したりしないでください。")
    else:
        title = "certmerge: a forged mail was refused"
        body = (f"A mail from {m.sender} ({m.subject}) failed the authenticity check and did not move case "
                f"{label}.\nWhy: {m.summary}\nDo not open its links or answer it.")
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


def timer_notice(t: Timer, case: dict, view: CaseView, nxt: NextAction, business_days: int, now: dt.datetime,
                 lang: str, tz: dt.tzinfo) -> Notice:
    label = case_label(case)
    facts = {"case": label, "state": view.state.value, "due_at": t.due_at.isoformat(), "next_action": _action_facts(nxt)}
    if t.limit is not None:
        facts.update(limit=t.limit.isoformat(), reopen=t.reopen)
    if t.kind == "support_silent":
        since = lifecycle.support_wait(view)[0]
        facts.update(since=since.isoformat(), business_days=business_days)
    title, lead = _timer_text(t, label, view, business_days, lang, tz)
    return Notice(t.kind, t.cause, case["id"], now, t.due_at, lang, title, f"{lead}\n{_next_line(nxt, lang, tz)}", facts)


def _timer_text(t: Timer, label: str, view: CaseView, days: int, lang: str, tz: dt.tzinfo) -> tuple[str, str]:
    limit = _when(t.limit, tz)
    if lang == "ja":
        what = "再開の期限" if t.reopen else "返信の期限（過ぎるとサポートがケースを閉じます）"
        if t.kind == "deadline_near":
            return f"certmerge: ケース {label} の期限まで 24 時間を切りました", f"{what}: {limit}"
        if t.kind == "deadline_passed":
            return f"certmerge: ケース {label} の期限が過ぎました", f"{what}: {limit}（超過）"
        since = _when(lifecycle.support_wait(view)[0], tz)
        return (f"certmerge: サポートから {days} 営業日返信がありません（ケース {label}）",
                f"{since} 以降、サポートからの返信がありません。")
    what = "reopen-by date" if t.reopen else "reply-by date (support closes the case without a reply)"
    if t.kind == "deadline_near":
        return f"certmerge: less than 24 hours left (case {label})", f"The {what} is {limit}."
    if t.kind == "deadline_passed":
        return f"certmerge: a deadline has passed (case {label})", f"The {what} was {limit}: OVERDUE."
    since = _when(lifecycle.support_wait(view)[0], tz)
    return (f"certmerge: support has been silent for {days} business days (case {label})",
            f"No answer from support since {since}.")


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
    if lang == "ja":
        title = ("certmerge: メールボックスに再び接続できました" if back
                 else f"certmerge: メールボックスに {minutes} 分間接続できません")
        body = (f"{source}: {_when(since, tz)} から {minutes} 分間接続できませんでした。その間のメールはこれから処理します。"
                if back else f"{source}: {_when(since, tz)} から接続できません（{error}）。再試行を続けています。")
    else:
        title = ("certmerge: the mailbox is reachable again" if back
                 else f"certmerge: the mailbox has been out of reach for {minutes} min")
        body = (f"{source} could not be reached from {_when(since, tz)} for {minutes} min; the mail that came "
                "meanwhile is processed now." if back else
                f"{source} cannot be reached since {_when(since, tz)} ({error}). certmerge keeps retrying.")
    return Notice(kind, cause, None, now, now, lang, title, body, facts)
