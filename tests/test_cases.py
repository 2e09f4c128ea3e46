"""Many cases in one home, end to end on a real SQLite file with real parsed mail through the folder source:
mail for several cases interleaved in one shared mailbox goes to the right cases; mail that could be two
cases' waits for review with both named, and `assign` resolves it; a reply with only References follows its
thread; `cases` lists them (and --json); a command that changes a case refuses to guess; many cases come in
from a CSV file or a folder, all or nothing; an older home gets its case keys on upgrade."""

from __future__ import annotations

import email
import email.policy
import json
import sqlite3
from dataclasses import replace
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from typer.testing import CliRunner

from certmerge.cli import cli
from certmerge.core.casefile import casefile_to_dict
from certmerge.core.errors import UserError
from certmerge.sources.folder import FolderSource
from tests.helpers import CASE_TOML, Clock, make_app, sample_bytes, sample_case

runner = CliRunner()
SHARED = "aws-certs@corp.example"  # the team's shared mailbox


def person(n: int, name: str):
    """The sample case with person n's own accounts."""
    cf = sample_case()
    return replace(cf, user_name=name, vendor_case_id=None,
                   target=replace(cf.target, account_id=f"AWS{n:08d}", login_email=f"user{n}@corp.example",
                                  training_email=f"user{n}@corp.example", certification_email=f"user{n}@corp.example"),
                   source=replace(cf.source, account_id=f"AWS{n + 50:08d}", login_email=f"user{n}@home.example",
                                  training_email=f"user{n}@home.example", certification_email=f"user{n}@home.example"))


def _text(prefix: str) -> str:
    msg = email.message_from_bytes(sample_bytes(prefix), policy=email.policy.default)
    return msg.get_body(("plain", "html")).get_content()


def vendor_mail(prefix: str, case_id: str, to: str, extra: str = "", refs: str = "", subject: bool = True) -> bytes:
    """Sample mail `prefix`'s text as an authenticated AWS support mail of case `case_id` sent to `to`."""
    msg = EmailMessage()
    msg["Authentication-Results"] = ("mx.corp.example; dkim=pass header.d=amazon.com; "
                                     "dmarc=pass header.from=amazon.com")
    msg["From"] = "AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"
    msg["To"] = to
    msg["Subject"] = f"RE: [CASE {case_id}] account merge" if subject else "RE: account merge"
    msg["Date"] = "Mon, 2 Nov 2026 00:14:07 +0000"
    msg["Message-ID"] = make_msgid("support", domain="email.amazonses.com")
    if refs:
        msg["In-Reply-To"] = msg["References"] = refs
    msg.set_content(_text(prefix).replace("176530418200731", case_id) + extra)
    return msg.as_bytes()


def _team(tmp_path, db_url: str = ""):
    clock = Clock()
    app = make_app(tmp_path / "home", clock, db_url=db_url)
    for n, name in ((1, "Taro Yamada"), (2, "Hanako Sato"), (3, "Jiro Suzuki")):
        app.submitted(app.init_case(person(n, name), new=True))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    yield app, clock, inbox
    app.close()


@pytest.fixture
def team(tmp_path):
    """Three submitted cases (no support case number yet) in one home, and the shared mailbox's folder."""
    yield from _team(tmp_path)


def deliver(app, inbox, name: str, data: bytes):
    (inbox / name).write_bytes(data)
    return app.poll_once(FolderSource(inbox))


def test_mail_of_several_cases_interleaved_goes_to_the_right_cases(team):
    app, clock, inbox = team
    [ack2] = deliver(app, inbox, "01.eml", vendor_mail("01", "200000000000002", "user2@corp.example"))
    [ack1] = deliver(app, inbox, "02.eml", vendor_mail("01", "100000000000001", SHARED,
                                                       extra="\nAccount: AWS00000001\n"))
    assert (ack2.case, ack1.case) == (2, 1)
    assert [app.store.case(n)["vendor_case_id"] for n in (1, 2, 3)] == ["100000000000001", "200000000000002", None]
    clock.tick(days=1)
    [info1] = deliver(app, inbox, "03.eml", vendor_mail("04", "100000000000001", SHARED))
    [info2] = deliver(app, inbox, "04.eml", vendor_mail("04", "200000000000002", SHARED))
    assert (info1.case, info1.to_state) == (1, "info_requested")
    assert (info2.case, info2.to_state) == (2, "info_requested")
    # a reply that carries no case number, only its thread (References), follows the thread: case 2
    first = app.store.messages(2)[-1]["message_id"]
    [reply] = deliver(app, inbox, "05.eml", vendor_mail("08", "0", SHARED, refs=first, subject=False))
    assert reply.case == 2
    assert app.store.case(3)["state"] == "awaiting_support"  # untouched
    assert [len(app.store.messages(n)) for n in (1, 2, 3)] == [2, 3, 0]
    # `cases` reads what the next actions need in bulk: the same next actions as each case's own
    assert [c.next_action for c in app.overview()] == [app.next_action(app.case(n)) for n in (1, 2, 3)]


