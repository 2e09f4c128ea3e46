"""The user's side of the thread on a real SQLite home and real parsed mail: answers, accepted forwards,
relabelling that re-runs the lifecycle, replies found in Sent, and the commands that do it."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from certmerge.core.drafts import placeholders
from certmerge.core.errors import UserError
from certmerge.core.model import MailKind
from tests.helpers import CASE_ID, Clock, make_app, run_cli, sample_case

SUPPORT = "aws-cs-trainingcertification-form@amazon.com"
ME = "taro.yamada@example-corp.co.jp"
_N = iter(range(1, 10_000))


def mail(body: str, sender: str = SUPPORT, auth: str = "dmarc=pass header.from=amazon.com", to: str = ME,
         subject: str = f"RE:[CASE {CASE_ID}] [AWS Training and Certification Form Submission] - account-assistance",
         date: str = "Tue, 10 Nov 2026 10:00:00 +0000") -> bytes:
    msg = EmailMessage()
    if auth:
        msg["Authentication-Results"] = f"mx.example-corp.co.jp; {auth}"
    n = next(_N)
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, to, subject, date
    msg["Message-ID"] = f"<0100019a{n:06d}fb95080-d797799d-575e-48a8-ae76-4cbd321e455b-000000@email.amazonses.com>"
    msg.set_content(body)
    return msg.as_bytes()


ASKS_BUILDER = ("Hello Taro,\n\nTo link the records, could you please send us the email address of your AWS Builder "
                "ID and the certification notification email of AWS01357913?\n\nBest regards,\nAWS Support")
CONFIRM = ("Hello Taro,\n\nEverything is ready. Please reply to confirm that you want us to merge AWS01357913 into "
           "AWS02468135.\n\nBest regards,\nAWS Support")
DONE = "Hello Taro,\n\nGood news: the merge is complete. Your certifications now show under AWS02468135.\n"


@pytest.fixture
def app(tmp_path, db_url):
    a = make_app(tmp_path / "home", Clock(), db_url=db_url)
    a.submitted(a.init_case(sample_case()))
    yield a
    a.close()


def feed(app, raw: bytes):
    from certmerge.sources.base import RawMail

    app.clock.tick(hours=1)
    return app.process(RawMail(origin=f"test/{next(_N)}", data=raw))


def test_an_answer_fills_the_placeholder_and_is_kept_with_the_case(app):
    feed(app, mail(ASKS_BUILDER))
    assert app.case()["state"] == "info_requested"
    _path, msg = app.draft(app.case())
    body = msg.get_content()
    assert [p for p in placeholders(body) if "builder_id_email" in p]
    assert "taro.p.notify@example.net" in body and "taro.yamada@example-corp.co.jp" not in body  # one account
    app.answer(app.case(), "builder_id_email", "taro.builder@example.net")
    body = app.draft(app.case())[1].get_content()
    assert not placeholders(body) and "taro.builder@example.net" in body
    assert app.case()["casefile"]["answers"] == {"builder_id_email": "taro.builder@example.net"}
    with pytest.raises(UserError, match="not an email address"):
        app.answer(app.case(), "builder_id_email", "not-an-address")
    with pytest.raises(UserError, match="not a known answer"):
        app.answer(app.case(), "password", "x")


def test_a_reply_found_in_sent_marks_the_draft_sent_and_is_shown_as_yours(app):
    feed(app, mail(CONFIRM))
    app.draft(app.case())
    out = feed(app, mail("I confirm.\n", sender=ME, to=SUPPORT, auth="", date="Tue, 10 Nov 2026 12:00:00 +0000"))
    assert (out.from_state, out.to_state) == ("confirmation_requested", "awaiting_completion")
    assert (out.kind, out.authenticity) == ("your reply", "own")  # what `watch` prints
    assert all(d["sent_at"] for d in app.store.drafts(app.case()["id"]))
    [own] = [m for m in app.store.messages(app.case()["id"]) if m["direction"] == "out"]
    assert own["authenticity"] == "own" and "your own mail" in own["auth_reason"]


def test_a_sent_reply_that_still_holds_a_placeholder_is_warned_about(app):
    feed(app, mail(ASKS_BUILDER))
    body = app.draft(app.case())[1].get_content()
    out = feed(app, mail(body, sender=ME, to=SUPPORT, auth="", date="Tue, 10 Nov 2026 12:00:00 +0000"))
    assert "placeholder" in out.summary
    assert any(h["type"] == "warning" and "placeholder" in h["detail"] for h in app.store.history(app.case()["id"]))


def test_a_thank_you_after_completion_leaves_the_case_completed(app):
    feed(app, mail(CONFIRM))
    feed(app, mail("Confirmed.\n", sender=ME, to=SUPPORT, auth="", date="Tue, 10 Nov 2026 12:00:00 +0000"))
    feed(app, mail(DONE, date="Thu, 12 Nov 2026 10:00:00 +0000"))
    assert app.case()["state"] == "completed"
    feed(app, mail("Thank you so much!\n", sender=ME, to=SUPPORT, auth="", date="Thu, 12 Nov 2026 12:00:00 +0000"))
    assert app.case()["state"] == "completed"


def test_support_asking_about_credly_after_completion_gets_its_own_draft(app):
    feed(app, mail(CONFIRM))
    feed(app, mail("Confirmed.\n", sender=ME, to=SUPPORT, auth="", date="Tue, 10 Nov 2026 12:00:00 +0000"))
    feed(app, mail(DONE, date="Thu, 12 Nov 2026 10:00:00 +0000"))
    feed(app, mail("Hello Taro,\n\nCould you tell me which email address your Credly account is registered under, "
                   "so that we can move the badges?\n", date="Fri, 13 Nov 2026 10:00:00 +0000"))
    assert app.next_action(app.case()).draft_purpose == "credly_reply"
    app.answer(app.case(), "credly_email", "taro.badges@example.net")
    assert "taro.badges@example.net" in app.draft(app.case())[1].get_content()


def test_relabel_reruns_the_lifecycle_from_that_mail_onward(app):
    feed(app, mail(CONFIRM))
    wrong = feed(app, mail(DONE, date="Wed, 11 Nov 2026 10:00:00 +0000"))  # say this one was misread
    assert app.case()["state"] == "completed"
    feed(app, mail("I confirm.\n", sender=ME, to=SUPPORT, auth="", date="Wed, 11 Nov 2026 12:00:00 +0000"))
    row = [m for m in app.store.messages(app.case()["id"]) if m["subject"] == wrong.subject and m["kind"] ==
           "completion_notice"][0]
    _msg, summary = app.relabel(str(row["id"]), MailKind.ACKNOWLEDGEMENT)
    # re-run: confirmation_requested, the acknowledgement stays, the user's reply confirms
    assert app.case()["state"] == "awaiting_completion", summary
    kinds = {h["type"] for h in app.store.history(app.case()["id"])}
    assert "relabel" in kinds


def test_a_forward_by_a_colleague_waits_for_accept_and_accept_moves_it(app):
    fwd = mail(f"FYI, this came to the team alias.\n\n---------- Forwarded message ---------\nFrom: AWS Training and "
               f"Certification <{SUPPORT}>\nDate: Tue, 10 Nov 2026 09:00\nSubject: RE:[CASE {CASE_ID}] account merge\n"
               f"To: <team@example-corp.co.jp>\n\n{CONFIRM}\n", sender="colleague@example-corp.co.jp",
               auth="dkim=pass header.d=example-corp.co.jp; dmarc=pass header.from=example-corp.co.jp",
               subject=f"Fwd: RE:[CASE {CASE_ID}] account merge")
    out = feed(app, fwd)
    assert app.case()["state"] == "awaiting_support" and "accept" in out.summary
    row = app.store.messages(app.case()["id"])[0]
    _m, summary = app.accept(str(row["id"]))
    assert app.case()["state"] == "confirmation_requested", summary
    with pytest.raises(UserError, match="already counts"):
        app.accept(str(row["id"]))
    assert any(h["type"] == "accept" for h in app.store.history(app.case()["id"]))


def test_a_forged_mail_cannot_be_accepted(app):
    feed(app, mail(DONE, sender="support@amazon-certification-help.com", auth="dmarc=fail header.from=amazon.com"))
    row = app.store.messages(app.case()["id"])
    if row:  # recorded on the case (it claims the case ID)
        with pytest.raises(UserError):
            app.accept(str(row[0]["id"]))
    assert app.case()["state"] == "awaiting_support"


def test_answer_and_accept_commands_give_one_line_errors(tmp_path):
    home = tmp_path / "home"
    assert run_cli(home, "init", "--from", str(tmp_path.parent / "x.toml")).returncode == 2
    from tests.helpers import CASE_TOML

    assert run_cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    bad = run_cli(home, "answer", "favourite_colour", "blue")
    assert bad.returncode == 2 and "not a known answer" in bad.stderr and "Traceback" not in bad.stderr
    ok = run_cli(home, "answer", "profile_name", "Taro Yamada")
    assert ok.returncode == 0 and "recorded profile_name" in ok.stdout
    missing = run_cli(home, "accept", "99")
    assert missing.returncode == 2 and "no stored mail" in missing.stderr and len(missing.stderr.splitlines()) <= 2


def test_replay_reads_user_actions_recorded_before_schema_2():
    from certmerge.core.model import CaseState
    from certmerge.core.pipeline import replay

    history = [  # as certmerge 0.1 recorded it: no event column, the action only in "by ..." of its state change
        {"type": "mail", "message_ref": 1, "event": None, "detail": "confirmation_request from support"},
        {"type": "state", "message_ref": 1, "event": None, "detail": "by confirmation_request",
         "to_state": "confirmation_requested"},
        {"type": "action", "message_ref": None, "event": None, "detail": "reply sent (recorded by hand)"},
        {"type": "state", "message_ref": None, "event": None, "detail": "by reply_sent",
         "to_state": "awaiting_completion"},
    ]
    before = {"type": "state", "message_ref": None, "event": None, "detail": "by submitted",
              "to_state": "awaiting_support"}
    rows = {1: {"direction": "in", "authenticity": "pass", "needs_review": False, "effect": "",
                "kind": "info_request"}}  # relabelled: it asked for facts
    assert replay([before, *history], rows, 1, CaseState.AWAITING_COMPLETION) is CaseState.AWAITING_SUPPORT
