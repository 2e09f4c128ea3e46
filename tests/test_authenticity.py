"""The authenticity gate (issue 4 item 1): RFC 8601 Authentication-Results from the user's own server only."""

from __future__ import annotations

import pytest

from certmerge.core.authenticity import looks_alike, org_domain, parse_results, strip_comments, verdict
from certmerge.core.classify import classify
from certmerge.config import DEFAULT_VENDOR_DOMAINS as VENDORS
from certmerge.core.model import Authenticity
from certmerge.core.parse import parse_bytes
from tests.helpers import ROOT

LABELED = ROOT / "tests" / "labeled"
AWS = "AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"
SUBJECT = "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"
MX = "mx.example-corp.co.jp"


def mail(*auth_results: str, sender: str = AWS, subject: str = SUBJECT, body: str = "Hello Taro,\n\nThanks.\n",
         extra: str = "") -> bytes:
    head = "".join(f"Authentication-Results: {ar}\r\n" for ar in auth_results)
    return (f"{head}From: {sender}\r\nTo: taro.yamada@example-corp.co.jp\r\nSubject: {subject}\r\n"
            f"Message-ID: <t@x>\r\n{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{body}").encode()


def judge(raw: bytes, trusted: tuple[str, ...] = ()):
    return verdict(parse_bytes(raw), VENDORS, trusted)


# --- RFC 8601 parsing ----------------------------------------------------------------------------------------
def test_parse_results_standard_header_with_comments_and_version():
    authserv, results = parse_results(
        "mx.example.com 1; dkim=pass (2048-bit key; secure) header.d=amazon.com header.s=abc header.b=\"x;y\";"
        " spf=pass (domain of x designates 1.2.3.4) smtp.mailfrom=amazonses.com; dmarc=pass (p=QUARANTINE)"
        " header.from=amazon.com")
    assert authserv == "mx.example.com"
    assert [(r.method, r.result) for r in results] == [("dkim", "pass"), ("spf", "pass"), ("dmarc", "pass")]
    assert results[0].props["header.d"] == "amazon.com" and results[2].props["header.from"] == "amazon.com"


def test_parse_results_microsoft_format_without_authserv_id():
    authserv, results = parse_results(
        "spf=pass (sender IP is 54.240.8.77) smtp.mailfrom=us-east-1.amazonses.com; dkim=pass (signature was "
        "verified) header.d=amazon.com; dmarc=pass action=none header.from=amazon.com; compauth=pass reason=100")
    assert authserv == ""
    assert [(r.method, r.result) for r in results] == [("spf", "pass"), ("dkim", "pass"), ("dmarc", "pass"),
                                                      ("compauth", "pass")]


def test_a_result_inside_a_comment_does_not_count():
    _id, results = parse_results("mx.example.com; dkim=fail (would have been dkim=pass header.d=amazon.com)"
                                 " header.d=amazon.com; dmarc=none")
    assert [(r.method, r.result) for r in results] == [("dkim", "fail"), ("dmarc", "none")]
    assert strip_comments('a (b (nested) c) d "(kept)"') == 'a   d "(kept)"'


@pytest.mark.parametrize("value", ["mx.example.com; none", "mx.example.com 1; none", "", ";;;", "(only a comment)",
                                   "mx; dkim", "mx; =pass", 'mx; dkim=pass header.d="unterminated'])
def test_odd_headers_parse_without_error(value):
    parse_results(value)


def test_microsoft_no_authserv_id_mails_in_the_corpus_pass():
    for name in ("m107.eml", "m019.eml", "m024.eml"):
        v = verdict(parse_bytes((LABELED / name).read_bytes()), VENDORS)
        assert v.authenticity is Authenticity.PASS, (name, v)
        assert "spf=pass" not in v.reason.split("(")[-1]  # the first result is not taken for an authserv-id


