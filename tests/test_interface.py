"""Issue 13: the interface fits the terminal and the user's language.

status fits 80x24 and 120x40 in English and Japanese (rendered to a rich Console of that size, lines
counted); piped `form` holds every word of the form text with URLs unbroken; `draft` shows decoded text;
--version, completion, an example in every help, global options after the command, `where`, the README's
command table equals the real command list, and `status --json` is complete with a schema version.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import time

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from certmerge.core import i18n
from certmerge.cli import cli
from tests.helpers import CASE_TOML, ROOT, SAMPLES

runner = CliRunner()


def run(home, *args, env=None):
    return runner.invoke(cli, ["--home", str(home), *args], env=env)


def ja_case_file(tmp_path):
    path = tmp_path / "case-ja.toml"
    path.write_text(CASE_TOML.read_text(encoding="utf-8").replace('language = "en"', 'language = "ja"'),
                    encoding="utf-8")
    return path


def busy_home(tmp_path, lang: str):
    """A submitted case that went through every sample mail (a long history, a deadline, a quarantined file)."""
    home = tmp_path / f"home-{lang}"
    case = CASE_TOML if lang == "en" else ja_case_file(tmp_path)
    assert run(home, "init", "--from", str(case)).exit_code == 0
    assert run(home, "submitted").exit_code == 0
    inbox = tmp_path / f"in-{lang}"
    inbox.mkdir()
    for f in sorted(SAMPLES.glob("0[1-8]*.eml")):
        (inbox / f.name).write_bytes(f.read_bytes())
    (inbox / "99-broken.eml").write_bytes(b"\x00\x01" * 100)
    assert run(home, "watch", "--once", "--source", str(inbox)).exit_code == 0
    return home


def render_status(home, width: int, height: int, full: bool = False) -> str:
    """`status` rendered as a terminal of this size shows it (the interface language set as the CLI does)."""
    from certmerge import render, render_status as rs
    from certmerge.app import App
    from certmerge.config import load_settings

    app = App(load_settings(home))
    try:
        i18n.use(app.store.cases()[-1]["language"])
        con = Console(file=io.StringIO(), width=width, height=height, force_terminal=True, color_system=None)
        items = app.status(limit=None if full else rs.SHORT_MAILS)
        if full:
            render.status_full(con, items, app.quarantined(), app.clock())
        else:
            rs.short(con, items, app.quarantined(), app.clock(), render.asks_text)
        return con.file.getvalue()
    finally:
        app.close()
        i18n.use("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_status_fits_80x24_and_120x40(tmp_path, lang):
    home = busy_home(tmp_path, lang)
    for width, height in ((80, 24), (120, 40)):
        out = render_status(home, width, height)
        lines = out.rstrip("\n").split("\n")
        assert len(lines) < height, (width, height, out)  # a line is left for the prompt
        assert all(Console(width=500).measure(line).maximum <= width for line in lines), out
        assert ("Next:" if lang == "en" else "次:") in out  # the next action, with its deadline
        assert "2026-11-" in out and ("OVERDUE" if lang == "en" else "期限切れ") in out
        full = render_status(home, width, height, full=True)
        assert len(full.splitlines()) > height  # the history is there, for --full


def test_status_full_pages_only_on_a_terminal_and_never_when_piped(tmp_path):
    home = busy_home(tmp_path, "en")
    r = run(home, "status", "--full")  # CliRunner: not a terminal
    assert r.exit_code == 0 and "history" not in r.output.lower() or "by submitted" in r.output
    assert "case file recorded" in r.output and "mail 1:" in r.output
    from certmerge import cli_views

    paged = []
    con = Console(file=io.StringIO(), width=80, height=24, force_terminal=True)
    import pydoc

    real = pydoc.pager
    pydoc.pager = paged.append
    try:
        cli_views._page(con, "line\n" * 100)
        cli_views._page(con, "short\n")
    finally:
        pydoc.pager = real
    assert paged == ["line\n" * 100]  # only the long one, as git does with less -F


def test_piped_form_holds_every_word_and_unbroken_urls(tmp_path):
    from certmerge.core import form as formmod
    from certmerge.core.casefile import load_casefile

    home = tmp_path / "h"
    assert run(home, "init", "--from", str(CASE_TOML)).exit_code == 0
    r = run(home, "form")
    assert r.exit_code == 0
    cf = load_casefile(CASE_TOML)
    text = formmod.help_text(cf)
    assert text in r.output  # the text to paste, whole, as it is
    words = set(text.split()) | {w for _, value in formmod.form_steps(cf) for w in value.split()}
    out_words = set(r.output.split())
    assert words <= out_words, words - out_words
    assert formmod.SUPPORT_PAGE in r.output.split()
    only = run(home, "form", "--text")
    assert only.output == text + "\n"


def test_piped_form_through_a_real_pipe(tmp_path):
    env = {**os.environ, "CERTMERGE_HOME": str(tmp_path / "h"), "COLUMNS": "40"}
    subprocess.run([sys.executable, "-m", "certmerge", "init", "--from", str(CASE_TOML)], env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "certmerge", "form"], env=env, capture_output=True, text=True).stdout
    assert "Both hold certifications, so the self-service merge in the portal is not available." in out
    assert "https://support.aws.amazon.com/#/contacts/aws-training" in out


def test_draft_shows_decoded_japanese_text_not_mime(tmp_path):
    home = tmp_path / "h"
    assert run(home, "init", "--from", str(ja_case_file(tmp_path))).exit_code == 0
    run(home, "submitted")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "04.eml").write_bytes(next(SAMPLES.glob("04-*.eml")).read_bytes())
    assert run(home, "watch", "--once", "--source", str(inbox)).exit_code == 0
    r = run(home, "draft")
    assert r.exit_code == 0, r.output
    head, _, body = r.output.partition("\n\n")
    assert head.startswith("From: ") and "\nSubject: " in head and "\nTo: " in head
    assert "ご担当者様" in body and "Content-Transfer-Encoding" not in r.output and "=?" not in r.output
    raw = (home / "drafts" / "case1-info_reply.eml").read_bytes()
    assert b"ISO-2022-JP" in raw.upper() or b"base64" in raw  # the file itself stays MIME


def test_version_completion_and_where(tmp_path):
    from certmerge import __version__

    assert runner.invoke(cli, ["--version"]).output.strip() == f"certmerge {__version__}"
    script = runner.invoke(cli, ["completion", "bash"])
    assert script.exit_code == 0 and "_CERTMERGE_COMPLETE" in script.output
    assert runner.invoke(cli, ["completion", "tcsh"]).exit_code == 2
    env = {**os.environ, "_CERTMERGE_COMPLETE": "complete_bash", "COMP_WORDS": "certmerge sta", "COMP_CWORD": "1"}
    done = subprocess.run([sys.executable, "-m", "certmerge"], env=env, capture_output=True, text=True)
    assert "status" in done.stdout.split()
    home = tmp_path / "nowhere"
    r = run(home, "where")
    assert r.exit_code == 0 and f"{home}/config.toml" in r.output and f"{home}/certmerge.sqlite3" in r.output
    assert not home.exists()  # where creates nothing
    assert json.loads(run(home, "where", "--json").output)["home"] == str(home)


def command_names() -> list[str]:
    return sorted(typer.main.get_command(cli).commands)


def test_every_command_help_has_an_example():
    for name in command_names():
        r = runner.invoke(cli, [name, "--help"])
        assert r.exit_code == 0 and "Example: " in r.output and f"certmerge" in r.output.split("Example: ", 1)[1], name


def test_global_options_are_accepted_after_the_command(tmp_path):
    from certmerge.cli import hoist_global_options

    home = tmp_path / "h"
    r = runner.invoke(cli, ["init", "--from", str(CASE_TOML), "--home", str(home)])
    assert r.exit_code == 0, r.output
    assert (home / "certmerge.sqlite3").is_file()
    assert "AWS02468135" in runner.invoke(cli, ["status", f"--home={home}"]).output
    assert runner.invoke(cli, ["status", "--home", str(home), "--debug"]).exit_code == 0
    cmds = {"answer", "status"}
    assert hoist_global_options(["answer", "note", "x", "--", "--debug"], cmds) == ["answer", "note", "x", "--", "--debug"]
    assert hoist_global_options(["status", "--home", "D"], cmds) == ["--home", "D", "status"]


def test_readme_command_table_is_the_real_command_list():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n\n", 2)[1]
    documented = set()
    for line in table.splitlines()[2:]:
        cell = line.split("|")[1]
        documented |= set(re.findall(r"`certmerge ([a-z-]+)", cell))
    assert documented == set(command_names())


def test_status_json_is_complete_with_a_schema(tmp_path):
    from certmerge.jsonview import SCHEMA

    home = busy_home(tmp_path, "en")
    data = json.loads(run(home, "status", "--json").output)
    assert data["schema"] == SCHEMA and data["limit"] is None
    [case] = data["cases"]
    assert len(case["messages"]) == case["messages_total"] == 7 and case["messages_truncated"] is False
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key in ("schema", *case, *case["messages"][0], *case["next_action"]):
        assert f"`{key}`" in readme, key  # every field is documented
    limited = json.loads(run(home, "status", "--json", "--limit", "2").output)["cases"][0]
    assert len(limited["messages"]) == 2 and limited["messages_total"] == 7 and limited["messages_truncated"]
    assert run(home, "status", "--json", "--limit", "0").exit_code == 2


def test_times_are_local_with_the_zone_named(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert i18n.when(dt.datetime(2026, 11, 10, 7, 20, tzinfo=dt.timezone.utc)) == "2026-11-10 16:20 JST"
        home = busy_home(tmp_path, "ja")
        out = run(home, "status").output
        assert "JST" in out and "UTC" not in out
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
