"""The command line through typer's CliRunner: help for every command, errors as one line, JSON shapes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from certmerge.cli import cli
from tests.helpers import CASE_TOML, SAMPLES, write_config

runner = CliRunner()


def run(home, *args, input=None):
    return runner.invoke(cli, ["--home", str(home), *args], input=input)


def command_names():
    import typer.main

    return sorted(typer.main.get_command(cli).commands)


def test_every_command_has_help_text():
    names = command_names()
    assert {"init", "form", "submitted", "classify", "watch", "status", "draft", "sent", "verify", "explain",
            "relabel", "demo"} <= set(names)
    for name in names:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output and len(result.output.strip().splitlines()) > 3, name


def test_a_whole_case_through_the_cli(tmp_path, db_url):
    home = tmp_path / "home"
    write_config(home, db_url=db_url)
    r = run(home, "init", "--from", str(CASE_TOML))
    assert r.exit_code == 0, r.output
    assert "Route: support case" in r.output
    r = run(home, "form")
    assert r.exit_code == 0 and "Account merge" in r.output and "AWS02468135" in r.output
    assert "Continue without signing in" in r.output and "Create case" in r.output
    assert run(home, "submitted").exit_code == 0
    r = run(home, "watch", "--source", str(SAMPLES), "--once")
    assert r.exit_code == 0, r.output
    assert "12 new mail(s) processed" in r.output  # 03 and 14 (colleagues) skipped by their headers
    r = run(home, "status", "--json")
    data = json.loads(r.output)
    [case] = data["cases"]
    # nobody answered support, so the thread ran ahead of the user up to the completion notice
    assert case["case_id"] == "176530418200731" and case["state"] == "completed"
    kinds = {m["kind"] for m in case["messages"]}
    assert "completion_notice" in kinds and all(m["authenticity"] in ("pass", "fail", "unverified")
                                                  for m in case["messages"])
    assert case["next_action"]["title"]
    r = run(home, "status")
    assert r.exit_code == 0 and "176530418200731" in r.output


def submitted_case_with(tmp_path, sample: str, db_url: str = ""):
    """A home whose sample case is submitted (its data in `db_url`, else its SQLite file), and the result of
    `watch --once` on a folder holding one sample mail."""
    home = tmp_path / "h"
    write_config(home, db_url=db_url)
    run(home, "init", "--from", str(CASE_TOML))
    run(home, "submitted")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / f"{sample}.eml").write_bytes(next(SAMPLES.glob(f"{sample}-*.eml")).read_bytes())
    return home, run(home, "watch", "--source", str(inbox), "--once")


def test_status_json_follows_the_case(tmp_path, db_url):
    home, watched = submitted_case_with(tmp_path, "04", db_url)
    assert watched.exit_code == 0
    case = json.loads(run(home, "status", "--json").output)["cases"][0]
    assert case["state"] == "info_requested"
    assert case["next_action"]["draft_purpose"] == "info_reply"
    r = run(home, "draft", "--quiet")
    assert r.exit_code == 0 and "case1-info_reply.eml" in r.output
    assert (home / "drafts" / "case1-info_reply.eml").is_file()
    r = run(home, "sent")
    assert "awaiting_support" in r.output


def test_classify_json_lines(tmp_path):
    files = sorted(SAMPLES.glob("*.eml"))
    r = run(tmp_path / "h", "classify", "--json", *map(str, files))
    assert r.exit_code == 0, r.output
    lines = [json.loads(line) for line in r.output.splitlines()]
    assert len(lines) == len(files)
    for obj in lines:
        assert {"file", "kind", "confidence", "authenticity", "case_id", "language", "reasons"} <= set(obj)


@pytest.mark.parametrize("edit,needle", [
    (lambda s: s.replace('account_id = "AWS02468135"', 'account_id = "XYZ123"'), "target.account_id"),
    (lambda s: s.replace('login_email = "taro.personal@example.net"', 'login_email = "not-an-email"'),
     "source.login_email"),
    (lambda s: s.replace("passed = 2025-03-15", "passed = 2031-03-15"), "target.certifications[0].passed"),
    (lambda s: s.replace("expires = 2028-03-15", "expires = 2020-01-01"), "target.certifications[0].expires"),
    (lambda s: s.replace('language = "en"', 'language = "fr"'), "language"),
    (lambda s: s + "\n[[broken", "not valid TOML"),
])
def test_bad_case_file_gets_one_line_naming_file_and_key(tmp_path, edit, needle):
    bad = tmp_path / "case.toml"
    bad.write_text(edit(CASE_TOML.read_text(encoding="utf-8")), encoding="utf-8")
    r = run(tmp_path / "h", "init", "--from", str(bad))
    assert r.exit_code == 2
    out = r.output.strip()
    assert out.startswith("error: ") and len(out.splitlines()) == 1, out
    assert str(bad) in out and needle in out
    assert "Traceback" not in r.output


@pytest.mark.parametrize("config,needle", [
    ("[imap]\nport = 'x'\n", "imap.port"),
    ("[imap]\nhost = 'mail.example.com'\nsecurity = 'plain'\n", "imap.security"),
    ("[imap]\npassword = 'hunter2'\n", "secrets do not belong"),
    ("[nope]\n", "unknown key"),
    ("[classify]\nrequire_authenticated = 'yes'\n", "classify.require_authenticated"),
])
def test_bad_config_gets_one_line(tmp_path, config, needle):
    home = tmp_path / "h"
    home.mkdir()
    (home / "config.toml").write_text(config, encoding="utf-8")
    r = run(home, "status")
    assert r.exit_code == 2 and r.output.startswith("error: ") and needle in r.output
    assert "hunter2" not in r.output and len(r.output.strip().splitlines()) == 1


def test_commands_without_a_case_say_what_to_do(tmp_path):
    for args in (["form"], ["submitted"], ["draft"], ["verify", "--all-ok"], ["sent"]):
        r = run(tmp_path / "h", *args)
        assert r.exit_code == 2 and "certmerge init" in r.output, args
    r = run(tmp_path / "h", "status")
    assert r.exit_code == 0 and "No case yet" in r.output


def test_watch_needs_a_source(tmp_path):
    run(tmp_path / "h", "init", "--from", str(CASE_TOML))
    r = run(tmp_path / "h", "watch", "--once")
    assert r.exit_code == 2 and "no mail source" in r.output
    r = run(tmp_path / "h", "watch", "--once", "--source", str(tmp_path / "missing"))
    assert r.exit_code == 4 and "is not a folder" in r.output


def test_interactive_init_rechecks_bad_answers(tmp_path):
    answers = "\n".join([
        "Taro Yamada", "Example Corp", "en",
        "AWSX", "AWS02468135", "taro@example.com", "", "", "y",
        "AWS Certified Developer - Associate", "2025-13-01", "2025-03-15", "2028-03-15", "n", "n",
        "AWS01357913", "me@example.net", "", "", "y", "AWS Certified Cloud Practitioner", "2023-09-01",
        "2026-09-01", "n", "y", "50% exam voucher", "2027-06-10", "n",
        "one account is enough",
    ]) + "\n"
    r = run(tmp_path / "h", "init", input=answers)
    assert r.exit_code == 0, r.output
    assert "expected 'AWS' followed by digits" in r.output and "expected a date" in r.output
    assert "AWS01357913 → AWS02468135" in r.output and "support case" in r.output


def test_explain_and_relabel(tmp_path, db_url):
    home, _watched = submitted_case_with(tmp_path, "02", db_url)
    r = run(home, "explain", "1")
    assert r.exit_code == 0 and "ai_generated" in r.output
    r = run(home, "explain", str(next(SAMPLES.glob("05-*.eml"))))
    assert r.exit_code == 0 and "imitates a vendor domain" in r.output
    assert run(home, "relabel", "1", "bogus").exit_code == 2
    r = run(home, "relabel", "1", "info_request")
    assert r.exit_code == 0 and "awaiting_support -> info_requested" in r.output


def test_demo_ends_in_a_closed_case():
    r = runner.invoke(cli, ["demo"])
    assert r.exit_code == 0, r.output
    assert "Demo finished: the case is closed." in r.output
    assert "NOT trusted" in r.output  # the forged completion mail was caught
    for purpose in ("info_reply", "confirm_merge", "credly_request"):
        assert f"case1-{purpose}.eml" in r.output


def test_export_import_round_trip_is_lossless(tmp_path, databases):
    home = tmp_path / "h"
    write_config(home, db_url=databases.new())
    run(home, "init", "--from", str(CASE_TOML))
    run(home, "submitted")
    assert run(home, "watch", "--source", str(SAMPLES), "--once").exit_code == 0
    run(home, "draft", "--quiet")
    out1 = tmp_path / "one.json"
    assert run(home, "export", str(out1)).exit_code == 0
    home2 = tmp_path / "h2"
    write_config(home2, db_url=databases.new())
    r = run(home2, "import", str(out1))
    assert r.exit_code == 0 and "imported 1 case" in r.output
    out2 = tmp_path / "two.json"
    run(home2, "export", str(out2))
    a, b = json.loads(out1.read_text()), json.loads(out2.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and len(a["messages"]) == 12 and a["events"]
    assert json.loads(run(home2, "status", "--json").output)["cases"][0]["state"] == "completed"
    # a second import into a non-empty home is refused and changes nothing
    r = run(home2, "import", str(out1))
    assert r.exit_code == 3 and "not empty" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    assert run(tmp_path / "h3", "import", str(bad)).exit_code == 2