# --- verdicts --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("header,expected", [
    (f"{MX}; dkim=pass header.d=amazon.com; spf=pass smtp.mailfrom=amazonses.com; dmarc=pass header.from=amazon.com",
     "pass"),
    (f"{MX}; dkim=pass header.i=@amazon.com header.s=abc", "pass"),  # aligned DKIM without DMARC
    (f"{MX}; dkim=pass header.d=email.amazon.com", "pass"),  # a subdomain of the From domain is aligned
    (f"{MX}; dkim=fail header.d=amazon.com; dmarc=fail header.from=amazon.com", "fail"),
    (f"{MX}; dkim=none; spf=fail smtp.mailfrom=amazon.com; dmarc=none", "fail"),
    (f"{MX}; dmarc=quarantine header.from=amazon.com", "fail"),
    ("spf=fail smtp.mailfrom=amazon.com; dkim=none; dmarc=fail action=quarantine header.from=amazon.com;"
     " compauth=fail reason=000", "fail"),
    (f"{MX}; none", "fail"),  # your server checked and found nothing for a vendor's mail: forged
    (f"{MX}; spf=pass smtp.mailfrom=amazonses.com", "fail"),  # SPF of the bounce domain aligns nothing
])
def test_verdict_from_the_topmost_header(header, expected):
    assert judge(mail(header)).authenticity.value == expected


def test_amazonses_signature_alone_never_passes_amazon_mail():
    # amazonses.com signs the mail of every SES customer: its pass proves SES, not Amazon
    both = judge(mail(f"{MX}; dkim=pass header.d=amazonses.com; dmarc=fail header.from=amazon.com"))
    assert both.authenticity is Authenticity.FAIL
    alone = judge(mail(f"{MX}; dkim=pass header.d=amazonses.com; spf=pass smtp.mailfrom=amazonses.com"))
    assert alone.authenticity is Authenticity.FAIL


def test_no_results_is_unverified():
    v = judge(mail())
    assert v.authenticity is Authenticity.UNVERIFIED and "no Authentication-Results" in v.reason


def test_a_lower_header_added_by_the_sender_never_counts():
    raw = mail(f"{MX}; dkim=none; spf=none; dmarc=none header.from=amazon.com",
               f"{MX}; dkim=pass header.d=amazon.com; dmarc=pass header.from=amazon.com")
    assert judge(raw).authenticity is Authenticity.FAIL  # the topmost (ours) says none
    raw = mail(f"{MX}; dkim=fail header.d=amazon.com; dmarc=fail header.from=amazon.com",
               f"{MX}; dkim=pass header.d=amazon.com; dmarc=pass header.from=amazon.com")
    assert judge(raw).authenticity is Authenticity.FAIL


def test_trusted_authserv_ids_pick_the_users_server_and_its_subdomains():
    raw = mail("relay.elsewhere.example; dmarc=pass header.from=amazon.com",
               "BN8NAM11FT052.mail.protection.outlook.com; dmarc=fail header.from=amazon.com")
    assert judge(raw).authenticity is Authenticity.PASS  # default: the topmost
    assert judge(raw, ("mail.protection.outlook.com",)).authenticity is Authenticity.FAIL
    v = judge(raw, ("mx.not-there.example",))
    assert v.authenticity is Authenticity.UNVERIFIED and "trusted server" in v.reason
    assert judge(mail("spf=pass; dmarc=pass header.from=amazon.com"), ("mx.x",)).authenticity \
        is Authenticity.UNVERIFIED  # a header without an authserv-id cannot be a configured one