def test_mail_that_could_be_two_cases_waits_for_review_and_assign_resolves_it(team):
    app, clock, inbox = team
    data = vendor_mail("01", "300000000000003", SHARED, extra="\nAccounts: AWS00000002 and AWS00000053\n")
    [out] = deliver(app, inbox, "01.eml", data)  # it names an account of case 2 and one of case 3
    assert out.case is None
    assert "could be case 2 (Hanako Sato), 3 (Jiro Suzuki)" in out.summary
    [row] = app.store.messages()
    assert row["case_id"] is None and row["needs_review"]
    assert [app.store.case(n)["vendor_case_id"] for n in (1, 2, 3)] == [None, None, None]  # nothing guessed
    # a mail naming nobody, while all three cases wait for their first support mail: all three are named
    [out] = deliver(app, inbox, "02.eml", vendor_mail("01", "400000000000004", SHARED))
    assert out.case is None and "could be case 1 (Taro Yamada), 2 (Hanako Sato), 3 (Jiro Suzuki)" in out.summary
    clock.tick(hours=1)
    r = runner.invoke(cli, ["--home", str(app.settings.home), "assign", str(row["id"]), "--case", "3"])
    assert r.exit_code == 0, r.output
    assert f"mail {row['id']} assigned to case 3" in r.output
    after = app.store.message(str(row["id"]))
    assert after["case_id"] == 3 and not after["needs_review"]
    assert app.store.case(3)["vendor_case_id"] == "300000000000003"  # as if it had been routed there
    assert [h["type"] for h in app.store.history(3)][-2:] == ["assign", "mail"]
    # the case now knows its number: the next mail of that case goes there by it
    clock.tick(days=1)
    [info] = deliver(app, inbox, "03.eml", vendor_mail("04", "300000000000003", SHARED))
    assert (info.case, info.to_state) == (3, "info_requested")
    again = runner.invoke(cli, ["--home", str(app.settings.home), "assign", str(row["id"]), "--case", "1"])
    assert again.exit_code == 2 and "already part of case 3" in again.output


def test_cases_lists_them_and_a_changing_command_refuses_to_guess(team):
    app, _clock, _inbox = team
    home = str(app.settings.home)
    r = runner.invoke(cli, ["--home", home, "cases"])
    assert r.exit_code == 0
    lines = r.output.splitlines()
    data = json.loads(runner.invoke(cli, ["--home", home, "cases", "--json"]).output)
    assert data["schema"] == 1 and [c["person"] for c in data["cases"]] == ["Taro Yamada", "Hanako Sato", "Jiro Suzuki"]
    # submitted on the test clock's day, long ago by the real clock: a follow-up is due (on you), or support's turn
    you = sum(c["waiting_on"] == "you" for c in data["cases"])
    assert lines[0] == f"3 cases: {you} waiting on you, {3 - you} on support"
    assert [line.split()[0] for line in lines[2:]] == ["1", "2", "3"] and "Hanako Sato" in lines[3]
    assert {c["state"] for c in data["cases"]} == {"awaiting_support"} and data["cases"][0]["target"] == "AWS00000001"
    assert json.loads(runner.invoke(cli, ["--home", home, "cases", "--json", "--state", "closed"]).output)["cases"] == []
    refused = runner.invoke(cli, ["--home", home, "sent"])
    assert refused.exit_code == 2 and "3 cases are open; say which with --case N" in refused.output
    assert "Traceback" not in refused.output
    ok = runner.invoke(cli, ["--home", home, "answer", "note", "hello", "--case", "2"])
    assert ok.exit_code == 0 and "case 2" in ok.output
    assert runner.invoke(cli, ["--home", home, "status", "--case", "2"]).exit_code == 0
    assert "Hanako" not in runner.invoke(cli, ["--home", home, "status", "--json", "--case", "1"]).output


def test_one_case_keeps_the_default(tmp_path):
    app = make_app(tmp_path / "home")
    app.init_case(sample_case())
    assert app.case(changing=True)["id"] == 1


CSV_HEAD = ("name,company,language,reason,target_account_id,target_login_email,target_certifications,"
            "source_account_id,source_login_email,source_certifications\n")


def csv_row(n: int, login: str | None = None) -> str:
    return (f"Person {n},Example Corp,en,keep the work account,AWS{n:08d},{login or f'p{n}@corp.example'},"
            f"Developer - Associate|2025-03-15|2028-03-15,AWS{n + 500:08d},p{n}@home.example,"
            f"Solutions Architect - Associate|2024-06-10\n")


