"""The rules and their fast matcher: exactly what the written `re.I` patterns match, and the gates."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import datetime as dt

from certmerge.core.classify import WEAK_CONFIDENCE, classify, unwrap
from certmerge.config import ClassifySettings
from certmerge.config import DEFAULT_VENDOR_DOMAINS as VENDORS
from certmerge.core.errors import ParseError
from certmerge.core.matcher import compile_alternatives, required_literal_sets, split_alternatives
from certmerge.core.model import MailKind
from certmerge.core.parse import parse_bytes
from certmerge.core.rules import RULES, present_literals
from tests.helpers import ROOT, SAMPLES, realworld_files


def _texts() -> list[tuple[str, str]]:
    files = sorted(SAMPLES.glob("*.eml")) + sorted((ROOT / "tests" / "labeled").glob("*.eml")) \
        + sorted((ROOT / "tests" / "heldout").glob("*.eml"))
    files += realworld_files()[::3]  # where ../shared/corpus is present (CI=true needs it)
    out = []
    for path in files:
        try:
            m = parse_bytes(path.read_bytes())
        except ParseError:
            continue
        out += [("subject", m.subject), ("body", unwrap(m.new_text)), ("body", m.text[:5000])]
    return out


def _agree(field: str, text: str) -> None:
    low = text.lower()
    present = present_literals(low, field)
    for rule in RULES:
        if rule.field != field:
            continue
        want = rule.pattern.search(text if len(text) == len(low) else low)
        got = rule.search(low, present)
        assert (want is None) == (got is None), (rule.name, text[:200])
        if want is not None:
            assert want.span() == got.span(), (rule.name, text[:200])


def test_fast_matcher_matches_exactly_what_the_written_patterns_match_on_every_corpus():
    texts = _texts()
    assert len(texts) > 300
    for field, text in texts:
        _agree(field, text)


_PIECES = st.sampled_from(["we have received your case", "merge", "merged", "confirm", "complete", " will ", "git",
                           "PR #12", "badge", "credly", "survey", "統合", "完了", "しました", "ご返信", "ください", "AI",
                           "generated", "\n", " ", ".", "'", "\"", "yes", "(", "AWS1234", "_", "é", "İ", "ß", "K",
                           "accounts", " have been ", "been ", "combined", "rate your", " experience", "how "])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join),
       st.sampled_from(["subject", "body"]))
def test_fast_matcher_matches_exactly_on_generated_text(text, field):
    _agree(field, text)


@pytest.mark.parametrize("pattern,parts", [
    (r"a|b", ["a", "b"]), (r"(a|b)c", ["(a|b)c"]), (r"[|]x|y", ["[|]x", "y"]), (r"\||z", [r"\|", "z"]),
    (r"[]|]a|b", ["[]|]a", "b"]), (r"[^]|]a|b", ["[^]|]a", "b"]), (r"a|", ["a", ""]), (r"(?:a|(b|c))|d", ["(?:a|(b|c))", "d"]),
])
def test_split_alternatives(pattern, parts):
    assert split_alternatives(pattern) == parts


def test_a_leading_word_boundary_is_kept():
    [alt] = compile_alternatives(r"\bgit\b")
    assert alt.word_start and alt.search("git merge") and not alt.search("digital merge")
    assert alt.search("digital, git").start() == 9


def test_upper_case_escapes_are_refused():
    with pytest.raises(ValueError):
        compile_alternatives(r"\Sfoo", "bad")


def test_rules_are_well_formed():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    anchored = {r.kind for r in RULES if r.anchor}
    assert anchored >= set(MailKind) - {MailKind.UNRELATED}
    for rule in RULES:
        assert rule.alts and all(isinstance(a.pattern, re.Pattern) for a in rule.alts)


# --- the gates ------------------------------------------------------------------------------------------------
def vendor_mail(body: str, subject: str = "RE:[CASE 176530418200731] [AWS Training and Certification Form "
                "Submission] - account-assistance", sender: str = "aws-cs-trainingcertification-form@amazon.com"):
    raw = (f"Authentication-Results: mx.x; dmarc=pass header.from={sender.rpartition('@')[2]}\r\nFrom: AWS <{sender}>"
           f"\r\nSubject: {subject}\r\nDate: Fri, 20 Nov 2026 10:00:00 +0000"
           f"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}")
    return classify(parse_bytes(raw.encode()), VENDORS)


def test_another_aws_case_is_unrelated_whatever_it_says():
    c = vendor_mail("We have received your case. If we do not hear from you, this case will be closed automatically "
                    "in 3 days.", subject="RE:[CASE 177000000000001] EC2 instance quota increase",
                    sender="no-reply-aws@amazon.com")
    assert c.kind is MailKind.UNRELATED and c.reasons[0].rule == "off_topic"


def test_thread_mail_no_rule_reads_is_unrelated_but_needs_review():
    c = vendor_mail("Hello Taro,\n\nJust a short note on your request from yesterday.\n\nKevin")
    assert c.kind is MailKind.UNRELATED and c.confidence == WEAK_CONFIDENCE < ClassifySettings().review_threshold


def test_weak_cues_in_a_thread_give_a_needs_review_guess():
    c = vendor_mail("Hello,\n\nA specialist will follow up shortly.\n")
    assert c.kind is MailKind.ACKNOWLEDGEMENT and c.confidence == WEAK_CONFIDENCE < ClassifySettings().review_threshold


def test_marketing_outside_a_case_thread_is_unrelated():
    c = vendor_mail("New practice questions, generated with AI.\n\nUnsubscribe: https://x", subject="New in Skill "
                    "Builder: AI-generated practice questions", sender="aws-tc-newsletter@amazon.com")
    assert c.kind is MailKind.UNRELATED


def test_hard_wrapped_japanese_is_read_as_one_sentence():
    c = vendor_mail("森 様\n\n統合元アカウントの受験者 ID（AWS から始まる番号）を\nこのメールにご返信ください。\n")
    assert c.kind is MailKind.INFO_REQUEST


SENT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)  # a Friday; Thanksgiving is Thursday 26th


@pytest.mark.parametrize("text,until", [
    ("We will close it within 72 hours.", SENT + dt.timedelta(hours=72)),
    ("本メールの送信から 5 日以内にご返信ください。", SENT + dt.timedelta(days=5)),
    ("Please reply in two days.", SENT + dt.timedelta(days=2)),
    ("Please reply within 5 business days.", dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=dt.timezone.utc)),
    ("Please respond by December 11.", dt.datetime(2026, 12, 11, 23, 59, 59, tzinfo=dt.timezone.utc)),
    ("Reopen within 14 days.", None), ("soon", None)])
def test_deadline_of_an_auto_close_warning(text, until):
    c = vendor_mail(f"If we don't hear from you, this case will be resolved automatically. {text}")
    assert c.kind is MailKind.AUTO_CLOSE_WARNING
    assert c.asks.deadline == until


@pytest.mark.parametrize("pattern,sets", [
    # one literal of each set is in every match: the best set first, then the other parts of the sequence
    (r"(accounts?|profiles?)[^.]{0,20}(have|has) (now )?been (merged|combined)",
     (("account", "profile"), ("been ",), ("combined", "merged"))),
    (r"(rate|rating)[^.]{0,50}(experience|support)", (("experience", "support"), ("rat",))),  # re factors "rat"
    (r"a?b", (("b",),)),  # a set of short literals only when nothing better exists
    (r"(x|y)?z+", (("z",),)),
    (r"\d+", ()),  # nothing literal: no prefilter, always searched
    (r"foo(?=bar)", (("foo",),)),  # a lookahead is not part of the match
])
def test_required_literal_sets(pattern, sets):
    assert required_literal_sets(pattern) == sets


def test_asks_patterns_answer_per_alternative_as_the_whole_alternation_does():
    """asks.py searches a narrowed pattern's alternatives one by one over a whole text (`anywhere`, `lines`):
    the same answers as the one alternation, on every corpus text."""
    from bisect import bisect_right

    from certmerge.core import asks, asks_text

    fast = [asks._REQUEST, asks._CHOOSE, asks._CONFIRM, asks.CLOSE_CUE, asks.RESOLVED, asks.REOPEN,
            asks._PHRASE_CUE] + [f for _a, f in asks._FACTS]
    whole = [re.compile("|".join(("\\b" if a.word_start else "") + a.pattern.pattern for a in f.alts), re.S)
             for f in fast]
    checked = 0
    for _field, text in _texts():
        low = asks_text.lower(text)
        starts = asks_text.line_starts(low)
        for f, pattern in zip(fast, whole):
            narrowed = f.within(low)
            assert narrowed.anywhere(low) == (pattern.search(low) is not None)
            first = [pattern.search(low, start) for start in starts[:-1]]  # the first match from each line on
            want = {n for n, m in enumerate(first) if m is not None and bisect_right(starts, m.start()) - 1 == n}
            assert narrowed.lines(low) == want, text[:200]
            checked += bool(want)
    assert checked > 100