@pytest.mark.parametrize("sender", [
    "AWS Training and Certification <aws-cs-trainingcertification-form@amaz0n.com>",
    "AWS Training and Certification <no-reply@amazon.com.security-check.net>",
    "AWS Support <support@amazon-support.com>",
    "Credly <admin@credly-badges.com>",
    "Credly <admin@credIy.com>",
    "=?UTF-8?B?QVdTIOODiOODrOODvOODi+ODs+OCsOOBqOiqjeWumg==?= <support@aws-training-cert.com>",
    "Support Team <help@merge-desk.example>",  # neutral name, but the subject carries the case tag
])
def test_mail_claiming_to_be_aws_from_another_domain_fails_even_with_its_own_dmarc_pass(sender):
    domain = sender.rpartition("@")[2].rstrip(">").lower()
    raw = mail(f"{MX}; dkim=pass header.d={domain}; spf=pass smtp.mailfrom={domain}; dmarc=pass header.from={domain}",
               sender=sender)
    v = judge(raw)
    assert v.authenticity is Authenticity.FAIL, v
    assert domain in v.reason


def test_self_introduction_or_case_id_in_the_text_is_a_claim():
    header = f"{MX}; dmarc=pass header.from=helpdesk.example"
    intro = mail(header, sender="Helpdesk <a@helpdesk.example>", subject="Your merge",
                 body="Hello,\n\nI'm Sofia from AWS Training and Certification support.\n")
    assert judge(intro).authenticity is Authenticity.FAIL
    case = mail(header, sender="Helpdesk <a@helpdesk.example>", subject="Your merge",
                body="Your case 176530418200731 is complete.\n")
    assert judge(case).authenticity is Authenticity.FAIL


def test_ordinary_mail_and_forwards_keep_their_own_verdict():
    header = f"{MX}; dkim=pass header.d=example-corp.co.jp; dmarc=pass header.from=example-corp.co.jp"
    colleague = mail(header, sender="Kenta Ito <kenta.ito@example-corp.co.jp>", subject="lunch?",
                     body="Lunch at 12, talk about the AWS Certification exam?\n")
    assert judge(colleague).authenticity is Authenticity.PASS
    forward = mail(header, sender="Taro <taro.yamada@example-corp.co.jp>", subject="Fwd: " + SUBJECT,
                   body="FYI\n\n---------- Forwarded message ---------\nFrom: " + AWS + "\nSubject: " + SUBJECT
                   + "\n\nThe merge is complete: the accounts have been merged.\n")
    v = judge(forward)
    assert v.authenticity is Authenticity.PASS  # the outer sender's verdict
    c = classify(parse_bytes(forward), VENDORS)
    assert c.kind.value == "completion_notice" and c.authenticity is Authenticity.PASS  # read as what it forwards


def test_attached_forward_keeps_the_outer_verdict_not_the_inner_headers():
    inner = mail(f"{MX}; dkim=pass header.d=amazon.com; dmarc=pass header.from=amazon.com",
                 body="The accounts have been merged.\n").decode()
    outer = ("Authentication-Results: mx.example.net; dkim=fail header.d=gmail.com; dmarc=fail header.from=gmail.com\r\n"
             "From: Someone <someone@gmail.com>\r\nSubject: Fwd: " + SUBJECT + "\r\nMIME-Version: 1.0\r\n"
             "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
             "--b\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--b--\r\n").encode()
    m = parse_bytes(outer)
    assert m.forwarded is not None and m.forwarded.auth_results
    assert verdict(m, VENDORS).authenticity is Authenticity.FAIL


def test_amazon_owned_retail_domains_are_not_look_alikes():
    assert not looks_alike("amazon.co.jp", VENDORS) and not looks_alike("bounces.amazon.co.jp", VENDORS)
    assert looks_alike("amazon-co-jp.com", VENDORS) and looks_alike("amazonses.co", VENDORS)
    assert org_domain("mail.example-corp.co.jp") == "example-corp.co.jp"


def test_configured_vendor_domains_are_used():
    raw = mail(f"{MX}; dmarc=pass header.from=partner.example", sender="AWS Partner <aws@partner.example>")
    assert judge(raw).authenticity is Authenticity.FAIL
    assert verdict(parse_bytes(raw), VENDORS + ("partner.example",)).authenticity is Authenticity.PASS


