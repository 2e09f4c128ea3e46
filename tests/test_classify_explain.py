"""Explain and correct (issue 4 item 4), through the CLI: `explain` shows which rules fired on which text
for stored mail and for files; low-confidence mail is "needs review" in status and does not move the case."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from certmerge.cli import cli
from tests.helpers import CASE_TOML, ROOT, SAMPLES

runner = CliRunner()
UNCLEAR = (b"Authentication-Results: mx.example-corp.co.jp; dkim=pass header.d=amazon.com; dmarc=pass "
           b"header.from=amazon.com\r\nFrom: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"
           b"\r\nTo: taro.yamada@example-corp.co.jp\r\nSubject: RE:[CASE 176530418200731] [AWS Training and "
           b"Certification Form Submission] - account-assistance\r\nMessage-ID: <unclear@amazon.com>\r\n"
           b"Content-Type: text/plain; charset=us-ascii\r\n\r\nHello Taro,\r\n\r\nJust a short note on your "
           b"request from yesterday.\r\n\r\nKevin\r\n")


def run(home, *args):
    result = runner.invoke(cli, ["--home", str(home), *args])
    assert result.exit_code == 0, result.output
    return result.output


def setup_case(tmp_path, *mails: tuple[str, bytes]):
    home = tmp_path / "home"
    run(home, "init", "--from", str(CASE_TOML))
    run(home, "submitted")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, raw in mails:
        (inbox / name).write_bytes(raw)
    run(home, "watch", "--source", str(inbox), "--once")
    return home


def test_explain_a_stored_mail_shows_rules_fields_and_the_text_read(tmp_path):
    home = setup_case(tmp_path, ("a.eml", (ROOT / "tests" / "labeled" / "m044.eml").read_bytes()))
    out = run(home, "explain", "1")
    assert "confirmation_request" in out and "dmarc=pass for amazon.com" in out
    assert "confirm_want" in out and "body" in out  # the rule, and the field it fired on
    assert "Please reply to confirm that you want to merge" in out  # the excerpt / the new text that was read
    assert "Rules that fired" in out


def test_explain_a_file_shows_gates_for_forwards_and_forgeries(tmp_path):
    home = tmp_path / "home"
    out = run(home, "explain", str(ROOT / "tests" / "labeled" / "m046.eml"))
    assert "info_request" in out and "authenticity pass: dmarc=pass for example.net" in out  # the outer sender's
    assert "forwarded" in out and "read as the" in out  # the gate that read it as the forwarded mail
    out = run(home, "explain", str(ROOT / "tests" / "labeled" / "m022.eml"))
    assert "off_topic" in out and "another topic" in out
    out = run(home, "explain", str(next(SAMPLES.glob("05-*.eml"))))
    assert "fail" in out and "imitates a vendor domain" in out


def test_explain_a_file_reads_it_once_and_classifies_it_once(tmp_path, monkeypatch):
    """`explain FILE` reads the file once and classifies it once (it read it three times and classified it
    twice), and shows the same as `classify FILE --json` says; a file that is not mail is one line, exit 2."""
    from pathlib import Path

    from certmerge.app import App

    reads, classified = [], []
    real_read, real_classify = Path.read_bytes, App.classify_raw
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self.name) or real_read(self))
    monkeypatch.setattr(App, "classify_raw", lambda self, raw: classified.append(len(raw)) or real_classify(self, raw))
    home, mail = tmp_path / "home", ROOT / "tests" / "labeled" / "m044.eml"
    out = run(home, "explain", str(mail))
    assert reads.count("m044.eml") == 1 and len(classified) == 1, (reads, classified)
    assert "confirmation_request" in out and "confirm_want" in out and "Please reply to confirm" in out
    report = json.loads(run(home, "classify", str(mail), "--json"))
    assert report["kind"] == "confirmation_request" and any(r.startswith("confirm_want") for r in report["reasons"])
    (tmp_path / "empty.eml").write_bytes(b"")
    bad = runner.invoke(cli, ["--home", str(home), "explain", str(tmp_path / "empty.eml")])
    assert bad.exit_code == 2 and "empty.eml" in bad.output and "Traceback" not in bad.output, bad.output


def test_low_confidence_mail_is_needs_review_in_status_and_does_not_move(tmp_path):
    home = setup_case(tmp_path, ("unclear.eml", UNCLEAR))
    status = run(home, "status")
    assert "needs review" in status.lower()
    data = json.loads(run(home, "status", "--json"))
    [case] = data["cases"]
    [msg] = case["messages"]
    assert msg["needs_review"] is True and case["state"] == "awaiting_support"
    out = run(home, "explain", "1")
    assert "0.50" in out  # the confidence below the review threshold
    assert "awaiting_support -> info_requested" in run(home, "relabel", "1", "info_request")
