"""The pure parts of notifications: business days across Japanese holidays, the schedule of a waiting case,
which timers are due, the texts in both languages, and URL masking."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import replace

import pytest

from certmerge.core import lifecycle, notices
from certmerge.core.deadlines import _holidays
from certmerge.core.model import CaseState as S
from certmerge.core.model import CaseView, NextAction
from certmerge.core.i18n import speaking
from certmerge.core.notices_text import action_words, state_words
from certmerge.notify import mask, retry_delay, scrub
from certmerge.core.workdays import Calendar, countries, schedule, with_schedule
from tests.helpers import ROOT, sample_case

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
UTC = dt.timezone.utc
# Written out by hand (not read from the package under test): Japan's public holidays around these dates
JP_2026 = {dt.date(2026, 4, 29), dt.date(2026, 5, 3), dt.date(2026, 5, 4), dt.date(2026, 5, 5), dt.date(2026, 5, 6)}
JP_2027 = {dt.date(2027, 1, 1), dt.date(2027, 1, 11)}


def _lookup(country: str, year: int):
    if country == "JP":
        return {2026: JP_2026, 2027: JP_2027}.get(year, set())
    return set()


def cal(support="JP", user="JP", holidays=_lookup) -> Calendar:
    return Calendar(support, user, TOKYO, holidays)


def view(state=S.AWAITING_SUPPORT, since=None, **kw) -> CaseView:
    return CaseView(state=state, casefile=sample_case(), state_since=since, **kw)


def test_the_package_agrees_with_the_hand_written_golden_week():
    assert JP_2026 <= set(_holidays("JP", 2026)) and dt.date(2026, 5, 1) not in _holidays("JP", 2026)


@pytest.mark.parametrize("start, n, expected", [
    (dt.date(2026, 4, 27), 1, dt.date(2026, 4, 28)),
    (dt.date(2026, 4, 27), 2, dt.date(2026, 4, 30)),  # Showa Day skipped
    (dt.date(2026, 4, 27), 3, dt.date(2026, 5, 1)),
    (dt.date(2026, 4, 27), 4, dt.date(2026, 5, 7)),  # the weekend and 4-6 May skipped
    (dt.date(2026, 5, 1), 1, dt.date(2026, 5, 7)),
    (dt.date(2026, 12, 30), 2, dt.date(2027, 1, 4)),  # 31 Dec (not a public holiday), New Year, a weekend
    (dt.date(2026, 4, 27), 0, dt.date(2026, 4, 27)),
])
def test_business_days_across_japanese_holidays(start, n, expected):
    assert cal().add_business_days(start, n, "JP") == expected


def test_golden_week_moves_the_silent_reminder_to_the_next_working_morning():
    since = dt.datetime(2026, 4, 27, 0, 0, tzinfo=UTC)  # Monday 09:00 in Tokyo
    sched = schedule(view(since=since), cal(), follow_up_after=2)
    assert sched.expected_by == dt.datetime(2026, 4, 30, 23, 59, 59, tzinfo=TOKYO)  # 2 business days
    assert sched.follow_up_at == dt.datetime(2026, 5, 8, 9, 0, tzinfo=TOKYO)  # after 4: 7 May, then 09:00
    case = with_schedule(view(since=since), sched)
    before = lifecycle.next_action(case, dt.datetime(2026, 5, 7, 23, 59, tzinfo=TOKYO))
    after = lifecycle.next_action(case, sched.follow_up_at)
    assert before.kind == "wait" and before.wait_until == sched.expected_by and "business days" in before.detail
    assert after.draft_purpose == "follow_up"
    # four calendar days, as before, would have said so on 1 May
    assert lifecycle.next_action(view(since=since), dt.datetime(2026, 5, 1, 1, tzinfo=UTC)).draft_purpose == "follow_up"


def test_the_reminder_waits_for_the_users_working_day_and_the_grace_is_configurable():
    since = dt.datetime(2026, 4, 27, 0, 0, tzinfo=UTC)
    # support in the US works through Golden Week: 4 US business days end on Fri 1 May; the Japanese user's
    # next working day after that is Thu 7 May
    us = schedule(view(since=since), cal(support="US"), follow_up_after=2)
    assert us.follow_up_at == dt.datetime(2026, 5, 7, 9, 0, tzinfo=TOKYO)
    none = schedule(view(since=since), cal(), follow_up_after=0)
    assert none.follow_up_at == dt.datetime(2026, 5, 1, 9, 0, tzinfo=TOKYO)  # 2 business days: 30 Apr


def test_only_a_case_waiting_on_support_has_a_schedule():
    t = dt.datetime(2026, 4, 27, tzinfo=UTC)
    assert schedule(view(S.INFO_REQUESTED, since=t), cal(), 2).follow_up_at is None
    assert schedule(view(S.CLOSED, since=t), cal(), 2).follow_up_at is None
    completion = schedule(view(S.AWAITING_COMPLETION, since=t), cal(), 2)
    assert completion.business_days == lifecycle.COMPLETION_DAYS + 2


def test_countries_by_language():
    assert countries("", "", "ja") == ("JP", "JP")
    assert countries("", "", "en") == ("US", "US")
    assert countries("US", "", "ja") == ("US", "JP")
    assert countries("", "DE", "en") == ("US", "DE")


def _timers(case: CaseView):
    return notices.timers(7, case)


def test_deadline_timers_fire_once_each_and_a_passed_deadline_drops_its_warning():
    limit = dt.datetime(2026, 5, 15, 6, tzinfo=UTC)
    case = view(S.CONFIRMATION_REQUESTED, since=limit - dt.timedelta(days=5), deadline=limit)
    ts = _timers(case)
    assert [(t.kind, t.due_at) for t in ts] == [("deadline_near", limit - dt.timedelta(hours=24)),
                                                ("deadline_passed", limit)]
    assert notices.due(ts, limit - dt.timedelta(hours=25)) == []
    assert [t.kind for t in notices.due(ts, limit - dt.timedelta(hours=1))] == ["deadline_near"]
    assert [t.kind for t in notices.due(ts, limit)] == ["deadline_passed"]  # a watcher down for days
    assert notices.next_due(ts, limit - dt.timedelta(hours=30)) == limit - dt.timedelta(hours=24)
    assert len({t.cause for t in ts}) == 2 and ts == _timers(case)  # the same causes every time


def test_reopen_by_counts_only_while_the_case_is_open_and_closed_cases_have_no_timers():
    until = dt.datetime(2026, 5, 22, tzinfo=UTC)
    assert _timers(view(S.INFO_REQUESTED, reopen_by=until))[0].reopen
    assert _timers(view(S.COMPLETED, reopen_by=until)) == []
    assert _timers(view(S.CLOSED, deadline=until)) == []


def test_the_silent_timer_belongs_to_the_waiting_spell():
    since = dt.datetime(2026, 4, 27, tzinfo=UTC)
    case = with_schedule(view(since=since), schedule(view(since=since), cal(), 2))
    (t,) = _timers(case)
    assert t.kind == "support_silent" and t.due_at == dt.datetime(2026, 5, 8, 9, tzinfo=TOKYO)
    later = since + dt.timedelta(days=20)  # a new spell (the user replied again): a new cause
    again = with_schedule(view(since=later), schedule(view(since=later), cal(), 2))
    assert _timers(again)[0].cause != t.cause


def _every_next_action() -> list[tuple[S, NextAction]]:
    out = []
    now = dt.datetime(2026, 5, 1, tzinfo=UTC)
    for state in S:
        for kw in ({}, {"deadline": now + dt.timedelta(days=1)}, {"reopen_by": now},
                   {"missing_items": ("benefit: voucher",)}, {"last_reply_sent_at": now}):
            for t in (now, now + dt.timedelta(days=30)):
                out.append((state, lifecycle.next_action(view(state, since=now - dt.timedelta(days=1), **kw), t)))
    return out


def test_every_next_action_and_state_has_japanese_words():
    """From the catalog, by what the action is: also where lifecycle's title is already in another language."""
    with speaking("ja"):
        assert all(not state_words(s.value).isascii() for s in S)
        for state, nxt in _every_next_action():
            words = action_words(nxt, state.value)
            assert words and words != nxt.title and not words.isascii(), (state, nxt.title)
            assert action_words(replace(nxt, title="(another language's title)"), state.value) == words
    with speaking("en"):
        assert all(state_words(s.value) == s.value for s in S)
        assert all(action_words(nxt, state.value) == nxt.title for state, nxt in _every_next_action())


