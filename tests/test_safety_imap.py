"""Issue 11 at the IMAP doors: doctor's exit codes, a server that omits UIDNEXT, a server that echoes a
failed SASL exchange."""

from __future__ import annotations

import base64
import datetime as dt
import re
import socket
import socketserver
import threading

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


# --- a server that echoes the failed SASL exchange -----------------------------------------------------------
TOKEN = "ya29.a0Af-Secret_Token.4Kq7Zr2x"


class _EchoingHandler(socketserver.StreamRequestHandler):
    """Offers XOAUTH2 and OAUTHBEARER, refuses every AUTHENTICATE and echoes the client's SASL payload in
    its answer, base64 and decoded (as some servers do)."""

    def handle(self) -> None:
        write = self.wfile.write
        write(b"* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER] echo server ready\r\n")
        for line in self.rfile:
            tag, _, rest = line.strip().partition(b" ")
            command = rest.split(b" ")[0].upper()
            if command == b"CAPABILITY":
                write(b"* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER\r\n" + tag + b" OK done\r\n")
            elif command == b"AUTHENTICATE":
                write(b"+ \r\n")
                payload = self.rfile.readline().strip()
                decoded = base64.b64decode(payload).replace(b"\x01", b"^A")
                write(tag + b" NO [AUTHENTICATIONFAILED] invalid SASL exchange " + payload + b" = " + decoded + b"\r\n")
            elif command == b"LOGOUT":
                write(b"* BYE bye\r\n" + tag + b" OK done\r\n")
                return
            else:
                write(tag + b" BAD unknown command\r\n")


@pytest.fixture
def echoing_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _EchoingHandler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("auth", ["xoauth2", "oauthbearer"])
def test_an_echoed_sasl_exchange_never_shows_the_token(echoing_server, tmp_path, auth):
    from tests.helpers import CASE_TOML, run_cli

    home = tmp_path / "home"
    home.mkdir()
    user = "taro.yamada@example-corp.co.jp"
    (tmp_path / "token").write_text(TOKEN + "\n")  # outside the home, as a token helper keeps it
    (home / "config.toml").write_text(f'[imap]\nhost = "127.0.0.1"\nport = {echoing_server}\nsecurity = "plain"\n'
                                      f'username = "{user}"\nauth = "{auth}"\n'
                                      f'token_command = "cat {tmp_path / "token"}"\n')
    assert run_cli(home, "init", "--from", str(CASE_TOML)).returncode == 0
    sasl = (f"user={user}\x01auth=Bearer {TOKEN}\x01\x01" if auth == "xoauth2"
            else f"n,a={user},\x01auth=Bearer {TOKEN}\x01\x01")
    payload = base64.b64encode(sasl.encode()).decode()
    seen = []
    for args in (["watch", "--once"], ["doctor"], ["--debug", "watch", "--once"]):
        res = run_cli(home, *args)
        assert res.returncode == 5, res.stderr
        assert "rejected the login" in doctor_line(res) and "SASL data hidden" in res.stderr
        seen += [res.stdout, res.stderr]
    seen += [p.read_text(errors="replace") for p in home.rglob("*") if p.is_file() and p.suffix != ".sqlite3"]
    seen.append((home / "certmerge.sqlite3").read_bytes().decode("latin-1"))
    for text in seen:
        assert TOKEN not in text and payload[:16] not in text and base64.b64encode(TOKEN.encode()).decode() not in text