def test_many_cases_from_a_csv_all_or_nothing_and_never_twice(tmp_path):
    home = str(tmp_path / "home")
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_HEAD + csv_row(1) + csv_row(2, login="not-an-address") + csv_row(3), encoding="utf-8")
    r = runner.invoke(cli, ["--home", home, "init", "--from", str(bad)])
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1
    assert "bad.csv row 3: target_login_email: 'not-an-address' is not an email address" in r.output
    assert not (tmp_path / "home" / "certmerge.sqlite3").exists()  # nothing written
    good = tmp_path / "cases.csv"
    good.write_text(CSV_HEAD + "".join(csv_row(n) for n in range(1, 51)), encoding="utf-8")
    r = runner.invoke(cli, ["--home", home, "init", "--from", str(good)])
    assert r.exit_code == 0 and "50 cases recorded (cases 1 to 50)" in r.output
    app = make_app(tmp_path / "home")
    assert len(app.store.case_ids()) == 50 and app.store.case(50)["state"] == "ready_to_submit"
    assert app.store.case(7)["casefile"]["target"]["certification_email"] == "p7@corp.example"
    good.write_text(CSV_HEAD + csv_row(50) + csv_row(51), encoding="utf-8")
    r = runner.invoke(cli, ["--home", home, "init", "--from", str(good)])
    assert r.exit_code == 0 and "1 case recorded (cases 51 to 51)" in r.output
    assert "AWS00000050 and AWS00000550 is already recorded" in r.output
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("name,nickname\nA,B\n", encoding="utf-8")
    r = runner.invoke(cli, ["--home", home, "init", "--from", str(unknown)])
    assert r.exit_code == 2 and "unknown column 'nickname'" in r.output
    app.close()


