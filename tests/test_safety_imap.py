"""Issue 11 at the IMAP doors: doctor's exit codes, a server that omits UIDNEXT, a server that echoes a
failed SASL exchange."""

from __future__ import annotations

import socket

from tests.test_imap import Box


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
