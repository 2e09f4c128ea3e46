"""`certmerge doctor`: the IMAP set-up checked step by step (name, connection, TLS, login, capabilities,
folders, authentication results), each check with what to fix. Reads only; uses the IMAP source's own
connect, login and guards, so that what the doctor proves is what the watcher does."""

from __future__ import annotations

import email.policy
import socket
import ssl
import time
from dataclasses import dataclass
from email.parser import BytesParser

from imapclient.exceptions import IMAPClientError

from .. import secrets
from ..config import ImapSettings, Settings
from ..core.errors import SourceError, UserError
from ..core.i18n import N_, _, t
from .imap_session import DRAFTS, SENT, header_bytes, logout, short, connect, effective_port, guard, login

_PARSER = BytesParser(policy=email.policy.default)


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool | None  # None: works, but worth a look
    result: str
    fix: str = ""
    code: int = 2  # the exit code when it failed: 4 unreachable, 5 login rejected, 2 a setting to fix


def _auth_results_sample(client, folder: str, count: int, where: str, timeout: float) -> tuple[int, int, set[str]]:
    """(mails looked at, mails with Authentication-Results, authserv-ids of their topmost header)."""
    with guard(where, timeout):
        info = client.select_folder(folder, readonly=True)
        # EXISTS, not UIDNEXT: a server may leave UIDNEXT out of its answer (RFC 3501 allows it; Courier does)
        uids = sorted(client.search(["ALL"]))[-count:] if info.get(b"EXISTS", 0) else []
        if not uids:
            return 0, 0, set()
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"])
    with_ar, ids = 0, set()
    for data in fetched.values():
        raw = header_bytes(data) or b""
        msg = _PARSER.parsebytes(raw, headersonly=True)
        values = msg.get_all("Authentication-Results") or []
        if values:
            with_ar += 1
            authserv = str(values[0]).split(";", 1)[0].strip().split()
            if authserv:
                ids.add(authserv[0].lower())
    return len(uids), with_ar, ids


def _count(n: int) -> str:
    return f"{n} mail" if n == 1 else f"{n} mails"


def _tls_words(client, imap: ImapSettings) -> str:
    sock = client.socket()
    if not isinstance(sock, ssl.SSLSocket):
        return "plain text"
    cert = sock.getpeercert() or {}
    subject = dict(x[0] for x in cert.get("subject", ()) if x)
    issuer = dict(x[0] for x in cert.get("issuer", ()) if x)
    return (f"{sock.version()}, certificate of {subject.get('commonName', imap.host)} checked "
            f"(issuer {issuer.get('commonName', '?')}, valid until {cert.get('notAfter', '?')})")


