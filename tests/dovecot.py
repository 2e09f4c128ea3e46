"""A real Dovecot for the tests: its own config in a temporary directory, loopback, free ports.

Facts it relies on (../shared/design.md, measured on Debian bookworm with Dovecot 2.3):
- run as root with `default_login_user = dovenull` and `default_internal_user = dovecot`, a static userdb
  with uid=dovecot, `first_valid_uid` low enough, and `chroot =` for imap-login and anvil;
- a passwd-file passdb (scheme PLAIN), Maildir storage, Drafts/Sent with special_use and auto = subscribe;
- the anvil auth penalty (2 s, 4 s ... 15 s added to every login from an IP after failed ones) is turned
  off by giving the `anvil-auth-penalty` socket mode 0; `auth_failure_delay = 0` leaves about 0.5 s;
- Dovecot 2.3 checks an XOAUTH2 / OAUTHBEARER token against a passwd-file passdb like a password, so
  the OAuth paths can be tested without an OAuth server;
- its imap processes go on serving their clients for about 10 s after the master exits;
- `doveadm -c CONF` works on the storage directly, also while the server is stopped.

The server runs in the foreground (`dovecot -F`) as our own child, so stopping it is terminate + wait.
The temporary directory is world-readable (0755): the dovecot user must reach the mail below it, which
pytest's own tmp_path (0700) would not allow.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import imapclient

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
DOVEADM = shutil.which("doveadm") or ("/usr/bin/doveadm" if os.path.exists("/usr/bin/doveadm") else None)

_CONF = """\
protocols = imap
listen = 127.0.0.1
instance_name = certmerge-test-{port}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
first_valid_uid = 1
default_login_user = dovenull
default_internal_user = dovecot
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_failure_delay = 0
mail_location = maildir:{root}/mail/%u/Maildir
ssl = {ssl}
{ssl_files}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/mail/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  # no auth penalty (up to 15 s per login after failures from the same IP): the tests fail logins on purpose
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def make_self_signed(cert: Path, key: Path) -> None:
    """A self-signed certificate for 127.0.0.1/localhost, with the openssl CLI."""
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=certmerge test server",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)


