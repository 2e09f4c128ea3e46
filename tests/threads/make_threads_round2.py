#!/usr/bin/env python3
"""Write the round-2 held-out threads t09..t12 (2 English, 2 Japanese).

Deterministic and stdlib only: running it again rewrites the same bytes.
Each thread folder gets case.toml, answers.toml, numbered .eml files and
expect.toml.  Only the folders t09-* .. t12-* next to this script are
touched.

    python3 tests/threads/make_threads_round2.py
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import quopri
import shutil
from email.header import Header

HERE = os.path.dirname(os.path.abspath(__file__))

SUPPORT_ADDR = "aws-cs-trainingcertification-form@amazon.com"
SUPPORT_FROM_EN = f"AWS Training and Certification <{SUPPORT_ADDR}>"
FORM = "[AWS Training and Certification Form Submission] - account-assistance"

UTC = dt.timezone.utc
JST = dt.timezone(dt.timedelta(hours=9))
EST = dt.timezone(dt.timedelta(hours=-5))
TZNAME = {0: "GMT", 9 * 3600: "JST", -5 * 3600: "EST"}

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# --------------------------------------------------------------------------
# small deterministic helpers
# --------------------------------------------------------------------------

def hx(seed: str, n: int) -> str:
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}#{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def b64seed(seed: str, n: int) -> str:
    raw = b""
    i = 0
    while len(raw) * 4 // 3 < n + 4:
        raw += hashlib.sha512(f"{seed}/{i}".encode()).digest()
        i += 1
    return base64.b64encode(raw).decode()[:n]


def uuidish(seed: str) -> str:
    h = hx(seed, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:32]}"


def ses_local(when: dt.datetime, seed: str, tokyo: bool) -> str:
    ms = int(when.timestamp() * 1000) - 1500 + int(hx(seed, 3), 16) % 900
    prefix = "0106" if tokyo else "0100"
    return f"{prefix}{ms:012x}-{uuidish(seed)}-000000"


def rfc_date(when: dt.datetime) -> str:
    off = when.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    return (f"{when.strftime('%a')}, {when.day} {when.strftime('%b')} {when.year} "
            f"{when.strftime('%H:%M:%S')} {sign}{mins // 60:02d}{mins % 60:02d}")


def postfix_date(when: dt.datetime) -> str:
    off = when.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    name = TZNAME[int(off.total_seconds())]
    mins = abs(mins)
    return (f"{when.strftime('%a')}, {when.day:2d} {when.strftime('%b')} {when.year} "
            f"{when.strftime('%H:%M:%S')} {sign}{mins // 60:02d}{mins % 60:02d} ({name})")


def enc_words(text: str, charset: str) -> str:
    """RFC 2047 encode a header value when it is not plain ASCII."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        pass
    out = Header(text, charset).encode(maxlinelen=76)
    if charset == "iso-2022-jp":
        out = out.replace("=?iso-2022-jp?b?", "=?ISO-2022-JP?B?")
    else:
        out = out.replace("=?utf-8?b?", "=?UTF-8?B?")
    return out


def addr(name: str, address: str, charset: str = "utf-8") -> str:
    try:
        name.encode("ascii")
        return f"{name} <{address}>"
    except UnicodeEncodeError:
        return f"{enc_words(name, charset)} <{address}>"


def encode_body(text: str, charset: str, cte: str) -> str:
    """Return the transfer-encoded body (LF line ends; CRLF applied later)."""
    if charset == "iso-2022-jp":
        assert cte == "7bit"
        return "\n".join(line.encode("iso-2022-jp").decode("ascii") for line in text.split("\n"))
    data = text.encode(charset)
    if cte == "7bit":
        return data.decode("ascii")
    if cte == "quoted-printable":
        return quopri.encodestring(data).decode("ascii")
    if cte == "base64":
        return base64.encodebytes(data).decode("ascii")
    raise ValueError(cte)


def gt(text: str) -> str:
    return "\n".join(("> " + l) if l else ">" for l in text.rstrip("\n").split("\n"))


def en_sent(when: dt.datetime) -> str:
    h = when.hour % 12 or 12
    ap = "AM" if when.hour < 12 else "PM"
    return f"{EN_DAYS[when.weekday()]}, {EN_MONTHS[when.month - 1]} {when.day}, {when.year} {h}:{when.minute:02d} {ap}"


def ja_sent(when: dt.datetime) -> str:
    return f"{when.year}年{when.month}月{when.day}日 {when.hour}:{when.minute:02d}"


# --------------------------------------------------------------------------
# thread model
# --------------------------------------------------------------------------

