"""Delivering recorded events: Apprise URLs and a hook command. The only importer of apprise.

Each event waits in the outbox with one delivery row per channel (`apprise[N]`, the Nth of `[notify] urls`,
and `hook`). After every commit the watcher delivers what is due, oldest first: a channel that took it
marks it delivered; one that failed gets the attempt counted, a one-line error (secrets masked) and a
retry after 30 s, 1 min, 2 min ... up to 1 h, with the channel's later events waiting behind it, so that
they arrive in order. URLs are never stored or logged whole: errors name them by their place in the list
and Apprise's privacy form (passwords and tokens starred), and every part of a URL that could be a secret
is cut out of any error text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import signal
import subprocess
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from .core.errors import UserError

log = logging.getLogger("certmerge")
RETRY_FIRST = 30.0  # seconds
RETRY_CAP = 3600.0
# A due delivery is claimed (Store.notices.claim) before it is sent, so that two watchers on one database
# send it once; a watcher that dies after claiming leaves it to be sent again after this long (longer than
# the longest hook_timeout allowed, 600 s, so that a slow hook is not sent twice).
CLAIM_LEASE = dt.timedelta(minutes=15)


class DeliveryError(Exception):
    """A channel did not take an event; the message is one line without secrets."""


def retry_delay(attempts: int) -> dt.timedelta:
    """How long to wait after the (attempts+1)-th failure: 30 s, 60 s, 120 s ... at most 1 h."""
    return dt.timedelta(seconds=min(RETRY_CAP, RETRY_FIRST * 2 ** min(attempts, 20)))


def _secret_parts(url: str) -> list[str]:
    """Every piece of a URL that may be a secret (user, password, host, path segments, query values)."""
    try:
        parts = urlsplit(url)
        pieces = [parts.username, parts.password, parts.hostname]
        pieces += parts.path.split("/")
        pieces += [v for _k, v in parse_qsl(parts.query)]
    except ValueError:
        pieces = re.split(r"[/:@?&=]", url)
    pieces = [p for p in pieces if p] + [unquote(p) for p in pieces if p]
    return sorted({p for p in pieces if len(p) >= 4}, key=len, reverse=True)


def scrub(text: str, urls: tuple[str, ...]) -> str:
    """`text` with the URLs, and any piece of them that could be a secret, replaced by ****."""
    for url in urls:
        text = text.replace(url, mask(url))
        for piece in _secret_parts(url):
            if piece not in ("127.0.0.1", "localhost", "json", "http", "https"):
                text = text.replace(piece, "****")
    return text


def mask(url: str) -> str:
    """A URL as it may be shown: its scheme and, for a web address, its host; nothing else."""
    scheme, sep, rest = url.partition("://")
    if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]{0,20}", scheme):
        return "(not a URL)"
    if scheme.lower() in ("json", "jsons", "xml", "xmls", "form", "forms", "http", "https"):
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        if host:
            return f"{scheme}://{host}/…"
    return f"{scheme}://…"


@dataclass
class AppriseChannel:
    index: int  # 1-based place in [notify] urls
    url: str
    _apprise: object = None

    @property
    def key(self) -> str:
        return f"apprise[{self.index}]"

    @property
    def shown(self) -> str:
        return f"[notify] urls[{self.index}] ({mask(self.url)})"

    def _client(self):
        if self._apprise is None:
            import apprise  # ~0.5 s: only when there is something to send

            client = apprise.Apprise(asset=apprise.AppriseAsset(async_mode=False))
            if not client.add(self.url):
                raise DeliveryError(f"{self.shown} is not a URL Apprise can use")
            self._apprise = client
        return self._apprise

    def send(self, event: dict) -> None:
        import apprise

        client = self._client()
        try:
            with apprise.LogCapture(level=logging.WARNING) as captured:
                ok = client.notify(title=event["title"], body=event["body"], body_format=apprise.NotifyFormat.TEXT)
        except Exception as exc:  # noqa: BLE001 - a plugin's failure is one failed attempt, never a crash
            raise DeliveryError(scrub(f"{self.shown}: {exc.__class__.__name__}: {exc}", (self.url,))[:300]) from None
        if not ok:
            lines = [ln.split(" - ", 2)[-1] for ln in captured.getvalue().splitlines() if ln.strip()]
            why = scrub(lines[-1], (self.url,)) if lines else "it did not take the notification"
            raise DeliveryError(f"{self.shown}: {why}"[:300])


@dataclass
class HookChannel:
    command: str
    timeout: float

    key = "hook"
    shown = "[notify] hook"

    def send(self, event: dict) -> None:
        payload = (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
        env = {**os.environ, "CERTMERGE_EVENT": event["type"]}
        try:
            proc = subprocess.Popen(self.command, shell=True, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        except OSError as exc:
            raise DeliveryError(f"[notify] hook could not be started ({exc.strerror})") from None
        try:
            proc.communicate(payload, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise DeliveryError(f"[notify] hook did not finish within {self.timeout:g} s and was stopped") from None
        finally:
            if proc.returncode is None:  # timed out, or the watcher is being stopped: end it and its children
                _kill_group(proc)
        if proc.returncode != 0:
            raise DeliveryError(f"[notify] hook exited with status {proc.returncode}")


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def channels(settings) -> list:
    n = settings.notify
    out: list = [AppriseChannel(i, url) for i, url in enumerate(n.urls, 1)]
    if n.hook.strip():
        out.append(HookChannel(n.hook, n.hook_timeout))
    return out


def channel_keys(settings) -> tuple[str, ...]:
    """The keys of the configured channels, without importing apprise."""
    keys = tuple(f"apprise[{i}]" for i in range(1, len(settings.notify.urls) + 1))
    return keys + (("hook",) if settings.notify.hook.strip() else ())


def check_urls(settings) -> None:
    """Refuse, in one line, a [notify] URL that Apprise cannot use (before the watcher starts)."""
    for ch in channels(settings):
        if isinstance(ch, AppriseChannel):
            try:
                ch._client()
            except DeliveryError as exc:
                raise UserError(str(exc), "check the URL against Apprise's list of services; "
                                "the URL is not shown because it may hold a token") from None


def event_json(row: dict) -> dict:
    """An outbox row as the hook and `watch --json` get it."""
    iso = (lambda t: t.isoformat() if t else None)
    return {"id": row["id"], "type": row["type"], "cause": row["cause"], "case": row["case_id"],
            "created_at": iso(row["created_at"]), "due_at": iso(row["due_at"]), "language": row["language"],
            "title": row["title"], "body": row["body"], "facts": row["facts"]}


def deliver(notices, chans: list, now: dt.datetime) -> list[str]:
    """Send every due delivery once; returns one line per failure (for the watcher's output and log)."""
    by_key = {c.key: c for c in chans}
    down: set[str] = set()
    told = []
    for row in notices.due(now, tuple(by_key)):
        key = row["channel"]
        if key in down or not notices.claim(row["delivery_id"], now, now + CLAIM_LEASE):
            continue  # the channel is down, or another watcher on this database has this delivery
        try:
            by_key[key].send(event_json(row))
        except DeliveryError as exc:
            down.add(key)
            retry = now + retry_delay(row["attempts"])
            notices.failed(row["delivery_id"], key, str(exc), retry)
            line = f"notification {row['id']} ({row['type']}) not delivered: {exc}; retry at {retry:%Y-%m-%d %H:%M:%S} UTC"
            log.warning("%s", line)
            told.append(line)
            continue
        notices.delivered(row["delivery_id"], now)
        log.info("notification %s (%s) delivered to %s", row["id"], row["type"], key)
    return told
