"""Build realistic mailboxes fast: Maildir files written directly (Dovecot indexes them once, outside
the timings). Ordinary mail of varied senders, sizes and structures, with the sample case's support
mails mixed in at realistic positions."""

from __future__ import annotations

import os
import random
import time
from email.utils import format_datetime, make_msgid
from pathlib import Path

import datetime as dt

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_mail"

_SENDERS = ["hanako.sato@example-corp.co.jp", "news@github.example", "billing@cloud.example.net",
            "team@slack.example", "noreply@calendar.example.com", "jiro@example.org", "alerts@monitor.example",
            "info@shop.example.jp", "newsletter@blog.example", "security@bank.example"]
_WORDS = ("meeting deploy review merge branch invoice report summary schedule release incident customer "
          "budget proposal design test quarterly planning 会議 資料 確認 予定 報告 請求書 打ち合わせ").split()


def _body(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(5, 120)):
        lines.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 14))))
    return "\n".join(lines)


def ordinary_mail(rng: random.Random, when: dt.datetime, to: str) -> bytes:
    sender = rng.choice(_SENDERS)
    subject = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 7)))
    head = (f"Return-Path: <{sender}>\nAuthentication-Results: mx.example-corp.co.jp; dkim=pass header.d="
            f"{sender.split('@')[1]}; spf=pass\nDate: {format_datetime(when)}\nFrom: {sender}\nTo: {to}\n"
            f"Subject: {subject}\nMessage-ID: {make_msgid(domain=sender.split('@')[1])}\nMIME-Version: 1.0\n")
    body = _body(rng)
    if rng.random() < 0.3:
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>"
        return (head + 'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain; '
                'charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n' + body + "\n--b1\nContent-Type: text/html; "
                "charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + html + "\n--b1--\n").encode()
    return (head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body
            + "\n").encode()


def build_maildir(maildir: Path, total: int, case_mails: int = 20, seed: int = 7,
                  end: dt.datetime | None = None, to: str = "taro.yamada@example-corp.co.jp") -> int:
    """Write `total` messages (case mails among them) into maildir/cur, oldest first; returns the count."""
    rng = random.Random(seed)
    cur = maildir / "cur"
    for d in ("cur", "new", "tmp"):
        (maildir / d).mkdir(parents=True, exist_ok=True)
    end = end or dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
    start = end - dt.timedelta(days=max(30, total // 50))
    step = (end - start) / total
    samples = sorted(SAMPLES.glob("*.eml"))
    recent = min(total // 10, 1000) or 1  # the case is recent: its mails are among the last messages,
    case_slots = set(rng.sample(range(total - recent, total), min(case_mails, recent)))  # at every size
    host = os.uname().nodename
    stamp = int(time.time())
    for i in range(total):
        when = start + step * i
        if i in case_slots:
            raw = samples[len([s for s in case_slots if s < i]) % len(samples)].read_bytes()
            raw = raw.replace(b"Message-ID: <", f"Message-ID: <b{i}.".encode(), 1)
        else:
            raw = ordinary_mail(rng, when, to)
        name = f"{stamp}.M{i}P{os.getpid()}.{host},S={len(raw)}:2,S"
        path = cur / name
        path.write_bytes(raw)
        t = when.timestamp()
        os.utime(path, (t, t))
    return total