class Mail:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class Thread:
    def __init__(self, slug, lang, user_name, user_addr, user_domain, user_tz, case_created):
        self.slug = slug
        self.lang = lang
        self.user_name = user_name
        self.user_addr = user_addr
        self.user_domain = user_domain
        self.user_tz = user_tz
        self.case_created = case_created
        ms = int(case_created.timestamp() * 1000)
        self.case_id = f"{ms}{int(hx(slug, 2), 16) % 90 + 10}"
        assert len(self.case_id) == 15
        self.base_subject = f"[CASE {self.case_id}] {FORM}"
        self.mails: list[Mail] = []
        self.ip_i = 0

    # ---- ids / references ----------------------------------------------
    def _chain(self, parent: Mail | None):
        if parent is None:
            return None, None
        refs = list(parent.refs) + [parent.msgid]
        return parent.msgid, refs

    # ---- support mail -----------------------------------------------------
    def support(self, fname, when, subject, text, expect, *, parent=None,
                charset="utf-8", cte="quoted-printable", tokyo=False,
                from_=None, html=None, sender_addr=SUPPORT_ADDR):
        seed = f"{self.slug}/{fname}"
        local = ses_local(when, seed, tokyo)
        dom = "ap-northeast-1.amazonses.com" if tokyo else "email.amazonses.com"
        mf_dom = "ap-northeast-1.amazonses.com" if tokyo else "amazonses.com"
        msgid = f"<{local}@{dom}>"
        in_reply_to, refs = self._chain(parent)
        self.ip_i += 1
        if tokyo:
            octet = 230 + int(hx(seed + "ip", 2), 16) % 6
            last = 10 + int(hx(seed + "ip2", 2), 16) % 200
            host = f"e{octet}-{last}.smtp-out.ap-northeast-1.amazonses.com"
            ip = f"23.251.{octet}.{last}"
        else:
            blk = [8, 48, 4][int(hx(seed + "ip", 2), 16) % 3]
            last = 10 + int(hx(seed + "ip2", 2), 16) % 200
            host = f"a{blk}-{last}.smtp-out.amazonses.com"
            ip = f"54.240.{blk}.{last}"
        recv = (when + dt.timedelta(seconds=2 + int(hx(seed + "d", 1), 16) % 3)).astimezone(self.user_tz)
        s1 = "xplzuhjr4seloozmmorg7obwkhgc7ikj"
        s2 = "zh4gjftm6etwoq6afzugpky45synznly" if tokyo else "224i4yxa5dv7c2xz3womw6peuasteono"
        b1 = b64seed(seed + "b1", 342)
        b2 = b64seed(seed + "b2", 342)
        bh = b64seed(seed + "bh", 43) + "="
        t = int(when.timestamp())
        hlist = "Date:From:To:Message-ID:Subject:" + ("In-Reply-To:References:" if parent else "") + \
            "MIME-Version:Content-Type:Content-Transfer-Encoding"

        def fold_b(b):
            return "\n\t ".join([b[:71]] + [b[i:i + 70] for i in range(71, len(b), 70)])

        hdr = [
            f"Authentication-Results: mx.{self.user_domain};\n"
            f"\tdkim=pass (2048-bit key; unprotected) header.d=amazon.com header.i=@amazon.com header.s={s1} header.b={b1[:8]};\n"
            f"\tdkim=pass (1024-bit key) header.d=amazonses.com header.i=@amazonses.com header.s={s2} header.b={b2[:8]};\n"
            f"\tspf=pass smtp.mailfrom={local}@{mf_dom};\n"
            f"\tdmarc=pass header.from=amazon.com",
            f"Received: from {host} ({host} [{ip}])\n"
            f"\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\n"
            f"\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
            f"\t(No client certificate requested)\n"
            f"\tby mx.{self.user_domain} (Postfix) with ESMTPS id {b64seed(seed + 'q', 15).replace('+', 'K').replace('/', 'Z')}\n"
            f"\tfor <{self.user_addr}>; {postfix_date(recv)}",
            f"DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\n"
            f"\ts={s1}; d=amazon.com; t={t};\n"
            f"\th={hlist};\n"
            f"\tbh={bh};\n"
            f"\tb={fold_b(b1)}",
            f"DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\n"
            f"\ts={s2}; d=amazonses.com; t={t};\n"
            f"\th={hlist}:Feedback-ID;\n"
            f"\tbh={bh};\n"
            f"\tb={fold_b(b2)}",
            f"Date: {rfc_date(when)}",
            f"From: {from_ or SUPPORT_FROM_EN}",
            f"To: {self.user_addr}",
            f"Message-ID: {msgid}",
            f"Subject: {enc_words(subject, 'iso-2022-jp' if charset == 'iso-2022-jp' else 'utf-8')}",
        ]
        if parent:
            hdr.append(f"In-Reply-To: {in_reply_to}")
            hdr.append("References: " + "\n ".join(refs))
        hdr.append("MIME-Version: 1.0")
        body = self._body(hdr, text, charset, cte, html, seed, when)
        fb = ("::1.ap-northeast-1.MI3ZBUV3TSGQtUxIok1Fftf5ADvkTEYYvowij8npMC8=:AmazonSES" if tokyo
              else "::1.us-east-1.k0sA2U+ALpZg1NQ1hz2mER5D++9ehCES7fqPmgkNlSw=:AmazonSES")
        hdr.append(f"X-SES-Outgoing: {when.astimezone(UTC).strftime('%Y.%m.%d')}-{ip}")
        hdr.append(f"Feedback-ID: {fb}")
        m = Mail(fname=fname, msgid=msgid, refs=refs or [], text=text, when=when,
                 subject=subject, sender=from_ or SUPPORT_FROM_EN, expect=expect,
                 raw="\n".join(hdr) + "\n\n" + body)
        self.mails.append(m)
        return m

    def _body(self, hdr, text, charset, cte, html, seed, when):
        if html is None:
            cs = "ISO-2022-JP" if charset == "iso-2022-jp" else charset.upper()
            hdr.append(f"Content-Type: text/plain; charset={cs}")
            hdr.append(f"Content-Transfer-Encoding: {cte}")
            return encode_body(text, charset, cte)
        boundary = f"----=_Part_{int(hx(seed + 'p', 4), 16) % 9000 + 1000}_{int(hx(seed + 'p2', 8), 16) % 10**9}.{int(when.timestamp() * 1000)}"
        hdr.append(f'Content-Type: multipart/alternative; \n\tboundary="{boundary}"')
        parts = [
            f"--{boundary}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            + encode_body(text, "utf-8", "quoted-printable"),
            f"--{boundary}\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
            + encode_body(html, "utf-8", "quoted-printable"),
        ]
        return "\n".join(p.rstrip("\n") + "\n" for p in parts) + f"--{boundary}--\n"

    # ---- the user's own reply (Sent folder copy) --------------------------
    def own(self, fname, when, subject, text, expect, *, parent, client, charset="utf-8", cte=None):
        seed = f"{self.slug}/{fname}"
        in_reply_to, refs = self._chain(parent)
        if cte is None:
            try:
                text.encode("ascii")
                cte = "7bit"
            except UnicodeEncodeError:
                cte = "quoted-printable"
        name_charset = "iso-2022-jp" if charset == "iso-2022-jp" else "utf-8"
        hdr = []
        if client == "thunderbird":
            msgid = f"<{uuidish(seed)}@{self.user_domain}>"
            hdr += [f"Message-ID: {msgid}", f"Date: {rfc_date(when)}", "MIME-Version: 1.0",
                    "User-Agent: Mozilla Thunderbird", "Content-Language: en-GB",
                    f"From: {addr(self.user_name, self.user_addr)}",
                    f"To: {SUPPORT_FROM_EN}",
                    f"Subject: {enc_words(subject, 'utf-8')}"]
            if parent:
                hdr += ["References: " + "\n ".join(refs), f"In-Reply-To: {in_reply_to}"]
            ct = f"Content-Type: text/plain; charset={charset.upper()}; format=flowed"
        elif client == "apple":
            msgid = f"<{uuidish(seed).upper()}@{self.user_domain}>"
            hdr += [f"From: {addr(self.user_name, self.user_addr)}",
                    "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))",
                    f"Subject: {enc_words(subject, 'utf-8')}",
                    f"Date: {rfc_date(when)}"]
            if parent:
                hdr += ["References: " + "\n ".join(refs), f"In-Reply-To: {in_reply_to}"]
            hdr += [f"To: {SUPPORT_FROM_EN}", f"Message-Id: {msgid}",
                    "X-Mailer: Apple Mail (2.3826.400.131.1.6)"]
            ct = ("Content-Type: text/plain;\n\tcharset=us-ascii" if cte == "7bit"
                  else f"Content-Type: text/plain;\n\tcharset={charset}")
        elif client == "outlook":
            box = f"TYCPR01MB{int(hx(self.slug + 'box', 4), 16) % 90000 + 10000}"
            msgid = f"<{box}{hx(seed, 24).upper()}@{box}.jpnprd01.prod.outlook.com>"
            hdr += [f"From: {addr(self.user_name, self.user_addr, name_charset)}",
                    f"To: {addr('AWS Training and Certification', SUPPORT_ADDR)}",
                    f"Subject: {enc_words(subject, name_charset)}",
                    f"Thread-Topic: {enc_words(subject, name_charset)}",
                    f"Thread-Index: {b64seed(self.slug + 'ti', 22)}{b64seed(seed + 'ti', 10)}==",
                    f"Date: {rfc_date(when)}",
                    f"Message-ID: {msgid}"]
            if parent:
                hdr += ["References: " + "\n ".join(refs), f"In-Reply-To: {in_reply_to}"]
            hdr += ["Accept-Language: ja-JP, en-US", "Content-Language: ja-JP",
                    "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:", "MIME-Version: 1.0"]
            cs = "iso-2022-jp" if charset == "iso-2022-jp" else f'"{charset}"'
            ct = f"Content-Type: text/plain; charset={cs}"
        else:
            raise ValueError(client)
        if charset == "iso-2022-jp":
            cte = "7bit"
        hdr += [ct, f"Content-Transfer-Encoding: {cte}"]
        body = encode_body(text, charset, cte)
        m = Mail(fname=fname, msgid=msgid, refs=refs or [], text=text, when=when,
                 subject=subject, sender=addr(self.user_name, self.user_addr), expect=expect,
                 raw="\n".join(hdr) + "\n\n" + body)
        self.mails.append(m)
        return m

    # ---- output -----------------------------------------------------------
    def write(self, case_toml: str, answers_toml: str):
        d = os.path.join(HERE, self.slug)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        with open(os.path.join(d, "case.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(case_toml.replace("@CASE_ID@", self.case_id))
        with open(os.path.join(d, "answers.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(answers_toml)
        for m in self.mails:
            raw = m.raw.replace("\r\n", "\n")
            if not raw.endswith("\n"):
                raw += "\n"
            with open(os.path.join(d, m.fname), "wb") as f:
                f.write(raw.replace("\n", "\r\n").encode("ascii"))
        with open(os.path.join(d, "expect.toml"), "w", encoding="utf-8", newline="\n") as f:
            f.write(expect_toml(self))


# --------------------------------------------------------------------------
# expect.toml
# --------------------------------------------------------------------------

def tq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tlist(xs) -> str:
    return "[" + ", ".join(tq(x) for x in xs) + "]"


def expect_toml(th: Thread) -> str:
    out = [f"# {th.slug}: expected reading of every mail, in arrival order.",
           f"# case {th.case_id}; generated by make_threads_round2.py", ""]
    for m in th.mails:
        e = m.expect
        out.append("[[mail]]")
        out.append(f"file = {tq(m.fname)}")
        out.append(f"kind = {tq(e['kind'])}")
        out.append(f"state = {tq(e['state'])}")
        for k in ("deadline", "reopen_by"):
            if k in e:
                out.append(f"{k} = {e[k].isoformat()}")
        if e.get("accept"):
            out.append("accept = true")
            out.append(f"state_after_accept = {tq(e['state_after_accept'])}")
        out.append(f"asks = {tlist(e.get('asks', []))}")
        if "phrase" in e:
            out.append(f"phrase = {tq(e['phrase'])}")
        if "draft" in e:
            dr = e["draft"]
            out.append("[mail.draft]")
            out.append(f"purpose = {tq(dr['purpose'])}")
            out.append(f"lang = {tq(th.lang)}")
            out.append(f"must_contain = {tlist(dr.get('must_contain', []))}")
            out.append(f"must_not_contain = {tlist(dr.get('must_not_contain', []))}")
        out.append("")
    return "\n".join(out)


def E(kind, state, asks=(), **kw):
    d = {"kind": kind, "state": state, "asks": list(asks)}
    d.update(kw)
    return d


def D(purpose, must_contain=(), must_not_contain=()):
    return {"purpose": purpose, "must_contain": list(must_contain),
            "must_not_contain": list(must_not_contain)}


# ==========================================================================
# t09 -- English: one flowing paragraph, quoted-sentence confirmation,
#        "on or before 18 December", "All done" notice, Credly question
# ==========================================================================

def t09():
    th = Thread("t09-en-paragraph-phrase-credly", "en", "Priya Raman",
                "priya.raman@northwind-example.com", "northwind-example.com", UTC,
                dt.datetime(2026, 11, 9, 8, 17, 52, tzinfo=UTC))
    S = th.base_subject
    RE = "RE:" + S
    agent_sig = "Best regards,\n\nMarcus W.\nAWS Training and Certification Support\nAmazon Web Services"

    form = f"""Name: Priya Raman
Email: priya.raman@northwind-example.com
Company: Northwind Analytics
Topic: Account assistance
Preferred language: English
Question:
Hi, I ended up with two Certification accounts. My old personal one has a
Developer Associate and a Cloud Practitioner on it, plus a 50% discount
voucher I never used. My work one (same email as this request) has my
Solutions Architect Professional. Can you merge the personal account into
the work account so everything is in one place? Thanks!"""

    ack_text = f"""Hello Priya,

We've received your request and opened case {th.case_id} for it.

Someone from the AWS Training and Certification Support team will get back to
you, usually within two business days. If you need to add something before
then, just reply to this email and leave the case number in the subject line
as it is.

Summary of your submission
--------------------------
{form}
--------------------------

Thank you,
AWS Training and Certification Support

Please never send passwords or full payment card numbers by email."""
    m1 = th.support("01-acknowledgement.eml",
                    dt.datetime(2026, 11, 9, 8, 18, 30, tzinfo=UTC), S, ack_text,
                    E("acknowledgement", "awaiting_support"))

    ask_text = f"""Hello Priya,

Thank you for reaching out to AWS Training and Certification, and I'm sorry you ended up with your certifications spread over two profiles; I'd be glad to help bring them together. So that I can find both records and be sure I am merging the right ones, could you reply with the Certification account ID of the profile you want to keep (it starts with "AWS" followed by digits and is shown under My Profile once you sign in at aws.training), the email address you use to sign in to the personal account that should be folded into it, and, because older profiles often send certification notices somewhere other than the sign-in address, the certification notification email that is currently set on that personal account? Once I have those three details I'll check the records on my side and write back with a summary of what the merge will look like before anything is changed.

{agent_sig}

ref:_00D5f0bKLx._500Vx0Mq1zB:ref

---------- Original request ----------
{form}"""
    m2 = th.support("02-agent-asks-paragraph.eml",
                    dt.datetime(2026, 11, 11, 19, 5, 14, tzinfo=UTC), RE, ask_text,
                    E("info_request", "info_requested",
                      ["account_id", "login_email", "certification_email"],
                      draft=D("info_reply",
                              ["AWS04417829", "priya.r.1987@example.net", "priyaraman.certs@example.org"],
                              ["voucher", "Cloud Practitioner"])),
                    parent=m1)

    reply1 = f"""Hi Marcus,

Thanks for picking this up. Here are the details:

- Account to keep: AWS04417829
- Sign-in email of the personal account: priya.r.1987@example.net
- Certification notification email on the personal account:
  priyaraman.certs@example.org

Let me know if you need anything else.

Kind regards,
Priya Raman
Northwind Analytics

On 11/11/2026 19:05, AWS Training and Certification wrote:
{gt(ask_text)}
"""
    m3 = th.own("03-own-reply-details.eml",
                dt.datetime(2026, 11, 12, 9, 14, 40, tzinfo=UTC), "Re: " + RE, reply1,
                E("own_reply", "awaiting_support"), parent=m2, client="thunderbird")

    phrase = "I confirm that I want AWS03119264 merged into AWS04417829 and I understand that this cannot be undone."
    confirm_text = f"""Hi Priya,

Thanks for the quick reply, that was exactly what I needed. I found the
personal profile, AWS03119264, and it is registered to
priya.r.1987@example.net with certification notices going to
priyaraman.certs@example.org.

Here is what the merge will do:

  * The AWS Certified Developer - Associate and AWS Certified Cloud
    Practitioner records on AWS03119264 will be moved to AWS04417829,
    together with their original pass dates and exam history.
  * The unused 50% exam discount voucher moves as well and keeps its
    current expiry date.
  * AWS03119264 is then deactivated, and signing in with
    priya.r.1987@example.net will stop working.

A merge can't be reversed once we have processed it, so we need your
agreement in writing, in a fixed form. If you'd like us to go ahead, please
reply to this email with the following sentence, copied exactly as written:

"{phrase}"

If anything in the summary above looks wrong, just tell us what to correct
instead, and leave the sentence out of that reply.

{agent_sig}

ref:_00D5f0bKLx._500Vx0Mq1zB:ref

--- Original Message ---
From: Priya Raman <priya.raman@northwind-example.com>
Sent: 11/12/2026 09:14 AM
To: {SUPPORT_ADDR}
Subject: Re: {RE}

{reply1}"""
    m4 = th.support("04-agent-asks-for-sentence.eml",
                    dt.datetime(2026, 11, 16, 21, 30, 5, tzinfo=UTC), RE, confirm_text,
                    E("confirmation_request", "confirmation_requested", ["phrase"], phrase=phrase,
                      draft=D("confirm_merge", [phrase, "AWS03119264", "AWS04417829"],
                              ["priyaraman.certs@example.org"])),
                    parent=m3)

    warn_text = f"""Hello Priya,

I'm following up on the merge of AWS03119264 into AWS04417829. We are still
waiting for the confirmation sentence I asked for on November 16, so nothing
has been changed on either account yet.

If we don't hear from you on or before 18 December 2026, we'll assume the
merge is no longer needed and close this case. You can always open a new case
later, but the verification steps would have to be repeated.

To go ahead, simply reply with the confirmation sentence exactly as it appears
in my earlier message below.

{agent_sig}

--- Original Message ---
From: AWS Training and Certification <{SUPPORT_ADDR}>
Sent: 11/16/2026 09:30 PM
To: priya.raman@northwind-example.com
Subject: {RE}

{confirm_text}"""
    m5 = th.support("05-auto-close-warning.eml",
                    dt.datetime(2026, 12, 10, 18, 2, 47, tzinfo=UTC), RE, warn_text,
                    E("auto_close_warning", "confirmation_requested", ["phrase"],
                      deadline=dt.date(2026, 12, 18), phrase=phrase,
                      draft=D("confirm_merge", [phrase, "AWS03119264", "AWS04417829"])),
                    parent=m4)

    reply2 = f"""Hi Marcus,

Sorry for the slow reply, I was travelling.

{phrase}

Thanks,
Priya

On 10/12/2026 18:02, AWS Training and Certification wrote:
{gt(warn_text)}
"""
    m6 = th.own("06-own-reply-sentence.eml",
                dt.datetime(2026, 12, 11, 8, 40, 12, tzinfo=UTC), "Re: " + RE, reply2,
                E("own_reply", "awaiting_completion"), parent=m5, client="thunderbird")

    done_text = f"""Hi Priya,

All done \u2013 your certifications now live under AWS04417829.

Here's a quick rundown of what changed today:

  - AWS Certified Developer - Associate (passed Feb 14, 2024) and AWS
    Certified Cloud Practitioner (passed May 30, 2022) now show up on
    AWS04417829 next to your AWS Certified Solutions Architect - Professional.
  - Your 50% exam discount voucher is now listed under Benefits on
    AWS04417829 and is still valid until Feb 14, 2027.
  - AWS03119264 has been deactivated, so priya.r.1987@example.net can no
    longer be used to sign in.

Your transcript on aws.training can take up to 24 hours to refresh. There's
nothing else you need to do.

Thanks for your patience while we worked on this.

{agent_sig}

ref:_00D5f0bKLx._500Vx0Mq1zB:ref"""
    m7 = th.support("07-all-done.eml",
                    dt.datetime(2026, 12, 15, 22, 11, 36, tzinfo=UTC), RE, done_text,
                    E("completion_notice", "completed"), parent=m6)

    credly_text = f"""Hello Priya,

One more thing before we close this out. Digital badges for AWS
Certifications are issued through Credly, and the badges for your Developer -
Associate and Cloud Practitioner certifications were originally sent to
priyaraman.certs@example.org. Now that those certifications sit on
AWS04417829, we can reissue the badges so that they land in the Credly
account you actually use.

Could you tell us the email address you use to sign in to Credly? If you are
happy to leave the badges where they are, a short reply saying so is fine too.

{agent_sig}"""
    m8 = th.support("08-credly-question.eml",
                    dt.datetime(2026, 12, 16, 17, 45, 3, tzinfo=UTC), RE, credly_text,
                    E("credly_followup", "completed", ["credly_email"],
                      draft=D("credly_reply", ["p.raman.credly@example.org"], ["voucher"])),
                    parent=m7)

    reply3 = f"""Hi Marcus,

Thank you so much, everything looks right on aws.training now.

For Credly, please use p.raman.credly@example.org, that's the address I sign
in with.

Best,
Priya

On 16/12/2026 17:45, AWS Training and Certification wrote:
{gt(credly_text)}
"""
    th.own("09-own-reply-thanks-credly.eml",
           dt.datetime(2026, 12, 17, 10, 3, 58, tzinfo=UTC), "Re: " + RE, reply3,
           E("own_reply", "completed"), parent=m8, client="thunderbird")

    case = f"""language = "en"
reason = "AWS03119264 is a personal account I used before joining Northwind Analytics; I want everything kept under my work account AWS04417829."

[user]
name = "Priya Raman"
company = "Northwind Analytics"

[support]
case_id = "@CASE_ID@"
created = 2026-11-09

[target]
account_id = "AWS04417829"
login_email = "priya.raman@northwind-example.com"
training_email = "priya.raman@northwind-example.com"
certification_email = "priya.raman@northwind-example.com"

[[target.certifications]]
name = "AWS Certified Solutions Architect - Professional"
passed = 2025-08-19
expires = 2028-08-19

[source]
account_id = "AWS03119264"
login_email = "priya.r.1987@example.net"
training_email = "priya.r.1987@example.net"
certification_email = "priyaraman.certs@example.org"

[[source.certifications]]
name = "AWS Certified Developer - Associate"
passed = 2024-02-14
expires = 2027-02-14

[[source.certifications]]
name = "AWS Certified Cloud Practitioner"
passed = 2022-05-30
expires = 2025-05-30

[[source.benefits]]
name = "50% exam discount voucher"
expires = 2027-02-14
"""
    answers = '[answers]\ncredly_email = "p.raman.credly@example.org"\n'
    th.write(case, answers)
    return th


# ==========================================================================
# t10 -- English: AI auto-answer, HTML table + "do you still have access",
#        wrong account ID in round 2, (a)/(b) options, 5 business days
#        across Christmas
# ==========================================================================

def t10():
    th = Thread("t10-en-table-wrong-id-christmas", "en", "Daniel Okafor",
                "daniel.okafor@brightwater-example.com", "brightwater-example.com", EST,
                dt.datetime(2026, 11, 16, 15, 1, 20, tzinfo=UTC))
    S = th.base_subject
    RE = "RE:" + S
    footer = ("Amazon Web Services, Inc. is a subsidiary of Amazon.com, Inc. Amazon.com is a registered "
              "trademark of Amazon.com, Inc. This message was produced and distributed by Amazon Web "
              "Services, Inc., 410 Terry Ave. North, Seattle, WA 98109-5210.")

    form = """Case details
Name: Daniel Okafor
Email: daniel.okafor@brightwater-example.com
Company: Brightwater Logistics
Category: account-assistance
Language: English
Description: I have two certification accounts. My current one is
AWS05528310 under this email. Years ago I made another one with a personal
email address, and it has my Solutions Architect Associate and Security
Specialty. Please merge the old one into AWS05528310."""

    ack = f"""Hello,

Thanks for contacting AWS Training and Certification Support. Your request
has been logged as case {th.case_id}.

What happens next
1. An agent reviews your request, normally within 2 business days.
2. If we need anything from you, we will reply to this email address.
3. Changes to accounts are only made once you have confirmed them.

{form}

AWS Training and Certification Support

{footer}"""
    m1 = th.support("01-acknowledgement.eml",
                    dt.datetime(2026, 11, 16, 15, 2, 9, tzinfo=UTC), S, ack,
                    E("acknowledgement", "awaiting_support"))

    ai = """Hello,

This is an automated reply written by an AI assistant from the information in
your request. It can contain mistakes, and a member of our support team will
still review your case.

From your description, you would like to combine two AWS Certification
accounts. Some general information that may help:

\u2022 Certification accounts can only be merged by AWS Training and
  Certification Support; aws.training has no self-service option for this.
\u2022 To check ownership, support may ask for the account ID, the sign-in email
  and the notification email addresses of each account.
\u2022 After a merge, the merged account is deactivated and its certifications,
  exam history and benefits appear on the account that is kept.
\u2022 Digital badges are issued by Credly and sometimes need to be reissued
  after a merge.

If this answered your question, there is nothing else to do. If you still need
help, you don't need to do anything either: an agent will contact you on this
case.

AWS Training and Certification Support
(automated response)"""
    m2 = th.support("02-ai-auto-answer.eml",
                    dt.datetime(2026, 11, 16, 15, 9, 41, tzinfo=UTC), RE, ai,
                    E("ai_auto_answer", "awaiting_support"), parent=m1)

    table_rows = [
        ("1", "Certification account ID of the older account", "Starts with \"AWS\" followed by 8 digits"),
        ("2", "Email address you use to sign in to the older account", "The address you type on the sign-in page"),
        ("3", "aws.training notification email of the older account",
         "Shown under Contact preferences; it can differ from the sign-in email"),
    ]
    html_rows = "\n".join(
        f'<tr><td style="padding:6px;border:1px solid #999">{a}</td>'
        f'<td style="padding:6px;border:1px solid #999">{b}</td>'
        f'<td style="padding:6px;border:1px solid #999">{c.replace(chr(34), "&quot;")}</td></tr>'
        for a, b, c in table_rows)
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px">
<p>Hi Daniel,</p>
<p>My name is Aisha and I'll be handling your request from here. Thanks for including your current account ID, AWS05528310 &ndash; I've located that profile.</p>
<p>To find the older account and confirm it belongs to you, please send me the details listed in the table. You'll find all of them on the <b>My Profile</b> page after signing in to aws.training with the older account.</p>
<table style="border-collapse:collapse;border:1px solid #999">
<thead><tr style="background:#232f3e;color:#ffffff"><th style="padding:6px">#</th><th style="padding:6px">Information needed</th><th style="padding:6px">Where to find it</th></tr></thead>
<tbody>
{html_rows}
</tbody></table>
<p>There is also one thing only you can tell us: <b>do you still have access to the mailbox you use to sign in to the older account?</b> If you do, we'll send a one-time verification code there before the merge. If you no longer have access, just say so and we'll suggest another way to verify ownership.</p>
<p>Kind regards,<br>Aisha K.<br>AWS Training and Certification Support</p>
<p style="font-size:11px;color:#666666">{footer}</p>
<hr>
<div style="color:#555555"><p><b>From:</b> {th.user_name} &lt;{th.user_addr}&gt;<br><b>Subject:</b> {S}</p>
<p>{form.replace(chr(10), '<br>' + chr(10))}</p></div>
</body></html>"""
    plain = f"""Hi Daniel,

My name is Aisha and I'll be handling your request from here. Thanks for
including your current account ID, AWS05528310 \u2013 I've located that
profile.

To find the older account and confirm it belongs to you, please send me the
details listed in the table. You'll find all of them on the My Profile page
after signing in to aws.training with the older account.

#
Information needed
Where to find it
""" + "\n".join(f"{a}\n{b}\n{c}" for a, b, c in table_rows) + f"""

There is also one thing only you can tell us: do you still have access to the
mailbox you use to sign in to the older account? If you do, we'll send a
one-time verification code there before the merge. If you no longer have
access, just say so and we'll suggest another way to verify ownership.

Kind regards,
Aisha K.
AWS Training and Certification Support

{footer}

________________________________
From: {th.user_name} <{th.user_addr}>
Subject: {S}

{form}"""
    note = "Yes, I still have access to the older sign-in mailbox and can receive a verification code there."
    m3 = th.support("03-agent-asks-table.eml",
                    dt.datetime(2026, 11, 18, 20, 44, 27, tzinfo=UTC), RE, plain,
                    E("info_request", "info_requested",
                      ["account_id", "login_email", "training_email"],
                      draft=D("info_reply",
                              ["AWS02290475", "dokafor.dev@example.net", "okafor.training@example.net", note],
                              ["d.okafor.alerts@example.org", "voucher"])),
                    parent=m2, html=html)

    r1 = f"""Hi Aisha,

Thanks for the help. Here's the info for the older account:

1. Account ID: AWS02290457
2. Sign-in email: dokafor.dev@example.net
3. aws.training notification email: okafor.training@example.net

And yes, I still have access to the old sign-in mailbox, so a verification
code there is fine.

Thanks,
Daniel Okafor
Brightwater Logistics

> On Nov 18, 2026, at 3:44 PM, AWS Training and Certification <{SUPPORT_ADDR}> wrote:
>
{gt(plain)}
"""
    m4 = th.own("04-own-reply-table.eml",
                dt.datetime(2026, 11, 19, 8, 31, 2, tzinfo=EST), "Re: " + RE, r1,
                E("own_reply", "awaiting_support"), parent=m3, client="apple")

    wrong = f"""Hi Daniel,

Thank you for the details. The sign-in email dokafor.dev@example.net and the
notification address okafor.training@example.net both lead to the same
profile, and it's good to hear you can still receive mail there.

The account ID in your reply, AWS02290457, doesn't belong to that profile,
though: it isn't linked to either of those addresses, and it may simply be two
digits swapped. Could you sign in to aws.training with
dokafor.dev@example.net, open My Profile, and send me the Certification
account ID exactly as it is shown there?

As soon as I have the right ID I'll put the merge summary together for you.

Kind regards,
Aisha K.
AWS Training and Certification Support

-----Original Message-----
From: Daniel Okafor <daniel.okafor@brightwater-example.com>
Sent: Thursday, November 19, 2026 1:31 PM
To: AWS Training and Certification <{SUPPORT_ADDR}>
Subject: Re: {RE}

{r1}"""
    m5 = th.support("05-agent-says-id-wrong.eml",
                    dt.datetime(2026, 11, 23, 18, 12, 55, tzinfo=UTC), RE, wrong,
                    E("info_request", "info_requested", ["account_id"],
                      draft=D("info_reply", ["AWS02290475"], ["AWS02290457", "voucher"])),
                    parent=m4)

    r2 = f"""Hi Aisha,

Sorry about that, I swapped two digits. The correct account ID is
AWS02290475 (copied straight from My Profile this time).

Daniel

> On Nov 23, 2026, at 1:12 PM, AWS Training and Certification <{SUPPORT_ADDR}> wrote:
>
{gt(wrong)}
"""
    m6 = th.own("06-own-reply-corrected-id.eml",
                dt.datetime(2026, 11, 24, 7, 55, 19, tzinfo=EST), "Re: " + RE, r2,
                E("own_reply", "awaiting_support"), parent=m5, client="apple")

    opts = f"""Hi Daniel,

Thanks, AWS02290475 checks out and I've confirmed that it belongs to you.
This is what we're ready to do:

  Account kept:    AWS05528310 (daniel.okafor@brightwater-example.com)
  Account merged:  AWS02290475 (deactivated afterwards)
  Moving over:     AWS Certified Solutions Architect - Associate,
                   AWS Certified Security - Specialty,
                   50% exam discount voucher (expires Sep 27, 2027)

The two accounts currently send certification notifications to different
addresses, and the merged account can only have one. Please reply with the
letter of the option you prefer:

  (a) Keep your current work address for certification notifications
      (daniel.okafor@brightwater-example.com).
  (b) Switch certification notifications to your personal address
      (d.okafor.alerts@example.org).

Your reply with (a) or (b) also counts as your approval to go ahead with the
merge, so please only send it if the summary above is correct.

Kind regards,
Aisha K.
AWS Training and Certification Support

{footer}"""
    m7 = th.support("07-agent-options-a-b.eml",
                    dt.datetime(2026, 12, 2, 19, 26, 8, tzinfo=UTC), RE, opts,
                    E("confirmation_request", "confirmation_requested", ["choice"],
                      draft=D("confirm_merge",
                              ["(a)", "current work address", "AWS05528310", "AWS02290475"],
                              ["personal address", "d.okafor.alerts@example.org"])),
                    parent=m6)

    warn = f"""Hello Daniel,

We haven't received a response to the message below about merging
AWS02290475 into AWS05528310. We'd like to keep things moving, but we can't
start the merge until you tell us which notification option, (a) or (b), you
would like.

If we don't hear back within 5 business days of this email, this case will be
closed automatically. Replies sent after that won't reopen it; you would need
to submit a new request.

Kind regards,
AWS Training and Certification Support

---- Previous message ----
Sent: Wednesday, December 2, 2026 7:26 PM (UTC)

{opts}"""
    m8 = th.support("08-auto-close-business-days.eml",
                    dt.datetime(2026, 12, 21, 17, 47, 31, tzinfo=UTC), RE, warn,
                    E("auto_close_warning", "confirmation_requested", ["choice"],
                      deadline=dt.date(2026, 12, 29),
                      draft=D("confirm_merge",
                              ["(a)", "current work address", "AWS05528310", "AWS02290475"],
                              ["personal address", "d.okafor.alerts@example.org"])),
                    parent=m7)

    r3 = f"""Hi Aisha,

Apologies for the delay. The summary is correct, please go ahead with the
merge.

(a) Keep your current work address for certification notifications.

Thanks, and happy holidays,
Daniel

> On Dec 21, 2026, at 12:47 PM, AWS Training and Certification <{SUPPORT_ADDR}> wrote:
>
{gt(warn)}
"""
    th.own("09-own-reply-option-a.eml",
           dt.datetime(2026, 12, 22, 8, 10, 44, tzinfo=EST), "Re: " + RE, r3,
           E("own_reply", "awaiting_completion"), parent=m8, client="apple")

    case = """language = "en"
reason = "I created AWS02290475 with a personal address years ago and later certified again under my work account; I want a single record under the work account."

[user]
name = "Daniel Okafor"
company = "Brightwater Logistics"

[target]
account_id = "AWS05528310"
login_email = "daniel.okafor@brightwater-example.com"
training_email = "daniel.okafor@brightwater-example.com"
certification_email = "daniel.okafor@brightwater-example.com"

[[target.certifications]]
name = "AWS Certified SysOps Administrator - Associate"
passed = 2026-03-04
expires = 2029-03-04

[source]
account_id = "AWS02290475"
login_email = "dokafor.dev@example.net"
training_email = "okafor.training@example.net"
certification_email = "d.okafor.alerts@example.org"

[[source.certifications]]
name = "AWS Certified Solutions Architect - Associate"
passed = 2024-09-27
expires = 2027-09-27

[[source.certifications]]
name = "AWS Certified Security - Specialty"
passed = 2025-01-15
expires = 2028-01-15

[[source.benefits]]
name = "50% exam discount voucher"
expires = 2027-09-27
"""
    answers = f'[answers]\nchoice = "(a)"\nnote = {tq(note)}\n'
    th.write(case, answers)
    return th


# ==========================================================================
# t11 -- Japanese (ISO-2022-JP): numbered list with explanations, 7-day
#        reply window, 「」 sentence, no benefits on the source,
#        「統合の手続きを終えました」, thank-you, survey
# ==========================================================================

def t11():
    th = Thread("t11-ja-numbered-phrase-nobenefit", "ja", "佐藤 美咲",
                "misaki.sato@minato-example.co.jp", "minato-example.co.jp", JST,
                dt.datetime(2026, 11, 24, 9, 11, 3, tzinfo=JST))
    S = th.base_subject
    RE = "RE:" + S + " 【認定アカウント統合のご依頼について】"
    FROM_JA = addr("AWS Training and Certification", SUPPORT_ADDR)
    sig = "─\nAWS トレーニングと認定 カスタマーサポート\n田中"

    inquiry = """お名前：佐藤 美咲
メールアドレス：misaki.sato@minato-example.co.jp
会社名：株式会社ミナトシステムズ
カテゴリ：account-assistance
内容：
認定アカウントが 2 つあるため、統合をお願いしたいです。
AWS01884650 は前職のころに個人のメールアドレスで作成したもので、
AWS06173942 が現在の会社のアカウントです。
AWS01884650 の認定資格を AWS06173942 に移していただけますでしょうか。"""

    ack = f"""佐藤 美咲 様

AWS トレーニングと認定 カスタマーサポートにお問い合わせいただき、
ありがとうございます。お問い合わせを受け付けました。
ケース番号は {th.case_id} です。

担当者が内容を確認のうえ、通常 2〜3 営業日以内にご連絡いたします。
追加でお伝えいただきたいことがございましたら、件名を変更せずに
このメールへご返信ください。

――――――――――――――――――――
お問い合わせ内容
{inquiry}
――――――――――――――――――――

※本メールはシステムから自動で送信しています。

AWS トレーニングと認定 カスタマーサポート"""
    m1 = th.support("01-acknowledgement.eml",
                    dt.datetime(2026, 11, 24, 9, 12, 20, tzinfo=JST), S, ack,
                    E("acknowledgement", "awaiting_support"), from_=FROM_JA, tokyo=True)

    ask = f"""佐藤 美咲 様

いつも AWS をご利用いただき、ありがとうございます。
AWS トレーニングと認定 カスタマーサポートの田中でございます。

このたびは認定アカウントの統合についてご依頼いただき、ありがとうございます。
お送りいただいた内容を拝見し、統合元アカウント（AWS01884650）および
統合先アカウント（AWS06173942）を確認いたしました。

ご本人様確認と統合内容の確認のため、恐れ入りますが以下の 3 点について
ご返信いただけますでしょうか。

1. 統合元アカウント（AWS01884650）の認定通知用メールアドレス
   ログイン用のメールアドレスとは別に、認定に関するお知らせの送付先として
   登録されているアドレスです。ログイン用と同じ場合は、その旨をご記載ください。

2. 統合元アカウントで取得された認定資格の名称と合格日
   有効期限が切れている認定資格がございましたら、それも含めて
   すべてお知らせください。合格日は年月日までご記載をお願いいたします。

3. 統合先アカウント（AWS06173942）の aws.training 通知用メールアドレス
   aws.training にサインインし、「マイプロフィール」の連絡先欄に
   表示されているアドレスをご確認ください。

お手数ではございますが、本メールの送信日から 7 日以内にご返信いただけますと
幸いです。

何卒よろしくお願い申し上げます。

{sig}

---------- 元のお問い合わせ ----------
{inquiry}"""
    m2 = th.support("02-agent-asks-numbered.eml",
                    dt.datetime(2026, 11, 25, 14, 20, 33, tzinfo=JST), RE, ask,
                    E("info_request", "info_requested",
                      ["certification_email", "certifications", "training_email"],
                      deadline=dt.date(2026, 12, 2),
                      draft=D("info_reply",
                              ["sato.misaki.cert@example.com",
                               "AWS Certified Cloud Practitioner", "2023-10-07",
                               "AWS Certified Data Engineer - Associate", "2025-02-11",
                               "sato-m@minato-example.co.jp"],
                              ["バウチャー"])),
                    parent=m1, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r1 = f"""AWS トレーニングと認定 カスタマーサポート
田中様

お世話になっております。株式会社ミナトシステムズの佐藤です。
ご連絡ありがとうございます。ご質問の件、以下のとおり回答いたします。

1. 統合元アカウント（AWS01884650）の認定通知用メールアドレス
   sato.misaki.cert@example.com

2. 統合元アカウントの認定資格
   ・AWS Certified Cloud Practitioner（合格日：2023-10-07、失効済み）
   ・AWS Certified Data Engineer - Associate（合格日：2025-02-11）

3. 統合先アカウント（AWS06173942）の aws.training 通知用メールアドレス
   sato-m@minato-example.co.jp

以上、よろしくお願いいたします。

佐藤 美咲
株式会社ミナトシステムズ
misaki.sato@minato-example.co.jp

________________________________
差出人: AWS Training and Certification <{SUPPORT_ADDR}>
送信日時: {ja_sent(m2.when)}
宛先: misaki.sato@minato-example.co.jp
件名: {RE}

{ask}
"""
    m3 = th.own("03-own-reply-details.eml",
                dt.datetime(2026, 11, 26, 10, 5, 11, tzinfo=JST), "RE: " + RE, r1,
                E("own_reply", "awaiting_support"), parent=m2, client="outlook",
                charset="iso-2022-jp")

    phrase = "統合元アカウント AWS01884650 を統合先アカウント AWS06173942 に統合することに同意します。"
    conf = f"""佐藤 美咲 様

AWS トレーニングと認定 カスタマーサポートの田中です。
ご回答いただき、ありがとうございました。いただいた情報で統合元アカウントの
登録内容を確認でき、ご本人様確認が取れました。

統合の内容は以下のとおりです。

  統合元：AWS01884650（統合後は無効となり、ログインできなくなります）
  統合先：AWS06173942
  移行する認定資格：AWS Certified Cloud Practitioner（失効済み）
                    AWS Certified Data Engineer - Associate
  移行する特典：なし

統合は一度実施すると元に戻すことができません。そのため、統合にご同意
いただける場合は、次の文言をそのままコピーしてご返信くださいますよう
お願いいたします。

「{phrase}」

なお、ご返信の際は件名の「[CASE {th.case_id}]」の部分を変更しないよう
お願いいたします。内容に誤りがある場合は、上記の文言は記載せず、
訂正箇所のみお知らせください。

よろしくお願いいたします。

{sig}

-----Original Message-----
From: 佐藤 美咲 <misaki.sato@minato-example.co.jp>
Sent: {ja_sent(m3.when)}
Subject: RE: {RE}

{r1}"""
    m4 = th.support("04-agent-asks-for-sentence.eml",
                    dt.datetime(2026, 11, 30, 16, 40, 2, tzinfo=JST), RE, conf,
                    E("confirmation_request", "confirmation_requested", ["phrase"], phrase=phrase,
                      draft=D("confirm_merge", [phrase, "AWS01884650", "AWS06173942"],
                              ["バウチャー"])),
                    parent=m3, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r2 = f"""田中様

お世話になっております。佐藤です。
統合の内容を確認しました。記載のとおりで問題ございません。

{phrase}

よろしくお願いいたします。

佐藤 美咲
株式会社ミナトシステムズ

________________________________
差出人: AWS Training and Certification <{SUPPORT_ADDR}>
送信日時: {ja_sent(m4.when)}
宛先: misaki.sato@minato-example.co.jp
件名: {RE}

{conf}
"""
    m5 = th.own("05-own-reply-sentence.eml",
                dt.datetime(2026, 12, 1, 9, 30, 45, tzinfo=JST), "RE: " + RE, r2,
                E("own_reply", "awaiting_completion"), parent=m4, client="outlook",
                charset="iso-2022-jp")

    done = f"""佐藤 美咲 様

AWS トレーニングと認定 カスタマーサポートの田中です。
お待たせいたしました。ご同意いただいた内容にて、統合の手続きを終えました。

・AWS Certified Cloud Practitioner と AWS Certified Data Engineer - Associate は、
  AWS06173942 の認定資格一覧に表示されるようになりました。
・AWS01884650 は無効化いたしましたので、今後はログインいただけません。

aws.training の表示に反映されるまで、最大で 24 時間ほどかかる場合がございます。
24 時間を過ぎても表示が変わらないようでしたら、本メールにご返信ください。

このたびはご協力いただき、誠にありがとうございました。

{sig}"""
    m6 = th.support("06-merge-finished.eml",
                    dt.datetime(2026, 12, 4, 15, 10, 27, tzinfo=JST), RE, done,
                    E("completion_notice", "completed"),
                    parent=m5, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r3 = f"""田中様

お世話になっております。佐藤です。
aws.training で 2 つの認定資格が表示されていることを確認いたしました。
迅速にご対応いただき、ありがとうございました。

佐藤 美咲

________________________________
差出人: AWS Training and Certification <{SUPPORT_ADDR}>
送信日時: {ja_sent(m6.when)}
宛先: misaki.sato@minato-example.co.jp
件名: {RE}

{done}
"""
    th.own("07-own-reply-thanks.eml",
           dt.datetime(2026, 12, 4, 17, 22, 9, tzinfo=JST), "RE: " + RE, r3,
           E("own_reply", "completed"), parent=m6, client="outlook",
           charset="iso-2022-jp")

    survey = f"""佐藤 美咲 様

先日は AWS トレーニングと認定 カスタマーサポートをご利用いただき、
ありがとうございました。

サービス向上のため、ケース {th.case_id} の対応について
簡単なアンケートにご協力いただけますと幸いです。所要時間は 3 分ほどです。

アンケートに回答する：
https://pulse.aws/survey/TC7QX3M2?case={th.case_id}&lang=ja

いただいたご意見は、今後のサポート品質の改善に活用させていただきます。
このメールへの返信はお受けしておりません。

AWS トレーニングと認定"""
    th.support("08-survey.eml",
               dt.datetime(2026, 12, 5, 3, 0, 14, tzinfo=JST),
               f"[CASE {th.case_id}] サポートに関するアンケートのお願い", survey,
               E("survey", "completed"), charset="utf-8", cte="base64", tokyo=True,
               from_=addr("AWS トレーニングと認定", "aws-training-survey@amazon.com"))

    case = """language = "ja"
reason = "前職のころに個人のメールアドレスで作成したアカウント（AWS01884650）の認定資格を、現在の会社のアカウント（AWS06173942）にまとめたいため。"

[user]
name = "佐藤 美咲"
company = "株式会社ミナトシステムズ"

[support]
case_id = "@CASE_ID@"
created = 2026-11-24

[target]
account_id = "AWS06173942"
login_email = "misaki.sato@minato-example.co.jp"
training_email = "sato-m@minato-example.co.jp"
certification_email = "misaki.sato@minato-example.co.jp"

[[target.certifications]]
name = "AWS Certified Solutions Architect - Associate"
passed = 2025-06-21
expires = 2028-06-21

[source]
account_id = "AWS01884650"
login_email = "misaki.s.home@example.jp"
training_email = "misaki.s.home@example.jp"
certification_email = "sato.misaki.cert@example.com"

[[source.certifications]]
name = "AWS Certified Cloud Practitioner"
passed = 2023-10-07
expires = 2026-10-07

[[source.certifications]]
name = "AWS Certified Data Engineer - Associate"
passed = 2025-02-11
expires = 2028-02-11
"""
    th.write(case, "[answers]\n")
    return th


# ==========================================================================
# t12 -- Japanese (mixed ISO-2022-JP / UTF-8): bullet list, missing value in
#        round 2, 「12/18（金）まで」, A案/B案, 3 business days across Jan 1
# ==========================================================================

def t12():
    th = Thread("t12-ja-missing-value-a-b-newyear", "ja", "高橋 健一",
                "kenichi.takahashi@hokuto-example.co.jp", "hokuto-example.co.jp", JST,
                dt.datetime(2026, 12, 1, 11, 2, 18, tzinfo=JST))
    S = th.base_subject
    RE = "RE:" + S
    FROM_JA = addr("AWS トレーニングと認定", SUPPORT_ADDR)
    sig = "AWS トレーニングと認定\nサポート担当 山口"

    inquiry = """■お名前
高橋 健一
■会社名
北斗電機株式会社
■メールアドレス
kenichi.takahashi@hokuto-example.co.jp
■お問い合わせ内容
学生時代に個人のメールアドレスで作成した認定アカウントと、会社のアカウント
（AWS07730521）の両方に認定資格があります。会社のアカウントに一本化したいので、
個人アカウントの統合をお願いします。"""

    ack = f"""高橋 健一 様

AWS トレーニングと認定へのお問い合わせを受け付けました。
ケース番号：{th.case_id}

内容を確認し、担当者よりご連絡いたします。今しばらくお待ちください。
本ケースに情報を追加される場合は、件名のケース番号を残したまま
このメールにご返信ください。

以下、お問い合わせ内容の控えです。

{inquiry}

本メールは送信専用のシステムから自動でお送りしています。

AWS トレーニングと認定"""
    m1 = th.support("01-acknowledgement.eml",
                    dt.datetime(2026, 12, 1, 11, 3, 1, tzinfo=JST), S, ack,
                    E("acknowledgement", "awaiting_support"),
                    charset="utf-8", cte="base64", tokyo=True, from_=FROM_JA)

    ask = f"""高橋 健一 様

お問い合わせいただき、ありがとうございます。
AWS トレーニングと認定 サポート担当の山口と申します。

認定アカウントの統合のご依頼、承知いたしました。
統合先のアカウント（AWS07730521）については確認が取れております。
統合元となる個人アカウントを特定するため、以下の情報をお知らせください。

・統合元アカウントのアカウント ID（「AWS」から始まる番号）
・統合元アカウントの認定通知用メールアドレス
・統合元アカウントに残っている特典（試験の割引バウチャーなど）の有無と、ある場合はその有効期限

上記をいただけましたら、統合の内容をまとめてご案内いたします。

引き続きよろしくお願いいたします。

{sig}

> {inquiry.replace(chr(10), chr(10) + '> ')}"""
    m2 = th.support("02-agent-asks-bullets.eml",
                    dt.datetime(2026, 12, 2, 15, 48, 40, tzinfo=JST), RE, ask,
                    E("info_request", "info_requested",
                      ["account_id", "certification_email", "benefits"],
                      draft=D("info_reply",
                              ["AWS03356187", "kenichi.t.notify@example.jp", "50%割引バウチャー", "2027-12-03"],
                              ["ken.taka.aws@example.jp"])),
                    parent=m1, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r1 = f"""山口様

お世話になっております。北斗電機の高橋です。
ご確認ありがとうございます。統合元アカウントの情報をお送りします。

・アカウント ID：AWS03356187
・特典：50%割引バウチャーが 1 枚あります（有効期限 2027-12-03）

よろしくお願いいたします。

高橋 健一
北斗電機株式会社 技術開発部

________________________________
差出人: AWS トレーニングと認定 <{SUPPORT_ADDR}>
送信日時: {ja_sent(m2.when)}
宛先: kenichi.takahashi@hokuto-example.co.jp
件名: {RE}

{ask}
"""
    m3 = th.own("03-own-reply-missing-email.eml",
                dt.datetime(2026, 12, 3, 9, 12, 26, tzinfo=JST), "RE: " + RE, r1,
                E("own_reply", "awaiting_support"), parent=m2, client="outlook",
                charset="utf-8", cte="base64")

    missing = f"""高橋 健一 様

山口です。ご返信いただきありがとうございます。

アカウント ID（AWS03356187）と 50%割引バウチャー（有効期限：2027年12月3日）に
つきましては、こちらでも登録内容と一致することを確認いたしました。

一方で、統合元アカウントの認定通知用メールアドレスについては、ご返信の中に
ご記載が見当たりませんでした。ご本人様確認のために必要となりますので、
お手数ですが改めてお知らせいただけますでしょうか。
なお、このアカウントでは、ログイン用とは異なるアドレスが認定通知用として
登録されております。

よろしくお願いいたします。

{sig}

-----Original Message-----
From: 高橋 健一 <kenichi.takahashi@hokuto-example.co.jp>
Sent: {ja_sent(m3.when)}
To: AWS トレーニングと認定 <{SUPPORT_ADDR}>
Subject: RE: {RE}

{r1}"""
    m4 = th.support("04-agent-says-email-missing.eml",
                    dt.datetime(2026, 12, 8, 13, 30, 51, tzinfo=JST), RE, missing,
                    E("info_request", "info_requested", ["certification_email"],
                      draft=D("info_reply", ["kenichi.t.notify@example.jp"],
                              ["バウチャー", "ken.taka.aws@example.jp"])),
                    parent=m3, charset="utf-8", cte="base64", tokyo=True, from_=FROM_JA)

    warn1 = f"""高橋 健一 様

AWS トレーニングと認定 サポートの山口です。

12月8日にお送りしたメールにて、統合元アカウントの認定通知用メールアドレスを
お伺いしておりましたが、現時点でご返信を確認できておりません。

大変恐縮ではございますが、12/18（金）までにご返信をいただけない場合、
本ケースはいったんクローズとさせていただきます。
クローズ後に統合をご希望の場合は、お手数ですが改めてお問い合わせください。

ご多用のところ恐れ入りますが、ご確認のほどよろしくお願いいたします。

{sig}

-----Original Message-----
From: AWS トレーニングと認定 <{SUPPORT_ADDR}>
Sent: {ja_sent(m4.when)}
To: kenichi.takahashi@hokuto-example.co.jp
Subject: {RE}

{missing}"""
    m5 = th.support("05-auto-close-warning-date.eml",
                    dt.datetime(2026, 12, 14, 10, 0, 37, tzinfo=JST), RE, warn1,
                    E("auto_close_warning", "info_requested", ["certification_email"],
                      deadline=dt.date(2026, 12, 18),
                      draft=D("info_reply", ["kenichi.t.notify@example.jp"],
                              ["バウチャー", "ken.taka.aws@example.jp"])),
                    parent=m4, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r2 = f"""山口様

お世話になっております。北斗電機の高橋です。
ご連絡が遅くなり申し訳ございません。前回のメールで記載が漏れておりました。

統合元アカウントの認定通知用メールアドレスは以下のとおりです。
kenichi.t.notify@example.jp

よろしくお願いいたします。

高橋 健一
北斗電機株式会社 技術開発部

________________________________
差出人: AWS トレーニングと認定 <{SUPPORT_ADDR}>
送信日時: {ja_sent(m5.when)}
宛先: kenichi.takahashi@hokuto-example.co.jp
件名: {RE}

{warn1}
"""
    m6 = th.own("06-own-reply-email.eml",
                dt.datetime(2026, 12, 16, 8, 55, 3, tzinfo=JST), "RE: " + RE, r2,
                E("own_reply", "awaiting_support"), parent=m5, client="outlook",
                charset="iso-2022-jp")

    opts = f"""高橋 健一 様

山口です。ご確認いただきありがとうございました。
認定通知用メールアドレスも登録内容と一致し、ご本人様確認が完了いたしました。

統合にあたり、統合元アカウント（AWS03356187）に残っている 50%割引バウチャーの
扱いについて、以下の 2 つの方法からお選びいただく必要がございます。

A案：統合の前に、統合元アカウントでバウチャーを使って試験をご予約いただく
　　 ご予約の確認後に統合を実施します。予約済みの試験は統合先アカウントに
　　 引き継がれます。

B案：バウチャーを統合先アカウント（AWS07730521）に付け替えて再発行する
　　 統合と同時に再発行いたします。有効期限（2027年12月3日）は変わりません。

いずれの場合も、AWS Certified Solutions Architect - Professional は
AWS07730521 に移り、AWS03356187 は統合後に無効となります。

ご希望の案（A案 または B案）を本メールへのご返信にてお知らせください。
いただいたご返信をもって、統合へのご同意として承ります。

どうぞよろしくお願いいたします。

{sig}"""
    m7 = th.support("07-agent-options-a-b.eml",
                    dt.datetime(2026, 12, 22, 16, 15, 9, tzinfo=JST), RE, opts,
                    E("confirmation_request", "confirmation_requested", ["choice"],
                      draft=D("confirm_merge",
                              ["B案", "付け替えて再発行", "AWS03356187", "AWS07730521"],
                              ["試験をご予約"])),
                    parent=m6, charset="utf-8", cte="quoted-printable", tokyo=True, from_=FROM_JA)

    warn2 = f"""高橋 健一 様

本メールは、ケース {th.case_id} について、お客様からのご返信をお待ちしている
状態が続いているため、自動でお送りしております。

2026年12月22日にご案内した A案・B案 のどちらをご希望か、本メールにご返信ください。
本メールの送信後 3 営業日以内にご返信が確認できない場合、本ケースは自動的に
クローズされます。

AWS トレーニングと認定

-----Original Message-----
From: AWS トレーニングと認定 <{SUPPORT_ADDR}>
Sent: {ja_sent(m7.when)}
Subject: {RE}

{opts}"""
    m8 = th.support("08-auto-close-business-days.eml",
                    dt.datetime(2026, 12, 30, 10, 0, 12, tzinfo=JST), RE, warn2,
                    E("auto_close_warning", "confirmation_requested", ["choice"],
                      deadline=dt.date(2027, 1, 5),
                      draft=D("confirm_merge",
                              ["B案", "付け替えて再発行", "AWS03356187", "AWS07730521"],
                              ["試験をご予約"])),
                    parent=m7, charset="iso-2022-jp", cte="7bit", tokyo=True, from_=FROM_JA)

    r3 = f"""山口様

明けましておめでとうございます。北斗電機の高橋です。
年末年始の休暇でご返信が遅くなり、申し訳ございません。

B案（バウチャーを統合先アカウントに付け替えて再発行する）でお願いいたします。
統合の内容についても異存ございません。

本年もよろしくお願いいたします。

高橋 健一
北斗電機株式会社 技術開発部

________________________________
差出人: AWS トレーニングと認定 <{SUPPORT_ADDR}>
送信日時: {ja_sent(m8.when)}
宛先: kenichi.takahashi@hokuto-example.co.jp
件名: {RE}

{warn2}
"""
    th.own("09-own-reply-option-b.eml",
           dt.datetime(2027, 1, 4, 9, 20, 40, tzinfo=JST), "RE: " + RE, r3,
           E("own_reply", "awaiting_completion"), parent=m8, client="outlook",
           charset="iso-2022-jp")

    case = """language = "ja"
reason = "学生時代に作成した個人アカウント（AWS03356187）と会社のアカウント（AWS07730521）の両方に認定資格があるため、会社のアカウントに一本化したい。"

[user]
name = "高橋 健一"
company = "北斗電機株式会社"

[target]
account_id = "AWS07730521"
login_email = "kenichi.takahashi@hokuto-example.co.jp"
training_email = "kenichi.takahashi@hokuto-example.co.jp"
certification_email = "kenichi.takahashi@hokuto-example.co.jp"

[[target.certifications]]
name = "AWS Certified Developer - Associate"
passed = 2026-05-12
expires = 2029-05-12

[source]
account_id = "AWS03356187"
login_email = "ken.taka.aws@example.jp"
training_email = "ken.taka.aws@example.jp"
certification_email = "kenichi.t.notify@example.jp"

[[source.certifications]]
name = "AWS Certified Solutions Architect - Professional"
passed = 2024-12-03
expires = 2027-12-03

[[source.benefits]]
name = "50%割引バウチャー"
expires = 2027-12-03
"""
    th.write(case, '[answers]\nchoice = "B案"\n')
    return th


def main():
    for fn in (t09, t10, t11, t12):
        th = fn()
        print(f"{th.slug}: case {th.case_id}, {len(th.mails)} mails")


if __name__ == "__main__":
    main()
