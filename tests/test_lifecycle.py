"""The lifecycle: illegal events, chosen moves and the next action of every state (properties of the whole
table are in test_exhaustive.py)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from certmerge.core import lifecycle
from certmerge.core.errors import IllegalTransition
from certmerge.core.model import CaseState as S
from certmerge.core.model import CaseView, Event as E, MailKind
from tests.helpers import T0, sample_case

ALL = list(itertools.product(S, E))


@pytest.mark.parametrize("state,event", [k for k in ALL if k not in lifecycle.TRANSITIONS],
                         ids=lambda v: v.value)
def test_illegal_transition_raises_and_names_both(state, event):
    before = state
    with pytest.raises(IllegalTransition) as info:
        lifecycle.step(state, event)
    assert info.value.state is before and info.value.event is event
    assert state.value in str(info.value) and event.value in str(info.value)


def test_every_state_is_reachable_from_preparing():
    reached, frontier = {S.PREPARING}, [S.PREPARING]
    while frontier:
        st = frontier.pop()
        for (src, _ev), dst in lifecycle.TRANSITIONS.items():
            if src is st and dst not in reached:
                reached.add(dst)
                frontier.append(dst)
    assert reached == set(S)


@pytest.mark.parametrize("kind", [MailKind.ACKNOWLEDGEMENT, MailKind.AI_AUTO_ANSWER])
def test_ack_and_ai_answer_keep_or_put_the_case_in_awaiting_support(kind):
    ev = lifecycle.event_for(kind)
    assert lifecycle.step(S.READY_TO_SUBMIT, ev) is S.AWAITING_SUPPORT
    assert lifecycle.step(S.AWAITING_SUPPORT, ev) is S.AWAITING_SUPPORT


def test_user_reply_moves_info_and_confirmation_states():
    assert lifecycle.step(S.INFO_REQUESTED, E.REPLY_SENT) is S.AWAITING_SUPPORT
    assert lifecycle.step(S.CONFIRMATION_REQUESTED, E.REPLY_SENT) is S.AWAITING_COMPLETION


def test_support_writing_after_closed_reopens():
    for kind, to in [(MailKind.INFO_REQUEST, S.INFO_REQUESTED), (MailKind.ACKNOWLEDGEMENT, S.AWAITING_SUPPORT),
                     (MailKind.COMPLETION_NOTICE, S.COMPLETED)]:
        assert lifecycle.step(S.CLOSED, lifecycle.event_for(kind)) is to


@pytest.mark.parametrize("kind", [MailKind.SURVEY, MailKind.AUTO_CLOSE_WARNING, MailKind.UNRELATED])
def test_passive_kinds_have_no_event(kind):
    assert lifecycle.event_for(kind) is None


def _view(state, **kw):
    return CaseView(state=state, casefile=sample_case(), state_since=T0, **kw)


EXPECTED_ACTION = {
    S.PREPARING: ("form", None), S.SELF_SERVICE: ("portal", None), S.READY_TO_SUBMIT: ("form", None),
    S.AWAITING_SUPPORT: ("wait", None), S.INFO_REQUESTED: ("draft", "info_reply"),
    S.CONFIRMATION_REQUESTED: ("draft", "confirm_merge"), S.AWAITING_COMPLETION: ("wait", None),
    S.COMPLETED: ("checks", None), S.CREDLY_REQUESTED: ("draft", "credly_request"), S.CLOSED: ("done", None),
}


@pytest.mark.parametrize("state", list(S), ids=lambda s: s.value)
def test_next_action_for_every_state(state):
    action = lifecycle.next_action(_view(state), T0 + dt.timedelta(hours=1))
    assert (action.kind, action.draft_purpose) == EXPECTED_ACTION[state]
    assert action.title


def test_wait_has_expected_length_and_turns_into_follow_up_when_overdue():
    wait = lifecycle.next_action(_view(S.AWAITING_SUPPORT), T0 + dt.timedelta(hours=5))
    assert wait.on_whom == "support" and wait.wait_until == T0 + dt.timedelta(days=lifecycle.AGENT_REPLY_DAYS)
    late = lifecycle.next_action(_view(S.AWAITING_SUPPORT), T0 + dt.timedelta(days=6))
    assert late.draft_purpose == "follow_up"


def test_deadline_makes_a_keep_open_draft_or_stamps_the_due_draft():
    deadline = T0 + dt.timedelta(days=3)
    waiting = lifecycle.next_action(_view(S.AWAITING_COMPLETION, deadline=deadline), T0 + dt.timedelta(days=1))
    assert waiting.draft_purpose == "keep_open" and waiting.wait_until == deadline
    due = lifecycle.next_action(_view(S.CONFIRMATION_REQUESTED, deadline=deadline), T0 + dt.timedelta(days=1))
    assert due.draft_purpose == "confirm_merge" and "closes" in due.detail
    assert not waiting.overdue and not due.overdue
    passed = lifecycle.next_action(_view(S.AWAITING_COMPLETION, deadline=deadline), T0 + dt.timedelta(days=4))
    assert passed.overdue and passed.wait_until == deadline and passed.detail.startswith("OVERDUE")
    late_due = lifecycle.next_action(_view(S.CONFIRMATION_REQUESTED, deadline=deadline), T0 + dt.timedelta(days=4))
    assert late_due.draft_purpose == "confirm_merge" and late_due.overdue


def test_reopen_by_asks_for_a_reopen_reply_and_stays_when_overdue():
    until = T0 + dt.timedelta(days=14)
    soon = lifecycle.next_action(_view(S.INFO_REQUESTED, reopen_by=until), T0)
    assert soon.draft_purpose == "reopen" and soon.wait_until == until and not soon.overdue
    late = lifecycle.next_action(_view(S.INFO_REQUESTED, reopen_by=until), until + dt.timedelta(seconds=1))
    assert late.draft_purpose == "reopen" and late.overdue and "OVERDUE" in late.detail
    done = lifecycle.next_action(_view(S.COMPLETED, reopen_by=until), T0)  # merged: nothing to reopen
    assert done.draft_purpose != "reopen"


def test_a_thank_you_after_completion_does_not_move_the_case_back():
    assert lifecycle.step(S.COMPLETED, lifecycle.reply_event(S.COMPLETED, ())) is S.COMPLETED
    reported = lifecycle.reply_event(S.COMPLETED, ("benefit: voucher",))
    assert lifecycle.step(S.COMPLETED, reported) is S.AWAITING_COMPLETION
    with pytest.raises(IllegalTransition):  # only support mail reopens a closed case
        lifecycle.step(S.CLOSED, lifecycle.reply_event(S.CLOSED, ()))


def test_missing_items_after_completion_ask_for_a_report():
    action = lifecycle.next_action(_view(S.COMPLETED, missing_items=("benefit: voucher",)), T0)
    assert action.draft_purpose == "report_missing" and "voucher" in action.detail


def test_credly_requested_after_reply_waits_then_checks_when_support_answers():
    sent = T0 + dt.timedelta(hours=1)
    waiting = lifecycle.next_action(_view(S.CREDLY_REQUESTED, last_reply_sent_at=sent), sent)
    assert waiting.kind == "wait"
    answered = lifecycle.next_action(
        _view(S.CREDLY_REQUESTED, last_reply_sent_at=sent, last_support_mail_at=sent + dt.timedelta(days=1)),
        sent + dt.timedelta(days=1))
    assert answered.kind == "checks"
