#!/usr/bin/env python3
"""Generate the English blind thread corpus: t01 .. t04 in this directory.

Each thread folder gets case.toml, answers.toml, numbered .eml files (support mail as delivered
to the user's mailbox, the user's own replies as found in the Sent folder) and expect.toml.

Deterministic: every "random-looking" value (SES Message-IDs, DKIM b=, boundaries, Postfix
queue IDs) is derived from SHA-256 of a fixed seed string. Only the standard library is used.
Nothing here is real correspondence; all people, companies and addresses are made up.

    python3 tests/threads/make_threads_en.py
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import shutil
from datetime import date, datetime, timedelta, timezone
from email import quoprimime, utils
from pathlib import Path

HERE = Path(__file__).resolve().parent

SUPPORT = "aws-cs-trainingcertification-form@amazon.com"
SUPPORT_FROM = f"AWS Training and Certification <{SUPPORT}>"
NOREPLY = "no-reply-aws@amazon.com"

# --------------------------------------------------------------------------- small helpers


def hx(seed: str, n: int = 64) -> str:
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}#{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def hbytes(seed: str, n: int) -> bytes:
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).digest()
        i += 1
    return out[:n]


def tz(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


def dt(y, mo, d, hh, mm, ss, off=0) -> datetime:
    return datetime(y, mo, d, hh, mm, ss, tzinfo=tz(off))


def rfc_date(t: datetime) -> str:
    # "Mon, 2 Nov 2026 15:42:18 +0000" (no zero padding, like most MTAs/clients)
    return f"{t:%a}, {t.day} {t:%b %Y %H:%M:%S %z}"


def postfix_date(t: datetime, tzname: str) -> str:
    return f"{t:%a}, {t.day:2d} {t:%b %Y %H:%M:%S %z} ({tzname})"


def uuid_from(seed: str) -> str:
    x = hx(seed, 32)
    return f"{x[:8]}-{x[8:12]}-4{x[13:16]}-{'89ab'[int(x[16], 16) % 4]}{x[17:20]}-{x[20:32]}"


def ses_id(t: datetime, seed: str) -> str:
    ms = int(t.timestamp() * 1000)
    return f"<0100{ms:012x}-{uuid_from(seed)}-000000@email.amazonses.com>"


def fold_ids(ids: list[str]) -> str:
    return "\n ".join(ids)


def body_hash(body: str) -> str:
    b = body.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    while b.endswith(b"\r\n\r\n"):
        b = b[:-2]
    if not b.endswith(b"\r\n"):
        b += b"\r\n"
    return base64.b64encode(hashlib.sha256(b).digest()).decode()


def fold_sig(sig: str) -> str:
    chunks = [sig[:70]] + [sig[i:i + 70] for i in range(70, len(sig), 70)]
    return "\n\t ".join(chunks)


def dkim(domain: str, selector: str, t: datetime, hdrs: str, bh: str, seed: str, bits: int,
         canon: str = "relaxed/simple") -> tuple[str, str]:
    sig = base64.b64encode(hbytes(seed + domain, bits // 8)).decode()
    value = (f"v=1; a=rsa-sha256; q=dns/txt; c={canon};\n\ts={selector}; d={domain}; "
             f"t={int(t.timestamp())};\n\th={hdrs};\n\tbh={bh};\n\tb={fold_sig(sig)}")
    return value, sig[:8]


def quote(text: str) -> str:
    out = []
    for line in text.rstrip("\n").split("\n"):
        if not line:
            out.append(">")
        elif line.startswith(">"):
            out.append(">" + line)
        else:
            out.append("> " + line)
    return "\n".join(out)


def dd(s: str) -> str:
    """Dedent a triple-quoted block and strip the first newline."""
    import textwrap
    s = textwrap.dedent(s)
    return s[1:] if s.startswith("\n") else s


# --------------------------------------------------------------------------- MIME bodies


class Leaf:
    def __init__(self, text: str, subtype: str = "plain", cte: str = "quoted-printable",
                 charset: str = "utf-8", params: str = ""):
        self.text, self.subtype, self.cte, self.charset, self.params = text, subtype, cte, charset, params

    def headers(self) -> list[tuple[str, str]]:
        ct = f"text/{self.subtype}; charset={self.charset}{self.params}"
        return [("Content-Type", ct), ("Content-Transfer-Encoding", self.cte)]

    def body(self) -> str:
        t = self.text
        if self.cte == "quoted-printable":
            return quoprimime.body_encode(t.encode("utf-8").decode("latin-1"), maxlinelen=76, eol="\n")
        if self.cte == "base64":
            raw = t.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
            return base64.encodebytes(raw).decode("ascii").rstrip("\n")
        if self.cte == "7bit":
            t.encode("ascii")  # must be ASCII
        return t.rstrip("\n")


class Alt:
    def __init__(self, seed: str, *parts: Leaf, style: str = "java"):
        self.parts = parts
        if style == "java":
            n = int(hx(seed, 12), 16)
            self.boundary = f"----=_Part_{n % 9000000 + 100000}_{n % 1900000000 + 100000000}.{1790000000000 + n % 9999999999}"
        elif style == "gmail":
            self.boundary = "0000000000" + hx(seed, 18)
        else:  # outlook
            self.boundary = "_000_" + hx(seed, 40).upper()[:34] + "namprd11prodoutlo_"

    def headers(self) -> list[tuple[str, str]]:
        return [("Content-Type", f'multipart/alternative; boundary="{self.boundary}"')]

    def body(self) -> str:
        out = []
        for p in self.parts:
            out.append(f"--{self.boundary}")
            for k, v in p.headers():
                out.append(f"{k}: {v}")
            out.append("")
            out.append(p.body())
            out.append("")
        out.append(f"--{self.boundary}--")
        return "\n".join(out)


def to_html(text: str, font: str = "Amazon Ember, Arial, sans-serif") -> str:
    """Plain text with '>' quotes -> simple HTML with paragraphs and blockquotes."""
    lines = text.rstrip("\n").split("\n")
    out = ["<!DOCTYPE html>", "<html>", "<head>",
           '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "</head>",
           f'<body style="font-family: {font}; font-size: 14px;">']

    def render(block: list[str], depth: int) -> list[str]:
        res: list[str] = []
        para: list[str] = []
        i = 0

        def flush():
            if para:
                res.append("<p>" + "<br>\n".join(html.escape(x) for x in para) + "</p>")
                para.clear()
        while i < len(block):
            ln = block[i]
            if ln.startswith(">"):
                flush()
                inner = []
                while i < len(block) and block[i].startswith(">"):
                    s = block[i][1:]
                    inner.append(s[1:] if s.startswith(" ") else s)
                    i += 1
                res.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">')
                res.extend(render(inner, depth + 1))
                res.append("</blockquote>")
                continue
            if ln.strip() == "":
                flush()
            else:
                para.append(ln)
            i += 1
        flush()
        return res
    out.extend(render(lines, 0))
    out += ["</body>", "</html>"]
    return "\n".join(out)


# --------------------------------------------------------------------------- threads


class Thread:
    def __init__(self, folder: str, *, user_name: str, user_addr: str, domain: str, user_off: int,
                 tzname: str, case_id: str, mx_ip: str):
        self.folder = folder
        self.user_name, self.user_addr, self.domain = user_name, user_addr, domain
        self.user_off, self.tzname = user_off, tzname
        self.case_id = case_id
        self.mx_ip = mx_ip
        self.subject = f"[CASE {case_id}] [AWS Training and Certification Form Submission] - account-assistance"
        self.re = "RE:" + self.subject
        self.files: list[tuple[str, str, bool]] = []
        self.expect: list[dict] = []
        self.chain: list[str] = []  # Message-IDs of the case conversation, in order

    @property
    def user_from(self) -> str:
        return f"{self.user_name} <{self.user_addr}>"

    def local(self, t: datetime) -> datetime:
        return t.astimezone(tz(self.user_off))

    # --- assembling -------------------------------------------------------------------------
    def _write(self, name: str, header_lines: list[tuple[str, str]], part, crlf: bool,
               expect: dict):
        lines = [f"{k}: {v}" for k, v in header_lines]
        lines += [f"{k}: {v}" for k, v in part.headers()]
        raw = "\n".join(lines) + "\n\n" + part.body() + "\n"
        self.files.append((name, raw, crlf))
        e = {"file": name}
        e.update(expect)
        self.expect.append(e)

    def inbound(self, name: str, t: datetime, part, *, from_: str, from_domain: str, to: str | None = None,
                subject: str, msgid: str, in_reply_to: str | None = None, references: list[str] | None = None,
                crlf: bool = False, expect: dict, ses: bool = True, ses_ip: str = "54.240.8.30",
                extra: list[tuple[str, str]] | None = None, colleague_host: str | None = None):
        to = to or self.user_addr
        bh = body_hash(part.body() + "\n")
        signed = "Date:From:To:Message-ID:Subject" + (":In-Reply-To:References" if in_reply_to else "") + \
                 ":MIME-Version:Content-Type:Content-Transfer-Encoding"
        if ses:
            mailfrom = msgid.strip("<>").split("@")[0] + "@amazonses.com"
            d1, b1 = dkim("amazon.com", "xplzuhjr4seloozmmorg7obwkhgc7ikj", t, signed, bh, msgid, 2048)
            d2, b2 = dkim("amazonses.com", "224i4yxa5dv7c2xz3womw6peuasteono", t, signed + ":Feedback-ID", bh,
                          msgid, 1024)
            ar = (f"mx.{self.domain};\n"
                  f"\tdkim=pass (2048-bit key; unprotected) header.d=amazon.com header.i=@amazon.com "
                  f"header.s=xplzuhjr4seloozmmorg7obwkhgc7ikj header.b={b1};\n"
                  f"\tdkim=pass (1024-bit key) header.d=amazonses.com header.i=@amazonses.com "
                  f"header.s=224i4yxa5dv7c2xz3womw6peuasteono header.b={b2};\n"
                  f"\tspf=pass smtp.mailfrom={mailfrom};\n"
                  f"\tdmarc=pass header.from=amazon.com")
            a, b, c = ses_ip.split(".")[1:]
            host = f"a{b}-{c}.smtp-out.amazonses.com"
            rcv = (f"from {host} ({host} [{ses_ip}])\n"
                   f"\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\n"
                   f"\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
                   f"\t(No client certificate requested)\n"
                   f"\tby mx.{self.domain} (Postfix) with ESMTPS id {qid(msgid)}\n"
                   f"\tfor <{to_addr(to)}>; {postfix_date(self.local(t + timedelta(seconds=2)), self.tzname)}")
            hdrs = [("Authentication-Results", ar), ("Received", rcv), ("DKIM-Signature", d1),
                    ("DKIM-Signature", d2)]
        else:
            sender = colleague_host
            d1, b1 = dkim(from_domain, "s2026", t, signed, bh, msgid, 2048, "relaxed/relaxed")
            ar = (f"mx.{self.domain};\n"
                  f"\tdkim=pass (2048-bit key) header.d={from_domain} header.i=@{from_domain} "
                  f"header.s=s2026 header.b={b1};\n"
                  f"\tspf=pass smtp.mailfrom={to_addr(from_)};\n"
                  f"\tdmarc=pass header.from={from_domain}")
            lt = self.local(t)
            rcv1 = (f"from smtp-out.{from_domain} (smtp-out.{from_domain} [{self.mx_ip}])\n"
                    f"\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\n"
                    f"\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
                    f"\t(No client certificate requested)\n"
                    f"\tby mx.{self.domain} (Postfix) with ESMTPS id {qid(msgid + 'a')}\n"
                    f"\tfor <{to_addr(to)}>; {postfix_date(lt + timedelta(seconds=1), self.tzname)}")
            rcv2 = (f"from [{sender}] (unknown [{sender}])\n"
                    f"\t(Authenticated sender: {to_addr(from_).split('@')[0]})\n"
                    f"\tby smtp-out.{from_domain} (Postfix) with ESMTPSA id {qid(msgid + 'b')}\n"
                    f"\tfor <{to_addr(to)}>; {postfix_date(lt, self.tzname)}")
            hdrs = [("Authentication-Results", ar), ("Received", rcv1), ("Received", rcv2),
                    ("DKIM-Signature", d1)]
        hdrs += [("Date", rfc_date(t)), ("From", from_), ("To", to), ("Message-ID", msgid),
                 ("Subject", subject)]
        if in_reply_to:
            hdrs.append(("In-Reply-To", in_reply_to))
        if references:
            hdrs.append(("References", fold_ids(references)))
        hdrs += extra or []
        hdrs.append(("MIME-Version", "1.0"))
        if ses:
            hdrs_after = [("X-SES-Outgoing", f"{t:%Y.%m.%d}-{ses_ip}"),
                          ("Feedback-ID", "::1.us-east-1." + base64.b64encode(hbytes(msgid + "fb", 32)).decode()
                           + ":AmazonSES")]
        else:
            hdrs_after = []
        self._write(name, hdrs, _Suffix(part, hdrs_after), crlf, expect)

    def outbound(self, name: str, t: datetime, part, *, msgid: str, subject: str, in_reply_to: str | None,
                 references: list[str], client: list[tuple[str, str]], crlf: bool = False, expect: dict,
                 to: str = SUPPORT_FROM, order: str = "std"):
        hdrs = []
        if order == "outlook":
            hdrs += [("From", self.user_from), ("To", to), ("Subject", subject),
                     ("Thread-Topic", self.subject), ("Thread-Index", thread_index(msgid)),
                     ("Date", rfc_date(t)), ("Message-ID", msgid)]
            if in_reply_to:
                hdrs.append(("In-Reply-To", in_reply_to))
            hdrs.append(("References", fold_ids(references)))
            hdrs += client
        else:
            hdrs += [("Message-ID", msgid), ("Date", rfc_date(t)), ("MIME-Version", "1.0")]
            hdrs += client
            hdrs += [("Subject", subject), ("From", self.user_from), ("To", to)]
            if in_reply_to:
                hdrs.append(("In-Reply-To", in_reply_to))
            hdrs.append(("References", fold_ids(references)))
        if order == "outlook":
            hdrs.append(("MIME-Version", "1.0"))
        self._write(name, hdrs, part, crlf, expect)

    def save(self, case_toml: str, answers_toml: str):
        d = HERE / self.folder
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        (d / "case.toml").write_text(case_toml, encoding="utf-8")
        (d / "answers.toml").write_text(answers_toml, encoding="utf-8")
        for name, raw, crlf in self.files:
            data = raw.replace("\r\n", "\n")
            if crlf:
                data = data.replace("\n", "\r\n")
            (d / name).write_bytes(data.encode("utf-8"))
        (d / "expect.toml").write_text(expect_toml(self.expect), encoding="utf-8")


class _Suffix:
    """A MIME part whose content headers are followed by extra top-level headers (SES adds them last)."""

    def __init__(self, part, extra):
        self.part, self.extra = part, extra

    def headers(self):
        return self.part.headers() + self.extra

    def body(self):
        return self.part.body()


def to_addr(s: str) -> str:
    return utils.parseaddr(s)[1]


def qid(seed: str) -> str:
    alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    n = int(hx(seed, 24), 16)
    out = "4Y"
    for _ in range(13):
        n, r = divmod(n, len(alphabet))
        out += alphabet[r]
    return out


def thread_index(seed: str) -> str:
    return base64.b64encode(b"\x01\xdc" + hbytes(seed + "ti", 20)).decode()


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def expect_toml(items: list[dict]) -> str:
    out = ["# What a correct tool concludes for each mail, in order (see ../README-en-part.md).", ""]
    for e in items:
        out.append("[[mail]]")
        draft = e.pop("draft", None)
        for k in ("file", "kind", "state", "deadline", "reopen_by", "accept", "state_after_accept", "asks",
                  "phrase"):
            if k not in e:
                continue
            v = e[k]
            if isinstance(v, bool):
                out.append(f"{k} = {'true' if v else 'false'}")
            elif isinstance(v, date):
                out.append(f"{k} = {v.isoformat()}")
            elif isinstance(v, list):
                out.append(f"{k} = [" + ", ".join(toml_str(x) for x in v) + "]")
            else:
                out.append(f"{k} = {toml_str(v)}")
        if draft:
            out.append("[mail.draft]")
            out.append(f"purpose = {toml_str(draft['purpose'])}")
            out.append('lang = "en"')
            out.append("must_contain = [" + ", ".join(toml_str(x) for x in draft.get("must_contain", [])) + "]")
            out.append("must_not_contain = [" + ", ".join(toml_str(x) for x in draft.get("must_not_contain", []))
                       + "]")
        out.append("")
        e["draft"] = draft
    return "\n".join(out)


def E(kind, state, asks=(), **kw) -> dict:
    e = {"kind": kind, "state": state, "asks": list(asks)}
    e.update(kw)
    return e


def gmail_id(seed: str) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+="
    n = int(hx(seed, 64), 16)
    s = ""
    for _ in range(52):
        n, r = divmod(n, len(alphabet))
        s += alphabet[r]
    return f"<CA{s[:2]}{s[2:]}@mail.gmail.com>"


def outlook_id(seed: str) -> str:
    x = hx(seed, 40).upper()
    return f"<SJ0PR11MB5678{x[:22]}@SJ0PR11MB5678.namprd11.prod.outlook.com>"


def apple_id(seed: str, domain: str) -> str:
    return f"<{uuid_from(seed).upper()}@{domain}>"


def tb_id(seed: str, domain: str) -> str:
    return f"<{uuid_from(seed)}@{domain}>"


# ============================================================================ t01
# Exact phrase confirmation, completion, survey, thank-you, Credly question after completion.
# The source account holds no benefits. Includes the one AI auto-answer and the one survey.

def thread1():
    th = Thread("t01-phrase-confirm-credly", user_name="Daniel Okafor", user_addr="daniel.okafor@northwind-freight.com",
                domain="northwind-freight.com", user_off=0, tzname="GMT", case_id="176784120553019",
                mx_ip="203.0.113.41")
    SRC, TGT = "AWS03318842", "AWS04417260"
    PHRASE = "I authorize the merge of my AWS Certification accounts and understand it cannot be reversed"
    apple = [("X-Mailer", "Apple Mail (2.3826.400.131.1.6)")]

    # 01 acknowledgement -------------------------------------------------------------------
    t1 = dt(2026, 11, 2, 15, 42, 18)
    m1 = ses_id(t1, "t01-01")
    form = dd("""
        I have two AWS Certification accounts and would like them merged. AWS03318842
        (dokafor.dev@example.net) is the account I created while I was freelancing;
        AWS04417260 (daniel.okafor@northwind-freight.com) is my current work account and
        the one I want to keep. Both hold certifications, so the Account merge page in
        my profile refuses to merge them. Please move everything from AWS03318842 into
        AWS04417260.
        """)
    b1 = dd(f"""
        Hello,

        Thank you for contacting AWS Training and Certification Support. We have received
        your request and a member of our team will respond within 1–2 business days.

        Case ID: {th.case_id}
        Subject: [AWS Training and Certification Form Submission] - account-assistance

        To add information to this case, simply reply to this email. Please keep the case
        ID in the subject line so that your reply is added to the same case.

        Your submission:
        ------------------------------------------------------------
        Name: Daniel Okafor
        Email: daniel.okafor@northwind-freight.com
        Company: Northwind Freight
        Inquiry type: AWS Training and Certification
        Issue type: Account merge
        Candidate ID: AWS04417260
        How can we help:
        """) + form + dd("""
        ------------------------------------------------------------

        Regards,
        AWS Training and Certification

        This is an automated message. Replies to this address are added to your case.
        """)
    th.inbound("01-acknowledgement.eml", t1, Leaf(b1), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.subject, msgid=m1, crlf=True, expect=E("acknowledgement", "awaiting_support"))

    # 02 AI auto-answer ----------------------------------------------------------------------
    t2 = dt(2026, 11, 2, 15, 49, 51)
    m2 = ses_id(t2, "t01-02")
    b2 = dd("""
        Hello Daniel,

        Thanks for contacting AWS Training and Certification. While your case is waiting
        for an agent, here is some information that might help you right away.

        Combining two AWS Certification Accounts
        You can merge accounts yourself from the account you want to keep: sign in at
        https://www.aws.training/Certification, open Profile > Account merge, and enter
        the email address and candidate ID of the other account. A verification code is
        sent to the notification email of that account.

        The self-service merge isn't available when both accounts hold active
        certifications, when either account has an upcoming exam appointment, or when you
        can no longer access the other account's email address. In those cases an agent
        completes the merge for you, and may contact you to verify that you own both
        accounts.

        Digital badges
        Badges issued through Credly are linked to an email address. After a merge they may
        need to be re-issued to the email address of the account you keep.

        --
        This answer was generated using AI from your case description and our help
        articles, and it might not fully match your situation.

        Was this helpful? If this resolved your issue, no further action is needed. If not,
        an agent will review your case and follow up by email.

        AWS Training and Certification
        """)
    th.inbound("02-ai-auto-answer.eml", t2,
               Alt("t01-02", Leaf(b2), Leaf(to_html(b2), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m2, in_reply_to=m1,
               references=[m1], crlf=True, ses_ip="54.240.9.112", expect=E("ai_auto_answer", "awaiting_support"))

    # 03 confirmation request with exact phrase --------------------------------------------------
    t3 = dt(2026, 11, 4, 18, 7, 33)
    m3 = ses_id(t3, "t01-03")
    b3_new = dd(f"""
        Hello Daniel,

        My name is Rahul and I'll be assisting you with your account merge request.

        I have located both accounts and verified that they belong to you. This is what
        the merge will look like:

        Account to be merged (it will be closed afterwards):
          {SRC} – dokafor.dev@example.net
            • AWS Certified Developer – Associate (passed February 9, 2024; valid until February 9, 2027)
            • AWS Certified Cloud Practitioner (passed August 14, 2023; expired August 14, 2026)

        Account to be kept:
          {TGT} – daniel.okafor@northwind-freight.com
            • AWS Certified Solutions Architect – Associate (passed April 22, 2025; valid until April 22, 2028)

        After the merge your full certification history, including the expired Cloud
        Practitioner record, will show under {TGT}, and you will sign in with
        daniel.okafor@northwind-freight.com only. A merge is permanent and can't be
        reversed.

        Because of that, we need your written authorization before we proceed. Please
        review the details above and, if they are correct, reply to this email with the
        following statement, word for word:

        "{PHRASE}"

        Once I have your authorization, the merge is normally completed within 3–5
        business days.

        Best regards,
        Rahul S.
        AWS Training and Certification Support
        """)
    b3 = b3_new + dd(f"""

        --------------- Original Message ---------------
        From: Daniel Okafor [daniel.okafor@northwind-freight.com]
        Sent: 11/2/2026 3:42 PM
        To: {SUPPORT}
        Subject: [AWS Training and Certification Form Submission] - account-assistance

        """) + form
    th.inbound("03-agent-confirm-with-phrase.eml", t3,
               Alt("t01-03", Leaf(b3, cte="base64"), Leaf(to_html(b3), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m3, in_reply_to=m2,
               references=[m1, m2], ses_ip="54.240.8.51",
               expect=E("confirmation_request", "confirmation_requested", ["confirm", "phrase"], phrase=PHRASE,
                        draft={"purpose": "confirm_merge", "must_contain": [PHRASE, SRC, TGT],
                               "must_not_contain": ["voucher", "discount"]}))

    # 04 user confirms -------------------------------------------------------------------------
    t4 = dt(2026, 11, 5, 9, 12, 40)
    m4 = apple_id("t01-04", "northwind-freight.com")
    b4_new = dd(f"""
        Hi Rahul,

        {PHRASE}

        The details in your message are correct – please merge {SRC} into {TGT}.

        Thanks,
        Daniel
        """)
    b4 = b4_new + "\n" + f"> On 4 Nov 2026, at 18:07, AWS Training and Certification <{SUPPORT}> wrote:\n>\n" + \
        quote(b3_new) + "\n"
    th.outbound("04-own-reply-authorization.eml", t4, Leaf(b4), msgid=m4, subject="Re: " + th.re,
                in_reply_to=m3, references=[m1, m2, m3],
                client=apple,
                expect=E("own_reply", "awaiting_completion"))

    # 05 completion notice (base64; the quote still carries the phrase request) -----------------
    t5 = dt(2026, 11, 9, 21, 30, 2)
    m5 = ses_id(t5, "t01-05")
    b5_new = dd(f"""
        Hello Daniel,

        Thank you for your authorization. I'm happy to let you know that the merge has
        been completed.

        {SRC} has been merged into {TGT}. When you sign in with
        daniel.okafor@northwind-freight.com you will now see all three certifications and
        your complete exam history. The old account can no longer be used to sign in.

        There is nothing else you need to do. If something looks wrong, reply to this
        email and I'll take a look.

        Best regards,
        Rahul S.
        AWS Training and Certification Support
        """)
    b5 = b5_new + "\n" + \
        f"---- On Thu, 05 Nov 2026 09:12:40 +0000 Daniel Okafor <{th.user_addr}> wrote ----\n\n" + quote(b4) + "\n"
    th.inbound("05-completion-notice.eml", t5, Leaf(b5, cte="base64"), from_=SUPPORT_FROM,
               from_domain="amazon.com", subject=th.re, msgid=m5, in_reply_to=m4, references=[m1, m2, m3, m4],
               crlf=True, ses_ip="54.240.8.97", expect=E("completion_notice", "completed"))

    # 06 survey ----------------------------------------------------------------------------------
    t6 = dt(2026, 11, 10, 2, 15, 9)
    m6 = ses_id(t6, "t01-06")
    b6 = dd(f"""
        Hello,

        Your case {th.case_id} with AWS Training and Certification was recently resolved.

        We'd like to know how we did. Please take a moment to rate your experience – the
        survey has three questions and takes less than two minutes.

        How satisfied were you with the support you received?
        https://pulse.aws/survey/NW4R7QPL?case={th.case_id}

        Your feedback is reviewed by the AWS Training and Certification customer experience
        team and helps us improve.

        Please do not reply to this message; this mailbox is not monitored.

        Amazon Web Services, Inc. is a subsidiary of Amazon.com, Inc. Amazon.com is a
        registered trademark of Amazon.com, Inc. This message was produced and distributed
        by Amazon Web Services, Inc., 410 Terry Ave. North, Seattle, WA 98109-5210.
        """)
    h6 = to_html(b6).replace(f"https://pulse.aws/survey/NW4R7QPL?case={th.case_id}",
                             f'<a href="https://pulse.aws/survey/NW4R7QPL?case={th.case_id}">Take the survey</a>')
    th.inbound("06-survey.eml", t6, Alt("t01-06", Leaf(b6.replace("–", "-"), cte="7bit", charset="us-ascii"),
                                       Leaf(h6, "html")),
        from_=f"Amazon Web Services <{NOREPLY}>", from_domain="amazon.com",
        subject=f"Your feedback on AWS Training and Certification case {th.case_id}", msgid=m6,
        ses_ip="54.240.8.97", expect=E("survey", "completed"))

    # 07 user's thank-you ---------------------------------------------------------------------------
    t7 = dt(2026, 11, 10, 8, 31, 15)
    m7 = apple_id("t01-07", "northwind-freight.com")
    b7_new = dd(f"""
        Hi Rahul,

        Thanks a lot – I can see all my certifications under {TGT} now. Much appreciated!

        Best,
        Daniel
        """)
    b7 = b7_new + "\n" + f"> On 9 Nov 2026, at 21:30, AWS Training and Certification <{SUPPORT}> wrote:\n>\n" + \
        quote(b5_new) + "\n"
    th.outbound("07-own-thank-you.eml", t7, Leaf(b7), msgid=m7, subject="Re: " + th.re, in_reply_to=m5,
                references=[m1, m2, m3, m4, m5], client=apple, expect=E("own_reply", "completed"))

    # 08 support asks a Credly question after completion (8bit UTF-8, LF) -----------------------
    t8 = dt(2026, 11, 12, 16, 48, 27)
    m8 = ses_id(t8, "t01-08")
    b8_new = dd(f"""
        Hello Daniel,

        I’m glad everything shows up correctly. One more thing while I finish the records
        on our side: your Credly badges for AWS Certified Developer – Associate and AWS
        Certified Cloud Practitioner were issued to dokafor.dev@example.net, the email
        address of the account that has now been merged.

        So that our badging team can transfer them, could you tell me which email address
        your Credly account is registered under? If you don’t have a Credly account yet,
        just let me know and we’ll issue the badges to daniel.okafor@northwind-freight.com
        instead.

        Thank you,
        Rahul S.
        AWS Training and Certification Support
        """)
    b8 = b8_new + "\n" + f"On Tue, Nov 10, 2026 at 8:31 AM Daniel Okafor <{th.user_addr}> wrote:\n" + quote(b7) + "\n"
    th.inbound("08-support-credly-question.eml", t8, Leaf(b8, cte="8bit"), from_=SUPPORT_FROM,
               from_domain="amazon.com", subject=th.re, msgid=m8, in_reply_to=m7,
               references=[m1, m2, m3, m4, m5, m7], ses_ip="54.240.48.105",
               expect=E("credly_followup", "credly_requested", ["credly_email"],
                        draft={"purpose": "credly_reply", "must_contain": ["okafor.daniel@example.org"],
                               "must_not_contain": ["voucher", PHRASE]}))

    # 09 user answers the Credly question -----------------------------------------------------------
    t9 = dt(2026, 11, 12, 18, 5, 52)
    m9 = apple_id("t01-09", "northwind-freight.com")
    b9_new = dd("""
        Hi Rahul,

        My Credly account is registered under okafor.daniel@example.org – please transfer
        both badges there.

        Thanks again,
        Daniel
        """)
    b9 = b9_new + "\n" + f"> On 12 Nov 2026, at 16:48, AWS Training and Certification <{SUPPORT}> wrote:\n>\n" + \
        quote(b8_new) + "\n"
    th.outbound("09-own-reply-credly-email.eml", t9, Leaf(b9), msgid=m9, subject="Re: " + th.re,
                in_reply_to=m8, references=[m1, m2, m3, m4, m5, m7, m8], client=apple,
                expect=E("own_reply", "completed"))

    case = dd(f"""
        language = "en"
        reason = "AWS03318842 was opened while I was freelancing; Northwind Freight tracks certifications under my work account, so keep AWS04417260."

        [user]
        name = "Daniel Okafor"
        company = "Northwind Freight"

        [support]
        case_id = "{th.case_id}"
        created = 2026-11-02

        [target]
        account_id = "{TGT}"
        login_email = "daniel.okafor@northwind-freight.com"
        training_email = "daniel.okafor@northwind-freight.com"
        certification_email = "daniel.okafor@northwind-freight.com"

        [[target.certifications]]
        name = "AWS Certified Solutions Architect - Associate"
        passed = 2025-04-22
        expires = 2028-04-22

        [source]
        account_id = "{SRC}"
        login_email = "dokafor.dev@example.net"
        training_email = "dokafor.dev@example.net"
        certification_email = "dokafor.dev@example.net"

        [[source.certifications]]
        name = "AWS Certified Developer - Associate"
        passed = 2024-02-09
        expires = 2027-02-09

        [[source.certifications]]
        name = "AWS Certified Cloud Practitioner"
        passed = 2023-08-14
        expires = 2026-08-14
        """)
    answers = dd("""
        [answers]
        credly_email = "okafor.daniel@example.org"
        """)
    th.save(case, answers)
    return th


# ============================================================================ t02
# Info request, options A/B about an expiring voucher, "within 3 business days" warning just
# before Thanksgiving (sender in US Pacific time), resolved for inactivity (reopen within 14
# days), the user's reopen reply with the choice, completion. Outlook user.

def thread2():
    th = Thread("t02-voucher-options-thanksgiving", user_name="Marisol Vega",
                user_addr="marisol.vega@cascadia-renewables.com", domain="cascadia-renewables.com", user_off=-8,
                tzname="PST", case_id="176790655120418", mx_ip="198.51.100.23")
    SRC, TGT = "AWS02207718", "AWS05592031"
    OPT_A = "Merge now"
    OPT_B = "Use the voucher first"
    outlook = [("Accept-Language", "en-US"), ("Content-Language", "en-US"), ("X-MS-Has-Attach", ""),
               ("X-MS-TNEF-Correlator", "")]
    sig = dd("""
        Marisol Vega
        Cloud Platform Lead | Cascadia Renewables
        """)

    # 01 acknowledgement -----------------------------------------------------------------------
    t1 = dt(2026, 11, 16, 17, 5, 44)
    m1 = ses_id(t1, "t02-01")
    form = dd("""
        Hello, I have a personal certification account (AWS02207718, marisol.vega.pdx@example.com)
        and a work account (AWS05592031, marisol.vega@cascadia-renewables.com). I would like to
        keep the work account and merge the personal one into it. The personal account also
        has an exam voucher that I don't want to lose. Thank you!
        """)
    b1 = dd(f"""
        Hello,

        Thank you for contacting AWS Training and Certification Support. We have received
        your request and a member of our team will respond within 1-2 business days.

        Case ID: {th.case_id}
        Subject: [AWS Training and Certification Form Submission] - account-assistance

        To add information to this case, simply reply to this email. Please keep the case
        ID in the subject line so that your reply is added to the same case.

        Your submission:
        ------------------------------------------------------------
        Name: Marisol Vega
        Email: marisol.vega@cascadia-renewables.com
        Company: Cascadia Renewables
        Inquiry type: AWS Training and Certification
        Issue type: Account merge
        Candidate ID: AWS05592031
        How can we help:
        """) + form + dd("""
        ------------------------------------------------------------

        Regards,
        AWS Training and Certification

        This is an automated message. Replies to this address are added to your case.
        """)
    th.inbound("01-acknowledgement.eml", t1, Leaf(b1, cte="7bit", charset="us-ascii"), from_=SUPPORT_FROM,
               from_domain="amazon.com", subject=th.subject, msgid=m1, ses_ip="54.240.8.30",
               expect=E("acknowledgement", "awaiting_support"))

    # 02 info request ---------------------------------------------------------------------------------
    t2 = dt(2026, 11, 18, 15, 22, 7)
    m2 = ses_id(t2, "t02-02")
    b2_new = dd(f"""
        Hi Marisol,

        Thank you for reaching out to AWS Training and Certification. My name is Megan and
        I'll be working on your case.

        I was able to find your work account, {TGT}. Before I can make any changes to the
        personal account you mentioned, I need to verify that it belongs to you. Could you
        please send me the following for {SRC}:

        1. The email address where that account receives certification notifications
           (this can be different from the email you sign in with)
        2. The name of each certification held on that account, together with the date
           you passed the exam

        Once I have these details I can move forward with the merge.

        Kind regards,
        Megan T.
        AWS Training and Certification
        """)
    b2 = b2_new + dd(f"""

        --------------- Original Message ---------------
        From: Marisol Vega [marisol.vega@cascadia-renewables.com]
        Sent: 11/16/2026 5:05 PM
        To: {SUPPORT}
        Subject: [AWS Training and Certification Form Submission] - account-assistance

        """) + form
    certs_src = ["AWS Certified Solutions Architect - Associate", "2024-05-03", "AWS Certified AI Practitioner",
                 "2025-01-27"]
    th.inbound("02-agent-asks-details.eml", t2,
               Alt("t02-02", Leaf(b2), Leaf(to_html(b2), "html", cte="base64")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m2, in_reply_to=m1,
               references=[m1], ses_ip="54.240.8.51",
               expect=E("info_request", "info_requested", ["certification_email", "certifications"],
                        draft={"purpose": "info_reply", "must_contain": ["mvega.notify@example.com"] + certs_src,
                               "must_not_contain": ["AWS Certified Data Engineer - Associate"]}))

    # 03 own reply (Outlook) --------------------------------------------------------------------------
    t3 = dt(2026, 11, 18, 19, 48, 31, -8)
    m3 = outlook_id("t02-03")
    b3_new = dd(f"""
        Hi Megan,

        Thanks for the quick reply. Here are the details for {SRC}:

        1. Certification notification email: mvega.notify@example.com
        2. Certifications:
           - AWS Certified Solutions Architect - Associate, passed 2024-05-03
           - AWS Certified AI Practitioner, passed 2025-01-27

        Best,
        """) + sig
    ol_hdr2 = dd(f"""
        ________________________________
        From: AWS Training and Certification <{SUPPORT}>
        Sent: Wednesday, November 18, 2026 7:22 AM
        To: Marisol Vega <marisol.vega@cascadia-renewables.com>
        Subject: {th.re}
        """)
    b3 = b3_new + "\n" + ol_hdr2 + "\n" + b2
    th.outbound("03-own-reply-details.eml", t3,
                Alt("t02-03", Leaf(b3), Leaf(to_html(b3, "Aptos, Calibri, Helvetica, sans-serif"), "html"),
                    style="outlook"),
                msgid=m3, subject="RE: " + th.re, in_reply_to=m2, references=[m1, m2], client=outlook,
                order="outlook", crlf=True, expect=E("own_reply", "awaiting_support"))

    # 04 confirmation with options A/B ------------------------------------------------------------------
    t4 = dt(2026, 11, 20, 22, 10, 16)
    m4 = ses_id(t4, "t02-04")
    b4_new = dd(f"""
        Hi Marisol,

        Thank you, those details match our records and I have verified your ownership of
        {SRC}.

        There is one thing I'd like to check with you before I merge the accounts. {SRC}
        has an unused 50% exam discount voucher that expires on December 31, 2026.
        Vouchers keep their original expiration date when they are moved, and while a
        merge is being processed (usually 3–5 business days) the voucher can't be used.
        Please let me know which of these you prefer:

        Option A – Merge now: the voucher is moved to {TGT} and keeps its expiration
        date of December 31, 2026.

        Option B – Use the voucher first: schedule and take your exam with the voucher on
        {SRC}, then reply to this case and I'll complete the merge afterwards.

        Simply reply with A or B. If you choose A, your reply will also serve as your
        approval to merge {SRC} into {TGT}.

        Kind regards,
        Megan T.
        AWS Training and Certification
        """)
    b4 = b4_new + dd(f"""

        -----Original Message-----
        From: Marisol Vega <marisol.vega@cascadia-renewables.com>
        Sent: Thursday, November 19, 2026 3:48 AM
        To: {SUPPORT}
        Subject: RE: {th.re}

        """) + b3
    th.inbound("04-agent-voucher-options.eml", t4, Leaf(b4), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.re, msgid=m4, in_reply_to=m3, references=[m1, m2, m3], ses_ip="54.240.9.112",
               expect=E("confirmation_request", "confirmation_requested", ["choice"],
                        draft={"purpose": "confirm_merge", "must_contain": [OPT_A],
                               "must_not_contain": [OPT_B, "mvega.notify@example.com"]}))

    # 05 auto-close warning: within 3 business days, sent the Tuesday before Thanksgiving (PST) ---------
    t5 = dt(2026, 11, 24, 17, 30, 41, -8)
    m5 = ses_id(t5, "t02-05")
    b5 = dd(f"""
        Hello Marisol,

        We're following up on case {th.case_id} about merging {SRC} into {TGT}.

        On November 20 we asked how you would like to handle the 50% exam discount voucher
        on {SRC}, and we haven't received your reply yet. As a reminder, the options were:

        Option A – Merge now
        Option B – Use the voucher first

        Please reply to this email with A or B.

        If we don't hear from you within 3 business days, this case will be closed
        automatically.

        Thank you,
        Carlos R.
        AWS Training and Certification
        """)
    th.inbound("05-auto-close-warning.eml", t5, Leaf(b5), from_=SUPPORT_FROM,
               from_domain="amazon.com", subject=th.re, msgid=m5, in_reply_to=m4, references=[m1, m2, m3, m4],
               ses_ip="54.240.8.30",
               expect=E("auto_close_warning", "confirmation_requested", ["choice"], deadline=date(2026, 11, 30),
                        draft={"purpose": "confirm_merge", "must_contain": [OPT_A],
                               "must_not_contain": [OPT_B, "mvega.notify@example.com"]}))

    # 06 resolved for inactivity; reopen within 14 days -------------------------------------------------
    t6 = dt(2026, 12, 1, 18, 2, 55)
    m6 = ses_id(t6, "t02-06")
    b6 = dd(f"""
        Hello,

        We haven't received a response to our last message, so this case has been
        resolved due to inactivity.

        If you would still like us to merge {SRC} into {TGT}, reply to this email within
        14 days with your choice (Option A – Merge now, or Option B – Use the voucher
        first) and the case will be reopened automatically.
        After that, please submit a new request through the AWS Training and
        Certification support form.

        Case ID: {th.case_id}

        Thank you for contacting AWS Training and Certification.
        """) + "\n" + quote(b5) + "\n"
    th.inbound("06-resolved-inactivity.eml", t6,
               Alt("t02-06", Leaf(b6, cte="8bit"), Leaf(to_html(b6), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m6, in_reply_to=m5,
               references=[m1, m2, m3, m4, m5], ses_ip="54.240.8.97",
               expect=E("auto_close_warning", "confirmation_requested", ["choice"], reopen_by=date(2026, 12, 15),
                        draft={"purpose": "reopen", "must_contain": [OPT_A],
                               "must_not_contain": [OPT_B, "mvega.notify@example.com"]}))

    # 07 user reopens with choice A ---------------------------------------------------------------------
    t7 = dt(2026, 12, 3, 9, 14, 27, -8)
    m7 = outlook_id("t02-07")
    b7_new = dd(f"""
        Hi Megan and Carlos,

        Apologies for the delay – I was out over the Thanksgiving holiday. Please reopen
        this case.

        I choose Option A – Merge now: please move the voucher to {TGT}; I'm fine with it
        keeping its December 31, 2026 expiration date. Please go ahead and merge {SRC}
        into {TGT}.

        Thank you,
        """) + sig
    ol_hdr6 = dd(f"""
        ________________________________
        From: AWS Training and Certification <{SUPPORT}>
        Sent: Tuesday, December 1, 2026 10:02 AM
        To: Marisol Vega <marisol.vega@cascadia-renewables.com>
        Subject: {th.re}
        """)
    b7 = b7_new + "\n" + ol_hdr6 + "\n" + b6
    th.outbound("07-own-reply-reopen-choice.eml", t7,
                Alt("t02-07", Leaf(b7), Leaf(to_html(b7, "Aptos, Calibri, Helvetica, sans-serif"), "html"),
                    style="outlook"),
                msgid=m7, subject="RE: " + th.re, in_reply_to=m6, references=[m1, m2, m3, m4, m5, m6],
                client=outlook, order="outlook", crlf=True, expect=E("own_reply", "awaiting_completion"))

    # 08 completion ------------------------------------------------------------------------------------
    t8 = dt(2026, 12, 7, 19, 40, 8)
    m8 = ses_id(t8, "t02-08")
    b8 = dd(f"""
        Hi Marisol,

        Welcome back, and thank you for letting us know.

        The merge is complete: {SRC} has been merged into {TGT}. Your AWS Certified
        Solutions Architect – Associate and AWS Certified AI Practitioner certifications
        now appear under {TGT} together with your AWS Certified Data Engineer – Associate,
        and the 50% exam discount voucher is listed under Benefits with its original
        expiration date of December 31, 2026.

        Please sign in with marisol.vega@cascadia-renewables.com from now on; the personal
        account is no longer active.

        Kind regards,
        Megan T.
        AWS Training and Certification
        """) + dd(f"""

        -----Original Message-----
        From: Marisol Vega <marisol.vega@cascadia-renewables.com>
        Sent: Thursday, December 3, 2026 5:14 PM
        To: {SUPPORT}
        Subject: RE: {th.re}

        """) + b7
    th.inbound("08-completion-notice.eml", t8,
               Alt("t02-08", Leaf(b8, cte="base64"), Leaf(to_html(b8), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m8, in_reply_to=m7,
               references=[m1, m2, m3, m4, m5, m6, m7], crlf=True, ses_ip="54.240.48.105",
               expect=E("completion_notice", "completed"))

    case = dd(f"""
        language = "en"
        reason = "My personal account predates my job at Cascadia Renewables; the company sponsors my exams on the work account, so everything should live under AWS05592031."

        [user]
        name = "Marisol Vega"
        company = "Cascadia Renewables"

        [support]
        case_id = "{th.case_id}"
        created = 2026-11-16

        [target]
        account_id = "{TGT}"
        login_email = "marisol.vega@cascadia-renewables.com"
        training_email = "marisol.vega@cascadia-renewables.com"
        certification_email = "marisol.vega@cascadia-renewables.com"

        [[target.certifications]]
        name = "AWS Certified Data Engineer - Associate"
        passed = 2025-09-18
        expires = 2028-09-18

        [source]
        account_id = "{SRC}"
        login_email = "marisol.vega.pdx@example.com"
        training_email = "marisol.vega.pdx@example.com"
        certification_email = "mvega.notify@example.com"

        [[source.certifications]]
        name = "AWS Certified Solutions Architect - Associate"
        passed = 2024-05-03
        expires = 2027-05-03

        [[source.certifications]]
        name = "AWS Certified AI Practitioner"
        passed = 2025-01-27
        expires = 2028-01-27

        [[source.benefits]]
        name = "50% exam discount voucher"
        expires = 2026-12-31
        """)
    answers = dd("""
        [answers]
        choice = "A"
        """)
    th.save(case, answers)
    return th


# ============================================================================ t03
# Info request, the user's reply with a mistyped account ID, a second info request (ID not
# found + AWS Builder ID email + profile name), confirmation WITHOUT any summary, auto-close
# warning naming an absolute date, confirmation, completion. Gmail user; longest References.

def thread3():
    th = Thread("t03-wrong-id-builder-id", user_name="Tomasz Kowalczyk", user_addr="t.kowalczyk@vistula-analytics.pl",
                domain="vistula-analytics.pl", user_off=1, tzname="CET", case_id="176805229031772",
                mx_ip="192.0.2.77")
    SRC, TGT = "AWS06182734", "AWS07731546"
    TYPO = "AWS0612734"
    BUILDER = "tomasz.kowalczyk.dev@example.org"
    PROFILE = "Tomasz J. Kowalczyk"
    gmail_client = []

    def gmail_parts(seed, text):
        return Alt(seed, Leaf(text), Leaf(to_html(text, "arial, sans-serif"), "html"), style="gmail")

    # 01 acknowledgement -----------------------------------------------------------------------
    t1 = dt(2026, 11, 5, 8, 20, 37)
    m1 = ses_id(t1, "t03-01")
    form = dd("""
        Hello, I'd like to merge my old personal certification account into my company
        account (AWS07731546, t.kowalczyk@vistula-analytics.pl). The personal account was
        registered with my private email address. Both accounts have certifications, so I
        can't merge them myself on the profile page.
        """)
    b1 = dd(f"""
        Hello,

        Thank you for contacting AWS Training and Certification Support. We have received
        your request and a member of our team will respond within 1–2 business days.

        Case ID: {th.case_id}
        Subject: [AWS Training and Certification Form Submission] - account-assistance

        To add information to this case, simply reply to this email. Please keep the case
        ID in the subject line so that your reply is added to the same case.

        Your submission:
        ------------------------------------------------------------
        Name: Tomasz Kowalczyk
        Email: t.kowalczyk@vistula-analytics.pl
        Company: Vistula Analytics
        Inquiry type: AWS Training and Certification
        Issue type: Account merge
        Candidate ID: AWS07731546
        How can we help:
        """) + form + dd("""
        ------------------------------------------------------------

        Regards,
        AWS Training and Certification

        This is an automated message. Replies to this address are added to your case.
        """)
    th.inbound("01-acknowledgement.eml", t1, Leaf(b1), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.subject, msgid=m1, crlf=True, expect=E("acknowledgement", "awaiting_support"))

    # 02 first info request ----------------------------------------------------------------------
    t2 = dt(2026, 11, 6, 14, 55, 10)
    m2 = ses_id(t2, "t03-02")
    b2 = dd(f"""
        Hello Tomasz,

        Thank you for contacting AWS Training and Certification.

        I'd be glad to help you combine your accounts. To locate your second account and
        confirm that it's yours, please reply with:

        - the candidate ID of your personal account (it begins with "AWS" and is shown
          under Profile on aws.training)
        - the email address you use to sign in to that account
        - the certifications held on that account and the dates you passed them

        As soon as I have this information I'll continue with your request.

        Best regards,
        Joanna W.
        AWS Training and Certification Support
        """)
    src_certs = ["AWS Certified Cloud Practitioner", "2022-10-11", "AWS Certified Developer - Associate", "2024-03-19"]
    th.inbound("02-agent-asks-account-details.eml", t2, Leaf(b2), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.re, msgid=m2, in_reply_to=m1, references=[m1], ses_ip="54.240.8.51",
               expect=E("info_request", "info_requested", ["account_id", "login_email", "certifications"],
                        draft={"purpose": "info_reply",
                               "must_contain": [SRC, "tomek.kowalczyk@example.org"] + src_certs,
                               "must_not_contain": [TYPO, "AWS Certified SysOps Administrator - Associate"]}))

    # 03 own reply with a mistyped ID ----------------------------------------------------------------
    t3 = dt(2026, 11, 7, 10, 3, 48, 1)
    m3 = gmail_id("t03-03")
    b3_new = dd(f"""
        Hi Joanna,

        Thanks for getting back to me. Here you go:

        Candidate ID: {TYPO}
        Sign-in email: tomek.kowalczyk@example.org
        Certifications:
        - AWS Certified Cloud Practitioner, passed 2022-10-11
        - AWS Certified Developer - Associate, passed 2024-03-19

        Best regards,
        Tomasz
        """)
    b3 = b3_new + "\n" + \
        f"On Fri, Nov 6, 2026 at 3:55 PM AWS Training and Certification <{SUPPORT}> wrote:\n" + quote(b2) + "\n"
    th.outbound("03-own-reply-mistyped-id.eml", t3, gmail_parts("t03-03", b3), msgid=m3,
                subject="Re: " + th.re, in_reply_to=m2, references=[m1, m2], client=gmail_client,
                expect=E("own_reply", "awaiting_support"))

    # 04 second info request: ID not found + Builder ID + profile name --------------------------------
    t4 = dt(2026, 11, 10, 16, 40, 22)
    m4 = ses_id(t4, "t03-04")
    b4_new = dd(f"""
        Hello Tomasz,

        Thank you for the details. Unfortunately I wasn't able to find an account with the
        candidate ID {TYPO} – our system returns no match for it. Could you please check
        the ID on the Profile page of your personal account and send it to me again?

        I also need two more things to link the records correctly:

        - the email address of the AWS Builder ID that you use to sign in to AWS Skill
          Builder, and
        - your name exactly as it appears on your AWS Certification profile (including any
          middle names or initials), since this is the name that will be shown on the
          merged account and on your certificates.

        Thanks in advance,
        Joanna W.
        AWS Training and Certification Support
        """)
    b4 = b4_new + "\n" + \
        f"On Sat, Nov 7, 2026 at 9:03 AM Tomasz Kowalczyk <{th.user_addr}> wrote:\n" + quote(b3) + "\n"
    th.inbound("04-agent-id-not-found.eml", t4,
               Alt("t03-04", Leaf(b4, cte="base64"), Leaf(to_html(b4), "html", cte="base64")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m4, in_reply_to=m3,
               references=[m1, m2, m3], crlf=True, ses_ip="54.240.9.112",
               expect=E("info_request", "info_requested", ["account_id", "builder_id_email", "profile_name"],
                        draft={"purpose": "info_reply", "must_contain": [SRC, BUILDER, PROFILE],
                               "must_not_contain": ["2022-10-11", "2024-03-19"]}))

    # 05 own reply with the corrections -------------------------------------------------------------
    t5 = dt(2026, 11, 11, 21, 17, 5, 1)
    m5 = gmail_id("t03-05")
    b5_new = dd(f"""
        Hi Joanna,

        Sorry about that, I mistyped the ID. The correct candidate ID of my personal
        account is {SRC}.

        AWS Builder ID email: {BUILDER}
        Name on my certification profile: {PROFILE}

        Best regards,
        Tomasz
        """)
    b5 = b5_new + "\n" + \
        f"On Tue, Nov 10, 2026 at 5:40 PM AWS Training and Certification <{SUPPORT}> wrote:\n" + quote(b4) + "\n"
    th.outbound("05-own-reply-corrected-id.eml", t5, gmail_parts("t03-05", b5), msgid=m5,
                subject="Re: " + th.re, in_reply_to=m4, references=[m1, m2, m3, m4], client=gmail_client,
                expect=E("own_reply", "awaiting_support"))

    # 06 confirmation request, no summary ------------------------------------------------------------
    t6 = dt(2026, 11, 13, 13, 5, 49)
    m6 = ses_id(t6, "t03-06")
    b6_new = dd(f"""
        Hello Tomasz,

        Thank you, that ID checks out and I've linked your Builder ID to the case.

        Could you please confirm that you'd like us to go ahead and merge {SRC} into
        {TGT}? Please be aware that once completed, a merge can't be undone.

        Best regards,
        Joanna W.
        AWS Training and Certification Support
        """)
    b6 = b6_new + "\n" + \
        f"On Wed, Nov 11, 2026 at 8:17 PM Tomasz Kowalczyk <{th.user_addr}> wrote:\n" + quote(b5) + "\n"
    th.inbound("06-agent-confirm-no-summary.eml", t6, Leaf(b6, cte="8bit"), from_=SUPPORT_FROM,
               from_domain="amazon.com", subject=th.re, msgid=m6, in_reply_to=m5, references=[m1, m2, m3, m4, m5],
               ses_ip="54.240.8.30",
               expect=E("confirmation_request", "confirmation_requested", ["confirm"],
                        draft={"purpose": "confirm_merge", "must_contain": [SRC, TGT],
                               "must_not_contain": ["as summarised", "as summarized", "summary", BUILDER]}))

    # 07 auto-close warning with an absolute date ----------------------------------------------------------
    t7 = dt(2026, 11, 18, 10, 11, 30)
    m7 = ses_id(t7, "t03-07")
    b7_new = dd(f"""
        Hello Tomasz,

        I'm checking in on your case. We are still waiting for your confirmation that you
        want {SRC} merged into {TGT}.

        If we don't hear from you by Monday, November 23, 2026, we'll assume you no longer
        need assistance and close this case. You're welcome to open a new case at any time.

        Kind regards,
        Kevin L.
        AWS Training & Certification Support
        """)
    b7 = b7_new + "\n" + \
        f"On Fri, Nov 13, 2026 at 1:05 PM AWS Training and Certification <{SUPPORT}> wrote:\n" + quote(b6) + "\n"
    th.inbound("07-auto-close-warning-date.eml", t7, Leaf(b7), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.re, msgid=m7, in_reply_to=m6, references=[m1, m2, m3, m4, m5, m6], crlf=True,
               ses_ip="54.240.8.97",
               expect=E("auto_close_warning", "confirmation_requested", ["confirm"], deadline=date(2026, 11, 23),
                        draft={"purpose": "confirm_merge", "must_contain": [SRC, TGT],
                               "must_not_contain": ["as summarised", "as summarized", "summary", BUILDER]}))

    # 08 own confirmation -----------------------------------------------------------------------------------
    t8 = dt(2026, 11, 19, 7, 45, 12, 1)
    m8 = gmail_id("t03-08")
    b8_new = dd(f"""
        Hi Kevin,

        Yes, I confirm: please merge {SRC} into {TGT}. I understand the merge can't be undone.

        Thanks,
        Tomasz
        """)
    b8 = b8_new + "\n" + \
        f"On Wed, Nov 18, 2026 at 11:11 AM AWS Training and Certification <{SUPPORT}> wrote:\n" + quote(b7) + "\n"
    th.outbound("08-own-reply-confirm.eml", t8, gmail_parts("t03-08", b8), msgid=m8, subject="Re: " + th.re,
                in_reply_to=m7, references=[m1, m2, m3, m4, m5, m6, m7], client=gmail_client,
                expect=E("own_reply", "awaiting_completion"))

    # 09 completion notice -----------------------------------------------------------------------------------
    t9 = dt(2026, 11, 24, 15, 26, 3)
    m9 = ses_id(t9, "t03-09")
    b9_new = dd(f"""
        Hello Tomasz,

        Thank you for confirming. Your accounts have been merged successfully.

        All certifications and exam history from {SRC} are now part of {TGT}, and your
        profile shows the name {PROFILE}. Please use t.kowalczyk@vistula-analytics.pl to
        sign in from now on.

        If anything doesn't look right, just reply to this message.

        Kind regards,
        Kevin L.
        AWS Training & Certification Support
        """)
    b9 = b9_new + "\n" + f"On Thu, Nov 19, 2026 at 6:45 AM Tomasz Kowalczyk <{th.user_addr}> wrote:\n" + \
        quote(b8) + "\n"
    th.inbound("09-completion-notice.eml", t9,
               Alt("t03-09", Leaf(b9), Leaf(to_html(b9), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m9, in_reply_to=m8,
               references=[m1, m2, m3, m4, m5, m6, m7, m8], ses_ip="54.240.48.105",
               expect=E("completion_notice", "completed"))

    case = dd(f"""
        language = "en"
        reason = "I passed my first exams on a private account before Vistula Analytics started sponsoring certifications; keep the company account AWS07731546."

        [user]
        name = "Tomasz Kowalczyk"
        company = "Vistula Analytics"

        [target]
        account_id = "{TGT}"
        login_email = "t.kowalczyk@vistula-analytics.pl"
        training_email = "t.kowalczyk@vistula-analytics.pl"
        certification_email = "t.kowalczyk@vistula-analytics.pl"

        [[target.certifications]]
        name = "AWS Certified SysOps Administrator - Associate"
        passed = 2025-06-30
        expires = 2028-06-30

        [source]
        account_id = "{SRC}"
        login_email = "tomek.kowalczyk@example.org"
        training_email = "tomek.kowalczyk@example.org"
        certification_email = "tk.certs@example.org"

        [[source.certifications]]
        name = "AWS Certified Cloud Practitioner"
        passed = 2022-10-11
        expires = 2025-10-11

        [[source.certifications]]
        name = "AWS Certified Developer - Associate"
        passed = 2024-03-19
        expires = 2027-03-19

        [[source.benefits]]
        name = "Free practice exam voucher"
        expires = 2027-03-19
        """)
    answers = dd(f"""
        [answers]
        builder_id_email = "{BUILDER}"
        profile_name = "{PROFILE}"
        """)
    th.save(case, answers)
    return th


# ============================================================================ t04
# Info request with a "within 3 business days" deadline across Veterans Day (benefit plan +
# certification notification email), an unrelated colleague mail with merge/confirm words,
# a confirmation request with options 1/2 FORWARDED by a colleague from the team alias (must
# not move the case by itself), a 48-hour auto-close warning, the user's choice, completion.
# Thunderbird user.

def thread4():
    th = Thread("t04-forwarded-keep-options", user_name="Siobhan Murphy", user_addr="siobhan.murphy@tidewater-ins.com",
                domain="tidewater-ins.com", user_off=-5, tzname="EST", case_id="176821907344058",
                mx_ip="203.0.113.88")
    SRC, TGT = "AWS03096651", "AWS08840213"
    ALIAS = "cloud-certs@tidewater-ins.com"
    PLAN = "I will not use the voucher before the merge; please move it to AWS08840213."
    OPT1 = f"{SRC} into {TGT}"
    OPT2 = f"{TGT} into {SRC}"
    tb = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "en-US")]

    # 01 acknowledgement from no-reply ---------------------------------------------------------------
    t1 = dt(2026, 11, 9, 13, 10, 27)
    m1 = ses_id(t1, "t04-01")
    b1 = dd(f"""
        Dear Customer,

        We've received your request and created case {th.case_id}.

        What happens next
        An AWS Training and Certification specialist will review your request and reply by
        email, usually within 24–48 hours. Account changes may take longer because we first
        need to confirm that you own every account involved.

        You don't need to do anything right now. If you want to add information, reply to
        this email and keep [CASE {th.case_id}] in the subject line.

        Request summary
        Name: Siobhan Murphy
        Company: Tidewater Insurance Group
        Issue type: Account merge
        Candidate ID: {TGT}
        Description: Please merge my personal certification account {SRC}
        (shiv.murphy@example.com) into my work account {TGT}
        (siobhan.murphy@tidewater-ins.com). Both have certifications. The personal account
        has a 50% voucher.

        Sincerely,
        AWS Training and Certification
        """)
    th.inbound("01-acknowledgement.eml", t1,
               Alt("t04-01", Leaf(b1), Leaf(to_html(b1), "html")),
               from_=f"AWS Training and Certification <{NOREPLY}>", from_domain="amazon.com", subject=th.subject,
               msgid=m1, ses_ip="54.240.8.51", expect=E("acknowledgement", "awaiting_support"))

    # 02 info request (within 3 business days; Nov 11 is Veterans Day) -----------------------------------
    t2 = dt(2026, 11, 10, 20, 14, 55)
    m2 = ses_id(t2, "t04-02")
    b2 = dd(f"""
        Hello Siobhan,

        Thank you for your patience. I'm Fatima and I'll be handling your merge request.

        I've located both {SRC} and {TGT}. To complete the verification, please send us:

        1. The email address where the account you want to keep ({TGT}) receives
           certification notifications.
        2. Your plans for the 50% exam discount voucher on {SRC} (expires January 15,
           2027): will you use it before the merge? A voucher that's attached to a
           scheduled exam can't be moved, so we need to know before we start.

        Please reply within 3 business days so that we can keep your case moving.

        Best regards,
        Fatima A.
        AWS Training and Certification Support
        """)
    th.inbound("02-agent-asks-email-and-voucher-plan.eml", t2,
               Alt("t04-02", Leaf(b2), Leaf(to_html(b2), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m2, in_reply_to=m1,
               references=[m1], crlf=True, ses_ip="54.240.9.112",
               expect=E("info_request", "info_requested", ["certification_email", "benefit_plan"],
                        deadline=date(2026, 11, 16),
                        draft={"purpose": "info_reply", "must_contain": [ALIAS, PLAN],
                               "must_not_contain": ["shiv.murphy@example.com"]}))

    # 03 own reply -------------------------------------------------------------------------------------
    t3 = dt(2026, 11, 11, 18, 22, 9, -5)
    m3 = tb_id("t04-03", "tidewater-ins.com")
    b3_new = dd(f"""
        Hi Fatima,

        1. Certification notification email of {TGT}: {ALIAS} (our team alias)
        2. {PLAN}

        Thanks,
        Siobhan
        """)
    b3 = b3_new + "\n" + "On 11/10/26 3:14 PM, AWS Training and Certification wrote:\n" + quote(b2) + "\n"
    th.outbound("03-own-reply-details.eml", t3,
                Leaf(b3, cte="7bit", charset="UTF-8", params="; format=flowed"), msgid=m3,
                subject="Re: " + th.re, in_reply_to=m2, references=[m1, m2], client=tb,
                expect=E("own_reply", "awaiting_support"))

    # 04 unrelated colleague mail (merge / confirm words) ------------------------------------------------
    t4 = dt(2026, 11, 12, 14, 3, 40, -5)
    m4 = tb_id("t04-04", "tidewater-ins.com")
    b4 = dd("""
        Hi Siobhan,

        Before we merge the two Q4 claims dashboards into one QuickSight folder, could you
        confirm which folder keeps the data sources? Kenji thinks "Claims-Q4-final", but the
        refresh schedule on "Claims-Q4-v2" is the one finance actually uses.

        If you can confirm by Friday I'll do the merge over the weekend so nobody is
        affected.

        Thanks!
        Zoë
        """)
    th.inbound("04-colleague-dashboard-merge.eml", t4, Leaf(b4, cte="quoted-printable"),
               from_=utils.formataddr(("Zoë Hartmann", "zoe.hartmann@tidewater-ins.com"), "utf-8"),
               from_domain="tidewater-ins.com", subject="Q4 claims dashboards - can you confirm before the merge?",
               msgid=m4, ses=False, colleague_host="10.14.2.57", extra=tb,
               expect=E("unrelated", "awaiting_support"))

    # 05 forwarded confirmation request with options 1/2 -----------------------------------------------------
    t_orig = dt(2026, 11, 13, 21, 40, 19)
    m_orig = ses_id(t_orig, "t04-orig")
    orig_new = dd(f"""
        Hello Siobhan,

        Thank you for the information. For security reasons, merge confirmations are sent
        to the certification notification address on file for the account being kept,
        which is why this message is going to this address.

        Please review the accounts below:

          {TGT} – siobhan.murphy@tidewater-ins.com
            AWS Certified Security – Specialty (valid until November 4, 2028)
          {SRC} – shiv.murphy@example.com
            AWS Certified Solutions Architect – Professional (valid until July 15, 2027)
            50% exam discount voucher (expires January 15, 2027)

        Your request asks to keep your work account. However, {SRC} is the older account
        and holds your exam history since 2024, and some customers prefer to keep that one.
        Please tell us which of these you would like:

          1. Merge {SRC} into {TGT} – keep your work account; the certification and the
             voucher from your personal account move to it.
          2. Merge {TGT} into {SRC} – keep your personal account instead; the Security –
             Specialty certification moves to it.

        Reply with 1 or 2. Your reply will be taken as your approval to proceed with the
        merge you choose.

        Best regards,
        Fatima A.
        AWS Training and Certification Support
        """)
    orig = orig_new + dd(f"""

        -----Original Message-----
        From: Siobhan Murphy <siobhan.murphy@tidewater-ins.com>
        Sent: 11/11/2026 11:22 PM
        To: {SUPPORT}
        Subject: Re: {th.re}

        """) + b3
    b5 = dd(f"""
        Hi Siobhan,

        FYI, this came to the team alias ({ALIAS}) on Friday. Looks like it's your
        certification merge case, so forwarding it to you.

        Priya


        -------- Forwarded Message --------
        Subject: \t{th.re}
        Date: \tFri, 13 Nov 2026 21:40:19 +0000
        From: \tAWS Training and Certification <{SUPPORT}>
        To: \t{ALIAS}

        """) + orig
    th.inbound("05-colleague-forwards-confirmation.eml", dt(2026, 11, 16, 9, 20, 33, -5), Leaf(
        b5, cte="8bit", charset="UTF-8", params="; format=flowed"),
        from_="Priya Natarajan <priya.natarajan@tidewater-ins.com>", from_domain="tidewater-ins.com",
        subject="Fwd: " + th.re, msgid=tb_id("t04-05", "tidewater-ins.com"), ses=False,
        colleague_host="10.14.3.112", extra=[("X-Forwarded-Message-Id", m_orig)] + tb,
        expect=E("confirmation_request", "awaiting_support", ["choice"], accept=True,
                 state_after_accept="confirmation_requested",
                 draft={"purpose": "confirm_merge", "must_contain": [OPT1],
                        "must_not_contain": [OPT2, PLAN]}))

    # 06 48-hour auto-close warning directly to the user -------------------------------------------------------
    t6 = dt(2026, 11, 18, 19, 45, 12)
    m6 = ses_id(t6, "t04-06")
    b6_new = dd(f"""
        Hello Siobhan,

        On November 13 we sent a message to {ALIAS}, the certification notification
        address of {TGT}, asking which way you would like your accounts merged. We haven't
        received a reply yet.

        To proceed, please reply with 1 (merge {SRC} into {TGT}) or 2 (merge {TGT} into
        {SRC}). If we don't receive a response within 48 hours, this case will be closed.

        Regards,
        Fatima A.
        AWS Training and Certification Support
        """)
    b6 = b6_new + "\n" + \
        f"On Fri, Nov 13, 2026 at 21:40, AWS Training and Certification <{SUPPORT}> wrote:\n" + quote(orig) + "\n"
    th.inbound("06-auto-close-warning-48h.eml", t6, Leaf(b6), from_=SUPPORT_FROM, from_domain="amazon.com",
               subject=th.re, msgid=m6, in_reply_to=m_orig, references=[m1, m2, m3, m_orig], ses_ip="54.240.8.30",
               expect=E("auto_close_warning", "confirmation_requested", ["choice"], deadline=date(2026, 11, 20),
                        draft={"purpose": "confirm_merge", "must_contain": [OPT1],
                               "must_not_contain": [OPT2, PLAN]}))

    # 07 own reply: option 1 ------------------------------------------------------------------------------------
    t7 = dt(2026, 11, 19, 8, 5, 37, -5)
    m7 = tb_id("t04-07", "tidewater-ins.com")
    b7_new = dd(f"""
        Hi Fatima,

        Sorry for the delay, your message went to our team alias and a colleague only
        forwarded it to me on Monday.

        I choose option 1: Merge {SRC} into {TGT} – I keep my work account.

        Thanks,
        Siobhan
        """)
    b7 = b7_new + "\n" + "On 11/18/26 2:45 PM, AWS Training and Certification wrote:\n" + quote(b6) + "\n"
    th.outbound("07-own-reply-option-1.eml", t7, Leaf(b7, cte="8bit", charset="UTF-8", params="; format=flowed"),
                msgid=m7, subject="Re: " + th.re, in_reply_to=m6, references=[m1, m2, m3, m_orig, m6], client=tb,
                expect=E("own_reply", "awaiting_completion"))

    # 08 completion notice (HTML with blockquoted history that still lists the options) ----------------------
    t8 = dt(2026, 11, 23, 17, 58, 21)
    m8 = ses_id(t8, "t04-08")
    b8 = dd(f"""
        Hello Siobhan,

        Thanks for confirming option 1. The merge is now complete: {SRC} has been merged
        into {TGT}.

        Your AWS Certified Solutions Architect – Professional certification and the 50%
        exam discount voucher (expires January 15, 2027) are now on {TGT}. You can sign in
        with siobhan.murphy@tidewater-ins.com as before.

        Best regards,
        Fatima A.
        AWS Training and Certification Support

        """) + f"On 11/19/26 1:05 PM, Siobhan Murphy <{th.user_addr}> wrote:\n" + quote(b7) + "\n"
    th.inbound("08-completion-notice.eml", t8,
               Alt("t04-08", Leaf(b8), Leaf(to_html(b8), "html")),
               from_=SUPPORT_FROM, from_domain="amazon.com", subject=th.re, msgid=m8, in_reply_to=m7,
               references=[m1, m2, m3, m_orig, m6, m7], crlf=True, ses_ip="54.240.48.105",
               expect=E("completion_notice", "completed"))

    case = dd(f"""
        language = "en"
        reason = "Tidewater Insurance Group tracks all cloud certifications on work accounts; my personal account AWS03096651 should be folded into AWS08840213."

        [user]
        name = "Siobhan Murphy"
        company = "Tidewater Insurance Group"

        [support]
        case_id = "{th.case_id}"

        [target]
        account_id = "{TGT}"
        login_email = "siobhan.murphy@tidewater-ins.com"
        training_email = "siobhan.murphy@tidewater-ins.com"
        certification_email = "{ALIAS}"

        [[target.certifications]]
        name = "AWS Certified Security - Specialty"
        passed = 2025-11-04
        expires = 2028-11-04

        [source]
        account_id = "{SRC}"
        login_email = "shiv.murphy@example.com"
        training_email = "shiv.murphy@example.com"
        certification_email = "shiv.murphy@example.com"

        [[source.certifications]]
        name = "AWS Certified Solutions Architect - Professional"
        passed = 2024-07-15
        expires = 2027-07-15

        [[source.benefits]]
        name = "50% exam discount voucher"
        expires = 2027-01-15
        """)
    answers = dd(f"""
        [answers]
        choice = "1"
        benefit_plan = "{PLAN}"
        """)
    th.save(case, answers)
    return th


def main():
    for make in (thread1, thread2, thread3, thread4):
        th = make()
        print(f"{th.folder}: {len(th.files)} mails")


if __name__ == "__main__":
    main()
