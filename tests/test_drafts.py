"""Drafts: golden files for every purpose in English and Japanese, and the headers that matter.

Regenerate the golden files after an intended change with: UPDATE_GOLDEN=1 python -m pytest tests/test_drafts.py
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import os
import re
from pathlib import Path

import pytest

from certmerge.core.casefile import casefile_to_dict
from certmerge.core.drafts import PURPOSES, build_draft, reply_subject
from certmerge.core.model import Lang
from tests.helpers import T0, sample_case

GOLDEN = Path(__file__).parent / "golden"
SUPPORT_SUBJECT = "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"
# real Amazon SES Message-IDs are ~80 characters: longer than a folded header line may be
SES_IDS = [f"<0100019a{i:02d}fb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>"
           for i in range(10)]


def stored_case(lang: Lang) -> dict:
    cf = dataclasses.replace(sample_case(), language=lang)
    return {"id": 1, "casefile": casefile_to_dict(cf), "vendor_case_id": "176530418200731",
            "support_address": "aws-cs-trainingcertification-form@amazon.com", "support_subject": SUPPORT_SUBJECT,
            "support_message_id": SES_IDS[-1], "support_references": " ".join(SES_IDS),
            "missing_items": ["benefit: 50% exam discount voucher"]}


@pytest.mark.parametrize("lang", list(Lang), ids=lambda v: v.value)
@pytest.mark.parametrize("purpose", PURPOSES)
def test_draft_matches_golden_file(purpose, lang):
    raw = build_draft(stored_case(lang), purpose, T0).as_bytes()
    golden = GOLDEN / f"{purpose}.{lang.value}.eml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(raw)
    assert raw == golden.read_bytes()


@pytest.mark.parametrize("lang", list(Lang), ids=lambda v: v.value)
@pytest.mark.parametrize("purpose", PURPOSES)
def test_draft_headers_and_content(purpose, lang):
    msg = email.message_from_bytes(build_draft(stored_case(lang), purpose, T0).as_bytes(),
                                   policy=email.policy.default)
    assert msg["To"] == "aws-cs-trainingcertification-form@amazon.com"
    assert msg["Subject"] == "RE: [CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"
    assert msg["In-Reply-To"] == SES_IDS[-1]
    assert msg["References"].split() == SES_IDS
    body = msg.get_content()
    if purpose != "credly_reply":  # answers support's question: nothing asked, nothing but the placeholder
        assert "AWS02468135" in body and "AWS01357913" in body
    if lang is Lang.JA:
        assert "お世話になっております" in body
    else:
        assert body.startswith("Hello")


def test_confirmation_says_which_account_is_kept():
    body = build_draft(stored_case(Lang.EN), "confirm_merge", T0).get_content()
    assert "AWS01357913 merged into account AWS02468135" in body
    assert "undone" not in body  # a claim only the user can make: not written for them


@pytest.mark.parametrize("n", [1, 2, 10])
@pytest.mark.parametrize("purpose", PURPOSES)
def test_threading_headers_are_plain_msg_ids_at_any_length(purpose, n):
    """RFC 5322 3.6.4: msg-ids are never encoded-words; folded only between them; both parsers read them back."""
    case = stored_case(Lang.JA) | {"support_message_id": SES_IDS[n - 1], "support_references": " ".join(SES_IDS[:n])}
    raw = build_draft(case, purpose, T0).as_bytes()
    head = raw.split(b"\n\n", 1)[0].decode("ascii")
    assert all(len(line) <= 998 for line in head.splitlines())
    fields = re.findall(r"^(Message-ID|In-Reply-To|References):((?:.*\n?)(?:[ \t].*\n?)*)", head, re.M)
    assert [f[0] for f in fields] == ["Message-ID", "In-Reply-To", "References"]
    for _name, value in fields:  # only whole msg-ids, folded between them
        assert re.fullmatch(r"(\s*<[^<>\s]+>)+\s*", value), value
    for policy in (email.policy.compat32, email.policy.default):
        msg = email.message_from_bytes(raw, policy=policy)
        assert " ".join(str(msg["In-Reply-To"]).split()) == SES_IDS[n - 1]
        assert str(msg["References"]).split() == SES_IDS[:n]
        assert re.fullmatch(r"<certmerge\.[0-9a-f]{24}@example-corp\.co\.jp>", str(msg["Message-ID"]).strip())


def test_reply_to_is_never_used_and_a_missing_address_falls_back_to_the_form_address():
    case = stored_case(Lang.EN) | {"support_address": None}
    assert build_draft(case, "follow_up", T0)["To"] == "aws-cs-trainingcertification-form@amazon.com"


def test_same_draft_twice_has_the_same_message_id():
    a = build_draft(stored_case(Lang.EN), "confirm_merge", T0)
    b = build_draft(stored_case(Lang.EN), "confirm_merge", T0.replace(hour=5))
    c = build_draft(stored_case(Lang.EN), "follow_up", T0)
    assert a["Message-ID"] == b["Message-ID"] != c["Message-ID"]


@pytest.mark.parametrize("subject,expected", [
    ("RE:[CASE 1] x", "RE: [CASE 1] x"), ("Re: RE: Fwd: [CASE 1] x", "RE: [CASE 1] x"),
    ("[CASE 1] x", "RE: [CASE 1] x"), ("返信: [CASE 1] x", "RE: [CASE 1] x"),
])
def test_reply_subject_keeps_the_case_id(subject, expected):
    assert reply_subject(subject, "1") == expected


def test_reply_subject_without_support_mail_uses_the_case_id():
    assert "[CASE 176530418200731]" in reply_subject(None, "176530418200731")
