"""Shared test helpers (fixtures that need Dovecot live in conftest.py)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import time
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_mail"
CASE_TOML = SAMPLES / "case.toml"
REALWORLD = ROOT.parent / "shared" / "corpus" / "realworld"  # real-world mail beside the project, when present


def need(ok: bool, message: str) -> None:
    """A test's requirement of the machine: skipped where it is missing, but a failure under CI=true."""
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; CI=true needs it", pytrace=False)
    pytest.skip(message)


def realworld_files(required: bool = False) -> list[Path]:
    """The files of ../shared/corpus/realworld (as listed in its parse_baseline.csv). Where it is absent:
    a failure under CI=true (CI checks it out beside the project); elsewhere [] when the corpus only adds to
    other data, and a skip for a test that has nothing else to read (`required`)."""
    baseline = REALWORLD / "parse_baseline.csv"
    if not baseline.is_file():
        need(not required and os.environ.get("CI") != "true", f"{REALWORLD} is absent (the shared corpus)")
        return []
    with open(baseline, encoding="utf-8", newline="") as fh:
        return [REALWORLD / row["file"] for row in csv.DictReader(fh)]
T0 = dt.datetime(2026, 11, 2, 0, 0, tzinfo=dt.timezone.utc)


class Clock:
    """A settable clock for App(clock=...)."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def tick(self, **kw) -> dt.datetime:
        self.now += dt.timedelta(**kw)
        return self.now


def write_config(home: Path, config: str = "", db_url: str = "") -> None:
    """The home's config.toml: `config`, and its database when `db_url` names one (else its SQLite file)."""
    home.mkdir(parents=True, exist_ok=True)
    if config or db_url:
        head = f'database_url = "{db_url}"\n' if db_url else ""
        (home / "config.toml").write_text(head + config, encoding="utf-8")


def make_app(home: Path, clock: Clock | None = None, config: str = "", db_url: str = ""):
    """An App on `home`; its data in `db_url` when given (a PostgreSQL database), else the home's SQLite."""
    from certmerge.app import App
    from certmerge.config import load_settings

    write_config(home, config, db_url)
    return App(load_settings(home), clock=clock or Clock())


def sample_case():
    from certmerge.core.casefile import load_casefile

    return load_casefile(CASE_TOML, today=dt.date(2026, 11, 2))


def sample_bytes(prefix: str) -> bytes:
    """The sample mail whose file name starts with `prefix` (e.g. "04")."""
    (path,) = [p for p in SAMPLES.glob("*.eml") if p.name.startswith(prefix)]
    return path.read_bytes()


def run_cli(home: Path, *args: str, extra_env: dict | None = None, timeout: float = 120,
            **kw):
    """`certmerge ARGS` as a separate process with CERTMERGE_HOME=home (and no crash hook unless given)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CERTMERGE_HOME": str(home)}
    env.pop("CERTMERGE_CRASH_AFTER", None)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "certmerge", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, **kw)


# --- mail for the IMAP tests ------------------------------------------------------------------------------
CASE_ID = "176530418200731"  # the sample case's support case number
USER = "Taro Yamada <taro.yamada@example-corp.co.jp>"
SUPPORT = "AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"


def mail_bytes(sender: str, to: str, subject: str, id_tag: str, id_domain: str, body: str,
               date: str | None = None, in_reply_to: str = "") -> bytes:
    """A small text mail with CRLF line ends, as a server stores it."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = make_msgid(id_tag, domain=id_domain)
    if date:
        msg["Date"] = date
    if in_reply_to:
        msg["In-Reply-To"] = msg["References"] = in_reply_to
    msg.set_content(body)
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))


def support_reply_from_user(n: int, in_reply_to: str = "") -> bytes:
    """The user's own reply to the support thread, as a mail client files it in Sent."""
    return mail_bytes(USER, "aws-cs-trainingcertification-form@amazon.com",
                      f"RE: [CASE {CASE_ID}] account merge - the details you asked for ({n})", f"reply{n}",
                      "example-corp.co.jp", "Here are the details you asked for.\n",
                      "Tue, 3 Nov 2026 09:00:00 +0900", in_reply_to)


def support_mail(n: int, what: str = "note") -> bytes:
    """A plain vendor mail with the case ID in the subject (always fetched whole, never moves the state):
    subject "... {what} {n}", body "{what} number {n}"."""
    return mail_bytes(SUPPORT, "taro.yamada@example-corp.co.jp", f"RE:[CASE {CASE_ID}] {what} {n}", f"{what.split()[0]}{n}",
                      "email.amazonses.com", f"{what} number {n}\n", "Mon, 2 Nov 2026 00:14:07 +0000")


def filler_mail(n: int) -> bytes:
    """Everyday mail that is not a candidate: only the folder position moves past it."""
    return mail_bytes(f"Colleague {n} <colleague{n}@example-corp.co.jp>", "taro.yamada@example-corp.co.jp",
                      f"lunch on Friday? ({n})", f"filler{n}", "example-corp.co.jp", "See you there.\n" * (1 + n % 5),
                      "Mon, 2 Nov 2026 12:00:00 +0900")


def sigterm_and_wait(proc: subprocess.Popen, timeout: float = 10) -> tuple[float, str, str]:
    """SIGTERM to a running process and wait for its end: (seconds it took, its stdout, its stderr)."""
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=timeout)
    return time.monotonic() - start, out, err