class Dovecot:
    """One Dovecot instance. `start()`, `stop()` (the data stays), `close()` (removes everything)."""

    def __init__(self, tls: bool = True) -> None:
        if not DOVECOT or not DOVEADM:
            raise RuntimeError("dovecot is not installed")
        self.root = Path(tempfile.mkdtemp(prefix="certmerge-dovecot-"))
        os.chmod(self.root, 0o755)
        self.port = free_port()
        self.tls_port = free_port()
        self.tls = tls
        self.cert = self.root / "cert.pem"
        self.key = self.root / "key.pem"
        self.conf = self.root / "dovecot.conf"
        self.passwd = self.root / "passwd"
        self.proc: subprocess.Popen | None = None
        self._users = 0
        try:
            self._prepare()
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def _prepare(self) -> None:
        (self.root / "mail").mkdir()
        shutil.chown(self.root / "mail", "dovecot", "dovecot")
        self._write_users()
        ssl_files = ""
        if self.tls:
            make_self_signed(self.cert, self.key)
            ssl_files = f"ssl_cert = <{self.cert}\nssl_key = <{self.key}"
        self.conf.write_text(_CONF.format(root=self.root, port=self.port, tls_port=self.tls_port,
                                          ssl="yes" if self.tls else "no", ssl_files=ssl_files))

    # --- the server ---------------------------------------------------------------------------------
    def start(self, timeout: float = 10.0) -> None:
        assert self.proc is None, "already running"
        deadline = time.monotonic() + timeout
        while _port_open(self.port) and time.monotonic() < deadline:  # a previous run still lingering
            time.sleep(0.05)
        self.proc = subprocess.Popen([DOVECOT, "-F", "-c", str(self.conf)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace")
                self.proc = None
                raise RuntimeError(f"dovecot did not start: {err.strip()}\n{self.log()[-2000:]}")
            if _port_open(self.port) and (not self.tls or _port_open(self.tls_port)):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not listen within {timeout} s\n{self.log()[-2000:]}")

    def stop(self, timeout: float = 10.0, kick: bool = False) -> None:
        """Stop the server; the mail stays for the next start().

        Dovecot's imap processes go on serving their clients for about 10 s after the master exits;
        `kick=True` disconnects every client first, as an administrator's restart would."""
        if self.proc is None:
            return
        if kick and self.proc.poll() is None:
            try:
                self.doveadm("kick", "*")
            except RuntimeError:
                pass  # nobody connected
        self.proc.terminate()
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout)
        self.proc.stderr.close()
        self.proc = None
        deadline = time.monotonic() + timeout
        while _port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- users and mail ---------------------------------------------------------------------------
    POOL = 100

    def _write_users(self) -> None:
        """All users are written before the start: Dovecot's passwd-file cache does not reliably notice
        a file changed within the same second, so users are handed out from a pool instead."""
        self.passwd.write_text("".join(f"user{i}:{{PLAIN}}{self.password_of(f'user{i}')}::::::\n"
                                       for i in range(1, self.POOL + 1)))
        os.chmod(self.passwd, 0o644)

    @staticmethod
    def password_of(user: str) -> str:
        """Each user's own password: unique, so a test can look for it in files and output."""
        return f"pw-{user}-Kq7Zr2x"

    def add_user(self) -> str:
        """A fresh user with an empty mailbox; its password is password_of(user)."""
        self._users += 1
        if self._users > self.POOL:
            raise RuntimeError("the test user pool is used up; raise Dovecot.POOL")
        return f"user{self._users}"

    def client(self, user: str) -> imapclient.IMAPClient:
        c = imapclient.IMAPClient("127.0.0.1", self.port, ssl=False, timeout=10)
        c.login(user, self.password_of(user))
        return c

    def doveadm(self, *args: str, input: bytes | None = None) -> str:
        res = subprocess.run([DOVEADM, "-c", str(self.conf), *args], input=input, capture_output=True,
                             timeout=30)
        if res.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {res.stderr.decode(errors='replace')}")
        return res.stdout.decode(errors="replace")

    def deliver(self, user: str, raw: bytes, folder: str = "INBOX", flags: tuple = (),
                when: dt.datetime | None = None) -> int:
        """Put a mail into a folder: APPEND over IMAP while running, `doveadm save` while stopped.
        Returns the new UID (0 when stopped)."""
        if not self.running:
            self.maildir_drop(user, folder, raw)
            return 0
        with self.client(user) as c:
            resp = c.append(folder, raw, flags=flags, msg_time=when)
        # APPENDUID <uidvalidity> <uid>
        text = resp.decode() if isinstance(resp, bytes) else str(resp)
        try:
            return int(text.split("APPENDUID", 1)[1].split("]")[0].split()[1])
        except (IndexError, ValueError):
            return 0

    def maildir_drop(self, user: str, folder: str, raw: bytes) -> None:
        """Deliver as an MTA does (write in tmp/, rename into new/): works while the server is down."""
        base = self.root / "mail" / user / "Maildir"
        if folder != "INBOX":
            base = base / ("." + folder.replace("/", "."))
        for sub in ("tmp", "new", "cur"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns()}.P{os.getpid()}.certmerge-test"
        tmp = base / "tmp" / name
        tmp.write_bytes(raw)
        for path in [tmp, *(p for p in base.parents if p.is_relative_to(self.root / "mail"))] + [
                base, base / "tmp", base / "new", base / "cur"]:
            shutil.chown(path, "dovecot", "dovecot")
        tmp.rename(base / "new" / name)

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, frozenset[str]]:
        """uid -> flags of every mail in a folder, read with doveadm (no IMAP session involved)."""
        out = self.doveadm("fetch", "-u", user, "uid flags", "mailbox", folder)
        result: dict[int, frozenset[str]] = {}
        uid = None
        for line in out.splitlines():
            if line.startswith("uid: "):
                uid = int(line[5:])
            elif line.startswith("flags:") and uid is not None:
                result[uid] = frozenset(line[6:].split())
                uid = None
            elif line.strip() and uid is not None and line.startswith("flags"):
                result[uid] = frozenset()
        return result

    def message_ids(self, user: str, folder: str) -> list[str]:
        out = self.doveadm("fetch", "-u", user, "hdr.message-id", "mailbox", folder)
        return [line.split(":", 1)[1].strip() for line in out.splitlines() if line.lower().startswith("hdr.message-id:")]

    def uidvalidity(self, user: str, folder: str = "INBOX") -> int:
        out = self.doveadm("mailbox", "status", "-u", user, "uidvalidity", folder)
        return int(out.split("=", 1)[1])

    def set_uidvalidity(self, user: str, value: int, folder: str = "INBOX") -> None:
        self.doveadm("mailbox", "update", "--uid-validity", str(value), "-u", user, folder)

    def kick(self, user: str) -> None:
        self.doveadm("kick", user)

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.cert))
