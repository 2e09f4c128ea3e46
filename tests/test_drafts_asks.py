"""Drafts that answer what was asked: every asked item, in order, from the record or the user's answers, else a
visible placeholder; and never a fact the record and the mail do not support (a property over generated cases)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from certmerge.core.drafts import PLACEHOLDER, build_draft, placeholders
from certmerge.core.model import ANSWER_KEYS, Ask, Asks, Lang, Option

T0 = dt.datetime(2026, 11, 2, tzinfo=dt.timezone.utc)
FACT_ASKS = [a for a in Ask if a not in (Ask.QUESTION,)]
_USER_KEYS = {Ask.PROFILE_NAME: "profile_name", Ask.BUILDER_ID_EMAIL: "builder_id_email",
              Ask.CREDLY_EMAIL: "credly_email", Ask.BENEFIT_PLAN: "benefit_plan", Ask.CHOICE: "choice"}

dates = st.dates(dt.date(2015, 1, 1), dt.date(2026, 10, 1))
names = st.sampled_from(["AWS Certified Cloud Practitioner", "AWS Certified Developer - Associate",
                         "AWS Certified Solutions Architect - Professional", "AWS Certified Security - Specialty"])


@st.composite
def accounts(draw, n: int):
    certs = draw(st.lists(st.tuples(names, dates), min_size=0, max_size=3, unique_by=lambda c: c[0]))
    benefits = draw(st.lists(st.sampled_from(["50% exam discount voucher", "Practice exam voucher"]),
                             max_size=2, unique=True))
    local = draw(st.sampled_from(["hana", "k.sato", "dev"]))
    return {"account_id": f"AWS{draw(st.integers(10_000_000, 99_999_999))}",
            "login_email": f"{local}.login{n}@example{n}.org", "training_email": f"{local}.training{n}@example{n}.org",
            "certification_email": f"{local}.cert{n}@example{n}.org",
            "certifications": [{"name": c, "passed": d.isoformat(), "expires": (d + dt.timedelta(days=1095)).isoformat()}
                               for c, d in certs],
            "benefits": [{"name": b, "expires": "2027-03-31"} for b in benefits]}


@st.composite
def cases(draw):
    target, source = draw(accounts(1)), draw(accounts(2))
    answers = {k: v for k, v in draw(st.dictionaries(st.sampled_from(ANSWER_KEYS), st.sampled_from(
        ["B", "2", "Hanako Sato", "builder.me@example3.org", "I will use it first.", "Yes, still."]))).items()
        if not k.endswith("_email") or "@" in v}
    cf = {"language": draw(st.sampled_from(["en", "ja"])), "reason": "Keep one account.",
          "user": {"name": "Hanako Sato", "company": draw(st.sampled_from(["", "Example KK"]))},
          "support": {}, "target": target, "source": source, "answers": answers}
    return {"id": 1, "casefile": cf, "vendor_case_id": "176530418200731", "support_address": None,
            "support_subject": "RE:[CASE 176530418200731] x", "support_message_id": "<0100019a@email.amazonses.com>",
            "support_references": "<0100019a@email.amazonses.com>", "missing_items": []}


@st.composite
def asks(draw, case):
    items = draw(st.lists(st.sampled_from(FACT_ASKS), min_size=1, max_size=6, unique=True))
    ids = [case["casefile"]["target"]["account_id"], case["casefile"]["source"]["account_id"], ""]
    scoped = tuple((a, draw(st.sampled_from(ids))) for a in items if draw(st.booleans()))
    options = (Option("A", "Merge now"), Option("B", "Use the voucher first")) if Ask.CHOICE in items else ()
    phrase = "I confirm the merge of my accounts" if Ask.PHRASE in items else ""
    return Asks(tuple(items), options, phrase, accounts=tuple((a, s) for a, s in scoped if s))


def _record_text(case) -> str:
    return str(case["casefile"])


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_draft_states_only_what_the_record_and_the_mail_support(data):
    case = data.draw(cases())
    asked = data.draw(asks(case))
    lang = data.draw(st.sampled_from(list(Lang)))
    purpose = data.draw(st.sampled_from(["info_reply", "confirm_merge", "reopen", "credly_reply"]))
    msg = build_draft(case, purpose, T0, asked, lang)
    body = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default).get_content()
    known = _record_text(case) + asked.phrase + " ".join(o.text for o in asked.options)
    for pattern in (r"\bAWS\d+\b", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"\b\d{4}-\d{2}-\d{2}\b"):
        for value in re.findall(pattern, body.replace(PLACEHOLDER, "")):
            assert value in known, f"{value} is in the draft but not in the record"
    cf = case["casefile"]
    has_benefits = cf["target"]["benefits"] or cf["source"]["benefits"]
    if not has_benefits and "voucher" not in known.lower():
        assert "voucher" not in body.lower()
    for ask, key in _USER_KEYS.items():
        if ask in asked.items:
            given_ = cf["answers"].get(key)
            if given_ and ask is not Ask.CHOICE:
                assert given_ in body
            elif not given_:
                assert f"certmerge answer {key}" in body  # visible, and says how to fill it
    if Ask.PHRASE in asked.items:
        assert asked.phrase in body
    if Ask.CERTIFICATION_EMAIL in asked.items:
        only = asked.account(Ask.CERTIFICATION_EMAIL)
        for acc in (cf["target"], cf["source"]):
            assert (acc["certification_email"] in body) == (not only or acc["account_id"] == only)
    assert not placeholders(body) or any(
        ask in asked.items and not cf["answers"].get(key) for ask, key in _USER_KEYS.items()) \
        or Ask.QUESTION in asked.items or purpose == "credly_reply"


def test_items_are_answered_in_the_order_asked_in_the_mails_language():
    case = {"id": 1, "casefile": {
        "language": "en", "reason": "r", "user": {"name": "Taro", "company": ""}, "support": {},
        "target": {"account_id": "AWS02468135", "login_email": "t@example.jp", "training_email": "t@example.jp",
                   "certification_email": "tc@example.jp", "certifications": [], "benefits": []},
        "source": {"account_id": "AWS01357913", "login_email": "s@example.net", "training_email": "s@example.net",
                   "certification_email": "sc@example.net", "certifications": [], "benefits": []},
        "answers": {"profile_name": "Taro Yamada"}}, "support_message_id": None, "missing_items": []}
    asked = Asks((Ask.PROFILE_NAME, Ask.CERTIFICATION_EMAIL, Ask.BUILDER_ID_EMAIL))
    body = build_draft(case, "info_reply", T0, asked, Lang.JA).get_content()
    assert "お世話になっております" in body  # the case is English; the mail answered was Japanese
    assert body.index("Taro Yamada") < body.index("sc@example.net") < body.index("certmerge answer builder_id_email")
    assert placeholders(body) == [p for p in placeholders(body) if "builder_id_email" in p] and len(placeholders(body)) == 1
