"""IMAP connections: connect (TLS, STARTTLS, or plain to loopback only), log in, log out, and `guard`,
which turns every network and protocol failure into one clear SourceError line. With sources/imap.py
and sources/imap_doctor.py, the only code that touches imapclient."""

from __future__ import annotations

import base64
import binascii
import logging
import re
import socket
import ssl
from contextlib import contextmanager

import imapclient
from imapclient.exceptions import CapabilityError, IMAPClientAbortError, IMAPClientError, LoginError

from .. import secrets
from ..config import ImapSettings, is_loopback
from ..core.errors import AuthFailed, SourceError, UserError
from ..core.i18n import _, t

# imaplib's protocol trace (sent to "imapclient.imaplib" at DEBUG) contains the LOGIN command with the
# password: keep it and imapclient's own command trace out of any log, whatever the root level is.
for _name in ("imapclient", "imapclient.imaplib", "imapclient.imapclient"):
    logging.getLogger(_name).setLevel(logging.WARNING)
log = logging.getLogger("certmerge.imap")

SENT, DRAFTS = b"\\Sent", b"\\Drafts"  # SPECIAL-USE attributes (RFC 6154)
CLOSE_TIMEOUT = 0.5  # s: logging out must not hold up a stopping watcher
# TCP keepalive (idle s, s between probes, probes): a link that dies silently while the watcher waits in
# IDLE (laptop asleep, a NAT that forgot the connection) is noticed within about 90 s, not at the next
# IDLE renewal 9 minutes later
KEEPALIVE = (60, 10, 3)


def effective_port(imap: ImapSettings) -> int:
    """The configured port; the 993 default means 143 when security is starttls or plain."""
    return 143 if imap.port == 993 and imap.security != "tls" else imap.port


def short(exc: BaseException) -> str:
    text = str(exc).strip() or exc.__class__.__name__
    text = re.sub(r"^b['\"](.*)['\"]$", r"\1", text)
    return mask_sasl(text.splitlines()[0])[:160]


# A server may echo a failed SASL exchange in its answer: the base64 of "user=...\x01auth=Bearer <token>"
# (XOAUTH2) or "n,a=...,\x01auth=Bearer <token>" (OAUTHBEARER), or the same decoded. Neither may reach an
# error line or a log.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{12,}={0,2}")
_SASL_WORDS = re.compile(rb"auth=|user=|^n,a=|^n,,|bearer|\"status\"|\"schemes\"", re.I)
_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|=)[^\s\x01^]+")
_AUTH_USER = re.compile(r"(?i)\b(user=)[^\s\x01^]+")


