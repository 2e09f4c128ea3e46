"""Exhaustive by construction: a new mail kind, state or draft purpose fails here until every place it needs
is filled; properties of the whole lifecycle table; the README's diagram is the table's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certmerge.core import classify, lifecycle, rules
from certmerge.core.casefile import casefile_to_dict
from certmerge.core.drafts import _TEXT, build_draft
from certmerge.core.model import Authenticity, CaseState as S, CaseView, Classification, Email, Address, Event as E
from certmerge.core.model import CaseRecord, Lang, MailKind, Purpose
from certmerge.core.pipeline import Policy, effect_of
from tests.helpers import ROOT, T0, sample_case

SUPPORT_KINDS = [k for k in MailKind if k is not MailKind.UNRELATED]


@pytest.mark.parametrize("kind", list(MailKind), ids=lambda k: k.value)
def test_every_mail_kind_has_rules_a_priority_and_an_event_or_none_on_purpose(kind):
    assert any(r.kind is kind for r in rules.RULES), f"{kind.value}: no classification rule reads it"
    if kind is not MailKind.UNRELATED:
        assert any(r.kind is kind and r.anchor for r in rules.RULES), f"{kind.value}: no anchor rule, it never wins"
        assert kind in classify._PRIORITY, f"{kind.value}: not in classify._PRIORITY, it never wins a tie or at all"
    ev = lifecycle.event_for(kind)  # KeyError for a kind neither with an event nor in NO_EVENT
    assert (ev is None) == (kind in lifecycle.NO_EVENT)
    if ev is not None:
        assert any(e is ev for (_s, e) in lifecycle.TRANSITIONS), f"{ev.value}: no state accepts it"


def test_every_event_is_used_by_the_table():
    used = {e for (_s, e) in lifecycle.TRANSITIONS}
    assert used == set(E), f"events no transition uses: {sorted(e.value for e in set(E) - used)}"


def _reachable(start: S) -> set[S]:
    seen, todo = {start}, [start]
    while todo:
        st_ = todo.pop()
        for (src, _e), dst in lifecycle.TRANSITIONS.items():
            if src is st_ and dst not in seen:
                seen.add(dst)
                todo.append(dst)
    return seen


def test_every_state_is_reachable_and_every_state_can_reach_closed():
    assert _reachable(S.PREPARING) == set(S)
    for state in S:
        assert S.CLOSED in _reachable(state), f"{state.value} is a dead end: no way to closed"


def test_no_state_is_left_without_a_way_out():
    for state in S:
        if state is S.CLOSED:
            continue
        assert any(src is state and dst is not state for (src, _e), dst in lifecycle.TRANSITIONS.items()), state


@pytest.mark.parametrize("state", list(S), ids=lambda s: s.value)
def test_every_state_has_a_next_action_of_its_own(state):
    view = CaseView(state=state, casefile=sample_case(), state_since=T0)
    action = lifecycle.next_action(view, T0 + dt.timedelta(hours=1))
    assert action.title and action.kind in {"draft", "wait", "form", "checks", "portal", "done"}
    if action.kind == "wait":
        assert state in lifecycle._WAITING  # no state falls through to another state's wait


@pytest.mark.parametrize("purpose", list(Purpose), ids=lambda p: p.value)
@pytest.mark.parametrize("lang", list(Lang), ids=lambda l: l.value)
def test_every_draft_purpose_has_a_text_in_every_language(purpose, lang):
    assert set(_TEXT[Lang.EN]) == set(_TEXT[lang]), "the languages' text tables differ"
    case = {"id": 1, "casefile": casefile_to_dict(sample_case()), "missing_items": ["Credly badges"]}
    case["casefile"]["language"] = lang.value
    body = build_draft(case, purpose.value, T0).get_content()
    assert body.strip()
    if lang is Lang.JA:
        assert re.search(r"[\u3040-\u30ff]", body), "a Japanese draft without Japanese"


def test_the_readme_diagram_is_the_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```mermaid\n(.*?)\n```", readme, re.S)
    assert blocks == [lifecycle.mermaid()], "regenerate it: python -c 'from certmerge.core import lifecycle; " \
                                            "print(lifecycle.mermaid())'"


def _mail(sender: str) -> Email:
    return Email(message_id="<m@x>", subject="[CASE 176530418200731] Re: merge", sender=Address("AWS", sender),
                 to=(), reply_to=(), date=T0, in_reply_to="", references=(), auth_results=(), text="t",
                 new_text="t")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.sampled_from(list(S)), st.sampled_from(SUPPORT_KINDS), st.floats(0, 1),
       st.sampled_from(["support@amazon.com", "x@amaz0n-support.com", "someone@example.org"]), st.booleans())
def test_a_forged_mail_never_moves_a_case(state, kind, confidence, sender, strict):
    cls = Classification(kind, confidence, (), "176530418200731", Lang.EN, Authenticity.FAIL, "forged")
    case = CaseRecord(id=1, state=state, language=Lang.EN, casefile=sample_case(), created_at=T0, state_since=T0,
                      updated_at=T0)
    eff = effect_of(_mail(sender), cls, case, Policy(("amazon.com",), strict), "INBOX", T0)
    assert eff.to_state == state.value
    assert "state" not in eff.change.case_updates
    assert not [e for e in eff.change.events if e["type"] == "state"]
