"""The case lifecycle: a table of (state, event) -> state, and the next action for every state.

Pure: no I/O, no clock (callers pass `now`). An event that the table does not allow raises
IllegalTransition and the caller's state stays as it was (states are values, nothing is mutated).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .errors import IllegalTransition
from .i18n import N_, _, t, when
from .model import CaseState as S
from .model import CaseView, Event as E, MailKind, NextAction

# Support mail that arrives while the user still prepares the case means the case was created:
_SUPPORT_MAIL_MOVES = {
    E.ACKNOWLEDGEMENT: S.AWAITING_SUPPORT,
    E.AI_AUTO_ANSWER: S.AWAITING_SUPPORT,
    E.INFO_REQUEST: S.INFO_REQUESTED,
    E.CONFIRMATION_REQUEST: S.CONFIRMATION_REQUESTED,
    E.COMPLETION_NOTICE: S.COMPLETED,
}

TRANSITIONS: dict[tuple[S, E], S] = {
    (S.PREPARING, E.ROUTE_SELF_SERVICE): S.SELF_SERVICE,
    (S.PREPARING, E.ROUTE_SUPPORT): S.READY_TO_SUBMIT,
    (S.SELF_SERVICE, E.SELF_SERVICE_REFUSED): S.READY_TO_SUBMIT,
    (S.SELF_SERVICE, E.SELF_SERVICE_DONE): S.COMPLETED,
    (S.READY_TO_SUBMIT, E.SUBMITTED): S.AWAITING_SUPPORT,
    **{(S.READY_TO_SUBMIT, ev): to for ev, to in _SUPPORT_MAIL_MOVES.items()},
    **{(S.SELF_SERVICE, ev): to for ev, to in _SUPPORT_MAIL_MOVES.items()},
    # waiting for an agent
    (S.AWAITING_SUPPORT, E.SUBMITTED): S.AWAITING_SUPPORT,
    **{(S.AWAITING_SUPPORT, ev): to for ev, to in _SUPPORT_MAIL_MOVES.items()},
    (S.AWAITING_SUPPORT, E.REPLY_SENT): S.AWAITING_SUPPORT,
    # the agent asked for details
    (S.INFO_REQUESTED, E.REPLY_SENT): S.AWAITING_SUPPORT,
    (S.INFO_REQUESTED, E.ACKNOWLEDGEMENT): S.INFO_REQUESTED,
    (S.INFO_REQUESTED, E.AI_AUTO_ANSWER): S.INFO_REQUESTED,
    (S.INFO_REQUESTED, E.INFO_REQUEST): S.INFO_REQUESTED,
    (S.INFO_REQUESTED, E.CONFIRMATION_REQUEST): S.CONFIRMATION_REQUESTED,
    (S.INFO_REQUESTED, E.COMPLETION_NOTICE): S.COMPLETED,
    # the agent asked the user to confirm the merge
    (S.CONFIRMATION_REQUESTED, E.REPLY_SENT): S.AWAITING_COMPLETION,
    (S.CONFIRMATION_REQUESTED, E.ACKNOWLEDGEMENT): S.CONFIRMATION_REQUESTED,
    (S.CONFIRMATION_REQUESTED, E.CONFIRMATION_REQUEST): S.CONFIRMATION_REQUESTED,
    (S.CONFIRMATION_REQUESTED, E.INFO_REQUEST): S.INFO_REQUESTED,
    (S.CONFIRMATION_REQUESTED, E.COMPLETION_NOTICE): S.COMPLETED,
    # confirmed; the merge is being done
    (S.AWAITING_COMPLETION, E.ACKNOWLEDGEMENT): S.AWAITING_COMPLETION,
    (S.AWAITING_COMPLETION, E.REPLY_SENT): S.AWAITING_COMPLETION,
    (S.AWAITING_COMPLETION, E.INFO_REQUEST): S.INFO_REQUESTED,
    (S.AWAITING_COMPLETION, E.CONFIRMATION_REQUEST): S.CONFIRMATION_REQUESTED,
    (S.AWAITING_COMPLETION, E.COMPLETION_NOTICE): S.COMPLETED,
    (S.AWAITING_COMPLETION, E.CREDLY_FOLLOWUP): S.AWAITING_COMPLETION,
    # merged: the user checks the portal and Credly
    (S.COMPLETED, E.VERIFIED_OK): S.CLOSED,
    (S.COMPLETED, E.VERIFIED_MISSING_CREDLY): S.CREDLY_REQUESTED,
    (S.COMPLETED, E.VERIFIED_MISSING_ITEMS): S.COMPLETED,
    (S.COMPLETED, E.REPLY_SENT): S.COMPLETED,  # a thank-you, an answer about Credly: still merged
    (S.COMPLETED, E.MISSING_REPORTED): S.AWAITING_COMPLETION,
    (S.COMPLETED, E.COMPLETION_NOTICE): S.COMPLETED,
    (S.COMPLETED, E.CREDLY_FOLLOWUP): S.COMPLETED,
    (S.COMPLETED, E.ACKNOWLEDGEMENT): S.COMPLETED,
    (S.COMPLETED, E.INFO_REQUEST): S.INFO_REQUESTED,
    # badges asked for
    (S.CREDLY_REQUESTED, E.REPLY_SENT): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.MISSING_REPORTED): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.ACKNOWLEDGEMENT): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.CREDLY_FOLLOWUP): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.COMPLETION_NOTICE): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.INFO_REQUEST): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.VERIFIED_OK): S.CLOSED,
    (S.CREDLY_REQUESTED, E.VERIFIED_MISSING_CREDLY): S.CREDLY_REQUESTED,
    (S.CREDLY_REQUESTED, E.VERIFIED_MISSING_ITEMS): S.CREDLY_REQUESTED,
    # support writing again after the end reopens the case
    (S.CLOSED, E.ACKNOWLEDGEMENT): S.AWAITING_SUPPORT,
    (S.CLOSED, E.AI_AUTO_ANSWER): S.AWAITING_SUPPORT,
    (S.CLOSED, E.INFO_REQUEST): S.INFO_REQUESTED,
    (S.CLOSED, E.CONFIRMATION_REQUEST): S.CONFIRMATION_REQUESTED,
    (S.CLOSED, E.COMPLETION_NOTICE): S.COMPLETED,
    (S.CLOSED, E.CREDLY_FOLLOWUP): S.CLOSED,
}

# support's usual time, in business days (workdays.py counts them; calendar days when no calendar is given)
AGENT_REPLY_DAYS = 2  # an agent usually answers within about two days
COMPLETION_DAYS = 5  # the merge is usually done within a few days of the confirmation
CREDLY_DAYS = 5


def step(state: S, event: E) -> S:
    """The state after `event`; raises IllegalTransition (state unchanged) if the table has no entry."""
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise IllegalTransition(state, event) from None


@dataclass(frozen=True)
class Move:
    """A case's state change as it is stored: its new state, the case values and the history entry that record
    it (none when the state stays)."""

    before: S
    after: S
    updates: dict = field(default_factory=dict)
    events: tuple[dict, ...] = ()

    @property
    def moved(self) -> bool:
        return self.after is not self.before


def record(before: S, after: S, now: dt.datetime, cause: str, message_ref: int | None = None) -> Move:
    """The one place a state change becomes case values and a history entry."""
    if after is before:
        return Move(before, after)
    entry = {"at": now, "type": "state", "from_state": before.value, "to_state": after.value, "detail": f"by {cause}"}
    if message_ref is not None:
        entry["message_ref"] = message_ref
    return Move(before, after, {"state": after.value, "state_since": now}, (entry,))


def apply(state: S, event: E, now: dt.datetime, cause: str | None = None) -> Move:
    """Apply one event: raises IllegalTransition (nothing changed) if the table has no entry for it."""
    return record(state, step(state, event), now, cause or event.value)


# Mail of these kinds never moves a case (a deadline it names is recorded, nothing more). Every other kind
# has an event of the same name: a kind that has neither is an error at import, not a mail silently ignored.
NO_EVENT = frozenset({MailKind.SURVEY, MailKind.AUTO_CLOSE_WARNING, MailKind.UNRELATED})
_EVENT_OF = {k: None if k in NO_EVENT else E(k.value) for k in MailKind}


def event_for(kind: MailKind) -> E | None:
    """The lifecycle event a mail of this kind causes, or None for mail that never moves a case."""
    return _EVENT_OF[kind]


def mermaid() -> str:
    """The state diagram of TRANSITIONS (Mermaid), as the README shows it: one arrow per pair of states,
    labelled with the events that make that move; events that keep a state are left out."""
    edges: dict[tuple[S, S], list[str]] = {}
    for (src, ev), dst in TRANSITIONS.items():
        if src is not dst:
            edges.setdefault((src, dst), []).append(ev.value)
    lines = ["stateDiagram-v2", f"    [*] --> {S.PREPARING.value}"]
    lines += [f"    {a.value} --> {b.value}: {', '.join(evs)}" for (a, b), evs in edges.items()]
    lines.append(f"    {S.CLOSED.value} --> [*]")
    return "\n".join(lines)


def reply_event(state: S, missing_items) -> E:
    """What the user's reply is: after completion, a report of what did not move (support works again) when
    the portal checks found something missing; any other reply (a thank-you, an answer) leaves the state."""
    return E.MISSING_REPORTED if state is S.COMPLETED and missing_items else E.REPLY_SENT


def _wait(title: str, since: dt.datetime | None, days: int, until: dt.datetime | None) -> NextAction:
    """A wait on support; `until` from the business-day schedule, else `days` calendar days from `since`."""
    if until is not None:
        return NextAction("wait", title, f"usually within {days} business days", wait_until=until,
                          on_whom="support")
    until = since + dt.timedelta(days=days) if since else None
    return NextAction("wait", title, t("usually within {days} days", days=days), wait_until=until, on_whom="support")


# support may still resolve (close) the case before the merge is done: a reply reopens it
OPEN_STATES = frozenset({S.AWAITING_SUPPORT, S.INFO_REQUESTED, S.CONFIRMATION_REQUESTED, S.AWAITING_COMPLETION})
_AFTER_MERGE = frozenset({S.AWAITING_COMPLETION, S.COMPLETED, S.CREDLY_REQUESTED, S.CLOSED})


def next_action(case: CaseView, now: dt.datetime) -> NextAction:
    """The exact next step for the user in this case's state. A deadline that has passed stays, overdue."""
    action = _by_state(case, now)
    if case.pending_kind is MailKind.CREDLY_FOLLOWUP and case.pending.items and case.state in _AFTER_MERGE:
        action = NextAction("draft", _("Answer support's question about the Credly badges"),
                            draft_purpose="credly_reply")
    if case.reopen_by and case.state in OPEN_STATES:
        late = case.reopen_by <= now
        note = (_("OVERDUE: ") if late else "") + t("support resolved the case; a reply by {when} reopens it",
                                                     when=when(case.reopen_by))
        return NextAction("draft", _("Reply to reopen the case"), note, draft_purpose="reopen",
                          wait_until=case.reopen_by, overdue=late)
    if case.deadline and case.state is not S.CLOSED:
        # an auto-close warning: whatever is due becomes urgent; with nothing due, ask to keep it open
        late = case.deadline <= now
        note = (t("OVERDUE: support said it would close the case on {when} without a reply", when=when(case.deadline))
                if late else t("support closes the case on {when} unless you reply", when=when(case.deadline)))
        if action.kind == "draft":
            return replace(action, detail=note, wait_until=case.deadline, overdue=late)
        return NextAction("draft", _("Reply so that the case stays open"), note, draft_purpose="keep_open",
                          wait_until=case.deadline, overdue=late)
    return action