# --- issue 11: a vendor's mail that your own server could not verify is a forgery -------------------------------
AWS_FROM = "From: " + AWS
FORGERIES = {  # name: (the trusted server's header, the From lines, or None for the one vendor From)
    "pass only for another domain": (f"{MX}; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=evil.example;"
                                     " dmarc=pass header.from=evil.example", None),
    "dkim=none, spf=softfail": (f"{MX}; dkim=none; spf=softfail smtp.mailfrom=amazon.com", None),
    "dmarc=none": (f"{MX}; dkim=none; spf=none; dmarc=none header.from=amazon.com", None),
    "no result at all": (f"{MX}; none", None),
    "dmarc=bestguesspass": (f"{MX}; spf=pass smtp.mailfrom=amazon.com; dmarc=bestguesspass header.from=amazon.com",
                            None),
    "a signature of amazonses.com only": (f"{MX}; dkim=pass header.d=amazonses.com; spf=pass "
                                          "smtp.mailfrom=amazonses.com", None),
    "a look-alike d= that ends like the vendor": (f"{MX}; dkim=pass header.d=amazon.com.evil.example", None),
    "two From headers, the vendor first": (f"{MX}; dkim=pass header.d=evil.example; dmarc=pass",
                                           [AWS_FROM, "From: Mallory <m@evil.example>"]),
    "two From headers, the vendor second": (f"{MX}; dkim=pass header.d=evil.example; dmarc=pass",
                                            ["From: Mallory <m@evil.example>", AWS_FROM]),
    "two authors in one From": (f"{MX}; dkim=pass header.d=evil.example; dmarc=pass",
                                ["From: " + AWS + ", Mallory <m@evil.example>"]),
    "the vendor's address as display name": (f"{MX}; dkim=pass header.d=evil.example; dmarc=pass "
                                             "header.from=evil.example",
                                             ['From: "aws-cs-trainingcertification-form@amazonses.com" <m@evil.example>']),
}


def forged(header: str, froms: list[str] | None, subject: str = "Your account merge request",
           body: str = "Hello Taro,\n\nPlease confirm the merge of your accounts.\n") -> bytes:
    raw = mail(header, subject=subject, body=body)
    if froms is not None:
        raw = raw.replace(AWS_FROM.encode() + b"\r\n", "".join(f + "\r\n" for f in froms).encode())
    return raw


@pytest.mark.parametrize("trusted", [(), (MX,)], ids=["topmost header", "trusted_authserv_ids"])
@pytest.mark.parametrize("subject", [SUBJECT, "Your account merge request"], ids=["case tag", "no case tag"])
@pytest.mark.parametrize("name", list(FORGERIES))
def test_vendor_mail_without_an_aligned_pass_from_your_server_is_fail(name, subject, trusted):
    header, froms = FORGERIES[name]
    v = judge(forged(header, froms, subject), trusted)
    assert v.authenticity is Authenticity.FAIL, v
    assert v.reason  # says why, for status and explain


def test_unverified_is_left_only_for_mail_without_trusted_results():
    v = judge(mail())  # no Authentication-Results at all
    assert v.authenticity is Authenticity.UNVERIFIED and "no Authentication-Results" in v.reason
    elsewhere = mail("relay.elsewhere.example; dmarc=none header.from=amazon.com")
    v = judge(elsewhere, (MX,))  # headers, but none of your server's
    assert v.authenticity is Authenticity.UNVERIFIED and "trusted server" in v.reason
    assert judge(elsewhere).authenticity is Authenticity.FAIL  # the same header, trusted as the topmost one


def test_ordinary_mail_without_an_aligned_pass_stays_unverified():
    # only mail that claims a vendor is held to the vendor's standard
    raw = mail(f"{MX}; dkim=none; spf=softfail smtp.mailfrom=example.net", sender="Kenta <kenta@example.net>",
               subject="lunch?", body="Lunch at 12?\n")
    assert judge(raw).authenticity is Authenticity.UNVERIFIED