def test_many_cases_from_a_folder_of_case_files(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    text = CASE_TOML.read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    (folder / "b.toml").write_text(text.replace("AWS02468135", "AWS02468136"), encoding="utf-8")
    r = runner.invoke(cli, ["--home", str(tmp_path / "home"), "init", "--from", str(folder)])
    assert r.exit_code == 0 and "2 cases recorded" in r.output
    (folder / "c.toml").write_text(text.replace("[target]", "[targt]"), encoding="utf-8")
    r = runner.invoke(cli, ["--home", str(tmp_path / "home"), "init", "--from", str(folder)])
    assert r.exit_code == 2 and "c.toml" in r.output


def test_an_older_home_gets_its_case_keys_and_pending_summaries_on_upgrade(tmp_path):
    from certmerge.store_schema import HEAD

    app = make_app(tmp_path / "home")
    app.init_case(sample_case())
    app.close()
    db = tmp_path / "home" / "certmerge.sqlite3"
    with sqlite3.connect(db) as con:  # as revision 0001 left it: no case_keys, no case_pending table
        con.execute("DROP TABLE case_keys")
        con.execute("DROP TABLE case_pending")
        con.execute("UPDATE alembic_version SET version_num = '0001'")
    app = make_app(tmp_path / "home")
    assert app.store.account_pairs() == {frozenset({"AWS02468135", "AWS01357913"})}
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        emails = {v for (v,) in con.execute("SELECT value FROM case_keys WHERE kind = 'email'")}
        pending = con.execute("SELECT p.case_id, p.kind, p.asks FROM case_pending p JOIN cases c "
                              "ON c.id = p.case_id AND c.updated_at = p.version").fetchall()
    assert "taro.p.notify@example.net" in emails
    assert pending == [(1, None, None)]  # filled, at the case's version: nothing asked yet
    app.close()


def test_answers_keep_the_case_keys_in_step(tmp_path):
    app = make_app(tmp_path / "home")
    case = app.init_case(sample_case())
    app.answer(case, "credly_email", "Taro.Badges@Example.net")
    with sqlite3.connect(tmp_path / "home" / "certmerge.sqlite3") as con:
        assert con.execute("SELECT case_id FROM case_keys WHERE value = 'taro.badges@example.net'").fetchone() == (1,)
    assert casefile_to_dict(app.casefile(app.case()))["answers"]["credly_email"] == "Taro.Badges@Example.net"
    with pytest.raises(UserError):
        app.case(7)
    app.close()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_cases_fit_the_terminal_in_both_languages(team, lang):
    from rich.cells import cell_len

    from certmerge.core import i18n
    from certmerge.render_cases import show

    app, clock, _inbox = team
    i18n.use(lang)
    try:
        items = app.overview()
        for width in (60, 80):
            out = show(items, clock(), width).splitlines()
            assert len(out) == 5 and all(cell_len(line) <= width for line in out)
        whole = show(items, clock(), None).splitlines()  # piped: nothing is cut
        assert any(cell_len(line) > 60 for line in whole)
        assert ("サポート" if lang == "ja" else "support") in whole[0]
    finally:
        i18n.use("en")


def _in_step(app) -> None:
    """`cases` agrees with each case's own next action, and reads summaries kept in step by every write (none
    found stale and computed again on read, which would hide a write path that forgets them)."""
    recs = app.store.records()
    assert app.store.pending_summaries(recs) == {r.id: app.pending(r) for r in recs}
    # the list's heads (four values read from the stored case file by the database) say what the records say
    assert [(h.id, h.state, h.language, h.updated_at, h.person, h.company, h.target, h.source, h.missing_items,
             h.view()) for h in app.store.heads()] == \
        [(r.id, r.state, r.language, r.updated_at, r.person, r.casefile.company, r.casefile.target.account_id,
          r.casefile.source.account_id, r.missing_items, replace(r.view(), casefile=None)) for r in recs]
    with app.store.engine.connect() as con:
        kept = [r[0] for r in con.exec_driver_sql("SELECT p.case_id FROM case_pending p JOIN cases c ON "
                                                  "c.id = p.case_id AND c.updated_at = p.version ORDER BY p.case_id")]
    assert kept == [r.id for r in recs]
    assert [c.next_action for c in app.overview()] == [app.next_action(r) for r in recs]


@pytest.fixture
def team_on(tmp_path, db_url):
    """The team's three cases, on SQLite and on PostgreSQL."""
    yield from _team(tmp_path, db_url)


def test_cases_stays_in_step_through_mail_relabel_assign_accept_answer_sent_and_verify(team_on):
    from certmerge.app import VerifyAnswers
    from certmerge.core.model import MailKind

    app, clock, inbox = team_on
    # a mail that could be case 2's or 3's waits for review (in no case); it is assigned to case 3 below
    [review] = deliver(app, inbox, "00.eml", vendor_mail("01", "300000000000003", SHARED,
                                                         extra="\nAccounts: AWS00000002 and AWS00000053\n"))
    assert review.case is None
    review_id = app.store.messages()[0]["id"]
    _in_step(app)
    deliver(app, inbox, "01.eml", vendor_mail("01", "100000000000001", SHARED, extra="\nAccount: AWS00000001\n"))
    deliver(app, inbox, "02.eml", vendor_mail("01", "200000000000002", "user2@corp.example"))
    clock.tick(days=1)
    [info] = deliver(app, inbox, "03.eml", vendor_mail("04", "100000000000001", SHARED))
    assert app.pending(app.store.records([1])[0])[1] is not None  # case 1 is asked something
    _in_step(app)
    row = app.store.messages(1)[0]
    app.relabel(str(row["id"]), MailKind.ACKNOWLEDGEMENT)
    assert app.pending(app.store.records([1])[0])[1] == MailKind.ACKNOWLEDGEMENT  # what the summary must follow
    _in_step(app)
    app.relabel(str(row["id"]), MailKind.INFO_REQUEST)
    _in_step(app)
    app.answer(app.case(1), "profile_name", "Taro Y")
    _in_step(app)
    app.assign(str(review_id), 3)
    _in_step(app)
    # a colleague forwards support's confirmation request of case 2: recorded, moves nothing until accepted
    fwd = EmailMessage()
    fwd["Authentication-Results"] = "mx.corp.example; dkim=pass header.d=corp.example; dmarc=pass header.from=corp.example"
    fwd["From"], fwd["To"] = "colleague@corp.example", SHARED
    fwd["Subject"], fwd["Date"] = "Fwd: RE: [CASE 200000000000002] account merge", "Tue, 3 Nov 2026 09:00:00 +0000"
    fwd["Message-ID"] = make_msgid("fwd", domain="corp.example")
    fwd.set_content("FYI\n\n---------- Forwarded message ---------\nFrom: AWS Training and Certification "
                    "<aws-cs-trainingcertification-form@amazon.com>\nSubject: RE: [CASE 200000000000002] account "
                    "merge\n\n" + _text("06").replace("176530418200731", "200000000000002"))
    clock.tick(hours=2)
    [fwd_out] = deliver(app, inbox, "05.eml", fwd.as_bytes())
    assert fwd_out.case == 2
    _in_step(app)
    app.accept(str(app.store.messages(2)[0]["id"]))
    _in_step(app)
    clock.tick(hours=2)
    app.draft(app.case(1))
    app.sent(app.case(1))
    assert app.pending(app.store.records([1])[0])[1] is None  # answered
    _in_step(app)
    clock.tick(days=2)
    deliver(app, inbox, "06.eml", vendor_mail("09", "300000000000003", SHARED))
    assert app.case(3)["state"] in ("completed", "awaiting_completion")
    _in_step(app)
    app.verify(app.case(3), VerifyAnswers(credly_ok=False))
    _in_step(app)