def _ball_with_support_since(case: CaseView) -> dt.datetime | None:
    """When the user last handed the case to support (a reply, or entering the waiting state)."""
    times = [t for t in (case.last_reply_sent_at, case.state_since) if t]
    return max(times) if times else None


def _by_state(case: CaseView, now: dt.datetime) -> NextAction:
    st = case.state
    if st is S.PREPARING:
        return NextAction("form", _("Finish the case file"), _("run `certmerge init`"))
    if st is S.SELF_SERVICE:
        return NextAction("portal", _("Merge in the portal yourself"),
                          _("aws.training > Profile > Account merge, signed in with the account you keep; then "
                            "`certmerge verify`. If the portal refuses: `certmerge form`."))
    if st is S.READY_TO_SUBMIT:
        return NextAction("form", _("Open a support case"),
                          _("run `certmerge form` for what to enter, then `certmerge submitted`"))
    if st is S.INFO_REQUESTED:
        return NextAction("draft", _("Answer support's questions"), draft_purpose="info_reply")
    if st is S.CONFIRMATION_REQUESTED:
        return NextAction("draft", _("Confirm the merge"), draft_purpose="confirm_merge")
    if st is S.COMPLETED:
        if case.missing_items:
            from .storedtext import localize

            return NextAction("draft", _("Tell support what did not move"),
                              ", ".join(localize(m) for m in case.missing_items), draft_purpose="report_missing")
        return NextAction("checks", _("Check the portal and Credly, then record it"), _("run `certmerge verify`"))
    if st is S.CLOSED:
        return NextAction("done", _("Nothing left to do: the merge is verified"), on_whom="nobody")
    if st is S.CREDLY_REQUESTED:
        if not case.last_reply_sent_at or (case.state_since and case.last_reply_sent_at < case.state_since):
            return NextAction("draft", _("Ask support to move the Credly badges"),
                              draft_purpose="credly_request")
        if case.last_support_mail_at and case.last_support_mail_at > case.last_reply_sent_at:
            return NextAction("checks", _("Support answered: check Credly again"), _("run `certmerge verify`"))
    return _waiting(case, now)