def _check_network(imap: ImapSettings) -> list[Check]:
    port = effective_port(imap)
    try:
        infos = socket.getaddrinfo(imap.host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return [Check(N_("name resolution"), False, t("cannot resolve {host} ({strerror})", host=imap.host, strerror=exc.strerror),
                      _("check imap.host for typos, and the network / DNS"), 4)]
    addrs = sorted({i[4][0] for i in infos})
    out = [Check(N_("name resolution"), True, f"{imap.host} -> {', '.join(addrs[:3])}")]
    start = time.monotonic()
    try:
        socket.create_connection((imap.host, port), timeout=imap.timeout).close()
    except OSError as exc:
        why = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else (exc.strerror or short(exc))
        return out + [Check(N_("connect"), False, f"{imap.host}:{port}: {why}",
                            _("check imap.port (993 for TLS, 143 for STARTTLS), the server and any firewall"), 4)]
    ms = (time.monotonic() - start) * 1000
    return out + [Check(N_("connect"), True, t("{host}:{port} answered in {ms:.0f} ms", host=imap.host, port=port, ms=ms))]


def _check_folders(client, settings: Settings, where: str) -> list[Check]:
    imap = settings.imap
    out = []
    with guard(where, imap.timeout):
        listed = client.list_folders()
    names = [f[2] for f in listed]
    for folder in imap.folders:
        try:
            with guard(where, imap.timeout):
                info = client.select_folder(folder, readonly=True)
            out.append(Check(f"folder {folder}", True, t("{count}, opened read-only (EXAMINE)", count=_count(info.get(b'EXISTS', 0)))))
        except (IMAPClientError, SourceError) as exc:
            out.append(Check(f"folder {folder}", False, t("cannot be opened ({short})", short=short(exc)),
                             "fix imap.folders; the server has: " + ", ".join(names[:15])))
    by_flag = {flag: f[2] for f in listed for flag in f[0] if flag in (SENT, DRAFTS)}
    for label, key, flag, missing in (
            ("Sent folder", imap.sent_folder, SENT, "your own replies are not noticed (`certmerge sent` "
             "records them by hand)"),
            ("Drafts folder", imap.drafts_folder, DRAFTS, "`certmerge draft` cannot store drafts there")):
        setting = "sent_folder" if flag == SENT else "drafts_folder"
        if key:
            ok = key in names
            out.append(Check(label, ok, f"{key} (imap.{setting})" + ("" if ok else " does not exist"),
                             "" if ok else f"fix imap.{setting}; the server has: " + ", ".join(names[:15])))
            continue
        found = by_flag.get(flag)
        if found:
            out.append(Check(label, True, t("{found} (SPECIAL-USE {decode})", found=found, decode=flag.decode())))
            continue
        with guard(where, imap.timeout):
            guessed = client.find_special_folder(flag)
        out.append(Check(label, None, f"{guessed} (guessed by its name)" if guessed else f"not found: {missing}",
                         f"set imap.{setting}" + ("" if guessed else "; the server has: " + ", ".join(names[:15]))))
    return out


def _check_auth_results(client, settings: Settings, where: str) -> Check:
    imap = settings.imap
    try:
        n, with_ar, ids = _auth_results_sample(client, imap.folders[0], 20, where, imap.timeout)
    except (IMAPClientError, SourceError) as exc:
        return Check(N_("authentication results"), None, t("not sampled ({short})", short=short(exc)))
    if not n:
        return Check(N_("authentication results"), None, t("{value} has no mail to sample yet", value=imap.folders[0]))
    if not with_ar:
        return Check(N_("authentication results"), None,
                     t("none of the last {n_value} mails carry Authentication-Results: senders cannot be verified", n_value=n),
                     _("keep [classify] require_authenticated = false; ask your mail provider about DKIM/DMARC checks"))
    who = ", ".join(sorted(ids))
    if settings.classify.require_authenticated:
        return Check(N_("authentication results"), True, t("{with_ar} of the last {n_value} mails carry them ({who}); require_authenticated is on", with_ar=with_ar, n_value=n, who=who))
    return Check(N_("authentication results"), None, t("{with_ar} of the last {n_value} mails carry Authentication-Results ({who})", with_ar=with_ar, n_value=n, who=who),
                 t('recommended: [classify] require_authenticated = true and trusted_authserv_ids = ["{value}"]', value=sorted(ids)[0]))


def diagnose(settings: Settings, interactive: bool | None = None) -> list[Check]:
    """The checks of `certmerge doctor`, in order; stops at the first failure that blocks the rest."""
    imap = settings.imap
    if not imap.host or not imap.username:
        return [Check(N_("configuration"), False, _("[imap] host or username is missing"),
                      _("set them in the home's config.toml (see the README section on IMAP)"))]
    checks = _check_network(imap)
    if checks[-1].ok is False:
        return checks
    where = f"{imap.host}:{effective_port(imap)}"
    try:
        client = connect(imap)
    except UserError as exc:
        return checks + [Check(N_("TLS and certificate"), False, str(exc), exc.hint, exc.exit_code)]
    try:
        checks.append(_check_tls(client, imap))
        checks.append(_check_login(client, imap, interactive))
        if checks[-1].ok is False:
            return checks
        checks += _check_capabilities(client, settings, where)
        checks += _check_folders(client, settings, where)
        checks.append(_check_auth_results(client, settings, where))
    except UserError as exc:
        checks.append(Check(N_("connection"), False, str(exc), exc.hint, exc.exit_code))
    finally:
        logout(client)
    return checks


def _check_tls(client, imap: ImapSettings) -> Check:
    if imap.security == "plain":
        return Check(N_("TLS and certificate"), None, _("plain text (allowed only to a loopback address)"),
                     _('use security = "tls" for any real server'))
    return Check(N_("TLS and certificate"), True, _tls_words(client, imap))


def _check_login(client, imap: ImapSettings, interactive: bool | None) -> Check:
    try:
        secret = secrets.credential(imap, interactive)
        login(client, imap, secret)
    except UserError as exc:
        return Check(N_("login"), False, str(exc), exc.hint, exc.exit_code)
    return Check(N_("login"), True, t("logged in as {username} ({auth}; secret from {origin})",
                                      username=imap.username, auth=imap.auth, origin=secret.origin))


# (capability, the check's name, what its absence means, what to do about it)
_CAPABILITIES = (
    ("IDLE", N_("capability IDLE"), N_("not offered: certmerge polls every {interval} s instead"),
     N_("nothing to fix; lower [watch] interval to notice mail sooner")),
    ("UIDPLUS", N_("capability UIDPLUS"), N_("not offered (not needed)"), ""),
    ("SPECIAL-USE", N_("capability SPECIAL-USE"), N_("not offered: Sent and Drafts are guessed by name"),
     N_("set imap.sent_folder and imap.drafts_folder")),
)


def _check_capabilities(client, settings: Settings, where: str) -> list[Check]:
    with guard(where, settings.imap.timeout):
        caps = set(client.capabilities())
    return [Check(name, True, _("offered")) if cap.encode() in caps
            else Check(name, None, _(missing).format(interval=f"{settings.watch.interval:g}"), _(fix) if fix else "")
            for cap, name, missing, fix in _CAPABILITIES]