@pytest.mark.parametrize("required", [False, True])
@pytest.mark.parametrize("name", list(FORGERIES))
def test_no_forgery_moves_a_case_in_any_configuration(tmp_path, name, required):
    from certmerge.sources.folder import FolderSource
    from tests.helpers import make_app, sample_bytes, sample_case

    header, froms = FORGERIES[name]
    real = sample_bytes("04")  # a real info request, which moves awaiting_support -> info_requested
    raw = f"Authentication-Results: {header}\r\n".encode() + real[real.index(b"Received:"):]
    if froms is not None:
        raw = raw.replace(AWS_FROM.encode(), "\r\n".join(froms).encode())
    app = make_app(tmp_path / "h", config=f"[classify]\nrequire_authenticated = {str(required).lower()}\n")
    app.submitted(app.init_case(sample_case()))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.eml").write_bytes(raw)
    [out] = app.poll_once(FolderSource(tmp_path / "in"))
    assert out.authenticity == "fail" and app.case()["state"] == "awaiting_support", out
    [msg] = app.store.messages()
    assert msg["auth_reason"] and "NOT trusted" in msg["effect"]
    app.close()


def test_status_and_explain_say_why_each_mail_got_its_verdict(tmp_path):
    import json

    from typer.testing import CliRunner

    from certmerge.cli import cli
    from tests.helpers import CASE_TOML, sample_bytes

    def run(*args):
        return CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), *args])

    inbox = tmp_path / "in"
    inbox.mkdir()
    header, _froms = FORGERIES["dmarc=none"]
    (inbox / "1.eml").write_bytes(forged(header, None, SUBJECT))
    (inbox / "2.eml").write_bytes(sample_bytes("04"))  # a real info request: pass
    (inbox / "3.eml").write_bytes(sample_bytes("04").replace(b"Authentication-Results:", b"X-Old:")
                                  .replace(b"Message-ID: <", b"Message-ID: <other"))  # no results: unverified
    assert run("init", "--from", str(CASE_TOML)).exit_code == 0 and run("submitted").exit_code == 0
    assert run("watch", "--once", "--source", str(inbox)).exit_code == 0
    why = {m["id"]: (m["authenticity"], m["auth_reason"])
           for m in json.loads(run("status", "--json").output)["cases"][0]["messages"]}
    assert [why[n][0] for n in (1, 2, 3)] == ["fail", "pass", "unverified"]
    status = run("status", "--full").output  # the short view has no room for the reasons
    for n in (1, 2, 3):
        assert f"{why[n][0]}: {why[n][1]}" in status, why[n]
        assert why[n][1] in run("explain", str(n)).output
    assert "it claims amazon.com, but no aligned DKIM or DMARC pass" in why[1][1]


def test_classify_works_out_a_mails_vendor_claim_once(monkeypatch):
    """verdict() and the topic gate both need "does this mail present itself as AWS/Credly": the verdict's
    answer is the one the gate reads, on every labelled mail (forwards included), and the classification is
    the one the gate gives when it works the claim out itself."""
    from certmerge.core import authenticity, classify as classify_mod

    calls = []
    real = authenticity.vendor_claim

    def counted(m, vendors=()):
        calls.append(m)
        return real(m, vendors)

    monkeypatch.setattr(authenticity, "vendor_claim", counted)
    monkeypatch.setattr(classify_mod, "vendor_claim", counted)
    for path in sorted(LABELED.glob("*.eml")):
        m = parse_bytes(path.read_bytes())
        calls.clear()
        cls = classify(m, VENDORS)
        assert [c for c in calls if c is m] == ([] if authenticity.is_vendor(m.sender.domain, VENDORS) else [m]), path
        topic = classify_mod.on_topic(m, VENDORS)
        assert classify_mod.on_topic(m, VENDORS, verdict(m, VENDORS).claim) == topic, path
        assert cls.authenticity is verdict(m, VENDORS).authenticity