def _waiting(case: CaseView, now: dt.datetime) -> NextAction:
    """A state where the ball is with support: wait, or (silent past its usual time) a follow-up."""
    since = _ball_with_support_since(case)
    title, days = _WAITING[case.state]  # a state with no next action of its own is a waiting one: else KeyError
    if case.follow_up_at is not None:
        silent, until = now >= case.follow_up_at, case.expected_by
    else:  # no calendar given: calendar days
        silent, until = bool(since and now - since > dt.timedelta(days=days + 2)), None
    if since and silent:
        return NextAction("draft", _("Support has been silent for long: send a polite follow-up"),
                          t("no answer since {date}", date=when(since, zone=False)[:10]), draft_purpose="follow_up")
    return _wait(_(title), since, days, until)


_WAITING = {S.AWAITING_SUPPORT: (N_("Wait for an agent's reply"), AGENT_REPLY_DAYS),
            S.AWAITING_COMPLETION: (N_("Wait for the completion notice"), COMPLETION_DAYS),
            S.CREDLY_REQUESTED: (N_("Wait for the Credly badges"), CREDLY_DAYS)}


def support_wait(case: CaseView) -> tuple[dt.datetime, int] | None:
    """(since when, support's usual business days) while the case waits on support, else None: the
    states whose next action is a wait (or, once support is silent for long, a follow-up)."""
    st = case.state
    if st is S.CREDLY_REQUESTED:
        if not case.last_reply_sent_at or (case.state_since and case.last_reply_sent_at < case.state_since):
            return None
        if case.last_support_mail_at and case.last_support_mail_at > case.last_reply_sent_at:
            return None
    elif st not in (S.AWAITING_SUPPORT, S.AWAITING_COMPLETION):
        return None
    since = _ball_with_support_since(case)
    return (since, _WAITING[st][1]) if since else None
