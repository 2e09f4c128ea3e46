"""Drafts: golden files for every purpose in English and Japanese, and the headers that matter.

Regenerate the golden files after an intended change with: UPDATE_GOLDEN=1 python -m pytest tests/test_drafts.py
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import os
from pathlib import Path

import pytest

from certmerge.casefile import casefile_to_dict
from certmerge.drafts import PURPOSES, build_draft, reply_subject
from certmerge.model import Lang
from tests.helpers import T0, sample_case

GOLDEN = Path(__file__).parent / "golden"
SUPPORT_SUBJECT = "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"


def stored_case(lang: Lang) -> dict:
    cf = dataclasses.replace(sample_case(), language=lang)
    return {"id": 1, "casefile": casefile_to_dict(cf), "vendor_case_id": "176530418200731",
            "support_address": "aws-cs-trainingcertification-form@amazon.com", "support_subject": SUPPORT_SUBJECT,
            "support_message_id": "<b@email.amazonses.com>",
            "support_references": "<a@email.amazonses.com> <b@email.amazonses.com>",
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
    assert msg["In-Reply-To"] == "<b@email.amazonses.com>"
    assert msg["References"].split() == ["<a@email.amazonses.com>", "<b@email.amazonses.com>"]
    body = msg.get_content()
    assert "AWS02468135" in body and "AWS01357913" in body
    if lang is Lang.JA:
        assert "お世話になっております" in body
    else:
        assert body.startswith("Hello")


def test_confirmation_says_which_account_is_kept_with_both_emails():
    body = build_draft(stored_case(Lang.EN), "confirm_merge", T0).get_content()
    assert "AWS01357913 merged into account AWS02468135" in body
    for addr in ("taro.yamada@example-corp.co.jp", "taro.personal@example.net", "taro.p.notify@example.net"):
        assert addr in body


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
