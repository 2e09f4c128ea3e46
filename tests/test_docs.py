"""The README's examples are run: its case file parses, config.example.toml loads, and CI runs
the README's test command."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tomllib

from certmerge.core.casefile import parse_casefile
from certmerge.config import load_settings
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_readme_case_file_is_valid_and_matches_the_sample():
    [block] = [b for b in _blocks("toml") if "[target]" in b]
    cf = parse_casefile(tomllib.loads(block), "README", today=dt.date(2026, 11, 26))
    assert cf.target.account_id == "AWS02468135" and cf.route == "support"


def test_config_example_loads(tmp_path):
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.toml")
    settings = load_settings(tmp_path)
    assert settings.imap.port == 993 and settings.classify.vendor_domains
    assert settings.notify.unreachable_minutes == 30 and settings.reminders.follow_up_after == 2


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", setup, re.S)
    assert len(commands) == 2
    assert "certmerge demo" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_config_key_is_documented():
    from dataclasses import fields

    from certmerge.config import ClassifySettings, ImapSettings, NotifySettings, ReminderSettings, WatchSettings

    example = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    for cls in (NotifySettings, ReminderSettings):
        for f in fields(cls):
            assert re.search(rf"^#? ?{f.name} = ", example, re.M), f"{cls.__name__}.{f.name} is not in config.example.toml"
    for cls, doc in ((ClassifySettings, README), (WatchSettings, README), (ImapSettings, README),
                     (NotifySettings, README), (ReminderSettings, README)):
        for f in fields(cls):
            assert re.search(rf"`(\[\w+\] )?{f.name}`", doc), f"{cls.__name__}.{f.name} is not documented"


def test_every_command_has_help_text():
    from typer.testing import CliRunner

    from certmerge.cli import cli

    runner = CliRunner()
    for args in (["--help"], ["watch", "--help"], ["service", "--help"], ["service", "install", "--help"],
                 ["service", "uninstall", "--help"], ["service", "status", "--help"]):
        r = runner.invoke(cli, args)
        assert r.exit_code == 0 and "Usage" in r.output, args
    top = runner.invoke(cli, ["--help"]).output
    assert "service" in top and "Run the watcher as a service" in top
    assert "--json" in runner.invoke(cli, ["watch", "--help"]).output
    assert "--print" in runner.invoke(cli, ["service", "install", "--help"]).output
