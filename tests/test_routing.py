"""Routing among many cases, in the pure core (routing.py): what a mail names, which case it goes to, and that
two or more candidates are never guessed. The same rules end to end on a real SQLite home: test_cases.py."""

from __future__ import annotations

from dataclasses import replace

from certmerge.core.model import (Address, Authenticity, CaseRecord, CaseState as S, Classification, Email, Lang,
                                  MailKind)
from certmerge.core.routing import (Found, candidates_text, case_keys, lookup_for, mail_keys, route, wanted,
                                    NAMED_MAX)
from tests.helpers import T0, sample_case

VENDORS = ("amazon.com", "amazonses.com", "credly.com")


def record(n: int, state: S = S.AWAITING_SUPPORT, vendor_case_id: str | None = None) -> CaseRecord:
    cf = sample_case()
    cf = replace(cf, user_name=f"Person {n}", target=replace(cf.target, account_id=f"AWS{n:08d}",
                                                             login_email=f"p{n}@corp.example"))
    return CaseRecord(id=n, state=state, language=Lang.EN, casefile=cf, created_at=T0, state_since=T0, updated_at=T0,
                      vendor_case_id=vendor_case_id)


def mail(sender="aws-cs-trainingcertification-form@amazon.com", to=("team@corp.example",), text="",
         forwarded=None) -> Email:
    return Email(message_id="<m@x>", subject="[CASE 176530418200731] merge", sender=Address("AWS", sender),
                 to=tuple(Address("", a) for a in to), reply_to=(), date=T0, in_reply_to="<a@x>",
                 references=("<b@x>", "<a@x>"), auth_results=(), text=text, new_text=text, forwarded=forwarded)


def cls(kind=MailKind.ACKNOWLEDGEMENT, auth=Authenticity.PASS, case_id="176530418200731") -> Classification:
    return Classification(kind, 0.9, (), case_id, Lang.EN, auth, "")


def test_a_case_is_known_by_its_accounts_ids_and_addresses():
    keys = case_keys(record(7).casefile)
    assert ("account", "AWS00000007") in keys and ("email", "p7@corp.example") in keys
    assert ("email", "taro.personal@example.net") in keys  # the source account's login, lower-cased


def test_a_mail_names_addresses_and_account_ids_in_its_headers_text_and_forwarded_part():
    inner = mail(to=("Inner@Example.org",), text="about aws00000009 please")
    keys = mail_keys(mail(text="Accounts AWS00000003 and x AWS12 (too short); write to P5@corp.example.",
                          forwarded=inner))
    assert {("account", "AWS00000003"), ("account", "AWS00000009"), ("email", "p5@corp.example"),
            ("email", "inner@example.org"), ("email", "team@corp.example")} <= keys
    assert not any(v == "AWS12" for _k, v in keys)


def test_the_lookup_asks_for_adoption_only_for_trusted_support_or_credly_mail():
    assert lookup_for(mail(), cls(), VENDORS).eligible
    assert lookup_for(mail(), cls(), VENDORS).thread_ids == ("<a@x>", "<b@x>")
    assert not lookup_for(mail(), cls(auth=Authenticity.FAIL), VENDORS).eligible
    assert not lookup_for(mail(sender="someone@corp.example"), cls(), VENDORS).eligible
    assert not lookup_for(mail(), cls(case_id=None), VENDORS).eligible  # support mail must carry its case ID
    credly = lookup_for(mail(sender="support@credly.com"), cls(MailKind.CREDLY_FOLLOWUP, case_id=None), VENDORS)
    assert [e.states for e in credly.eligible] == [frozenset({S.AWAITING_COMPLETION, S.COMPLETED, S.CREDLY_REQUESTED,
                                                              S.CLOSED})]


def found(records, **kw) -> Found:
    return Found(records={r.id: r for r in records}, **kw)


def test_the_case_id_wins_then_the_thread():
    a, b = record(1), record(2)
    assert route(found([a], by_case_id=frozenset({1}), thread_case=2)).case == a
    assert route(found([b], thread_case=2, eligible=frozenset({1, 2}))).case == b
    # two cases with the same case ID: the thread tells them apart, else it waits for review
    assert route(found([a, b], by_case_id=frozenset({1, 2}), thread_case=2)).case == b
    assert route(found([a, b], by_case_id=frozenset({1, 2}))).candidates == (a, b)


def test_one_case_that_may_adopt_the_mail_takes_it_two_are_never_guessed():
    a, b, c = record(1), record(2), record(3)
    assert route(found([a], eligible=frozenset({1}))).case == a  # the single-case user: as before
    both = route(found([a, b], eligible=frozenset({1, 2})))
    assert both.case is None and both.candidates == (a, b)
    assert candidates_text(both) == "1 (Person 1), 2 (Person 2)"
    # the accounts it names narrow the candidates: every key points to case 2 (the team address to all)
    assert route(found([b], eligible=frozenset({1, 2, 3}),
                       key_hits=(frozenset({2}), frozenset({1, 2, 3})))).case == b
    # it names one account of case 1 and one of case 3: both are named, none is chosen
    r = route(found([a, c], eligible=frozenset({1, 2, 3}), key_hits=(frozenset({1}), frozenset({3}))))
    assert r.case is None and r.candidates == (a, c)
    # it names only a case that may not adopt it (that case has another case ID): no case, not another one
    assert route(found([], eligible=frozenset({2, 3}), key_hits=(frozenset({1}),))) == route(found([]))


def test_many_candidates_are_counted_not_all_read():
    ids = frozenset(range(1, 41))
    f = Found(eligible=ids)
    assert wanted(f) == list(range(1, NAMED_MAX + 1))
    r = route(found([record(i) for i in wanted(f)], eligible=ids))
    assert r.case is None and len(r.candidates) == NAMED_MAX and r.more == 40 - NAMED_MAX
    assert candidates_text(r).endswith(f"and {40 - NAMED_MAX} more")


def test_nothing_found_is_no_case():
    assert route(Found()).case is None and route(Found()).candidates == ()