def test_texts_are_true_to_the_record_in_both_languages():
    limit = dt.datetime(2026, 5, 15, 6, tzinfo=UTC)
    case_view = view(S.CONFIRMATION_REQUESTED, since=limit - dt.timedelta(days=3), deadline=limit)
    case = {"id": 7, "vendor_case_id": "176530418200731"}
    (near, passed) = _timers(case_view)
    nxt = lifecycle.next_action(case_view, near.due_at)
    en = notices.timer_notice(near, case, case_view, nxt, 0, near.due_at, "en", TOKYO)
    ja = notices.timer_notice(near, case, case_view, nxt, 0, near.due_at, "ja", TOKYO)
    assert "176530418200731" in en.title and "2026-05-15 15:00 JST" in en.body and "confirm_merge" in en.body
    assert "24 時間" in ja.title and "2026-05-15 15:00 JST" in ja.body and "統合の確認を返信してください" in ja.body
    late = lifecycle.next_action(case_view, passed.due_at)
    gone = notices.timer_notice(passed, case, case_view, late, 0, passed.due_at, "en", TOKYO)
    assert "OVERDUE" in gone.body and gone.facts["next_action"]["overdue"] is True


def _mail(**kw) -> notices.MailFacts:
    base = dict(cause="mail:<a@b>", kind="info_request", authenticity="pass", sender="aws@amazon.com", subject="s",
                summary="x", from_state="awaiting_support", to_state="info_requested", asked=True, own=False,
                moved_ok=True)
    return notices.MailFacts(**{**base, **kw})


