"""Issue 11 at the IMAP doors: doctor's exit codes, a server that omits UIDNEXT, a server that echoes a
failed SASL exchange."""

from __future__ import annotations

import datetime as dt
import re
import socket

import pytest

from tests.helpers import filler_mail
from tests.tcpproxy import Proxy
from tests.test_imap import Box, poll, sample


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once it is closed


def doctor_line(res) -> str:
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    return lines[0]


def test_doctor_exits_4_when_the_server_refuses_the_connection(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(f'[imap]\nhost = "127.0.0.1"\nport = {closed_port()}\nsecurity = "plain"\n'
                                      'username = "nobody"\npassword_env = "NO_SUCH_VARIABLE"\n')
    from tests.helpers import run_cli

    res = run_cli(home, "doctor")
    assert res.returncode == 4, res.stderr
    assert "connect" in doctor_line(res)


def test_doctor_exits_5_when_the_login_is_rejected(dovecot, tmp_path):
    b = Box(dovecot, tmp_path)
    res = b.cli("doctor", password="not-the-password")
    assert res.returncode == 5, res.stderr
    assert "rejected the login" in doctor_line(res)
    assert "not-the-password" not in res.stdout + res.stderr
    ok = b.cli("doctor")
    assert ok.returncode == 0, ok.stderr


# --- a server that omits UIDNEXT (RFC 3501 allows it; Courier does) ---------------------------------------------
UIDNEXT_CODE = re.compile(rb"\* OK \[UIDNEXT \d+\][^\r\n]*\r\n")


@pytest.fixture
def no_uidnext(dovecot):
    """The real Dovecot behind a proxy that drops the UIDNEXT response code from every answer; `dropped`
    counts what it took out."""
    dropped: list[int] = []

    def rewrite(data: bytes) -> bytes:
        out, n = UIDNEXT_CODE.subn(b"", data)
        dropped.append(n)
        return out

    with Proxy(dovecot.port) as proxy:
        proxy.rewrite(rewrite)
        yield proxy, dropped


def test_a_server_without_uidnext_is_asked_and_the_first_scan_reads_only_its_window(dovecot, no_uidnext, tmp_path):
    proxy, dropped = no_uidnext
    b = Box(dovecot, tmp_path, port=proxy.port)
    b.init_case()
    old_day = dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc)  # weeks before the case: outside the window
    old = [b.deliver(sample("01"), when=old_day), b.deliver(sample("04"), when=old_day + dt.timedelta(hours=1))]
    for i in range(5):
        b.deliver(filler_mail(i), when=old_day + dt.timedelta(hours=2 + i))
    with b.watching() as (app, src):
        assert poll(app, src) == []  # the first scan: nothing in its window
        assert sum(dropped) >= 1, "the proxy did not take UIDNEXT out: the test proves nothing"
        assert app.store.position(src.source_key("INBOX"))[1] == old[-1] + 5  # not 0
    for _ in range(2):  # fresh sessions (cron) and a kept one (a watcher)
        with b.watching() as (app, src):
            assert poll(app, src) == [] and poll(app, src) == []
    new = b.deliver(sample("06"))
    with b.watching() as (app, src):
        assert [o.origin for o in poll(app, src)] == [f"INBOX/{new}"]
        assert app.store.count("messages") == 1  # nothing from before the window, ever
    res = b.cli("doctor")
    assert res.returncode == 0, res.stderr
    assert "has no mail to sample" not in res.stdout and "of the last 8 mails" in res.stdout, res.stdout