def _looks_sasl(run: str) -> bool:
    usable = run.rstrip("=")
    usable = usable[:len(usable) // 4 * 4]  # an echo cut short still decodes up to the cut
    try:
        data = base64.b64decode(usable, validate=True)
    except (binascii.Error, ValueError):
        return False
    return bool(_SASL_WORDS.search(data))


def mask_sasl(text: str) -> str:
    """Text with SASL payloads hidden: base64 runs that decode to one, and bearer tokens in the clear."""
    text = _BASE64_RUN.sub(lambda m: "[SASL data hidden]" if _looks_sasl(m.group(0)) else m.group(0), text)
    text = _BEARER.sub(lambda m: f"{m.group(1)} [token hidden]", text)
    return _AUTH_USER.sub(lambda m: f"{m.group(1)}[hidden]", text)


def _redact(text: str, secret: secrets.Secret | None) -> str:
    if secret and secret.reveal() and secret.reveal() in text:
        text = text.replace(secret.reveal(), "***")
    return text


@contextmanager
def guard(where: str, timeout: float):
    """Turn network and protocol failures into SourceError with one clear line."""
    try:
        yield
    except (SourceError, UserError, LoginError, CapabilityError):
        raise  # login() turns these into AuthFailed with its own words
    except ssl.SSLCertVerificationError as exc:
        raise SourceError(t("the TLS certificate of {where} is not trusted ({value})", where=where, value=exc.verify_message or short(exc)),
                          _("for a private CA set imap.ca_file to its certificate (PEM); imap.host must be a name "
                          "the certificate is issued for")) from None
    except ssl.SSLError as exc:
        raise SourceError(t("TLS with {where} failed ({value})", where=where, value=exc.reason or short(exc)),
                          _('port 993 is implicit TLS (security = "tls"); port 143 needs security = "starttls"')) from None
    except socket.gaierror as exc:
        raise SourceError(t("cannot resolve {value} ({strerror})", value=where.rsplit(':', 1)[0], strerror=exc.strerror),
                          _("check imap.host and the network")) from None
    except (socket.timeout, TimeoutError):
        raise SourceError(t("{where} did not answer within {timeout:g} s", where=where, timeout=timeout),
                          _("check the network, or raise imap.timeout")) from None
    except ConnectionRefusedError:
        raise SourceError(t("{where} refused the connection", where=where), _("check imap.host and imap.port")) from None
    except (IMAPClientAbortError, EOFError, OSError) as exc:
        raise SourceError(t("the connection to {where} was lost ({short})", where=where, short=short(exc)),
                          _("certmerge watch reconnects by itself")) from None
    except IMAPClientError as exc:
        raise SourceError(f"{where}: {short(exc)}", _("run `certmerge doctor`")) from None


def tls_context(imap: ImapSettings) -> ssl.SSLContext:
    try:
        ctx = ssl.create_default_context(cafile=imap.ca_file or None)
    except (OSError, ssl.SSLError) as exc:
        raise UserError(t("imap.ca_file {ca_file!r} cannot be used ({short})", ca_file=imap.ca_file, short=short(exc)),
                        _("give the path of the CA certificate in PEM format")) from None
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def connect(imap: ImapSettings) -> imapclient.IMAPClient:
    """A connection (TLS, STARTTLS or plain to loopback) not yet logged in."""
    port = effective_port(imap)
    where = f"{imap.host}:{port}"
    if imap.security == "plain" and not is_loopback(imap.host):
        raise SourceError(t("plain text to {host} refused: only loopback may go unencrypted", host=imap.host),
                          _('use security = "tls"'))
    ctx = tls_context(imap) if imap.security in ("tls", "starttls") else None
    with guard(where, imap.timeout):
        client = imapclient.IMAPClient(imap.host, port, ssl=imap.security == "tls", ssl_context=ctx,
                                       timeout=imap.timeout)
    keepalive(client.socket(), *KEEPALIVE)
    if imap.security == "starttls":
        try:
            with guard(where, imap.timeout):
                if not client.has_capability("STARTTLS"):
                    raise SourceError(t("{where} does not offer STARTTLS (certmerge never falls back to plain text)", where=where),
                                      _('use security = "tls" on port 993'))
                client.starttls(ctx)
        except BaseException:
            shutdown(client)
            raise
    return client


def keepalive(sock: socket.socket, idle: int, interval: int, count: int) -> None:
    """Let the kernel probe an idle connection and fail it when the other end stopped answering: the
    IDLE wait then wakes with an error (SourceError) and the watcher reconnects."""
    idle_opt = getattr(socket, "TCP_KEEPIDLE", None) or getattr(socket, "TCP_KEEPALIVE", None)  # Linux, macOS
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for opt, value in ((idle_opt, idle), (getattr(socket, "TCP_KEEPINTVL", None), interval),
                           (getattr(socket, "TCP_KEEPCNT", None), count)):
            if opt is not None:
                sock.setsockopt(socket.IPPROTO_TCP, opt, value)
    except OSError:  # a platform without them: the IDLE renewal still notices, later
        log.debug("TCP keepalive not available here")


def login(client: imapclient.IMAPClient, imap: ImapSettings, secret: secrets.Secret) -> None:
    where = f"{imap.host}:{effective_port(imap)}"
    try:
        with guard(where, imap.timeout):
            if imap.auth == "password":
                if client.has_capability("LOGINDISABLED"):
                    raise SourceError(t("{where} refuses passwords on this connection (LOGINDISABLED)", where=where),
                                      _('use security = "tls" or "starttls"'))
                if secret.reveal().isascii() and imap.username.isascii():
                    client.login(imap.username, secret.reveal())
                elif client.has_capability("AUTH=PLAIN"):  # LOGIN takes ASCII only; PLAIN is UTF-8 (RFC 4616)
                    client.plain_login(imap.username, secret.reveal())
                else:
                    raise SourceError(t("{where} cannot take a password or username with non-ASCII characters (it offers no AUTHENTICATE PLAIN)", where=where), _("use an app password of ASCII characters"))
            elif imap.auth == "xoauth2":
                client.oauth2_login(imap.username, secret.reveal())
            else:
                client.oauthbearer_login(imap.username, secret.reveal())
    except LoginError as exc:
        hint = ("check imap.username and the password (`certmerge login` stores a new one; Gmail needs an app "
                "password)" if imap.auth == "password" else
                "check imap.username and that token_command prints a fresh access token")
        raise AuthFailed(t("{where} rejected the login for {username} ({redact})", where=where, username=imap.username, redact=_redact(short(exc), secret)),
                         hint) from None
    except CapabilityError as exc:
        raise SourceError(t("{where} does not offer {upper} ({short})", where=where, upper=imap.auth.upper(), short=short(exc)),
                          _('use auth = "password" or the mechanism the server lists (`certmerge doctor`)')) from None


def shutdown(client: imapclient.IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.shutdown()
    except Exception:  # noqa: BLE001 - already broken
        pass


def logout(client: imapclient.IMAPClient | None) -> None:
    if client is None:
        return
    try:
        client.socket().settimeout(CLOSE_TIMEOUT)
        client.logout()
    except Exception:  # noqa: BLE001
        shutdown(client)


def special_folder(client: imapclient.IMAPClient, configured: str, flag: bytes) -> str | None:
    return configured or client.find_special_folder(flag)


def open_session(imap: ImapSettings, credential: secrets.Secret | None = None) -> imapclient.IMAPClient:
    """Connected and logged in (for append_draft, login --check and doctor)."""
    secret = credential or secrets.credential(imap)
    client = connect(imap)
    try:
        login(client, imap, secret)
    except BaseException:
        shutdown(client)
        raise
    return client


def header_bytes(fetched: dict) -> bytes | None:
    for k, v in fetched.items():
        if isinstance(k, bytes) and k.startswith(b"BODY[HEADER.FIELDS") and v is not None:
            return bytes(v)
    return None
