"""The core wired to a real database (an SQLite file, and PostgreSQL) and real parsed mail, through the folder
source."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from certmerge.app import VerifyAnswers
from certmerge.core.errors import IllegalTransition, StoreError, UserError
from certmerge.core.model import MailKind
from certmerge.sources.folder import FolderSource
from tests.helpers import SAMPLES, Clock, make_app, sample_bytes, sample_case


@pytest.fixture
def env(tmp_path, db_url):
    clock = Clock()
    app = make_app(tmp_path / "home", clock, db_url=db_url)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    yield app, clock, inbox
    app.close()


def deliver(inbox: Path, name: str, data: bytes) -> None:
    (inbox / name).write_bytes(data)


def submitted_case(app):
    case = app.init_case(sample_case())
    return app.submitted(case)


def test_init_picks_the_support_route_when_both_accounts_hold_certifications(env):
    app, _clock, _ = env
    case = app.init_case(sample_case())
    assert case["state"] == "ready_to_submit"
    with pytest.raises(UserError, match="already exists"):
        app.init_case(sample_case())
    assert len(app.store.cases()) == 1


def test_mail_moves_the_case_once_and_is_recorded_in_history(env):
    app, clock, inbox = env
    submitted_case(app)
    src = FolderSource(inbox)
    deliver(inbox, "a.eml", sample_bytes("04"))
    clock.tick(days=1)
    [out] = app.poll_once(src)
    assert (out.kind, out.from_state, out.to_state) == ("info_request", "awaiting_support", "info_requested")
    assert out.next_action.draft_purpose == "info_reply"
    assert app.poll_once(src) == []  # processed once
    deliver(inbox, "copy.eml", sample_bytes("04"))  # the same mail again under another name
    [dup] = app.poll_once(src)
    assert dup.status == "duplicate"
    assert app.store.count("messages") == 1
    history = app.store.history(app.case()["id"])
    assert [h["to_state"] for h in history if h["type"] == "state"][-1] == "info_requested"
    assert all(h["at"] for h in history)


def test_forged_mail_never_moves_the_case_and_is_shown_as_warning(env):
    app, _clock, inbox = env
    submitted_case(app)
    deliver(inbox, "f.eml", sample_bytes("05"))
    [out] = app.poll_once(FolderSource(inbox))
    assert out.authenticity == "fail" and out.from_state == out.to_state == "awaiting_support"
    case = app.case()
    assert case["state"] == "awaiting_support"
    assert case["support_address"] is None  # nothing learned from a forgery
    assert any(h["type"] == "warning" and "NOT trusted" in h["detail"] for h in app.store.history(case["id"]))


def test_unverified_mail_moves_only_when_allowed(tmp_path, databases):
    raw = sample_bytes("04").replace(b"Authentication-Results:", b"X-Old-Authentication-Results:")
    for required, expected in ((False, "info_requested"), (True, "awaiting_support")):
        home = tmp_path / f"h{required}"
        app = make_app(home, config=f"[classify]\nrequire_authenticated = {str(required).lower()}\n",
                       db_url=databases.new())
        submitted_case(app)
        inbox = tmp_path / f"in{required}"
        inbox.mkdir()
        deliver(inbox, "m.eml", raw)
        [out] = app.poll_once(FolderSource(inbox))
        assert out.authenticity == "unverified"
        assert app.case()["state"] == expected
        app.close()


def test_unexpected_kind_is_recorded_for_review_without_moving(env):
    app, _clock, inbox = env
    submitted_case(app)
    deliver(inbox, "c.eml", sample_bytes("12"))  # a Credly follow-up while waiting for an agent
    [out] = app.poll_once(FolderSource(inbox))
    assert out.kind == "credly_followup" and app.case()["state"] == "awaiting_support"
    [msg] = app.store.messages(app.case()["id"])
    assert msg["needs_review"] and "not expected" in msg["effect"]


def test_unparseable_mail_is_quarantined_and_the_watcher_goes_on(env):
    app, _clock, inbox = env
    submitted_case(app)
    deliver(inbox, "0-empty.eml", b"")
    deliver(inbox, "1-binary.eml", b"\x00" * 500)
    deliver(inbox, "2-good.eml", sample_bytes("04"))
    outs = app.poll_once(FolderSource(inbox))
    assert [o.status for o in outs] == ["quarantined", "quarantined", "processed"]
    assert len(app.quarantined()) == 2 and all(p.exists() for p, _ in app.quarantined())
    assert app.poll_once(FolderSource(inbox)) == []  # not retried forever
    assert app.case()["state"] == "info_requested"


def test_auto_close_warning_sets_a_deadline_and_a_reply_clears_it(env):
    app, clock, inbox = env
    submitted_case(app)
    src = FolderSource(inbox)
    deliver(inbox, "06.eml", sample_bytes("06"))
    deliver(inbox, "07.eml", sample_bytes("07"))
    app.poll_once(src)
    case = app.case()
    assert case["state"] == "confirmation_requested" and case["deadline"] is not None
    clock.now = case["deadline"] - dt.timedelta(days=1)
    action = app.next_action(case)
    assert action.draft_purpose == "confirm_merge" and action.wait_until == case["deadline"]
    case = app.sent(case)
    assert case["deadline"] is None and case["state"] == "awaiting_completion"


def test_own_reply_in_the_folder_records_the_reply(env):
    app, clock, inbox = env
    submitted_case(app)
    src = FolderSource(inbox)
    deliver(inbox, "04.eml", sample_bytes("04"))
    app.poll_once(src)
    clock.tick(hours=2)
    path, msg = app.draft(app.case())
    deliver(inbox, "sent.eml", path.read_bytes())  # the user's sent copy shows up (e.g. Sent folder)
    [out] = app.poll_once(src)
    assert out.to_state == "awaiting_support" and "reply was sent" in out.summary
    assert app.case()["last_reply_sent_at"] is not None


def test_verify_paths(env):
    app, _clock, inbox = env
    submitted_case(app)
    src = FolderSource(inbox)
    deliver(inbox, "09.eml", sample_bytes("09"))
    app.poll_once(src)
    case = app.case()
    assert case["state"] == "completed"
    case = app.verify(case, VerifyAnswers(missing_benefits=("50% exam discount voucher",)))
    assert case["state"] == "completed" and app.next_action(case).draft_purpose == "report_missing"
    case = app.verify(case, VerifyAnswers(credly_ok=False))
    assert case["state"] == "credly_requested" and app.next_action(case).draft_purpose == "credly_request"
    case = app.verify(case, VerifyAnswers())
    assert case["state"] == "closed"
    with pytest.raises(IllegalTransition):
        app.verify(case, VerifyAnswers())
    assert app.case()["state"] == "closed"


def test_relabel_reruns_the_lifecycle_and_keeps_the_correction(env):
    app, _clock, inbox = env
    submitted_case(app)
    deliver(inbox, "02.eml", sample_bytes("02"))
    app.poll_once(FolderSource(inbox))
    [msg] = app.store.messages()
    _, summary = app.relabel(str(msg["id"]), MailKind.CONFIRMATION_REQUEST)
    assert "awaiting_support -> confirmation_requested" in summary
    assert app.case()["state"] == "confirmation_requested"
    assert any(h["type"] == "relabel" for h in app.store.history(app.case()["id"]))
    assert app.store.message(str(msg["id"]))["kind"] == "confirmation_request"
    with pytest.raises(UserError):
        app.relabel("9999", MailKind.SURVEY)


def test_whole_sample_thread_ends_closed(env):
    app, clock, inbox = env
    submitted_case(app)
    src = FolderSource(inbox)
    for f in sorted(SAMPLES.glob("*.eml")):
        shutil.copy(f, inbox / f.name)
        clock.tick(hours=6)
        app.poll_once(src)
        nxt = app.next_action(app.case())
        if nxt.kind == "draft" and f.name[:2] in ("04", "07", "09"):
            app.draft(app.case())
            app.sent(app.case())
        if f.name.startswith("09"):
            app.verify(app.case(), VerifyAnswers(credly_ok=False))
            app.draft(app.case())
            app.sent(app.case())
    app.verify(app.case(), VerifyAnswers())
    assert app.case()["state"] == "closed"
    # the two colleagues' mails (03, 14) are skipped by their headers, as the IMAP source skips them
    assert app.store.count("messages") == len(list(SAMPLES.glob("*.eml"))) - 2


def test_corrupted_database_is_refused_and_left_untouched(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    db = home / "certmerge.sqlite3"
    junk = b"this is not a database" * 100
    db.write_bytes(junk)
    app = make_app(home)
    with pytest.raises(StoreError, match="not a certmerge database"):
        app.store
    assert db.read_bytes() == junk