def test_which_event_a_mail_causes():
    case, now = {"id": 1, "vendor_case_id": None}, dt.datetime(2026, 5, 1, tzinfo=UTC)
    draft = NextAction("draft", "Answer support's questions", draft_purpose="info_reply")
    wait = NextAction("wait", "Wait for the completion notice")
    kinds = lambda m, nxt=draft: [n.type for n in notices.mail_notices(m, case, nxt, now, "en", UTC)]  # noqa: E731
    assert kinds(_mail()) == ["reply_due"]
    assert kinds(_mail(to_state="awaiting_completion", asked=False), wait) == ["case_moved"]
    assert kinds(_mail(from_state="awaiting_support", to_state="awaiting_support", asked=False), wait) == []
    assert kinds(_mail(authenticity="fail", moved_ok=False), None) == ["forged_refused"]
    assert kinds(_mail(own=True)) == [] and kinds(_mail(moved_ok=False)) == []
    assert notices.mail_notices(_mail(authenticity="fail", kind="unrelated"), None, None, now, "en", UTC) == []
    held = _mail(candidates="2 (Hanako Sato), 3 (Jiro Suzuki)", message_id="<x@amazonses.com>", moved_ok=False)
    (n,) = notices.mail_notices(held, None, None, now, "en", UTC)
    assert n.type == "mail_held" and n.case_id is None and "2 (Hanako Sato), 3 (Jiro Suzuki)" in n.body
    assert "certmerge assign '<x@amazonses.com>' --case C" in n.body
    (ja,) = notices.mail_notices(held, None, None, now, "ja", UTC)
    assert "certmerge assign '<x@amazonses.com>' --case C" in ja.body and ja.title != n.title
    assert notices.mail_notices(_mail(candidates=""), None, draft, now, "en", UTC) == []  # no case, no candidates
    (n,) = notices.mail_notices(_mail(), case, draft, now, "en", UTC)
    assert n.from_mail and n.row()["message_ref"] == "mail" and n.cause == "mail:<a@b>"


def test_urls_are_masked_and_their_secrets_scrubbed():
    url = "tgram://123456:ABCsecretTOKEN@x/987654321?key=hunter2hunter2"
    assert mask(url) == "tgram://…"
    assert mask("json://user:pw0rd@127.0.0.1:8080/p") == "json://127.0.0.1/…"
    assert mask("not a url") == "(not a URL)"
    text = scrub(f"failed {url}: ABCsecretTOKEN rejected, key hunter2hunter2", (url,))
    assert "ABCsecretTOKEN" not in text and "hunter2hunter2" not in text and "987654321" not in text


def test_retries_back_off_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in range(9)] == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def notice_lines() -> list[str]:
    """Every distinct line (title and body) of the notices a wide set of inputs causes, in both languages:
    each mail kind into every state from each next action lifecycle gives, every timer, forgeries, outages."""
    now, case = dt.datetime(2026, 5, 1, 3, tzinfo=UTC), {"id": 3, "vendor_case_id": "176530418200731"}
    found: list[notices.Notice] = []
    for state in S:
        for kw in ({}, {"deadline": now + dt.timedelta(days=1)}, {"reopen_by": now}, {"last_reply_sent_at": now},
                   {"missing_items": ("benefit: voucher",)}, {"follow_up_at": now + dt.timedelta(days=3),
                                                               "expected_by": now + dt.timedelta(days=2)}):
            for t in (now, now + dt.timedelta(days=30)):
                v = CaseView(state=state, casefile=sample_case(), state_since=now - dt.timedelta(days=1), **kw)
                nxt = lifecycle.next_action(v, t)
                for lang in ("en", "ja"):
                    for kind in ("info_request", "completion_notice", "survey", "unrelated"):
                        for frm in (S.AWAITING_SUPPORT, state):
                            m = _mail(kind=kind, from_state=frm.value, to_state=state.value, subject="RE: [CASE 1] x")
                            found += notices.mail_notices(m, case, nxt, now, lang, TOKYO)
                    found += [notices.timer_notice(timer, case, v, nxt, 5, now, lang, TOKYO)
                              for timer in notices.timers(case["id"], v)]
    for lang in ("en", "ja"):
        forged = _mail(authenticity="fail", moved_ok=False, sender="x@amaz0n.com", summary="it claims to be AWS")
        found += notices.mail_notices(forged, case, None, now, lang, TOKYO)
        found += [notices.outage_notice("imap:u@h/INBOX", now - dt.timedelta(minutes=47), now, "refused", back,
                                        lang, TOKYO) for back in (True, False)]
    return sorted({f"{n.language}\t{n.type}\t{line}" for n in found for line in (n.title, *n.body.split("\n"))})


def test_the_notices_say_what_the_golden_file_says():
    """tests/golden/notices.txt was written by the code before the texts moved to the gettext catalog (its
    hand-written English and Japanese): every line is still the same."""
    golden = (ROOT / "tests" / "golden" / "notices.txt").read_text(encoding="utf-8").splitlines()
    assert len(golden) > 150 and sum(line.startswith("ja\t") for line in golden) == 100
    with speaking("en"):  # the interface the golden file was written under (lifecycle's titles in English)
        assert notice_lines() == golden
