#!/usr/bin/env python3
"""Generate the labeled evaluation corpus for certmerge (tests/labeled/).

    python3 make_corpus.py          # (re)write m001.eml ... and labels.csv
    python3 make_corpus.py --check  # parse every file back and print a summary

Standard library only.  Every mail below is written out by hand; the helpers
only deal with MIME plumbing (charsets, transfer encodings, RFC 2047 words,
trace headers).  Output is deterministic: fixed dates, fixed Message-IDs,
fixed boundaries, and a fixed shuffle seed for the neutral file names.

Labels (labels.csv):
  kind          one of the nine kinds in docs/mail-facts.md
  authenticity  expected verdict from the TOPMOST Authentication-Results
                (pass / unverified / fail) per docs/mail-facts.md; look-alike
                or non-vendor domains claiming to be AWS/Credly are `fail`
                even when their own DMARC passes.
  case_id       the 15-digit vendor case ID the mail carries (subject or
                body), else empty
  language      en / ja (language of the new, non-quoted text)

DKIM-Signature values are synthetic: they look real but will NOT verify
cryptographically.  Authenticity is meant to be judged from the topmost
Authentication-Results header only.
"""

import base64
import csv
import datetime as _dt
import email
import email.policy
import hashlib
import os
import quopri
import random
import re
import sys
from collections import Counter
from email.utils import format_datetime

HERE = os.path.dirname(os.path.abspath(__file__))
SHUFFLE_SEED = 20261102
MAILS = []

# --------------------------------------------------------------------------
# small deterministic helpers
# --------------------------------------------------------------------------


def _hex(seed, n):
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def _b64(seed, n):
    raw = b""
    i = 0
    while len(raw) * 4 // 3 < n + 4:
        raw += hashlib.sha256(f"b64:{seed}/{i}".encode()).digest()
        i += 1
    return base64.b64encode(raw).decode()[:n]


def _b64bytes(seed, nbytes):
    """Valid base64 of nbytes deterministic pseudo-random bytes."""
    raw = b""
    i = 0
    while len(raw) < nbytes:
        raw += hashlib.sha256(f"raw:{seed}/{i}".encode()).digest()
        i += 1
    return base64.b64encode(raw[:nbytes]).decode()


def _alnum(seed, n):
    s = re.sub(r"[^A-Za-z0-9]", "", _b64(seed, n * 2))
    return s[:n]


def D(y, mo, d, h, mi, s=0, tz=0):
    """RFC 5322 date with the correct weekday."""
    tzinfo = _dt.timezone(_dt.timedelta(hours=tz))
    return format_datetime(_dt.datetime(y, mo, d, h, mi, s, tzinfo=tzinfo))


def _epoch(y, mo, d, h, mi, s=0, tz=0):
    tzinfo = _dt.timezone(_dt.timedelta(hours=tz))
    return int(_dt.datetime(y, mo, d, h, mi, s, tzinfo=tzinfo).timestamp())


def ses_mid(seed):
    return ("<0100019a%s-%s-%s-%s-%s-%s-000000@email.amazonses.com>"
            % (_hex(seed, 8), _hex(seed + "a", 8), _hex(seed + "b", 4),
               _hex(seed + "c", 4), _hex(seed + "d", 4), _hex(seed + "e", 12)))


def gmail_mid(seed):
    return "<CA%s@mail.gmail.com>" % _alnum("g" + seed, 40)


def outlook_mid(seed, host):
    return "<%s%s@%s>" % (host.split(".")[0], _hex("o" + seed, 8).upper(), host)


def plain_mid(seed, domain):
    return "<%s.%s@%s>" % (_hex("p" + seed, 12), _hex("q" + seed, 6), domain)


# --------------------------------------------------------------------------
# trace / authentication headers
# --------------------------------------------------------------------------

SEL_AMZ = "rte7kqbvmb3ruxklqrd2ii3rxzy7bvwo"
SEL_SES = "224i4yxa5dv7c2xz3womw6peuasteono"
SEL_CREDLY = "s1"


def RCV(by, host, ip, date, rcpt, software="Postfix", tls=True):
    via = "with ESMTPS" if tls else "with ESMTP"
    return ("Received", "from %s (%s [%s])\n\tby %s (%s) %s id %s\n\tfor <%s>; %s"
            % (host, host, ip, by, software, via, _alnum(by + date + rcpt, 12), rcpt, date))


def AR(serv, *results):
    """Authentication-Results; serv=None gives the Microsoft style without authserv-id."""
    body = ";\n\t".join(results)
    return ("Authentication-Results", (serv + ";\n\t" + body) if serv else body)


def ar_aws(serv, mailfrom="amazonses.com"):
    return AR(serv,
              "dkim=pass header.d=amazon.com header.s=%s header.b=%s" % (SEL_AMZ, _b64(serv + mailfrom, 8)),
              "dkim=pass header.d=amazonses.com header.s=%s" % SEL_SES,
              "spf=pass smtp.mailfrom=%s" % mailfrom,
              "dmarc=pass header.from=amazon.com")


def ar_aws_google(seed, ip="54.240.8.21"):
    mf = "0100019a%s-%s-000000@email.amazonses.com" % (_hex(seed, 8), _hex(seed + "x", 12))
    return AR("mx.google.com",
              "dkim=pass header.i=@amazon.com header.s=%s header.b=%s" % (SEL_AMZ, _b64(seed + "1", 8)),
              "dkim=pass header.i=@amazonses.com header.s=%s header.b=%s" % (SEL_SES, _b64(seed + "2", 8)),
              "spf=pass (google.com: domain of %s designates %s as permitted sender) smtp.mailfrom=%s"
              % (mf, ip, mf),
              "dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.com")


def ar_eop(serv, dom="amazon.com", mailfrom="us-east-1.amazonses.com", ip="54.240.8.21"):
    """Exchange Online Protection style; serv=None omits the authserv-id like EOP really does."""
    return AR(serv,
              "spf=pass (sender IP is %s) smtp.mailfrom=%s" % (ip, mailfrom),
              "dkim=pass (signature was verified) header.d=%s" % dom,
              "dmarc=pass action=none header.from=%s" % dom,
              "compauth=pass reason=100")


def ar_dom(serv, dom, mailfrom=None, google=False):
    """Ordinary pass for a non-vendor sender (colleague, newsletter ...)."""
    mailfrom = mailfrom or dom
    if google:
        return AR("mx.google.com",
                  "dkim=pass header.i=@%s header.s=google header.b=%s" % (dom, _b64(dom, 8)),
                  "spf=pass (google.com: domain of bounces@%s designates 209.85.220.41 as permitted sender) "
                  "smtp.mailfrom=%s" % (mailfrom, mailfrom),
                  "dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=%s" % dom)
    return AR(serv,
              "dkim=pass header.d=%s header.s=sel2026" % dom,
              "spf=pass smtp.mailfrom=%s" % mailfrom,
              "dmarc=pass header.from=%s" % dom)


def DK(d, s, seed, t, hdrs="From:To:Subject:Date:Message-ID:MIME-Version:Content-Type"):
    b = _b64bytes("sig" + seed + d, 256)          # RSA-2048 sized, syntactically valid
    lines = "\n\t".join(b[i:i + 72] for i in range(0, len(b), 72))
    return ("DKIM-Signature",
            "v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\n\ts=%s; d=%s; t=%d;\n\th=%s;\n\tbh=%s;\n\tb=%s"
            % (s, d, t, hdrs, _b64bytes("bh" + seed + d, 32), lines))


def DK_AWS(seed, t):
    return [DK("amazon.com", SEL_AMZ, seed, t), DK("amazonses.com", SEL_SES, seed, t,
                                                   "From:To:Subject:Date:Message-ID:Feedback-ID")]


def SES_EXTRA(seed, ip="54.240.8.21", day="2026.11.02"):
    return [("Feedback-ID", "::1.us-east-1.%s:AmazonSES" % _b64bytes("fb" + seed, 32)),
            ("X-SES-Outgoing", "%s-%s" % (day, ip))]


def ARC_GOOGLE(seed, results):
    return [("ARC-Seal", "i=1; a=rsa-sha256; t=1762000000; cv=none;\n\td=google.com; s=arc-20240605;\n\tb=%s"
             % _b64("arcs" + seed, 64)),
            ("ARC-Message-Signature", "i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\n\t"
             "h=subject:to:from:date:message-id:mime-version;\n\tbh=%s=;\n\tb=%s" % (_b64("arcb" + seed, 43),
                                                                                 _b64("arcm" + seed, 64))),
            ("ARC-Authentication-Results", "i=1; mx.google.com;\n\t" + results)]


# --------------------------------------------------------------------------
# RFC 2047 words
# --------------------------------------------------------------------------

_CSNAME = {"utf-8": "UTF-8", "iso2022_jp": "ISO-2022-JP", "cp932": "Shift_JIS",
           "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP"}


def _q(data):
    out = []
    for byte in data:
        c = chr(byte)
        if c == " ":
            out.append("_")
        elif c.isascii() and (c.isalnum() or c in "!*+-/"):
            out.append(c)
        else:
            out.append("=%02X" % byte)
    return "".join(out)


def ew(text, codec="utf-8", mode="B", split_bytes=None, maxlen=60):
    """Encoded words for `text`.  Words are cut at character boundaries
    unless split_bytes is given, which cuts the *encoded byte string* every
    split_bytes bytes (deliberately in the middle of multi-byte characters).
    maxlen bounds the encoded text of one word so that it stays under 75 chars."""
    name = _CSNAME[codec]
    chunks = []
    if split_bytes:
        data = text.encode(codec)
        chunks = [data[i:i + split_bytes] for i in range(0, len(data), split_bytes)]
    else:
        cur = ""
        for ch in text:
            trial = (cur + ch).encode(codec)
            enc_len = len(_q(trial)) if mode == "Q" else (len(trial) + 2) // 3 * 4
            if cur and enc_len > maxlen:
                chunks.append(cur.encode(codec))
                cur = ""
            cur += ch
        if cur:
            chunks.append(cur.encode(codec))
    words = []
    for c in chunks:
        if mode == "B":
            words.append("=?%s?B?%s?=" % (name, base64.b64encode(c).decode()))
        else:
            words.append("=?%s?Q?%s?=" % (name, _q(c)))
    return "\n ".join(words)


class S:
    """A header value with a known decoded text (for --check)."""

    def __init__(self, raw, text):
        self.raw = raw
        self.text = text


def SJ(prefix, text, codec="utf-8", mode="B", split_bytes=None):
    """Subject = ASCII prefix (may be empty) + encoded words for text."""
    raw = ew(text, codec, mode, split_bytes)
    if prefix:
        return S(prefix + " " + raw, prefix + " " + text)
    return S(raw, text)


def A(name, addr, codec="utf-8", mode="B"):
    if name.isascii():
        if re.search(r"[^A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~]", name):
            return '"%s" <%s>' % (name, addr)
        return "%s <%s>" % (name, addr)
    return "%s <%s>" % (ew(name, codec, mode), addr)


AWS_TC = "AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>"
AWS_NOREPLY = "Amazon Web Services <no-reply-aws@amazon.com>"
CREDLY = "Credly <admin@credly.com>"

# --------------------------------------------------------------------------
# MIME parts
# --------------------------------------------------------------------------


def jis_windows(text):
    """ISO-2022-JP as Windows/Outlook writes it (CP50220-like): characters
    that plain ISO-2022-JP lacks (NEC row 13 such as ① ㈱, FULLWIDTH TILDE
    ～) are taken from CP932 and written inside ESC $ B anyway."""
    out = bytearray()
    mode = "ascii"
    for ch in text:
        if ord(ch) < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out += ch.encode("ascii")
            continue
        try:
            enc = ch.encode("iso2022_jp")
            pair = enc[3:5]
            assert enc[:3] == b"\x1b$B" and len(enc) == 8
        except (UnicodeEncodeError, AssertionError):
            c1, c2 = ch.encode("cp932")
            if c1 >= 0xE0:
                c1 -= 0x40
            c1 = (c1 - 0x81) * 2 + 0x21
            if c2 > 0x7F:
                c2 -= 1
            if c2 >= 0x9E:
                c1 += 1
                c2 -= 0x7D
            else:
                c2 -= 0x1F
            pair = bytes([c1, c2])
        if mode != "jis":
            out += b"\x1b$B"
            mode = "jis"
        out += pair
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


class Leaf:
    def __init__(self, text, sub="plain", cs="utf-8", cte="quoted-printable",
                 label=None, encoder=None, params="", headers=()):
        self.text = text
        self.sub = sub
        self.cs = cs                    # python codec
        self.cte = cte
        self.label = label or _CSNAME.get(cs, cs)
        self.encoder = encoder
        self.params = params
        self.extra = list(headers)

    def describe(self):
        return "text/%s %s %s" % (self.sub, self.label.lower(), self.cte.lower())

    def render(self, eol):
        if self.encoder:
            data = self.encoder(self.text)
        else:
            data = self.text.encode(self.cs)
        if self.cte == "base64":
            if eol == "\r\n":
                data = data.replace(b"\n", b"\r\n")
            body = base64.encodebytes(data)
        elif self.cte == "quoted-printable":
            body = quopri.encodestring(data)
        else:
            body = data
        if not body.endswith(b"\n"):
            body += b"\n"
        hdrs = [("Content-Type", 'text/%s; charset="%s"%s' % (self.sub, self.label, self.params)),
                ("Content-Transfer-Encoding", self.cte)] + self.extra
        return hdrs, body


class Multi:
    def __init__(self, sub, parts, boundary, preamble=None):
        self.sub = sub
        self.parts = parts
        self.boundary = boundary
        self.preamble = preamble

    def describe(self):
        return "multipart/%s[%s]" % (self.sub, " | ".join(p.describe() for p in self.parts))

    def render(self, eol):
        out = b""
        if self.preamble:
            out += self.preamble.encode() + b"\n"
        for p in self.parts:
            h, b = p.render(eol)
            out += ("--%s\n" % self.boundary).encode()
            out += _headers(h) + b"\n" + b
        out += ("--%s--\n" % self.boundary).encode()
        return [("Content-Type", 'multipart/%s; boundary="%s"' % (self.sub, self.boundary))], out


class Rfc822:
    def __init__(self, headers, body, filename):
        self.headers = headers
        self.body = body
        self.filename = filename

    def describe(self):
        return "message/rfc822{%s}" % self.body.describe()

    def render(self, eol):
        inner = _message(self.headers, self.body, eol)
        return [("Content-Type", 'message/rfc822; name="%s"' % self.filename),
                ("Content-Disposition", 'attachment; filename="%s"' % self.filename)], inner


def _headers(hdrs):
    out = b""
    for name, value in hdrs:
        if isinstance(value, S):
            value = value.raw
        out += ("%s: %s\n" % (name, value)).encode("ascii")
    return out


def _message(hdrs, body, eol):
    ph, pb = body.render(eol)
    hdrs = list(hdrs)
    if not any(n.lower() == "mime-version" for n, _ in hdrs):
        hdrs.append(("MIME-Version", "1.0"))
    return _headers(hdrs + ph) + b"\n" + pb


def _expected(part):
    """The text get_body(('plain','html')) should return."""
    if isinstance(part, Leaf):
        return part.text
    leaves = [p for p in part.parts if isinstance(p, Leaf)]
    for want in ("plain", "html"):
        for p in leaves:
            if p.sub == want:
                return p.text
    for p in part.parts:
        if isinstance(p, Multi):
            return _expected(p)
    return None


def add(kind, auth, case, lang, notes, hdr, body, eol="\n", known=None):
    """Register one mail.  `known` documents an expected difference between the
    written text and what Python's decoder returns (charset quirks)."""
    subject = None
    for n, v in hdr:
        if n == "Subject":
            subject = v.text if isinstance(v, S) else v
    MAILS.append(dict(kind=kind, auth=auth, case=case, lang=lang, notes=notes,
                      hdr=hdr, body=body, eol=eol, known=known, subject=subject,
                      expect=_expected(body)))


# ==========================================================================
# THE MAILS
# ==========================================================================

# Cases used below (vendor case IDs):
#   176530418200731  Taro Yamada (demo case)        mx.example-corp.co.jp
#   176529983100412  Hanako Suzuki                  mx.google.com
#   176601245700198  Kenji Watanabe                 Exchange Online (TYZJPN01FT014...)
#   176488120300557  Emily Carter                   Exchange Online (BN8NAM11FT052...)
#   176612007400823  Daniel Novak                   mx.google.com
#   176540311900264  Priya Raman                    mx.example-corp.co.jp
#   176575590600149  Misaki Sato                    mx1.tailspin.co.jp
#   176620873500066  Lucas Moreau                   outlook.com (EOP header without authserv-id)

MX_EC = "mx.example-corp.co.jp"
MX_NW = "TYZJPN01FT014.mail.protection.outlook.com"
MX_FB = "BN8NAM11FT052.mail.protection.outlook.com"
MX_TS = "mx1.tailspin.co.jp"

TARO = "Taro Yamada <taro.yamada@example-corp.co.jp>"
TARO_JA = A("山田 太郎", "taro.yamada@example-corp.co.jp")
HANAKO = A("鈴木 花子", "hanako.suzuki.0312@gmail.com")
KENJI = A("渡辺 健二", "kenji.watanabe@northwind-trading.co.jp", "iso2022_jp")
EMILY = "Emily Carter <emily.carter@fabrikam.com>"
DANIEL = "Daniel Novak <daniel.novak83@gmail.com>"
PRIYA = "Priya Raman <priya.raman@example-corp.co.jp>"
MISAKI = A("佐藤 美咲", "misaki.sato@tailspin.co.jp")
LUCAS = "Lucas Moreau <lucas.moreau@outlook.com>"

# --------------------------------------------------------------------------
# acknowledgement
# --------------------------------------------------------------------------

add("acknowledgement", "pass", "176530418200731", "en", "first mail of the demo case; subject without RE:",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 2, 2, 14, 9),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("ack-a", _epoch(2026, 11, 2, 2, 14, 5)),
     ("Date", D(2026, 11, 2, 2, 14, 5)),
     ("From", AWS_TC),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", ses_mid("ack-a")),
     ("Subject", "[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"),
     *SES_EXTRA("ack-a", "54.240.8.30", "2026.11.02")],
    Leaf("""\
Hello,

We have received your case and assigned it the case ID 176530418200731.

A member of the AWS Training and Certification Customer Support team will
review your request and respond by email. Most requests receive a reply
within 2-3 business days. You do not need to submit the form again.

Summary of your submission:
  Category: Account assistance
  Subject: Merge two AWS Certification accounts
  Submitted by: taro.yamada@example-corp.co.jp

To add information to this case, reply to this email and keep the case ID
in the subject line.

Thank you,
AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("acknowledgement", "pass", "176529983100412", "ja", "ISO-2022-JP body and subject; Gmail trace with ARC",
    [*ARC_GOOGLE("ack-b", "dkim=pass header.i=@amazon.com; spf=pass smtp.mailfrom=amazonses.com; "
                 "dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.com"),
     ("Return-Path", "<0100019a1c2d3e4f-aa11bb22-0000-4000-8000-0123456789ab-000000@email.amazonses.com>"),
     RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 3, 5, 40, 12),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("ack-b"),
     *DK_AWS("ack-b", _epoch(2026, 11, 3, 5, 40, 10)),
     ("Date", D(2026, 11, 3, 5, 40, 10)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("ack-b")),
     ("Subject", SJ("[CASE 176529983100412]", "お問い合わせを受け付けました", "iso2022_jp")),
     *SES_EXTRA("ack-b", "54.240.8.21", "2026.11.03")],
    Leaf("""\
鈴木 花子 様

AWS トレーニングと認定にお問い合わせいただき、ありがとうございます。
以下の内容でお問い合わせを受け付けました。

ケース ID：176529983100412
カテゴリ：アカウントに関するお問い合わせ
件名：認定アカウントの統合について

担当者が内容を確認のうえ、通常 2〜3 営業日以内にメールでご連絡いたします。
本メールはシステムにより自動送信されています。追加の情報がある場合は、
件名のケース ID を変更せずに、このメールへ返信してください。

AWS トレーニングと認定
""", cs="iso2022_jp", cte="7bit"))

add("acknowledgement", "pass", "176601245700198", "ja", "Exchange Online trace; both parts base64",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV("TYZJPN01FT014.mail.protection.outlook.com", "a8-44.smtp-out.amazonses.com", "54.240.8.44",
         D(2026, 11, 4, 0, 3, 51), "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("ack-c", _epoch(2026, 11, 4, 0, 3, 48)),
     ("Date", D(2026, 11, 4, 0, 3, 48)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("ack-c")),
     ("Subject", "[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance"),
     *SES_EXTRA("ack-c", "54.240.8.44", "2026.11.04")],
    Multi("alternative", [
        Leaf("""\
渡辺 健二 様

ケースを作成しました。ケース ID は 176601245700198 です。

お送りいただいたフォームの内容は、サポートチームにて順番に確認しております。
確認が終わり次第、担当者よりご連絡差し上げますので、今しばらくお待ちください。

※ 同じ内容のフォームを再送信されますと、別のケースとして登録され、
　 ご回答までにお時間をいただく場合がございます。

――
AWS Training and Certification
https://aws.amazon.com/certification/
""", cte="base64"),
        Leaf("""\
<html><head><meta charset="utf-8"></head>
<body style="font-family:'Meiryo','Hiragino Sans',sans-serif;font-size:14px">
<p>渡辺 健二 様</p>
<p>ケースを作成しました。ケース ID は <b>176601245700198</b> です。</p>
<p>お送りいただいたフォームの内容は、サポートチームにて順番に確認しております。<br>
確認が終わり次第、担当者よりご連絡差し上げますので、今しばらくお待ちください。</p>
<p style="color:#687078">※ 同じ内容のフォームを再送信されますと、別のケースとして登録され、<br>
ご回答までにお時間をいただく場合がございます。</p>
<p>――<br>AWS Training and Certification<br>
<a href="https://aws.amazon.com/certification/">https://aws.amazon.com/certification/</a></p>
</body></html>
""", sub="html", cte="base64")], "=_7c1e02b94d5a3f68"),
    eol="\r\n")

add("acknowledgement", "pass", "176488120300557", "en", "Exchange Online trace; utf-8 qp, typographic quotes and bullets",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 2, 21, 47, 2),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("ack-d", _epoch(2026, 11, 2, 21, 46, 58)),
     ("Date", D(2026, 11, 2, 21, 46, 58)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("ack-d")),
     ("Subject", "[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Emily,

Thanks for reaching out to AWS Training and Certification. This message confirms we’ve received your inquiry.

Case ID: 176488120300557
Topic: Account assistance – duplicate accounts

What happens next?
• Our team reviews requests in the order they arrive.
• You’ll hear from a support specialist by email, usually within three business days.
• Please don’t open a new case for the same request – replying here keeps everything in one place.

AWS Training and Certification Customer Support
"""),
        Leaf("""\
<html><body>
<p>Hi Emily,</p>
<p>Thanks for reaching out to AWS Training and Certification. This message confirms we’ve received your inquiry.</p>
<p><b>Case ID:</b> 176488120300557<br>
<b>Topic:</b> Account assistance – duplicate accounts</p>
<p><b>What happens next?</b></p>
<ul>
<li>Our team reviews requests in the order they arrive.</li>
<li>You’ll hear from a support specialist by email, usually within three business days.</li>
<li>Please don’t open a new case for the same request – replying here keeps everything in one place.</li>
</ul>
<p>AWS Training and Certification Customer Support</p>
</body></html>
""", sub="html")], "----=_Part_8812_1447205.1762119998"),
    eol="\r\n")

add("acknowledgement", "pass", "176612007400823", "en", "HTML-only with layout tables and entities",
    [("Return-Path", "<0100019a5b6c7d8e-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-000000@email.amazonses.com>"),
     RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 9, 12, 2, 40),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("ack-e", "54.240.8.61"),
     *DK_AWS("ack-e", _epoch(2026, 11, 9, 12, 2, 37)),
     ("Date", D(2026, 11, 9, 12, 2, 37)),
     ("From", AWS_TC),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", ses_mid("ack-e")),
     ("Subject", "[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Case received</title></head>
<body style="font-family:Arial,sans-serif;font-size:14px;color:#16191f">
<table width="100%" cellpadding="0" cellspacing="0" role="presentation">
<tr><td style="background:#232f3e;padding:12px 20px;color:#ffffff">AWS Training &amp; Certification</td></tr>
<tr><td style="padding:20px">
<p>Hello Daniel,</p>
<p>We have received your inquiry and created case <strong>176612007400823</strong>.<br>
An agent will get back to you by email. There&rsquo;s no need to resubmit the form.</p>
<table cellpadding="4" style="border-collapse:collapse;border:1px solid #d5dbdb">
<tr><td><b>Case ID</b></td><td>176612007400823</td></tr>
<tr><td><b>Category</b></td><td>Account assistance</td></tr>
<tr><td><b>Opened</b></td><td>Nov 9, 2026</td></tr>
</table>
<p>Regards,<br>AWS Training &amp; Certification</p>
</td></tr>
<tr><td style="font-size:11px;color:#687078;padding:12px 20px">Amazon Web Services, Inc. is a subsidiary of Amazon.com, Inc. &copy; 2026</td></tr>
</table>
</body></html>
""", sub="html"))

add("acknowledgement", "unverified", "176575590600149", "ja", "no Authentication-Results (saved copy)",
    [*DK_AWS("ack-f", _epoch(2026, 11, 5, 1, 30, 2)),
     ("Date", D(2026, 11, 5, 1, 30, 2)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("ack-f")),
     ("Subject", "[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
佐藤 美咲 様

お問い合わせを受け付けました。
ケース番号：176575590600149

担当者からの連絡をお待ちください。
このメールに返信すると、同じケースに情報を追加できます。

AWS Training and Certification
"""))

add("acknowledgement", "unverified", "176540311900264", "en", "no Authentication-Results; very short",
    [("Date", D(2026, 11, 9, 1, 5, 13)),
     ("From", AWS_TC),
     ("To", PRIYA),
     ("Message-ID", ses_mid("ack-g")),
     ("Subject", "[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Thank you for contacting AWS Training and Certification.

Your inquiry has been received (case 176540311900264). We will respond as soon as possible.

Please do not reply with sensitive information such as passwords or full payment card numbers.
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("acknowledgement", "fail", "176599210400517", "en",
    "FORGERY: look-alike domain amazon-support-case.com (its own DMARC passes); phishing link",
    [("Return-Path", "<bounce@amazon-support-case.com>"),
     RCV("mx.google.com", "mail.amazon-support-case.com", "193.42.33.18", D(2026, 11, 10, 3, 12, 44),
         "daniel.novak83@gmail.com", "Google"),
     AR("mx.google.com",
        "dkim=pass header.i=@amazon-support-case.com header.s=default header.b=Jd8Kq2mN",
        "spf=pass (google.com: domain of bounce@amazon-support-case.com designates 193.42.33.18 as permitted sender) "
        "smtp.mailfrom=bounce@amazon-support-case.com",
        "dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=amazon-support-case.com"),
     DK("amazon-support-case.com", "default", "ack-h", _epoch(2026, 11, 10, 3, 12, 40)),
     ("Date", D(2026, 11, 10, 3, 12, 40)),
     ("From", "AWS Training and Certification <support@amazon-support-case.com>"),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", plain_mid("ack-h", "amazon-support-case.com")),
     ("Subject", "[CASE 176599210400517] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Dear Customer,

We have received your case #176599210400517 regarding your AWS Certification account.

To avoid delays, please verify your identity within 24 hours using the secure link below.
Cases that are not verified cannot be processed.

  https://amazon-support-case.com/verify?case=176599210400517

Thank you for your prompt attention.
AWS Training and Certification Team
""", cs="us-ascii", cte="7bit"))

add("acknowledgement", "pass", "176620873500066", "en",
    "outlook.com consumer mailbox: Authentication-Results WITHOUT authserv-id (as Microsoft writes it); utf-8 8bit",
    [ar_eop(None, ip="54.240.8.77"),
     RCV("AM4PEPF00027A6C.eurprd04.prod.outlook.com", "a8-77.smtp-out.amazonses.com", "54.240.8.77",
         D(2026, 11, 6, 9, 21, 18), "lucas.moreau@outlook.com", "Microsoft SMTP Server"),
     *DK_AWS("ack-i", _epoch(2026, 11, 6, 9, 21, 15)),
     ("Date", D(2026, 11, 6, 9, 21, 15)),
     ("From", AWS_TC),
     ("To", LUCAS),
     ("Message-ID", ses_mid("ack-i")),
     ("Subject", "[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello Lucas,

Your request was received — case ID 176620873500066.

We’re currently experiencing higher than usual volume, so a first response may take up to 5 business days. We appreciate your patience.

Tip: while you wait, make sure you can still sign in to both accounts you mentioned. It makes the next steps faster.

AWS Training and Certification
""", cte="8bit"))

add("acknowledgement", "fail", "176577001900288", "ja",
    "FORGERY: From aws-training-cert.com (non-vendor); topmost AR all none; a LOWER sender-added AR claims "
    "dkim/dmarc pass for amazon.com; subject split mid-character across encoded-words",
    [RCV(MX_EC, "vps-118.fastnet-hosting.net", "91.208.44.118", D(2026, 11, 3, 8, 2, 55),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=none", "spf=none smtp.mailfrom=aws-training-cert.com",
        "dmarc=none header.from=aws-training-cert.com"),
     AR(MX_EC, "dkim=pass header.d=amazon.com header.s=%s" % SEL_AMZ,
        "spf=pass smtp.mailfrom=amazonses.com", "dmarc=pass header.from=amazon.com"),
     ("Date", D(2026, 11, 3, 17, 2, 50, 9)),
     ("From", A("AWS トレーニングと認定", "support@aws-training-cert.com")),
     ("To", TARO_JA),
     ("Message-ID", plain_mid("ack-j", "aws-training-cert.com")),
     ("Subject", SJ("[CASE 176577001900288]", "お問い合わせを受け付けました（本人確認のお願い）", split_bytes=22))],
    Leaf("""\
山田 太郎 様

AWS トレーニングと認定 カスタマーサポートです。
お問い合わせ（ケース ID：176577001900288）を受け付けました。

アカウント統合の手続きを進めるため、下記ページから本人確認を完了してください。
本人確認が完了するまで、ケースは「保留」となります。

https://aws-training-cert.com/ja/case/176577001900288/identity

ご不明な点がございましたら、本メールにご返信ください。
AWS トレーニングと認定
""", cte="base64"))

# --------------------------------------------------------------------------
# ai_auto_answer
# --------------------------------------------------------------------------

add("ai_auto_answer", "pass", "176530418200731", "en", "multipart/alternative, numbered steps; asks for details like an agent would",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 2, 2, 31, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("ai-a", _epoch(2026, 11, 2, 2, 31, 36)),
     ("Date", D(2026, 11, 2, 2, 31, 36)),
     ("From", AWS_TC),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", ses_mid("ai-a")),
     ("In-Reply-To", ses_mid("ack-a")),
     ("References", ses_mid("ack-a")),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hello,

This response was generated using AI to help you get an answer faster. A member of our support team will still review your case if you need more help.

Based on your message, it sounds like you have two AWS Certification accounts and want to combine them. Here is what usually helps:

1. Sign in to each account at https://www.aws.training and note the email address shown under "Certification" > "Account settings".
2. Decide which account you want to keep. The certifications from the other account will be moved into it.
3. Reply to this email with both email addresses and the certification validation numbers, if you have them.

Many duplicate-account questions are also answered in the FAQ:
https://aws.amazon.com/certification/faqs/

Did this answer your question?
  Yes, close my case: reply with "resolved"
  No, I still need help: reply with any additional details

AWS Training and Certification
"""),
        Leaf("""\
<html><body style="font-family:Arial,sans-serif">
<p>Hello,</p>
<p><i>This response was generated using AI to help you get an answer faster. A member of our support team will still review your case if you need more help.</i></p>
<p>Based on your message, it sounds like you have two AWS Certification accounts and want to combine them. Here is what usually helps:</p>
<ol>
<li>Sign in to each account at <a href="https://www.aws.training">https://www.aws.training</a> and note the email address shown under &quot;Certification&quot; &gt; &quot;Account settings&quot;.</li>
<li>Decide which account you want to keep. The certifications from the other account will be moved into it.</li>
<li>Reply to this email with both email addresses and the certification validation numbers, if you have them.</li>
</ol>
<p>Many duplicate-account questions are also answered in the <a href="https://aws.amazon.com/certification/faqs/">FAQ</a>.</p>
<p><b>Did this answer your question?</b><br>
Yes, close my case: reply with &quot;resolved&quot;<br>
No, I still need help: reply with any additional details</p>
<p>AWS Training and Certification</p>
</body></html>
""", sub="html")], "b1_9e4f0c7a21d35b86"))

add("ai_auto_answer", "pass", "176529983100412", "ja", "utf-8 base64 text/plain; subject B-encoded utf-8",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 3, 5, 52, 3),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("ai-b"),
     *DK_AWS("ai-b", _epoch(2026, 11, 3, 5, 52, 0)),
     ("Date", D(2026, 11, 3, 5, 52, 0)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("ai-b")),
     ("In-Reply-To", ses_mid("ack-b")),
     ("References", ses_mid("ack-b")),
     ("Subject", SJ("RE:[CASE 176529983100412]", "認定アカウントの統合について"))],
    Leaf("""\
鈴木様

お問い合わせありがとうございます。
この回答は生成AIによって作成されたものです。内容に誤りが含まれる場合がありますので、ご了承ください。

■ 重複した認定アカウントについて
認定アカウントが2つある場合、サポートによるアカウント統合が可能です。
統合前に、以下をご確認いただくとスムーズです。

・どちらのアカウントを残すか（統合先）
・それぞれのアカウントに登録されているメールアドレス
・取得済みの認定資格と取得日

■ よくあるご質問
https://aws.amazon.com/jp/certification/faqs/

この回答で問題は解決しましたか？
解決した場合は、このメールへの返信は不要です。引き続きサポートが必要な場合は、
このメールにご返信ください。担当者が確認いたします。
""", cte="base64"))

add("ai_auto_answer", "pass", "176601245700198", "ja", "HTML-only with a table; utf-8 quoted-printable",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 5, 0, 12, 9),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("ai-c", _epoch(2026, 11, 5, 0, 12, 5)),
     ("Date", D(2026, 11, 5, 0, 12, 5)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("ai-c")),
     ("In-Reply-To", ses_mid("ack-c")),
     ("References", ses_mid("ack-c")),
     ("Subject", "RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body>
<div style="font-family:'Meiryo',sans-serif;font-size:13px">
<p>渡辺 様</p>
<p>AWS トレーニングと認定へのお問い合わせありがとうございます。<br>
以下は <b>AIによる自動回答</b> です。担当者の回答をお待ちいただく前に、お役立てください。</p>
<table border="1" cellpadding="6" style="border-collapse:collapse">
<tr style="background:#f2f3f3"><th>よくある状況</th><th>セルフサービスでの対処</th></tr>
<tr><td>ログインできるアカウントが分からない</td><td>aws.training の「パスワードを忘れた場合」から、各メールアドレスで再設定をお試しください。</td></tr>
<tr><td>認定資格が表示されない</td><td>認定アカウント（Credly 連携を含む）の通知先メールアドレスをご確認ください。</td></tr>
<tr><td>アカウントを1つにまとめたい</td><td>残すアカウントと統合するアカウントのメールアドレスを、このメールへの返信でお知らせください。</td></tr>
</table>
<p>この回答はお役に立ちましたか？&nbsp;<a href="https://support.aws.amazon.com/feedback?v=yes">はい</a>&nbsp;|&nbsp;<a href="https://support.aws.amazon.com/feedback?v=no">いいえ</a></p>
<p style="color:#687078;font-size:11px">※ この回答は生成AIを使用して作成されています。</p>
</div>
</body></html>
""", sub="html"),
    eol="\r\n")

add("ai_auto_answer", "pass", "176488120300557", "en", "us-ascii; AI disclaimer only at the end",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 3, 14, 0, 31),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("ai-d", _epoch(2026, 11, 3, 14, 0, 27)),
     ("Date", D(2026, 11, 3, 14, 0, 27)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("ai-d")),
     ("In-Reply-To", ses_mid("ack-d")),
     ("References", ses_mid("ack-d")),
     ("Subject", "RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Emily,

Thanks for your patience. Below is an automated answer based on the details in your case. It may not cover everything.

Duplicate certification accounts
- If you registered for exams with two different emails, you may see two separate certification profiles.
- Our team can merge them into one. The account you choose to keep will show all certifications and benefits.
- Exam history and digital badges move together with the merge.

Before a merge, we recommend you:
- update the primary email on the account you want to keep, and
- make sure there are no exams currently scheduled on the other account.

Did this answer your question? If yes, no action is needed and the case will close. If not, reply and a human agent will pick it up.

AWS Training and Certification
(This response was generated using AI.)
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("ai_auto_answer", "pass", "176612007400823", "en", "HTML-only; numeric and named entities",
    [RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 9, 12, 20, 5),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("ai-e", "54.240.8.61"),
     *DK_AWS("ai-e", _epoch(2026, 11, 9, 12, 20, 1)),
     ("Date", D(2026, 11, 9, 12, 20, 1)),
     ("From", AWS_TC),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", ses_mid("ai-e")),
     ("In-Reply-To", ses_mid("ack-e")),
     ("References", ses_mid("ack-e")),
     ("Subject", "RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body>
<p>Hello Daniel,</p>
<p>We&#39;re using generative AI to give you a faster first answer. A support agent can still help if this doesn&#8217;t solve it.</p>
<p><b>Your question:</b> &quot;I have two certification accounts and want my SAP and MLS certs in one place.&quot;</p>
<p><b>Suggested steps</b></p>
<ul>
<li>Confirm which account holds each certification (sign in at aws.training &rarr; Certification).</li>
<li>Choose the account to keep &ndash; ideally the one tied to an email you&#8217;ll keep long-term.</li>
<li>Reply with both account emails; an agent will handle the merge.</li>
</ul>
<hr>
<p style="font-size:12px">Did this answer your question?<br>
<a href="https://support.aws.amazon.com/case-feedback?answer=yes">Yes</a> &middot;
<a href="https://support.aws.amazon.com/case-feedback?answer=no">No, I need an agent</a></p>
</body>
</html>
""", sub="html"))

add("ai_auto_answer", "unverified", "176575590600149", "ja", "ISO-2022-JP; no Authentication-Results",
    [*DK_AWS("ai-f", _epoch(2026, 11, 5, 1, 44, 20)),
     ("Date", D(2026, 11, 5, 1, 44, 20)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("ai-f")),
     ("In-Reply-To", ses_mid("ack-f")),
     ("Subject", "RE:[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
佐藤 美咲 様

このメールは、AIによる自動回答です。

ご質問の内容から、2つの認定アカウントを1つにまとめたいというご要望と理解しました。
アカウントの統合は、サポート担当者が手動で行います。お手続きの前に、次の点をご確認ください。

1. 統合先として残すアカウントのメールアドレス
2. 統合元のアカウントのメールアドレス
3. 統合元アカウントで予約中の試験がないこと

上記をご確認のうえ、このメールにご返信ください。
この回答で解決した場合は、返信は不要です。

AWS トレーニングと認定
""", cs="iso2022_jp", cte="7bit"))

add("ai_auto_answer", "pass", "176620873500066", "en",
    "WRONG charset label: says iso-8859-1 but bytes are UTF-8 (8bit); decodes to mojibake such as â€™",
    [ar_eop(None, ip="54.240.8.77"),
     RCV("AM4PEPF00027A6C.eurprd04.prod.outlook.com", "a8-77.smtp-out.amazonses.com", "54.240.8.77",
         D(2026, 11, 6, 9, 40, 2), "lucas.moreau@outlook.com", "Microsoft SMTP Server"),
     *DK_AWS("ai-g", _epoch(2026, 11, 6, 9, 39, 58)),
     ("Date", D(2026, 11, 6, 9, 39, 58)),
     ("From", AWS_TC),
     ("To", LUCAS),
     ("Message-ID", ses_mid("ai-g")),
     ("Subject", "RE:[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello Lucas,

This response was generated using AI. It’s meant to help you get started while your case waits for an agent.

It looks like you’d like to merge two AWS Certification accounts. A few things to know:

– Merges are done by our support team; there’s no self-service merge button.
– Everything from the merged account — certifications, exam history, benefits — moves to the account you keep.
– You’ll need access to the email addresses on both accounts.

Did this answer your question? Reply “yes” to close the case, or tell us what’s still unclear.

AWS Training and Certification
""", cs="utf-8", label="iso-8859-1", cte="8bit"),
    known="charset label iso-8859-1 on UTF-8 bytes: Python returns mojibake (â€™, â€“, â€”)")

add("ai_auto_answer", "fail", "", "en",
    "FORGERY: look-alike amazonses.co (DMARC passes for the look-alike itself); no case ID",
    [RCV(MX_EC, "smtp2.amazonses.co", "45.95.168.20", D(2026, 11, 4, 23, 18, 7),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=pass header.d=amazonses.co header.s=mail", "spf=pass smtp.mailfrom=amazonses.co",
        "dmarc=pass header.from=amazonses.co"),
     DK("amazonses.co", "mail", "ai-h", _epoch(2026, 11, 4, 23, 18, 1)),
     ("Date", D(2026, 11, 4, 23, 18, 1)),
     ("From", "AWS Training & Certification <certification@amazonses.co>"),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", plain_mid("ai-h", "amazonses.co")),
     ("Subject", "Automated answer to your AWS Certification case")],
    Leaf("""\
Hello,

This is an AI-generated answer to your recent AWS Certification case.

Our automated assistant found a problem with your certification profile: two accounts are linked to your name, and one of them will be suspended on the next billing cycle.

To keep your certifications, sign in below and select the account you want to keep:
https://certification.amazonses.co/merge/select?id=7F3A19

Was this answer helpful? Yes / No

AWS Training & Certification
""", cs="us-ascii", cte="7bit"))

add("ai_auto_answer", "unverified", "176540311900264", "en", "short, asterisk bullets; no Authentication-Results",
    [("Date", D(2026, 11, 9, 1, 20, 44)),
     ("From", AWS_TC),
     ("To", PRIYA),
     ("Message-ID", ses_mid("ai-i")),
     ("In-Reply-To", ses_mid("ack-g")),
     ("Subject", "RE:[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Priya,

Here's an automated answer (generated with AI) while we route your case to an agent:

* You can have only one AWS Certification account per person.
* Duplicate accounts can be merged by support; certifications and exam history are kept.
* No action is needed on your side yet.

Did this answer your question? Just reply "Yes" or "No".

-- AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("ai_auto_answer", "pass", "176530418200731", "ja",
    "reply to the user's Japanese follow-up; quoted user text at the end; utf-8 qp",
    [ar_aws(MX_EC),
     RCV(MX_EC, "a8-31.smtp-out.amazonses.com", "54.240.8.31", D(2026, 11, 3, 4, 8, 51),
         "taro.yamada@example-corp.co.jp"),
     *DK_AWS("ai-j", _epoch(2026, 11, 3, 4, 8, 47)),
     ("Date", D(2026, 11, 3, 4, 8, 47)),
     ("From", AWS_TC),
     ("To", TARO_JA),
     ("Message-ID", ses_mid("ai-j")),
     ("In-Reply-To", "<20261103124012.7a1c3e@example-corp.co.jp>"),
     ("References", ses_mid("ack-a") + "\n " + "<20261103124012.7a1c3e@example-corp.co.jp>"),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
山田 様

追加のご連絡ありがとうございます。
以下は、いただいた内容をもとに生成AIが作成した回答です。

ご認識のとおり、統合したアカウントは元に戻すことができません。
そのため、統合先（残すアカウント）には、今後もご利用になるメールアドレスのアカウントをお選びいただくことをおすすめします。
会社のメールアドレスのアカウントを統合先にされる場合は、退職などでアドレスが使えなくなった際に
サインインできなくなる点にご注意ください。

この回答はお役に立ちましたか？ 「はい」または「いいえ」とご返信ください。
担当者による確認をご希望の場合は、その旨をお書き添えください。

> 統合した後で、やはり個人のアカウントに戻したくなった場合は元に戻せますか？
> 会社のアドレスを残すアカウントにする予定です。
>
> 山田 太郎
"""))

# --------------------------------------------------------------------------
# info_request
# --------------------------------------------------------------------------

add("info_request", "pass", "176530418200731", "en", "agent asks for notification email, validation number, legal name",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 4, 6, 2, 19),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("r-a", _epoch(2026, 11, 4, 6, 2, 15)),
     ("Date", D(2026, 11, 4, 6, 2, 15)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("r-a")),
     ("In-Reply-To", ses_mid("ai-j")),
     ("References", ses_mid("ack-a") + "\n " + ses_mid("ai-j")),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"),
     *SES_EXTRA("r-a", "54.240.8.30", "2026.11.04")],
    Leaf("""\
Hello Taro,

My name is Maria and I'll be helping you with your request to merge your AWS Certification accounts.

To locate both accounts and make sure they belong to the same person, I need a few more details:

1. The email address that receives certification notifications on the account you want to merge (not only the login email).
2. The validation number of at least one certification on that account.
3. Your full name exactly as it appears on your government-issued ID.

Once I have this information I can continue with the next steps. Please reply to this email directly so that the case ID stays in the subject line.

Kind regards,
Maria G.
AWS Training and Certification Customer Support
"""))

add("info_request", "pass", "176529983100412", "ja", "ISO-2022-JP; full-width indentation; polite keigo",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 5, 2, 31, 9),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("r-b"),
     *DK_AWS("r-b", _epoch(2026, 11, 5, 2, 31, 5)),
     ("Date", D(2026, 11, 5, 2, 31, 5)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("r-b")),
     ("In-Reply-To", ses_mid("ai-b")),
     ("References", ses_mid("ack-b") + "\n " + ses_mid("ai-b")),
     ("Subject", "RE:[CASE 176529983100412] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
鈴木 花子 様

お世話になっております。AWS トレーニングと認定 サポート担当の木村です。

認定アカウントの統合について承りました。
お手続きを進めるにあたり、恐れ入りますが以下の情報をお知らせいただけますでしょうか。

　・統合元アカウント（AWS55667788）の通知先メールアドレス
　・統合元アカウントで取得された認定資格の名称と取得日
　・ご本人確認のため、試験予約時にご登録の氏名（ローマ字）

大学のメールアドレス（h.suzuki@old-univ.ac.jp）が現在ご利用いただけない場合は、
その旨もあわせてお知らせください。

ご返信をお待ちしております。
どうぞよろしくお願いいたします。

木村
AWS トレーニングと認定 カスタマーサポート
""", cs="iso2022_jp", cte="7bit"))

add("info_request", "pass", "176601245700198", "ja",
    "asks which account to keep; quoted history under -----元のメッセージ----- is the earlier AI auto answer",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 6, 2, 45, 33),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("r-c", _epoch(2026, 11, 6, 2, 45, 29)),
     ("Date", D(2026, 11, 6, 2, 45, 29)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("r-c")),
     ("In-Reply-To", outlook_mid("kenji-1", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("References", ses_mid("ai-c") + "\n " + outlook_mid("kenji-1", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("Subject", "RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
渡辺 健二 様

AWS トレーニングと認定の中村と申します。
先ほどの自動回答では解決しなかったとのこと、ご連絡ありがとうございます。

統合のお手続きに進む前に、1点確認させてください。
統合先として残すアカウントは、以下のどちらでしょうか。

　A. AWS30405060（kenji.watanabe@northwind-trading.co.jp）
　B. AWS70809010（kenji.w@hotmail.co.jp）

なお、統合後は統合元アカウントにはサインインできなくなります。
ご返信の際は、A または B とお書きいただければ結構です。

中村
AWS Training and Certification

-----元のメッセージ-----
差出人: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
送信日時: 2026年11月5日(木) 9:12
宛先: 渡辺 健二 <kenji.watanabe@northwind-trading.co.jp>
件名: RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance

渡辺 様

AWS トレーニングと認定へのお問い合わせありがとうございます。
以下は AIによる自動回答 です。担当者の回答をお待ちいただく前に、お役立てください。
（表は省略）

この回答はお役に立ちましたか？ はい | いいえ
※ この回答は生成AIを使用して作成されています。
""", cte="base64"),
        Leaf("""\
<html><body style="font-family:'Meiryo',sans-serif">
<p>渡辺 健二 様</p>
<p>AWS トレーニングと認定の中村と申します。<br>
先ほどの自動回答では解決しなかったとのこと、ご連絡ありがとうございます。</p>
<p>統合のお手続きに進む前に、1点確認させてください。<br>
統合先として残すアカウントは、以下のどちらでしょうか。</p>
<p>A. AWS30405060（kenji.watanabe@northwind-trading.co.jp）<br>
B. AWS70809010（kenji.w@hotmail.co.jp）</p>
<p>なお、統合後は統合元アカウントにはサインインできなくなります。<br>
ご返信の際は、A または B とお書きいただければ結構です。</p>
<p>中村<br>AWS Training and Certification</p>
<hr>
<p><b>差出人:</b> AWS Training and Certification &lt;aws-cs-trainingcertification-form@amazon.com&gt;<br>
<b>送信日時:</b> 2026年11月5日(木) 9:12<br>
<b>件名:</b> RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance</p>
<p>以下は AIによる自動回答 です。（表は省略）<br>この回答はお役に立ちましたか？ はい | いいえ</p>
</body></html>
""", sub="html", cte="base64")], "----=_NextPart_000_0012_01DB4F2A.9C3E7B10"),
    eol="\r\n")

add("info_request", "pass", "176488120300557", "en", "HTML-only; asks for proof of identity because names differ",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 5, 21, 18, 40),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("r-d", _epoch(2026, 11, 5, 21, 18, 36)),
     ("Date", D(2026, 11, 5, 21, 18, 36)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("r-d")),
     ("In-Reply-To", outlook_mid("emily-1", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("References", ses_mid("ai-d") + "\n " + outlook_mid("emily-1", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("Subject", "RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body style="font-family:Calibri,Arial,sans-serif">
<p>Hi Emily,</p>
<p>Thank you for the details you sent. I was able to find both profiles:</p>
<table border="0" cellpadding="3">
<tr><td>Account to keep:</td><td><b>AWS90123456</b> (emily.carter@fabrikam.com)</td></tr>
<tr><td>Account to merge:</td><td><b>AWS87654321</b> (emily.c.dev@yahoo.com)</td></tr>
</table>
<p>However, the name on AWS87654321 is recorded as &quot;Emily Jones&quot;. Because the names differ, I&#39;ll need a little more before I can go ahead:</p>
<ul>
<li>a photo or scan of a government-issued ID showing your current name, <u>or</u></li>
<li>a document that shows the name change (you may cover any numbers not related to your name).</li>
</ul>
<p>Please attach the file to your reply. Don&rsquo;t send passwords &ndash; we will never ask for them.</p>
<p>Best,<br>Kevin<br>AWS Training and Certification Customer Support</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("info_request", "pass", "176612007400823", "en", "quoted user message under -----Original Message-----",
    [RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 11, 8, 30, 12),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("r-e", "54.240.8.61"),
     *DK_AWS("r-e", _epoch(2026, 11, 11, 8, 30, 8)),
     ("Date", D(2026, 11, 11, 8, 30, 8)),
     ("From", AWS_TC),
     ("To", DANIEL),
     ("Message-ID", ses_mid("r-e")),
     ("In-Reply-To", gmail_mid("daniel-1")),
     ("References", ses_mid("ai-e") + "\n " + gmail_mid("daniel-1")),
     ("Subject", "RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Daniel,

Thanks for getting back to me. I checked account AWS56781234 but could not find the Machine Learning - Specialty certification you mentioned.

Could you send me:
- the certification validation number for Machine Learning - Specialty (it's on your certificate PDF), and
- the approximate date you took that exam?

It's possible the exam was recorded under a third profile. With the validation number I can find it.

Regards,
Arjun
AWS Training and Certification

-----Original Message-----
From: Daniel Novak <daniel.novak83@gmail.com>
Sent: Tuesday, November 10, 2026 7:44 PM
To: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Subject: RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance

Hi,

The account to keep is AWS12340987 (daniel.novak83@gmail.com). The old one is
AWS56781234, which I used at Contoso Consulting (dnovak@contoso-consulting.com).
It has my Solutions Architect - Professional and Machine Learning - Specialty.

Thanks,
Dan
""", cs="us-ascii", cte="7bit"))

add("info_request", "pass", "176575590600149", "ja", "utf-8 qp; company mail server trace",
    [RCV(MX_TS, "a8-90.smtp-out.amazonses.com", "54.240.8.90", D(2026, 11, 9, 6, 15, 30),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS),
     *DK_AWS("r-f", _epoch(2026, 11, 9, 6, 15, 26)),
     ("Date", D(2026, 11, 9, 6, 15, 26)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("r-f")),
     ("In-Reply-To", "<5F2A9C1E.4010207@tailspin.co.jp>"),
     ("References", ses_mid("ai-f") + "\n <5F2A9C1E.4010207@tailspin.co.jp>"),
     ("Subject", "RE:[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
佐藤様

いつもお世話になっております。AWS トレーニングと認定の小林です。

統合元アカウント（AWS13579246）について確認したところ、
通知先メールアドレスが、ご連絡いただいたアドレスと異なっておりました。

お手数ですが、AWS13579246 にサインインし、
「アカウント設定」に表示されている通知先メールアドレスをお知らせください。
サインインできない場合は、最後に受験された試験の名称と受験日でも構いません。

恐縮ですが、ご確認のほどよろしくお願い申し上げます。

小林
"""))

add("info_request", "unverified", "176620873500066", "en", "multipart/alternative; no Authentication-Results",
    [*DK_AWS("r-g", _epoch(2026, 11, 10, 13, 5, 0)),
     ("Date", D(2026, 11, 10, 13, 5, 0)),
     ("From", AWS_TC),
     ("To", LUCAS),
     ("Message-ID", ses_mid("r-g")),
     ("In-Reply-To", ses_mid("ai-g")),
     ("Subject", "RE:[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hello Lucas,

I'm Sofia from AWS Training and Certification support. Before I can merge anything, please tell me which account should be kept:

  (a) AWS65432109 - lucas.moreau@outlook.com
  (b) AWS10293847 - l.moreau@adatum.fr

Also, do you still have access to l.moreau@adatum.fr? If not, that's okay, but let me know, because it changes how we verify the request.

Thank you,
Sofia
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<div>Hello Lucas,<br><br>
I'm Sofia from AWS Training and Certification support. Before I can merge anything, please tell me which account should be kept:<br><br>
&nbsp;&nbsp;(a) AWS65432109 - lucas.moreau@outlook.com<br>
&nbsp;&nbsp;(b) AWS10293847 - l.moreau@adatum.fr<br><br>
Also, do you still have access to l.moreau@adatum.fr? If not, that's okay, but let me know, because it changes how we verify the request.<br><br>
Thank you,<br>Sofia</div>
""", sub="html", cs="us-ascii", cte="7bit")], "=_5b08d2e7f1a4c963"),
    eol="\r\n")

add("info_request", "fail", "176541020700393", "en",
    "FORGERY: From @amazon.com but topmost AR dkim=none spf=fail dmarc=fail; Reply-To points to a gmail.com address; asks for passwords",
    [RCV(MX_EC, "mail.relay-svc.biz", "185.234.72.19", D(2026, 11, 10, 16, 40, 2),
         "priya.raman@example-corp.co.jp"),
     AR(MX_EC, "dkim=none (no signature)", "spf=fail smtp.mailfrom=relay-svc.biz",
        "dmarc=fail (p=quarantine dis=none) header.from=amazon.com"),
     ("Date", D(2026, 11, 10, 16, 39, 55)),
     ("From", AWS_TC),
     ("Reply-To", "AWS Certification Verification <aws.certification.helpdesk@gmail.com>"),
     ("To", PRIYA),
     ("Message-ID", plain_mid("r-h", "relay-svc.biz")),
     ("Subject", "RE:[CASE 176541020700393] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Dear Priya Raman,

We are reviewing your request to merge your AWS Certification accounts.
To complete the verification, please reply with the following:

- Login email and password of BOTH accounts
- A photo of your passport or driving licence (front and back)
- Date of birth

Please send the information within 48 hours. Replies are handled by our verification desk.

Best regards,
AWS Training and Certification Verification Team
""", cs="us-ascii", cte="7bit"))

add("info_request", "fail", "176580044100720", "ja",
    "FORGERY: look-alike amazon-support.com (its own DMARC passes); HTML-only button link; asks for ID and card",
    [RCV(MX_TS, "out3.amazon-support.com", "80.66.88.201", D(2026, 11, 10, 2, 5, 9),
         "misaki.sato@tailspin.co.jp"),
     AR(MX_TS, "dkim=pass header.d=amazon-support.com header.s=k1", "spf=pass smtp.mailfrom=amazon-support.com",
        "dmarc=pass header.from=amazon-support.com"),
     DK("amazon-support.com", "k1", "r-i", _epoch(2026, 11, 10, 2, 5, 1)),
     ("Date", D(2026, 11, 10, 11, 5, 1, 9)),
     ("From", A("AWS トレーニングと認定", "no-reply@amazon-support.com", "utf-8", "Q")),
     ("To", MISAKI),
     ("Message-ID", plain_mid("r-i", "amazon-support.com")),
     ("Subject", SJ("[CASE 176580044100720]", "【要対応】本人確認情報のご提出のお願い", mode="Q"))],
    Leaf("""\
<html><body>
<p>佐藤 美咲 様</p>
<p>AWS トレーニングと認定 サポートセンターです。<br>
ケース 176580044100720 のお手続きに必要な情報が不足しています。</p>
<p>以下のボタンから、<b>本人確認書類</b>と<b>クレジットカード情報</b>をご登録ください。<br>
ご登録がない場合、認定資格が無効となる可能性があります。</p>
<p><a href="https://amazon-support.com/jp/verify" style="background:#ff9900;color:#000;padding:8px 16px;text-decoration:none">本人確認を行う</a></p>
<p>AWS トレーニングと認定</p>
</body></html>
""", sub="html", cte="base64"))

add("info_request", "pass", "176540311900264", "en",
    "multipart/alternative; HTML quotes the acknowledgement in <blockquote>, plain quotes with >",
    [RCV(MX_EC, "a8-33.smtp-out.amazonses.com", "54.240.8.33", D(2026, 11, 10, 4, 12, 50),
         "priya.raman@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("r-j", _epoch(2026, 11, 10, 4, 12, 46)),
     ("Date", D(2026, 11, 10, 4, 12, 46)),
     ("From", AWS_TC),
     ("To", PRIYA),
     ("Message-ID", ses_mid("r-j")),
     ("In-Reply-To", ses_mid("ai-i")),
     ("References", ses_mid("ack-g") + "\n " + ses_mid("ai-i")),
     ("Subject", "RE:[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Priya,

I'm picking up your case. To merge AWS99887766 into AWS44556677 I need one thing: the email address that receives certification notifications on AWS99887766. You wrote priya.r@example.org, but that address isn't on the account.

If you're not sure, the welcome email from your Cloud Practitioner exam (2022) will show it.

Cheers,
Liam
AWS T&C Support

On Mon, Nov 9, 2026 at 1:05 AM AWS Training and Certification wrote:
> Thank you for contacting AWS Training and Certification.
> Your inquiry has been received (case 176540311900264). We will respond as soon as possible.
"""),
        Leaf("""\
<html><body>
<p>Hi Priya,</p>
<p>I'm picking up your case. To merge AWS99887766 into AWS44556677 I need one thing: the email address that receives certification notifications on AWS99887766. You wrote priya.r@example.org, but that address isn't on the account.</p>
<p>If you're not sure, the welcome email from your Cloud Practitioner exam (2022) will show it.</p>
<p>Cheers,<br>Liam<br>AWS T&amp;C Support</p>
<div>On Mon, Nov 9, 2026 at 1:05 AM AWS Training and Certification wrote:</div>
<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">
Thank you for contacting AWS Training and Certification.<br>
Your inquiry has been received (case 176540311900264). We will respond as soon as possible.
</blockquote>
</body></html>
""", sub="html")], "=_c2a91f4e6b7d0835"))

add("info_request", "pass", "176530418200731", "ja",
    "inline forward (---------- Forwarded message ---------) by the user from his personal address to his work "
    "address; EUC-JP; authenticity is the outer sender's (example.net, DMARC pass); forwarded vendor text itself is not verifiable",
    [RCV(MX_EC, "smtp.example.net", "203.0.113.25", D(2026, 11, 6, 6, 40, 12),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example.net"),
     DK("example.net", "sel2026", "r-k", _epoch(2026, 11, 6, 6, 40, 8)),
     ("Date", D(2026, 11, 6, 15, 40, 8, 9)),
     ("From", A("山田 太郎", "taro.personal@example.net", "euc_jp")),
     ("To", TARO_JA),
     ("Message-ID", "<20261106154008.3F2A.TARO@example.net>"),
     ("Subject", "Fwd: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"),
     ("X-Mailer", "Becky! ver. 2.81.04")],
    Leaf("""\
会社のアドレスにも転送しておきます。

---------- Forwarded message ---------
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Date: 2026年11月6日(金) 15:20
Subject: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance
To: <taro.personal@example.net>

山田 太郎 様

AWS トレーニングと認定の佐々木です。
ご返信ありがとうございました。

いただいた内容で統合元アカウント AWS01357913 を確認できました。
つきましては、統合先アカウント AWS02468135 についても、
認定資格の通知先メールアドレスを念のためお知らせいただけますでしょうか。

ご確認をお願いいたします。

佐々木
""", cs="euc_jp", cte="8bit"))

# --------------------------------------------------------------------------
# confirmation_request
# --------------------------------------------------------------------------

add("confirmation_request", "pass", "176530418200731", "en", "lists what will move; asks to reply to confirm",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 11, 6, 30, 22),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("c-a", _epoch(2026, 11, 11, 6, 30, 18)),
     ("Date", D(2026, 11, 11, 6, 30, 18)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("c-a")),
     ("In-Reply-To", "<20261110093512.6b2d4f@example-corp.co.jp>"),
     ("References", ses_mid("r-a") + "\n <20261110093512.6b2d4f@example-corp.co.jp>"),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"),
     *SES_EXTRA("c-a", "54.240.8.30", "2026.11.11")],
    Leaf("""\
Hello Taro,

Thank you for the information. I have verified both accounts:

  Account to keep (target):  AWS02468135  taro.yamada@example-corp.co.jp
  Account to merge (source): AWS01357913  taro.personal@example.net

After the merge, the following will appear on AWS02468135:
  - AWS Certified Solutions Architect - Associate (expires 2027-06-10)
  - AWS Certified Cloud Practitioner (expires 2026-09-01)
  - 50% exam discount voucher (expires 2027-06-10)

Please reply to confirm that you want to merge account AWS01357913 into AWS02468135. Please note that this cannot be undone, and you will no longer be able to sign in to AWS01357913.

Kind regards,
Maria G.
AWS Training and Certification Customer Support
""", cs="us-ascii", cte="7bit"))

add("confirmation_request", "pass", "176530418200731", "ja",
    "labelled ISO-2022-JP but written CP50220-style: contains ① ② (NEC row 13) and FULLWIDTH TILDE ～ inside ESC $ B",
    [RCV(MX_EC, "a8-31.smtp-out.amazonses.com", "54.240.8.31", D(2026, 11, 12, 5, 5, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("c-b", _epoch(2026, 11, 12, 5, 5, 36)),
     ("Date", D(2026, 11, 12, 5, 5, 36)),
     ("From", AWS_TC),
     ("To", TARO_JA),
     ("Message-ID", ses_mid("c-b")),
     ("In-Reply-To", ses_mid("c-a")),
     ("References", ses_mid("r-a") + "\n " + ses_mid("c-a")),
     ("Subject", SJ("RE:[CASE 176530418200731]", "アカウント統合の最終確認", "iso2022_jp"))],
    Leaf("""\
山田 太郎 様

AWS トレーニングと認定の佐々木です。
必要な情報がすべて揃いましたので、統合の最終確認をお願いいたします。

① 統合先（残るアカウント）：AWS02468135
② 統合元（なくなるアカウント）：AWS01357913

統合元の認定資格 2 件と、受験割引バウチャー（有効期限 2027年6月10日）は、
統合先のアカウントに移行されます。

上記の内容で統合してよろしいかご確認ください。
統合後は元に戻すことができませんので、ご注意ください。
ご返信は 11月19日～20日頃までにいただけますと幸いです。

佐々木
AWS トレーニングと認定 カスタマーサポート
""", cs="iso2022_jp", cte="7bit", encoder=jis_windows),
    known="① ② are outside ISO-2022-JP: Python's iso-2022-jp decoder yields U+FFFD; ～ comes back as 〜 (WAVE DASH)")

add("confirmation_request", "pass", "176529983100412", "ja", "multipart/alternative utf-8 base64; asks for a fixed reply phrase",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 17, 7, 2, 11),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("c-c"),
     *DK_AWS("c-c", _epoch(2026, 11, 17, 7, 2, 7)),
     ("Date", D(2026, 11, 17, 7, 2, 7)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("c-c")),
     ("In-Reply-To", gmail_mid("hanako-2")),
     ("References", ses_mid("r-b") + "\n " + gmail_mid("hanako-2")),
     ("Subject", SJ("RE:[CASE 176529983100412]", "統合内容のご確認", split_bytes=10))],
    Multi("alternative", [
        Leaf("""\
鈴木 様

お待たせいたしました。木村です。
いただいた情報をもとに、両方のアカウントがご本人様のものであることを確認しました。

【統合内容】
統合元：AWS55667788（h.suzuki@old-univ.ac.jp）
統合先：AWS11223344（hanako.suzuki.0312@gmail.com）
移行される認定：AWS Certified Cloud Practitioner

この内容で問題なければ、「統合に同意します」とご返信ください。
一度統合すると取り消しはできません。ご返信を確認しだい、作業を開始いたします。

木村
""", cte="base64"),
        Leaf("""\
<div>鈴木 様<br><br>お待たせいたしました。木村です。<br>
いただいた情報をもとに、両方のアカウントがご本人様のものであることを確認しました。<br><br>
<b>【統合内容】</b><br>
統合元：AWS55667788（h.suzuki@old-univ.ac.jp）<br>
統合先：AWS11223344（hanako.suzuki.0312@gmail.com）<br>
移行される認定：AWS Certified Cloud Practitioner<br><br>
この内容で問題なければ、「統合に同意します」とご返信ください。<br>
一度統合すると取り消しはできません。ご返信を確認しだい、作業を開始いたします。<br><br>木村</div>
""", sub="html", cte="base64")], "0000000000005f3e8a1b2c0d7e9f41"))

add("confirmation_request", "pass", "176601245700198", "ja", "HTML-only with a table; subject B-encoded, split mid-character",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 9, 1, 50, 3),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("c-d", _epoch(2026, 11, 9, 1, 49, 59)),
     ("Date", D(2026, 11, 9, 1, 49, 59)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("c-d")),
     ("In-Reply-To", outlook_mid("kenji-2", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("References", ses_mid("r-c") + "\n " + outlook_mid("kenji-2", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("Subject", SJ("RE:[CASE 176601245700198]", "アカウント統合の実施前確認", split_bytes=16))],
    Leaf("""\
<html><head><meta charset="utf-8"></head><body>
<p>渡辺 健二 様</p>
<p>中村です。アカウントA（AWS30405060）を残すとのご回答、承知いたしました。</p>
<p>以下の内容で統合を実施いたします。</p>
<table border="1" cellspacing="0" cellpadding="5">
<tr><th></th><th>アカウント</th><th>メールアドレス</th></tr>
<tr><td>統合先（残す）</td><td>AWS30405060</td><td>kenji.watanabe@northwind-trading.co.jp</td></tr>
<tr><td>統合元（削除）</td><td>AWS70809010</td><td>kenji.w@hotmail.co.jp</td></tr>
</table>
<p>統合してよろしいかご確認ください。<br>
問題がなければ「はい」とだけご返信いただければ結構です。<br>
<strong>※統合は取り消しできません。</strong></p>
<p>中村<br>AWS Training and Certification</p>
</body></html>
""", sub="html"),
    eol="\r\n")

add("confirmation_request", "pass", "176488120300557", "en",
    "quoted Outlook block (From:/Sent:/To:/Subject:) is the earlier info request",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 12, 23, 2, 44),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("c-e", _epoch(2026, 11, 12, 23, 2, 40)),
     ("Date", D(2026, 11, 12, 23, 2, 40)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("c-e")),
     ("In-Reply-To", outlook_mid("emily-2", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("References", ses_mid("r-d") + "\n " + outlook_mid("emily-2", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("Subject", "RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Emily,

Thank you – the ID you sent matches, and I’ve noted the name change on file.

Before I proceed, please confirm the following by replying “I confirm”:

Merge AWS87654321 (emily.c.dev@yahoo.com) into AWS90123456 (emily.carter@fabrikam.com).

This action is permanent. Your DevOps Engineer – Professional certification and its exam history will move to AWS90123456, and AWS87654321 will be closed.

Best,
Kevin

________________________________
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Sent: Thursday, November 5, 2026 4:18 PM
To: Emily Carter <emily.carter@fabrikam.com>
Subject: RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance

Hi Emily,

Thank you for the details you sent. I was able to find both profiles.
However, the name on AWS87654321 is recorded as "Emily Jones". Because the names differ, I'll need a little more before I can go ahead:
- a photo or scan of a government-issued ID showing your current name, or
- a document that shows the name change.
"""),
        Leaf("""\
<html><body style="font-family:Calibri,Arial,sans-serif">
<p>Hi Emily,</p>
<p>Thank you – the ID you sent matches, and I’ve noted the name change on file.</p>
<p>Before I proceed, please confirm the following by replying “I confirm”:</p>
<p><b>Merge AWS87654321 (emily.c.dev@yahoo.com) into AWS90123456 (emily.carter@fabrikam.com).</b></p>
<p>This action is permanent. Your DevOps Engineer – Professional certification and its exam history will move to AWS90123456, and AWS87654321 will be closed.</p>
<p>Best,<br>Kevin</p>
<hr style="display:inline-block;width:98%">
<div id="divRplyFwdMsg"><b>From:</b> AWS Training and Certification &lt;aws-cs-trainingcertification-form@amazon.com&gt;<br>
<b>Sent:</b> Thursday, November 5, 2026 4:18 PM<br>
<b>To:</b> Emily Carter &lt;emily.carter@fabrikam.com&gt;<br>
<b>Subject:</b> RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance</div>
<p>Hi Emily,</p>
<p>Thank you for the details you sent. I was able to find both profiles.<br>
However, the name on AWS87654321 is recorded as &quot;Emily Jones&quot;. Because the names differ, I&#39;ll need a little more before I can go ahead:</p>
<ul><li>a photo or scan of a government-issued ID showing your current name, or</li>
<li>a document that shows the name change.</li></ul>
</body></html>
""", sub="html")], "_000_BY5PR04MB6913A1C2D3E4F5namprd04prod_"),
    eol="\r\n")

add("confirmation_request", "pass", "176612007400823", "en", "HTML-only; entities (&ndash; &ldquo; &#8217;)",
    [RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 18, 16, 44, 2),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("c-f", "54.240.8.61"),
     *DK_AWS("c-f", _epoch(2026, 11, 18, 16, 43, 58)),
     ("Date", D(2026, 11, 18, 16, 43, 58)),
     ("From", AWS_TC),
     ("To", DANIEL),
     ("Message-ID", ses_mid("c-f")),
     ("In-Reply-To", gmail_mid("daniel-2")),
     ("References", ses_mid("r-e") + "\n " + gmail_mid("daniel-2")),
     ("Subject", "RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body>
<div dir="ltr">
<p>Hi Daniel,</p>
<p>Found it &ndash; the Machine Learning &ndash; Specialty exam was on AWS56781234 after all, recorded under &quot;Dan Novak&quot;.</p>
<p>Here&#8217;s what I&#8217;m about to do:</p>
<table style="border:1px solid #ccc" cellpadding="4">
<tr><td>Keep</td><td>AWS12340987</td></tr>
<tr><td>Merge &amp; close</td><td>AWS56781234</td></tr>
</table>
<p>Can you reply &ldquo;Yes, merge&rdquo; to confirm? This can&#39;t be reversed once done.</p>
<p>Arjun<br>AWS Training and Certification</p>
</div>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("confirmation_request", "unverified", "176620873500066", "en", "no Authentication-Results; casual tone",
    [("Date", D(2026, 11, 13, 10, 12, 0)),
     ("From", AWS_TC),
     ("To", LUCAS),
     ("Message-ID", ses_mid("c-g")),
     ("In-Reply-To", "<AM9P195MB1186" + _hex("lucas-2", 8).upper() + "@AM9P195MB1186.EURP195.PROD.OUTLOOK.COM>"),
     ("Subject", "RE:[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Lucas,

Thanks, I'll keep AWS65432109 as you asked.

Just to be 100% sure before I press the button:
you want AWS10293847 (l.moreau@adatum.fr) merged into AWS65432109 (lucas.moreau@outlook.com), correct?

Reply "confirmed" and I'll take care of it. A merge cannot be reversed.

Sofia
AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("confirmation_request", "fail", "176603377800414", "en",
    "FORGERY: look-alike amaz0n.com (zero), DKIM/DMARC pass for the look-alike; 'confirm' via link",
    [RCV(MX_FB, "mta1.amaz0n.com", "45.148.10.77", D(2026, 11, 12, 10, 1, 30),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     AR(MX_FB, "spf=pass (sender IP is 45.148.10.77) smtp.mailfrom=amaz0n.com",
        "dkim=pass (signature was verified) header.d=amaz0n.com",
        "dmarc=pass action=none header.from=amaz0n.com", "compauth=pass reason=100"),
     DK("amaz0n.com", "mta1", "c-h", _epoch(2026, 11, 12, 10, 1, 25)),
     ("Date", D(2026, 11, 12, 10, 1, 25)),
     ("From", "AWS Training and Certification <aws-cs-trainingcertification-form@amaz0n.com>"),
     ("To", EMILY),
     ("Message-ID", plain_mid("c-h", "amaz0n.com")),
     ("Subject", "RE:[CASE 176603377800414] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hello,

Your AWS Certification accounts are ready to be merged.

To confirm that you want to merge your accounts, click the button below and sign in with your AWS Certification credentials. This cannot be undone.

Confirm merge: https://aws-certification.amaz0n.com/confirm?token=bX9kQ2

If you do not confirm within 24 hours, the request will be cancelled.

AWS Training and Certification
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body style="font-family:Arial">
<p>Hello,</p>
<p>Your AWS Certification accounts are ready to be merged.</p>
<p>To confirm that you want to merge your accounts, click the button below and sign in with your AWS Certification credentials. This cannot be undone.</p>
<p><a href="https://aws-certification.amaz0n.com/confirm?token=bX9kQ2" style="background:#ec7211;color:#fff;padding:10px 20px;text-decoration:none">Confirm merge</a></p>
<p>If you do not confirm within 24 hours, the request will be cancelled.</p>
<p>AWS Training and Certification</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "b1_03f7e9a2c5d84b61"))

add("confirmation_request", "fail", "176530418200781", "en",
    "FORGERY: case ID one digit off the demo case (…781 vs …731); From @amazon.com, topmost AR dkim=fail dmarc=fail; "
    "knows real account IDs; confirm via link",
    [RCV(MX_EC, "mx.cheap-bulkmail.net", "194.26.29.140", D(2026, 11, 11, 9, 14, 2),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=fail (body hash did not verify) header.d=amazon.com header.s=%s" % SEL_AMZ,
        "spf=softfail smtp.mailfrom=amazon.com", "dmarc=fail (p=quarantine dis=quarantine) header.from=amazon.com"),
     DK("amazon.com", SEL_AMZ, "c-i", _epoch(2026, 11, 11, 9, 13, 58)),
     ("Date", D(2026, 11, 11, 9, 13, 58)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("c-i")),
     ("Subject", "RE:[CASE 176530418200781] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello Taro,

We have verified both of your AWS Certification accounts (AWS02468135 and AWS01357913).

Please confirm that you want to merge AWS01357913 into AWS02468135. Because this action cannot be undone, we need you to confirm through our secure portal rather than by email:

https://aws-certification-merge.support/confirm/176530418200781

Kind regards,
Maria G.
AWS Training and Certification Customer Support
""", cs="us-ascii", cte="7bit"))

add("confirmation_request", "pass", "176575590600149", "ja", "utf-8 qp; katakana middle-dot bullets",
    [RCV(MX_TS, "a8-90.smtp-out.amazonses.com", "54.240.8.90", D(2026, 11, 13, 4, 20, 11),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS),
     *DK_AWS("c-j", _epoch(2026, 11, 13, 4, 20, 7)),
     ("Date", D(2026, 11, 13, 4, 20, 7)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("c-j")),
     ("In-Reply-To", "<6A3B0D2F.5020908@tailspin.co.jp>"),
     ("References", ses_mid("r-f") + "\n <6A3B0D2F.5020908@tailspin.co.jp>"),
     ("Subject", "RE:[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
佐藤 美咲 様

小林です。通知先メールアドレスのご連絡、ありがとうございました。
確認がとれましたので、以下の内容で統合を行います。

・統合元：AWS13579246（misaki.s@example.ne.jp）
・統合先：AWS24681357（misaki.sato@tailspin.co.jp）
・移行する認定資格：AWS Certified Solutions Architect - Associate、AWS Certified AI Practitioner

統合してよろしいでしょうか。お手数ですが、ご確認のうえ本メールにご返信ください。
なお、統合の取り消しはできかねますので、あらかじめご了承ください。

小林
AWS トレーニングと認定
"""))

add("confirmation_request", "pass", "176540311900264", "en",
    "utf-8 base64 text/plain; quoted Outlook header block without separator line (user's reply)",
    [ar_aws(MX_EC),
     RCV(MX_EC, "a8-33.smtp-out.amazonses.com", "54.240.8.33", D(2026, 11, 12, 2, 8, 31),
         "priya.raman@example-corp.co.jp"),
     *DK_AWS("c-k", _epoch(2026, 11, 12, 2, 8, 27)),
     ("Date", D(2026, 11, 12, 2, 8, 27)),
     ("From", AWS_TC),
     ("To", PRIYA),
     ("Message-ID", ses_mid("c-k")),
     ("In-Reply-To", "<SG2PR06MB5310" + _hex("priya-2", 8).upper() + "@example-corp.co.jp>"),
     ("References", ses_mid("r-j")),
     ("Subject", "RE:[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Priya,

Got it, thanks - priya.notify@example.org is indeed on AWS99887766.

So we're all set. Please confirm you want me to merge AWS99887766 into AWS44556677. Once I do this, AWS99887766 is gone for good and can't be restored.

A simple "Yes, go ahead" is enough.

Liam
AWS T&C Support

From: Priya Raman <priya.raman@example-corp.co.jp>
Sent: Wednesday, November 11, 2026 10:03
To: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Subject: RE:[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance

Hi Liam,

Found it. The notification address on the old account is priya.notify@example.org.

Priya
""", cte="base64"))

# --------------------------------------------------------------------------
# completion_notice
# --------------------------------------------------------------------------

add("completion_notice", "pass", "176530418200731", "en",
    "new text = completion; quoted history (On ... wrote:) = user's confirmation and the confirmation request",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 16, 1, 40, 29),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("p-a", _epoch(2026, 11, 16, 1, 40, 25)),
     ("Date", D(2026, 11, 16, 1, 40, 25)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("p-a")),
     ("In-Reply-To", "<20261113090211.1c9e7a@example-corp.co.jp>"),
     ("References", ses_mid("c-a") + "\n <20261113090211.1c9e7a@example-corp.co.jp>"),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance"),
     *SES_EXTRA("p-a", "54.240.8.30", "2026.11.16")],
    Leaf("""\
Hello Taro,

Good news: the accounts have been merged. AWS01357913 has been merged into AWS02468135, and the merge is complete.

You can now sign in with taro.yamada@example-corp.co.jp and see all three certifications under Certification > My Certifications. Your 50% exam discount voucher is also available there.

Your digital badges on Credly may take up to 48 hours to update. No action is needed from you.

If everything looks good, there's nothing else to do. I'll leave this case open for a few days in case you have questions.

Kind regards,
Maria G.
AWS Training and Certification Customer Support

On Fri, Nov 13, 2026 at 9:02 AM Taro Yamada <taro.yamada@example-corp.co.jp> wrote:
> Hello Maria,
>
> Yes, I confirm. Please merge AWS01357913 into AWS02468135.
>
> Taro Yamada
>
> On Wed, Nov 11, 2026 at 6:30 AM AWS Training and Certification wrote:
>> Please reply to confirm that you want to merge account AWS01357913 into
>> AWS02468135. Please note that this cannot be undone, and you will no
>> longer be able to sign in to AWS01357913.
"""))

add("completion_notice", "pass", "176529983100412", "ja",
    "ISO-2022-JP; Japanese Gmail quote headers (2026年11月18日(水) 10:24 ...:) quoting the consent and the confirmation request",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 18, 5, 31, 50),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("p-b"),
     *DK_AWS("p-b", _epoch(2026, 11, 18, 5, 31, 46)),
     ("Date", D(2026, 11, 18, 5, 31, 46)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("p-b")),
     ("In-Reply-To", gmail_mid("hanako-3")),
     ("References", ses_mid("c-c") + "\n " + gmail_mid("hanako-3")),
     ("Subject", "RE:[CASE 176529983100412] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
鈴木 花子 様

木村です。ご返信ありがとうございました。

アカウントの統合が完了しました。
統合元 AWS55667788 の認定資格（AWS Certified Cloud Practitioner）は、
統合先 AWS11223344 に表示されるようになっています。

今後は hanako.suzuki.0312@gmail.com でサインインしてご利用ください。
何かお気づきの点がありましたら、このメールにご返信ください。

木村

2026年11月18日(水) 10:24 鈴木花子 <hanako.suzuki.0312@gmail.com>:
> 木村様
>
> 内容を確認しました。統合に同意します。
> よろしくお願いいたします。
>
> 鈴木
>
> 2026年11月17日(火) 16:02 AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>:
>> この内容で問題なければ、「統合に同意します」とご返信ください。
>> 一度統合すると取り消しはできません。
""", cs="iso2022_jp", cte="7bit"))

add("completion_notice", "pass", "176601245700198", "ja", "HTML-only utf-8 base64; formal report style",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 11, 7, 33, 15),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("p-c", _epoch(2026, 11, 11, 7, 33, 11)),
     ("Date", D(2026, 11, 11, 7, 33, 11)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("p-c")),
     ("In-Reply-To", outlook_mid("kenji-3", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("References", ses_mid("c-d") + "\n " + outlook_mid("kenji-3", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("Subject", SJ("RE:[CASE 176601245700198]", "アカウント統合完了のご報告"))],
    Leaf("""\
<html><body>
<p>渡辺 様</p>
<p>お世話になっております。中村です。</p>
<p>ご依頼いただいておりました認定アカウントの統合作業が完了いたしましたので、ご報告いたします。</p>
<ul>
<li>統合後のアカウント：<b>AWS30405060</b></li>
<li>移行した認定資格：AWS Certified SysOps Administrator - Associate、AWS Certified Security - Specialty</li>
</ul>
<p>AWS70809010 は統合に伴い無効となっております。<br>
サインイン後、「認定」ページにて資格が表示されることをご確認ください。</p>
<p>このたびはご利用ありがとうございました。</p>
<p>中村<br>AWS トレーニングと認定</p>
</body></html>
""", sub="html", cte="base64"))

add("completion_notice", "pass", "176575590600149", "ja",
    "completion that also mentions Credly re-issue and closing the case (completion dominates)",
    [RCV(MX_TS, "a8-90.smtp-out.amazonses.com", "54.240.8.90", D(2026, 11, 17, 2, 10, 40),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS),
     *DK_AWS("p-d", _epoch(2026, 11, 17, 2, 10, 36)),
     ("Date", D(2026, 11, 17, 2, 10, 36)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("p-d")),
     ("In-Reply-To", "<7B4C1E30.6030609@tailspin.co.jp>"),
     ("References", ses_mid("c-j") + "\n <7B4C1E30.6030609@tailspin.co.jp>"),
     ("Subject", "RE:[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
佐藤 美咲 様

小林です。お待たせいたしました。
本日、AWS13579246 を AWS24681357 に統合いたしました。統合は完了しています。

・AWS24681357 にサインインすると、2つの認定資格が表示されます。
・Credly のデジタルバッジは、24〜48 時間以内に misaki.sato@tailspin.co.jp 宛てに再発行のご案内が届きます。
  届いたメールからバッジを受け入れてください。

ほかにご不明な点がなければ、本ケースはこのままクローズとさせていただきます。

小林
AWS トレーニングと認定
"""),
        Leaf("""\
<html><body>
<p>佐藤 美咲 様</p>
<p>小林です。お待たせいたしました。<br>
本日、AWS13579246 を AWS24681357 に統合いたしました。<b>統合は完了しています。</b></p>
<ul>
<li>AWS24681357 にサインインすると、2つの認定資格が表示されます。</li>
<li>Credly のデジタルバッジは、24〜48 時間以内に misaki.sato@tailspin.co.jp 宛てに再発行のご案内が届きます。届いたメールからバッジを受け入れてください。</li>
</ul>
<p>ほかにご不明な点がなければ、本ケースはこのままクローズとさせていただきます。</p>
<p>小林<br>AWS トレーニングと認定</p>
</body></html>
""", sub="html")], "=_e4b7c1093a5f2d68"))

add("completion_notice", "pass", "176488120300557", "en", "very short; us-ascii; CRLF",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 16, 18, 25, 9),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("p-e", _epoch(2026, 11, 16, 18, 25, 5)),
     ("Date", D(2026, 11, 16, 18, 25, 5)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("p-e")),
     ("In-Reply-To", outlook_mid("emily-3", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("References", ses_mid("c-e") + "\n " + outlook_mid("emily-3", "BY5PR04MB6913.namprd04.prod.outlook.com")),
     ("Subject", "RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Emily,

Done! AWS87654321 is now merged into AWS90123456. Your DevOps Engineer - Professional shows on the account you kept.

Thanks for your patience,
Kevin
AWS Training and Certification
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("completion_notice", "pass", "176612007400823", "en",
    "bullet list of what changed; quoted user's 'Yes, merge.' under -----Original Message-----",
    [RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 19, 14, 2, 18),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("p-f", "54.240.8.61"),
     *DK_AWS("p-f", _epoch(2026, 11, 19, 14, 2, 14)),
     ("Date", D(2026, 11, 19, 14, 2, 14)),
     ("From", AWS_TC),
     ("To", DANIEL),
     ("Message-ID", ses_mid("p-f")),
     ("In-Reply-To", gmail_mid("daniel-3")),
     ("References", ses_mid("c-f") + "\n " + gmail_mid("daniel-3")),
     ("Subject", "RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hi Daniel,

All set. I merged AWS56781234 into AWS12340987 a few minutes ago.

What changed:
  * Solutions Architect - Professional and Machine Learning - Specialty are now listed on AWS12340987.
  * AWS56781234 can no longer be used to sign in.
  * Exam history from both accounts is combined.

Your certification expiration dates are unchanged.

Best regards,
Arjun

-----Original Message-----
From: Daniel Novak <daniel.novak83@gmail.com>
Sent: Thursday, November 19, 2026 8:15 AM
To: AWS Training and Certification
Subject: RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance

Yes, merge.
"""))

_INNER_P_G = [
    RCV(MX_EC, "a8-31.smtp-out.amazonses.com", "54.240.8.31", D(2026, 11, 16, 1, 40, 40),
        "taro.yamada@example-corp.co.jp"),
    ar_aws(MX_EC),
    *DK_AWS("p-g-inner", _epoch(2026, 11, 16, 1, 40, 36)),
    ("Date", D(2026, 11, 16, 1, 40, 36)),
    ("From", AWS_TC),
    ("To", TARO_JA),
    ("Message-ID", ses_mid("p-g-inner")),
    ("In-Reply-To", ses_mid("c-b")),
    ("Subject", SJ("RE:[CASE 176530418200731]", "アカウント統合完了のお知らせ")),
]

add("completion_notice", "pass", "176530418200731", "ja",
    "forwarded AS ATTACHMENT (message/rfc822) by the user from work to personal mailbox; outer AR is the "
    "forwarder's (example-corp.co.jp, DMARC pass); the attached AWS mail keeps its own (inner) AR which must not count",
    [RCV("mx.example.net", "mx.example-corp.co.jp", "198.51.100.7", D(2026, 11, 16, 2, 15, 3),
         "taro.personal@example.net"),
     ar_dom("mx.example.net", "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "p-g", _epoch(2026, 11, 16, 2, 15, 0)),
     ("Date", D(2026, 11, 16, 11, 15, 0, 9)),
     ("From", TARO_JA),
     ("To", A("山田 太郎", "taro.personal@example.net")),
     ("Message-ID", "<20261116111500.4e8d2c@example-corp.co.jp>"),
     ("Subject", SJ("Fwd: RE:[CASE 176530418200731]", "アカウント統合完了のお知らせ"))],
    Multi("mixed", [
        Leaf("""\
控えとして個人アドレスにも転送。
"""),
        Rfc822(_INNER_P_G, Leaf("""\
山田 太郎 様

AWS トレーニングと認定の佐々木です。
統合のご承認をいただき、ありがとうございました。

本日、アカウントの統合が完了しました。

統合後のアカウント：AWS02468135（taro.yamada@example-corp.co.jp）
移行した認定資格：
　AWS Certified Solutions Architect - Associate（有効期限 2027年6月10日）
　AWS Certified Cloud Practitioner（有効期限 2026年9月1日）
受験割引バウチャー（50%）：有効期限 2027年6月10日

統合元の AWS01357913 にはサインインできなくなりますのでご注意ください。

佐々木
AWS トレーニングと認定 カスタマーサポート
""", cte="base64"), "RE_CASE_176530418200731.eml")],
        "------------0a1b2c3d4e5f6a7b8c9d0e1f", preamble="This is a multi-part message in MIME format."))

add("completion_notice", "fail", "176599843100260", "en",
    "FORGERY: look-alike amazon.com.security-check.net (DMARC pass for that domain); 'complete' + password reset lure",
    [RCV("mx.google.com", "smtp.security-check.net", "103.151.124.9", D(2026, 11, 20, 6, 55, 31),
         "daniel.novak83@gmail.com", "Google"),
     AR("mx.google.com",
        "dkim=pass header.i=@amazon.com.security-check.net header.s=s2048 header.b=Pq7LmA0x",
        "spf=pass (google.com: domain of bounce@amazon.com.security-check.net designates 103.151.124.9 as permitted sender) "
        "smtp.mailfrom=bounce@amazon.com.security-check.net",
        "dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=amazon.com.security-check.net"),
     DK("amazon.com.security-check.net", "s2048", "p-h", _epoch(2026, 11, 20, 6, 55, 27)),
     ("Date", D(2026, 11, 20, 6, 55, 27)),
     ("From", "AWS Training and Certification <no-reply@amazon.com.security-check.net>"),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", plain_mid("p-h", "amazon.com.security-check.net")),
     ("Subject", "[CASE 176599843100260] Your account merge is complete")],
    Multi("alternative", [
        Leaf("""\
Hello,

The merge of your AWS Certification accounts has been completed successfully.

For security reasons, your previous password has been reset. Please sign in and set a new password within 12 hours to keep access to your certifications and badges:

https://signin.aws.amazon.com.security-check.net/certification/login

Thank you,
Amazon Web Services Training and Certification
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body>
<p>Hello,</p>
<p>The merge of your AWS Certification accounts has been completed successfully.</p>
<p>For security reasons, your previous password has been reset. Please sign in and set a new password within <b>12 hours</b> to keep access to your certifications and badges:</p>
<p><a href="https://signin.aws.amazon.com.security-check.net/certification/login">Sign in to AWS Certification</a></p>
<p>Thank you,<br>Amazon Web Services Training and Certification</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "b1_4471d0e9c3a8f215"))

add("completion_notice", "fail", "", "ja",
    "FORGERY: look-alike amazon-co-jp.com, unsigned, dmarc=none (compauth=fail); HTML-only; payment re-entry lure",
    [AR(MX_NW, "spf=pass (sender IP is 185.220.101.7) smtp.mailfrom=amazon-co-jp.com",
        "dkim=none (message not signed) header.d=none", "dmarc=none action=none header.from=amazon-co-jp.com",
        "compauth=fail reason=001"),
     RCV(MX_NW, "mail.amazon-co-jp.com", "185.220.101.7", D(2026, 11, 12, 3, 3, 3),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     ("Date", D(2026, 11, 12, 12, 2, 58, 9)),
     ("From", A("Amazon Web Services ジャパン", "support@amazon-co-jp.com")),
     ("To", "kenji.watanabe@northwind-trading.co.jp"),
     ("Message-ID", plain_mid("p-i", "amazon-co-jp.com")),
     ("Subject", SJ("", "【AWS認定】アカウント統合完了のお知らせ（要手続き）"))],
    Leaf("""\
<html><body>
<p>お客様各位</p>
<p>AWS認定アカウントの統合が完了しました。</p>
<p>統合に伴い、お支払い情報の再登録が必要です。<br>
72時間以内に再登録が確認できない場合、保有する認定資格はすべて失効します。</p>
<p><a href="http://amazon-co-jp.com/aws/certification/update">お支払い情報を更新する</a></p>
<p>Amazon Web Services ジャパン<br>トレーニングと認定 事務局</p>
</body></html>
""", sub="html"))

add("completion_notice", "unverified", "176620873500066", "en", "no Authentication-Results; a different agent covering",
    [*DK_AWS("p-j", _epoch(2026, 11, 16, 9, 0, 41)),
     ("Date", D(2026, 11, 16, 9, 0, 41)),
     ("From", AWS_TC),
     ("To", LUCAS),
     ("Message-ID", ses_mid("p-j")),
     ("In-Reply-To", ses_mid("c-g")),
     ("Subject", "RE:[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hello Lucas,

I'm covering for my colleague Sofia today. I've completed the merge you confirmed: AWS10293847 has been merged into AWS65432109.

Please sign out and back in at aws.training to refresh your profile. If a certification is missing after 24 hours, reply here and I'll look into it.

Regards,
Chloe
AWS Training and Certification
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<p>Hello Lucas,</p>
<p>I'm covering for my colleague Sofia today. I've completed the merge you confirmed: AWS10293847 has been merged into AWS65432109.</p>
<p>Please sign out and back in at aws.training to refresh your profile. If a certification is missing after 24 hours, reply here and I'll look into it.</p>
<p>Regards,<br>Chloe<br>AWS Training and Certification</p>
""", sub="html", cs="us-ascii", cte="7bit")], "=_91c5e7a3b0d2f486"),
    eol="\r\n")

# --------------------------------------------------------------------------
# credly_followup
# --------------------------------------------------------------------------

add("credly_followup", "pass", "", "en", "Credly badge issued after the merge; multipart/alternative",
    [RCV(MX_EC, "o1.email.credly.com", "167.89.100.12", D(2026, 11, 17, 3, 12, 9),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=pass header.d=credly.com header.s=%s" % SEL_CREDLY, "spf=pass smtp.mailfrom=em.credly.com",
        "dmarc=pass header.from=credly.com"),
     DK("credly.com", SEL_CREDLY, "k-a", _epoch(2026, 11, 17, 3, 12, 5)),
     ("Date", D(2026, 11, 17, 3, 12, 5)),
     ("From", CREDLY),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", plain_mid("k-a", "mailer.credly.com")),
     ("Subject", "Amazon Web Services Training and Certification issued you a new badge")],
    Multi("alternative", [
        Leaf("""\
Hi Taro,

Amazon Web Services Training and Certification has issued you a badge:

AWS Certified Solutions Architect – Associate
Issued to: taro.yamada@example-corp.co.jp

Accept your badge to add it to your Credly profile, share it on LinkedIn, and let employers verify it.

Accept badge: https://www.credly.com/earner/earned/badge/3f0c9a52-6e1d-4b7a-9d1e-5a2b8c7e4f10

This badge was issued to this email address because your AWS Certification account was updated.

Credly, a Pearson company
"""),
        Leaf("""\
<html><body style="font-family:Helvetica,Arial,sans-serif;color:#333">
<p>Hi Taro,</p>
<p>Amazon Web Services Training and Certification has issued you a badge:</p>
<p style="font-size:18px"><b>AWS Certified Solutions Architect – Associate</b><br>
<span style="font-size:13px">Issued to: taro.yamada@example-corp.co.jp</span></p>
<p>Accept your badge to add it to your Credly profile, share it on LinkedIn, and let employers verify it.</p>
<p><a href="https://www.credly.com/earner/earned/badge/3f0c9a52-6e1d-4b7a-9d1e-5a2b8c7e4f10" style="background:#ff6b00;color:#fff;padding:10px 18px;text-decoration:none">Accept badge</a></p>
<p style="font-size:11px;color:#888">This badge was issued to this email address because your AWS Certification account was updated.<br>Credly, a Pearson company</p>
</body></html>
""", sub="html")], "9f2e1b7c4d08a3e6f5b2c1d0"))

add("credly_followup", "pass", "", "en", "Credly reminder to accept a badge; HTML-only",
    [RCV("mx.google.com", "o2.email.credly.com", "167.89.100.13", D(2026, 11, 23, 15, 0, 7),
         "daniel.novak83@gmail.com", "Google"),
     AR("mx.google.com", "dkim=pass header.i=@credly.com header.s=%s header.b=Uv3xP9qz" % SEL_CREDLY,
        "spf=pass (google.com: domain of bounces+2231@em.credly.com designates 167.89.100.13 as permitted sender) "
        "smtp.mailfrom=bounces+2231@em.credly.com",
        "dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=credly.com"),
     DK("credly.com", SEL_CREDLY, "k-b", _epoch(2026, 11, 23, 15, 0, 3)),
     ("Date", D(2026, 11, 23, 15, 0, 3)),
     ("From", CREDLY),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", plain_mid("k-b", "mailer.credly.com")),
     ("Subject", "Reminder: your AWS badge is waiting for you")],
    Leaf("""\
<html><body style="font-family:Helvetica,Arial,sans-serif">
<table width="600" align="center"><tr><td>
<img src="https://images.credly.com/logo.png" alt="Credly" width="90">
<h2>Don&#8217;t forget to accept your badge</h2>
<p>Hi Daniel,</p>
<p>You have a badge waiting: <b>AWS Certified Machine Learning &ndash; Specialty</b>, issued by Amazon Web Services Training and Certification on November 20, 2026.</p>
<p><a href="https://www.credly.com/earner/earned/badge/a71d0c3e-2f44-4c1b-b0e9-7d8a6c5b4e21" style="background:#ff6b00;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">Accept Badge</a></p>
<p style="font-size:12px;color:#777">You&#39;re receiving this because a badge was issued to daniel.novak83@gmail.com. <a href="https://www.credly.com/settings/notifications">Unsubscribe from reminders</a></p>
</td></tr></table>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("credly_followup", "pass", "176530418200731", "en", "support says badges were re-issued to the kept account's address",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 17, 0, 55, 2),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("k-c", _epoch(2026, 11, 17, 0, 54, 58)),
     ("Date", D(2026, 11, 17, 0, 54, 58)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("k-c")),
     ("In-Reply-To", ses_mid("p-a")),
     ("References", ses_mid("c-a") + "\n " + ses_mid("p-a")),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello Taro,

Following up on the merge: I've asked our credentialing team to move your digital badges as well.

Your Credly badges for Solutions Architect - Associate and Cloud Practitioner were issued to taro.p.notify@example.net. They have now been re-issued to taro.yamada@example-corp.co.jp. You should receive an email from Credly (admin@credly.com) asking you to accept each badge.

If you'd like to keep your existing Credly profile, you can add taro.yamada@example-corp.co.jp as a secondary email in Credly before accepting.

Kind regards,
Maria G.
AWS Training and Certification Customer Support
""", cs="us-ascii", cte="7bit"))

add("credly_followup", "pass", "176529983100412", "ja", "ISO-2022-JP; support re-issued the Credly badge",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 20, 4, 0, 52),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("k-d"),
     *DK_AWS("k-d", _epoch(2026, 11, 20, 4, 0, 48)),
     ("Date", D(2026, 11, 20, 4, 0, 48)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("k-d")),
     ("In-Reply-To", gmail_mid("hanako-4")),
     ("References", ses_mid("p-b") + "\n " + gmail_mid("hanako-4")),
     ("Subject", SJ("RE:[CASE 176529983100412]", "Credly バッジについて", "iso2022_jp"))],
    Leaf("""\
鈴木 様

木村です。バッジについてのお問い合わせをありがとうございます。

統合前のアカウントで発行されていた Credly のバッジ
（AWS Certified Cloud Practitioner）を、hanako.suzuki.0312@gmail.com 宛てに再発行しました。

Credly から「バッジの受け入れ」を求めるメールが届きますので、
メール内のリンクから受け入れの操作をお願いいたします。
古いバッジは 1 週間ほどで自動的に取り消されます。

木村
""", cs="iso2022_jp", cte="7bit"))

add("credly_followup", "pass", "176601245700198", "ja", "HTML-only utf-8 base64; numbered list of re-issued badges",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 16, 2, 20, 0),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("k-e", _epoch(2026, 11, 16, 2, 19, 56)),
     ("Date", D(2026, 11, 16, 2, 19, 56)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("k-e")),
     ("In-Reply-To", outlook_mid("kenji-4", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("References", ses_mid("p-c") + "\n " + outlook_mid("kenji-4", "TYCPR01MB8437.jpnprd01.prod.outlook.com")),
     ("Subject", "RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body>
<p>渡辺 健二 様</p>
<p>中村です。Credly のバッジが統合先アカウントに表示されないとのこと、ご不便をおかけしております。</p>
<p>確認したところ、Credly 側のバッジ発行先が旧メールアドレス（kenji.w@hotmail.co.jp）のままになっておりました。<br>
本日、以下のバッジを <b>kenji.watanabe@northwind-trading.co.jp</b> 宛てに再発行しております。</p>
<ol>
<li>AWS Certified SysOps Administrator &ndash; Associate</li>
<li>AWS Certified Security &ndash; Specialty</li>
</ol>
<p>Credly（admin@credly.com）からのメールが届かない場合は、迷惑メールフォルダもご確認ください。</p>
<p>中村</p>
</body></html>
""", sub="html", cte="base64"),
    eol="\r\n")

add("credly_followup", "pass", "", "en", "Credly 'badge issued' mail; us-ascii; Exchange Online trace",
    [RCV(MX_FB, "o1.email.credly.com", "167.89.100.12", D(2026, 11, 17, 20, 4, 33),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, dom="credly.com", mailfrom="em.credly.com", ip="167.89.100.12"),
     DK("credly.com", SEL_CREDLY, "k-f", _epoch(2026, 11, 17, 20, 4, 29)),
     ("Date", D(2026, 11, 17, 20, 4, 29)),
     ("From", CREDLY),
     ("To", "emily.carter@fabrikam.com"),
     ("Message-ID", plain_mid("k-f", "mailer.credly.com")),
     ("Subject", "Emily, you've earned a badge: AWS Certified DevOps Engineer - Professional")],
    Leaf("""\
Emily,

Good news! Amazon Web Services Training and Certification just issued you the
"AWS Certified DevOps Engineer - Professional" badge.

Claim it here:
https://www.credly.com/earner/earned/badge/0b6e2f1c-55d2-4a8e-9a3b-1c2d3e4f5a6b

Once accepted, you can:
 - share it on LinkedIn and other social networks
 - add it to your email signature
 - download a verifiable PDF certificate

Questions? Visit https://support.credly.com

The Credly Team
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("credly_followup", "fail", "", "en",
    "FORGERY: look-alike credly-badges.com claiming to be Credly; badge-revocation threat, credential harvesting",
    [RCV(MX_EC, "smtp.credly-badges.com", "62.113.115.40", D(2026, 11, 18, 11, 30, 44),
         "priya.raman@example-corp.co.jp"),
     AR(MX_EC, "dkim=pass header.d=credly-badges.com header.s=mail", "spf=pass smtp.mailfrom=credly-badges.com",
        "dmarc=pass header.from=credly-badges.com"),
     DK("credly-badges.com", "mail", "k-g", _epoch(2026, 11, 18, 11, 30, 40)),
     ("Date", D(2026, 11, 18, 11, 30, 40)),
     ("From", "Credly <admin@credly-badges.com>"),
     ("To", "priya.raman@example-corp.co.jp"),
     ("Message-ID", plain_mid("k-g", "credly-badges.com")),
     ("Subject", "ACTION REQUIRED: re-claim your AWS badges")],
    Multi("alternative", [
        Leaf("""\
Hello,

ACTION REQUIRED: your AWS Certification badges could not be transferred after your recent account merge.

Badges that are not re-claimed within 48 hours will be permanently revoked. To re-claim your badges, sign in with your AWS Certification email and password:

https://credly-badges.com/aws/reclaim

Credly Support Team
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body>
<p>Hello,</p>
<p><b style="color:#c00">ACTION REQUIRED:</b> your AWS Certification badges could not be transferred after your recent account merge.</p>
<p>Badges that are not re-claimed within 48 hours will be permanently revoked. To re-claim your badges, sign in with your AWS Certification email and password:</p>
<p><a href="https://credly-badges.com/aws/reclaim">Re-claim my badges</a></p>
<p>Credly Support Team</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "=_Boundary_3a6f0c9e"))

add("credly_followup", "unverified", "", "en", "Credly badge issued; recipient is a Japanese user; no Authentication-Results",
    [DK("credly.com", SEL_CREDLY, "k-h", _epoch(2026, 11, 18, 0, 31, 10)),
     ("Date", D(2026, 11, 18, 0, 31, 10)),
     ("From", CREDLY),
     ("To", "misaki.sato@tailspin.co.jp"),
     ("Message-ID", plain_mid("k-h", "mailer.credly.com")),
     ("Subject", "You've been issued a new badge by Amazon Web Services Training and Certification")],
    Multi("alternative", [
        Leaf("""\
Hi Misaki,

You've been issued a new badge by Amazon Web Services Training and Certification.

Badge: AWS Certified AI Practitioner
Recipient: misaki.sato@tailspin.co.jp

To accept your badge, sign in or create a free Credly account using this email address:
https://www.credly.com/badges/accept?token=8c1f0e2d7b

Why accept? Accepted badges can be shared and verified by anyone, anytime.

Credly
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body>
<p>Hi Misaki,</p>
<p>You've been issued a new badge by Amazon Web Services Training and Certification.</p>
<table><tr><td>Badge:</td><td><b>AWS Certified AI Practitioner</b></td></tr>
<tr><td>Recipient:</td><td>misaki.sato@tailspin.co.jp</td></tr></table>
<p><a href="https://www.credly.com/badges/accept?token=8c1f0e2d7b">Accept your badge</a></p>
<p>Why accept? Accepted badges can be shared and verified by anyone, anytime.</p>
<p>Credly</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "4d08a3e6f5b2c1d09f2e1b7c"))

add("credly_followup", "pass", "176540311900264", "en",
    "quoted history (On ... wrote:) is the completion notice; new text is about badges",
    [RCV(MX_EC, "a8-33.smtp-out.amazonses.com", "54.240.8.33", D(2026, 11, 19, 5, 44, 20),
         "priya.raman@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("k-i", _epoch(2026, 11, 19, 5, 44, 16)),
     ("Date", D(2026, 11, 19, 5, 44, 16)),
     ("From", AWS_TC),
     ("To", PRIYA),
     ("Message-ID", ses_mid("k-i")),
     ("In-Reply-To", "<SG2PR06MB5310" + _hex("priya-4", 8).upper() + "@example-corp.co.jp>"),
     ("References", ses_mid("c-k")),
     ("Subject", "RE:[CASE 176540311900264] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Priya,

Sorry about the confusion with the badges. I checked with our credentialing team: after the merge the Developer - Associate badge wasn't re-issued because it had already been accepted on a Credly profile under priya.r@example.org.

We've now re-issued both badges to priya.raman@example-corp.co.jp. Please accept them from the Credly emails, and then you can delete the old profile if you like.

Liam
AWS T&C Support

On Mon, Nov 16, 2026 at 3:12 PM AWS Training and Certification wrote:
> Hi Priya,
>
> The merge is complete. AWS44556677 now holds your Cloud Practitioner and
> Developer - Associate certifications, and AWS99887766 has been closed.
"""),
        Leaf("""\
<html><body>
<p>Hi Priya,</p>
<p>Sorry about the confusion with the badges. I checked with our credentialing team: after the merge the Developer - Associate badge wasn't re-issued because it had already been accepted on a Credly profile under priya.r@example.org.</p>
<p>We've now re-issued both badges to priya.raman@example-corp.co.jp. Please accept them from the Credly emails, and then you can delete the old profile if you like.</p>
<p>Liam<br>AWS T&amp;C Support</p>
<div>On Mon, Nov 16, 2026 at 3:12 PM AWS Training and Certification wrote:</div>
<blockquote style="border-left:1px solid #ccc;padding-left:1ex">Hi Priya,<br><br>
The merge is complete. AWS44556677 now holds your Cloud Practitioner and Developer - Associate certifications, and AWS99887766 has been closed.</blockquote>
</body></html>
""", sub="html")], "=_a83c27f0e1d4b596"))

add("credly_followup", "pass", "176575590600149", "ja",
    "inline Outlook forward (-----Original Message-----) by the user to her own Gmail; charset=Shift_JIS but the "
    "bytes are CP932 and her note uses ① ② (CP932-only); outer sender tailspin.co.jp DMARC pass",
    [RCV("mx.google.com", "mx1.tailspin.co.jp", "198.51.100.88", D(2026, 11, 19, 3, 10, 12),
         "misaki.sato.home@gmail.com", "Google"),
     ar_dom(None, "tailspin.co.jp", google=True),
     DK("tailspin.co.jp", "sel2026", "k-j", _epoch(2026, 11, 19, 3, 10, 8)),
     ("Date", D(2026, 11, 19, 12, 10, 8, 9)),
     ("From", A("佐藤 美咲", "misaki.sato@tailspin.co.jp", "cp932")),
     ("To", "misaki.sato.home@gmail.com"),
     ("Message-ID", "<000c01db5a0f$3e2b1c40$ba6f54c0$@tailspin.co.jp>"),
     ("Subject", SJ("Fw: RE:[CASE 176575590600149]", "Credly バッジの再発行について", "cp932")),
     ("X-Mailer", "Microsoft Outlook 16.0")],
    Leaf("""\
自分用メモ：①会社PCでCredlyにサインイン　②バッジを2つ受け入れる

-----Original Message-----
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Sent: Thursday, November 19, 2026 11:47 AM
To: 佐藤 美咲 <misaki.sato@tailspin.co.jp>
Subject: RE:[CASE 176575590600149] Credly バッジの再発行について

佐藤 美咲 様

小林です。
統合に伴い、Credly のデジタルバッジを misaki.sato@tailspin.co.jp 宛てに再発行いたしました。

  - AWS Certified Solutions Architect - Associate
  - AWS Certified AI Practitioner

Credly（admin@credly.com）から届くメールの「バッジを受け入れる」ボタンから、
それぞれ受け入れの操作をお願いいたします。
旧アドレス宛てのバッジは、数日以内に取り消されます。

小林
AWS トレーニングと認定
""", cs="cp932", label="Shift_JIS", cte="8bit"),
    eol="\r\n",
    known="① ② are CP932-only: Python's shift_jis codec returns U+FFFD plus a stray byte")

# --------------------------------------------------------------------------
# survey
# --------------------------------------------------------------------------

add("survey", "pass", "176540311900264", "en", "CSAT from no-reply-aws@amazon.com; multipart/alternative",
    [RCV(MX_EC, "a8-34.smtp-out.amazonses.com", "54.240.8.34", D(2026, 11, 21, 6, 0, 44),
         "priya.raman@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("s-a", _epoch(2026, 11, 21, 6, 0, 40)),
     ("Date", D(2026, 11, 21, 6, 0, 40)),
     ("From", AWS_NOREPLY),
     ("To", "priya.raman@example-corp.co.jp"),
     ("Message-ID", ses_mid("s-a")),
     ("Subject", "How did we do? Your AWS Training and Certification case 176540311900264")],
    Multi("alternative", [
        Leaf("""\
Hello Priya,

Your recent case with AWS Training and Certification has been resolved.

How did we do? Please take 2 minutes to tell us about your experience:
https://survey.aws.amazon.com/s/TnC-CSAT?case=176540311900264

Your feedback helps us improve our support. This survey will be available for 14 days.

Thank you,
AWS Training and Certification

Please do not reply to this email. This mailbox is not monitored.
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body style="font-family:Arial,sans-serif">
<p>Hello Priya,</p>
<p>Your recent case with AWS Training and Certification has been resolved.</p>
<p><b>How did we do?</b> Please take 2 minutes to tell us about your experience:</p>
<p><a href="https://survey.aws.amazon.com/s/TnC-CSAT?case=176540311900264" style="background:#ff9900;color:#000;padding:8px 16px;text-decoration:none">Take the survey</a></p>
<p>Your feedback helps us improve our support. This survey will be available for 14 days.</p>
<p>Thank you,<br>AWS Training and Certification</p>
<p style="font-size:11px;color:#888">Please do not reply to this email. This mailbox is not monitored.</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "b1_1f6a8d2c9e0b4735"))

add("survey", "pass", "176529983100412", "ja", "HTML-only utf-8 base64; 5-point rating links in a table",
    [RCV("mx.google.com", "a8-22.smtp-out.amazonses.com", "54.240.8.22", D(2026, 11, 25, 1, 0, 14),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("s-b", "54.240.8.22"),
     *DK_AWS("s-b", _epoch(2026, 11, 25, 1, 0, 10)),
     ("Date", D(2026, 11, 25, 1, 0, 10)),
     ("From", AWS_NOREPLY),
     ("To", "hanako.suzuki.0312@gmail.com"),
     ("Message-ID", ses_mid("s-b")),
     ("Subject", SJ("[CASE 176529983100412]", "サポートに関するアンケートのお願い"))],
    Leaf("""\
<html><body style="font-family:sans-serif">
<p>鈴木 花子 様</p>
<p>先日は AWS トレーニングと認定 カスタマーサポートをご利用いただき、誠にありがとうございました。</p>
<p>サービス向上のため、簡単な<b>アンケート</b>へのご協力をお願いいたします。所要時間は約1分です。</p>
<table cellpadding="8"><tr>
<td><a href="https://survey.aws.amazon.com/ja?c=176529983100412&amp;r=5">大変満足</a></td>
<td><a href="https://survey.aws.amazon.com/ja?c=176529983100412&amp;r=4">満足</a></td>
<td><a href="https://survey.aws.amazon.com/ja?c=176529983100412&amp;r=3">普通</a></td>
<td><a href="https://survey.aws.amazon.com/ja?c=176529983100412&amp;r=2">不満</a></td>
<td><a href="https://survey.aws.amazon.com/ja?c=176529983100412&amp;r=1">大変不満</a></td>
</tr></table>
<p>ケース ID：176529983100412</p>
<p style="color:#888;font-size:11px">このメールは送信専用アドレスから送信されています。ご返信いただいてもお答えできません。</p>
</body></html>
""", sub="html", cte="base64"))

add("survey", "pass", "176488120300557", "en", "three numbered survey questions; us-ascii; CRLF",
    [RCV(MX_FB, "a8-53.smtp-out.amazonses.com", "54.240.8.53", D(2026, 11, 20, 15, 30, 2),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.53"),
     *DK_AWS("s-c", _epoch(2026, 11, 20, 15, 29, 58)),
     ("Date", D(2026, 11, 20, 15, 29, 58)),
     ("From", AWS_NOREPLY),
     ("To", "emily.carter@fabrikam.com"),
     ("Message-ID", ses_mid("s-c")),
     ("Subject", "Tell us about your recent support experience")],
    Leaf("""\
Dear Emily Carter,

Thank you for contacting AWS Training and Certification Customer Support.

We would appreciate it if you could rate your experience with case 176488120300557. The survey has 3 questions:

  1. Overall, how satisfied were you with the support you received?
  2. Was your issue resolved?
  3. Is there anything we could have done better?

Start the survey: https://survey.aws.amazon.com/s/tc-support?id=176488120300557&lang=en

Sincerely,
AWS Training and Certification
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("survey", "pass", "176601245700198", "ja", "ISO-2022-JP; 満足度調査",
    [ar_eop(MX_NW, ip="54.240.8.45"),
     RCV(MX_NW, "a8-45.smtp-out.amazonses.com", "54.240.8.45", D(2026, 11, 19, 0, 0, 20),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("s-d", _epoch(2026, 11, 19, 0, 0, 16)),
     ("Date", D(2026, 11, 19, 0, 0, 16)),
     ("From", AWS_NOREPLY),
     ("To", KENJI),
     ("Message-ID", ses_mid("s-d")),
     ("Subject", SJ("", "【AWS トレーニングと認定】満足度調査のお願い", "iso2022_jp"))],
    Leaf("""\
渡辺 健二 様

AWS トレーニングと認定 カスタマーサポートです。
ケース 176601245700198 の対応について、満足度調査にご協力をお願いいたします。

以下のリンクから、5段階で評価していただけます。
https://survey.aws.amazon.com/ja/s/csat?case=176601245700198

いただいたご意見は、今後のサポート品質の改善に役立てさせていただきます。
本アンケートは、送信から14日間ご回答いただけます。

※本メールへのご返信はお受けできませんのでご了承ください。
""", cs="iso2022_jp", cte="7bit"))

add("survey", "pass", "176612007400823", "en", "HTML-only; 1-5 star links (&#9733;)",
    [RCV("mx.google.com", "a8-62.smtp-out.amazonses.com", "54.240.8.62", D(2026, 11, 24, 10, 0, 9),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("s-e", "54.240.8.62"),
     *DK_AWS("s-e", _epoch(2026, 11, 24, 10, 0, 5)),
     ("Date", D(2026, 11, 24, 10, 0, 5)),
     ("From", AWS_NOREPLY),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", ses_mid("s-e")),
     ("Subject", "[CASE 176612007400823] Rate your experience")],
    Leaf("""\
<html><body>
<table width="560" cellpadding="0" cellspacing="0" style="font-family:Arial">
<tr><td style="padding:16px">
<p>Hi Daniel,</p>
<p>We recently closed case <b>176612007400823</b>. On a scale of 1 to 5, how would you rate your experience?</p>
<table cellspacing="6"><tr>
<td><a href="https://survey.aws.amazon.com/r?c=176612007400823&amp;s=1">&#9733;</a></td>
<td><a href="https://survey.aws.amazon.com/r?c=176612007400823&amp;s=2">&#9733;&#9733;</a></td>
<td><a href="https://survey.aws.amazon.com/r?c=176612007400823&amp;s=3">&#9733;&#9733;&#9733;</a></td>
<td><a href="https://survey.aws.amazon.com/r?c=176612007400823&amp;s=4">&#9733;&#9733;&#9733;&#9733;</a></td>
<td><a href="https://survey.aws.amazon.com/r?c=176612007400823&amp;s=5">&#9733;&#9733;&#9733;&#9733;&#9733;</a></td>
</tr>
<tr><td colspan="5" style="font-size:11px">1 = very dissatisfied &nbsp;&nbsp; 5 = very satisfied</td></tr>
</table>
<p>Just click a star &mdash; it only takes a second.</p>
<p>AWS Training &amp; Certification</p>
</td></tr>
</table>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("survey", "pass", "176530418200731", "ja", "multipart/alternative utf-8 qp; subject Q-encoded",
    [RCV(MX_EC, "a8-31.smtp-out.amazonses.com", "54.240.8.31", D(2026, 11, 23, 1, 0, 31),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("s-f", _epoch(2026, 11, 23, 1, 0, 27)),
     ("Date", D(2026, 11, 23, 1, 0, 27)),
     ("From", AWS_NOREPLY),
     ("To", TARO_JA),
     ("Message-ID", ses_mid("s-f")),
     ("Subject", SJ("", "サポートのご利用についてのアンケート", mode="Q"))],
    Multi("alternative", [
        Leaf("""\
山田 太郎 様

このたびは AWS トレーニングと認定 をご利用いただき、ありがとうございました。

ケース 176530418200731 の対応はいかがでしたか？
よろしければ、サポートの満足度に関するアンケートにご回答ください（3問、約1分）。

アンケートに回答する：
https://survey.aws.amazon.com/s/TnC-CSAT?case=176530418200731&lang=ja

Amazon Web Services
"""),
        Leaf("""\
<html><body>
<p>山田 太郎 様</p>
<p>このたびは AWS トレーニングと認定 をご利用いただき、ありがとうございました。</p>
<p>ケース 176530418200731 の対応はいかがでしたか？<br>
よろしければ、サポートの満足度に関するアンケートにご回答ください（3問、約1分）。</p>
<p><a href="https://survey.aws.amazon.com/s/TnC-CSAT?case=176530418200731&amp;lang=ja">アンケートに回答する</a></p>
<p>Amazon Web Services</p>
</body></html>
""", sub="html")], "b1_0c4e9a7f3d2b1865"))

add("survey", "unverified", "176620873500066", "en", "no Authentication-Results; one-line ask",
    [("Date", D(2026, 11, 23, 9, 0, 0)),
     ("From", AWS_NOREPLY),
     ("To", "lucas.moreau@outlook.com"),
     ("Message-ID", ses_mid("s-g")),
     ("Subject", "Quick question about your support case")],
    Leaf("""\
Hi Lucas,

Quick question: how satisfied were you with AWS Training and Certification support on case 176620873500066?

Rate your experience (takes less than a minute):
https://survey.aws.amazon.com/s/csat/176620873500066

Thanks for helping us improve.
""", cs="us-ascii", cte="7bit"))

add("survey", "fail", "", "en",
    "FORGERY: From no-reply-aws@amazon.com but topmost AR dkim=fail spf=fail dmarc=fail; a LOWER "
    "(sender-added) AR with the same authserv-id claims pass; gift-card lure",
    [RCV(MX_EC, "host-45-9-20-11.hosted-by.example", "45.9.20.11", D(2026, 11, 22, 18, 3, 33),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=fail (signature did not verify) header.d=amazon.com header.s=%s" % SEL_AMZ,
        "spf=fail smtp.mailfrom=amazon.com", "dmarc=fail (p=quarantine dis=quarantine) header.from=amazon.com"),
     AR(MX_EC, "dkim=pass header.d=amazon.com header.s=%s" % SEL_AMZ, "spf=pass smtp.mailfrom=amazonses.com",
        "dmarc=pass header.from=amazon.com"),
     DK("amazon.com", SEL_AMZ, "s-h", _epoch(2026, 11, 22, 18, 3, 29)),
     ("Date", D(2026, 11, 22, 18, 3, 29)),
     ("From", AWS_NOREPLY),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", ses_mid("s-h")),
     ("Subject", "How did we do? Claim your $50 reward")],
    Leaf("""\
<html><body>
<p>Dear Customer,</p>
<p>Thank you for contacting AWS Training and Certification. Please rate your experience with your recent case and receive a <b>$50 Amazon gift card</b> as a thank-you.</p>
<p><a href="http://aws-survey-rewards.top/claim?id=88231">Take the 30-second survey</a></p>
<p>Offer valid for 24 hours. You&#39;ll need to enter a card for the $1.99 shipping fee.</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("survey", "fail", "", "ja",
    "FORGERY: non-vendor aws-feedback-jp.com claims AWS (its own DMARC passes); AWS-credit lure",
    [RCV("mx.google.com", "mail.aws-feedback-jp.com", "193.124.7.14", D(2026, 11, 24, 0, 40, 2),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_dom(None, "aws-feedback-jp.com", google=True),
     DK("aws-feedback-jp.com", "google", "s-i", _epoch(2026, 11, 24, 0, 39, 58)),
     ("Date", D(2026, 11, 24, 9, 39, 58, 9)),
     ("From", A("AWS カスタマーサポート", "survey@aws-feedback-jp.com")),
     ("To", HANAKO),
     ("Message-ID", plain_mid("s-i", "aws-feedback-jp.com")),
     ("Subject", SJ("", "【AWS】満足度アンケートご協力のお願い（特典あり）"))],
    Leaf("""\
鈴木 花子 様

AWS サポートをご利用いただきありがとうございます。
満足度アンケートにご回答いただいた方全員に、AWS クレジット 100 USD をプレゼントしております。

▼アンケートはこちら（所要時間 1 分）
https://aws-feedback-jp.com/enquete?uid=hs0312

回答期限：本メール受信から 48 時間

AWS カスタマーサポート アンケート事務局
""", cte="base64"))

add("survey", "pass", "176575590600149", "ja", "utf-8 qp; two questions as bullets",
    [RCV(MX_TS, "a8-91.smtp-out.amazonses.com", "54.240.8.91", D(2026, 11, 25, 0, 30, 50),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS),
     *DK_AWS("s-j", _epoch(2026, 11, 25, 0, 30, 46)),
     ("Date", D(2026, 11, 25, 0, 30, 46)),
     ("From", AWS_NOREPLY),
     ("To", MISAKI),
     ("Message-ID", ses_mid("s-j")),
     ("Subject", SJ("[CASE 176575590600149]", "アンケートへのご協力のお願い"))],
    Leaf("""\
佐藤 美咲 様

AWS トレーニングと認定 カスタマーサポートをご利用いただき、ありがとうございました。

お問い合わせ（ケース ID：176575590600149）への対応について、
簡単なアンケートにご協力いただけますと幸いです。

・担当者の対応に満足されましたか？
・問題は解決しましたか？

回答はこちら：https://survey.aws.amazon.com/ja/s/csat?case=176575590600149

本メールは送信専用です。
"""))

# --------------------------------------------------------------------------
# auto_close_warning
# --------------------------------------------------------------------------

add("auto_close_warning", "pass", "176530418200731", "en", "we have not heard from you; 3 days; reopen within 14 days",
    [RCV(MX_EC, "a8-30.smtp-out.amazonses.com", "54.240.8.30", D(2026, 11, 7, 6, 2, 52),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("w-a", _epoch(2026, 11, 7, 6, 2, 48)),
     ("Date", D(2026, 11, 7, 6, 2, 48)),
     ("From", AWS_TC),
     ("To", TARO),
     ("Message-ID", ses_mid("w-a")),
     ("In-Reply-To", ses_mid("r-a")),
     ("References", ses_mid("r-a")),
     ("Subject", "RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello Taro,

We haven't heard back from you regarding your case 176530418200731. On November 4 we asked for the notification email address and certification validation number of your other account.

If we don't receive a reply within 3 days, this case will be resolved automatically. You can reopen it within 14 days by replying to this email; after that, please submit a new request.

Kind regards,
AWS Training and Certification Customer Support
""", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "pass", "176529983100412", "ja", "ISO-2022-JP; ご返信がない場合…自動的にクローズ",
    [RCV("mx.google.com", "a8-21.smtp-out.amazonses.com", "54.240.8.21", D(2026, 11, 13, 2, 0, 40),
         "hanako.suzuki.0312@gmail.com", "Google"),
     ar_aws_google("w-b"),
     *DK_AWS("w-b", _epoch(2026, 11, 13, 2, 0, 36)),
     ("Date", D(2026, 11, 13, 2, 0, 36)),
     ("From", AWS_TC),
     ("To", HANAKO),
     ("Message-ID", ses_mid("w-b")),
     ("In-Reply-To", ses_mid("r-b")),
     ("Subject", "RE:[CASE 176529983100412] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
鈴木 花子 様

AWS トレーニングと認定です。

11月5日にお送りしたご質問について、まだご返信をいただいておりません。
本メールの送信から 5 日以内にご返信がない場合、本ケースは自動的にクローズされます。

クローズ後も 14 日以内であれば、このメールに返信することでケースを再開できます。
引き続きお手続きをご希望の場合は、お早めにご返信ください。
""", cs="iso2022_jp", cte="7bit"))

add("auto_close_warning", "pass", "176601245700198", "ja", "resolved due to inactivity (after the fact); utf-8 base64",
    [ar_eop(MX_NW, ip="54.240.8.44"),
     RCV(MX_NW, "a8-44.smtp-out.amazonses.com", "54.240.8.44", D(2026, 11, 27, 1, 0, 7),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("w-c", _epoch(2026, 11, 27, 1, 0, 3)),
     ("Date", D(2026, 11, 27, 1, 0, 3)),
     ("From", AWS_TC),
     ("To", KENJI),
     ("Message-ID", ses_mid("w-c")),
     ("In-Reply-To", ses_mid("k-e")),
     ("Subject", "RE:[CASE 176601245700198] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
渡辺 健二 様

一定期間ご返信をいただけなかったため、ケース 176601245700198 は「解決済み」とさせていただきました。

まだお困りのことがございましたら、本日から14日以内にこのメールへ返信していただくことで、
同じケースを再開できます。14日を過ぎた場合は、お手数ですが新しくお問い合わせください。

AWS トレーニングと認定 カスタマーサポート
""", cte="base64"))

add("auto_close_warning", "pass", "176575590600149", "ja", "HTML-only utf-8 qp; agent-signed reminder with a date",
    [RCV(MX_TS, "a8-90.smtp-out.amazonses.com", "54.240.8.90", D(2026, 11, 20, 2, 0, 13),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS),
     *DK_AWS("w-d", _epoch(2026, 11, 20, 2, 0, 9)),
     ("Date", D(2026, 11, 20, 2, 0, 9)),
     ("From", AWS_TC),
     ("To", MISAKI),
     ("Message-ID", ses_mid("w-d")),
     ("Subject", "RE:[CASE 176575590600149] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body>
<p>佐藤 美咲 様</p>
<p>いつもお世話になっております。<br>
先日ご案内した件につきまして、その後いかがでしょうか。</p>
<p>ご返信がない場合、<b>11月24日</b>にケースを自動的にクローズいたします。<br>
クローズ後14日以内であれば、本メールへの返信で再開が可能です。</p>
<p>小林<br>AWS トレーニングと認定</p>
</body></html>
""", sub="html"))

add("auto_close_warning", "pass", "176488120300557", "en",
    "quoted history (-----Original Message-----) is the info request; new text is the inactivity warning",
    [RCV(MX_FB, "a8-52.smtp-out.amazonses.com", "54.240.8.52", D(2026, 11, 10, 16, 0, 21),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     ar_eop(MX_FB, ip="54.240.8.52"),
     *DK_AWS("w-e", _epoch(2026, 11, 10, 16, 0, 17)),
     ("Date", D(2026, 11, 10, 16, 0, 17)),
     ("From", AWS_TC),
     ("To", EMILY),
     ("Message-ID", ses_mid("w-e")),
     ("In-Reply-To", ses_mid("r-d")),
     ("References", ses_mid("r-d")),
     ("Subject", "RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Emily,

Just checking in. I haven't received the ID document I asked for on November 5, so I can't continue with the merge yet.

If I don't hear from you by Friday, November 13, this case will be closed automatically due to inactivity. You can still reopen it within 14 days by replying.

Best,
Kevin

-----Original Message-----
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Sent: Thursday, November 5, 2026 4:18 PM
To: Emily Carter <emily.carter@fabrikam.com>
Subject: RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance

Hi Emily,

However, the name on AWS87654321 is recorded as "Emily Jones". Because the names differ, I'll need a little more before I can go ahead:
- a photo or scan of a government-issued ID showing your current name, or
- a document that shows the name change.

Please attach the file to your reply.
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body style="font-family:Calibri,Arial,sans-serif">
<p>Hi Emily,</p>
<p>Just checking in. I haven't received the ID document I asked for on November 5, so I can't continue with the merge yet.</p>
<p>If I don't hear from you by <b>Friday, November 13</b>, this case will be closed automatically due to inactivity. You can still reopen it within 14 days by replying.</p>
<p>Best,<br>Kevin</p>
<p>-----Original Message-----<br>
<b>From:</b> AWS Training and Certification &lt;aws-cs-trainingcertification-form@amazon.com&gt;<br>
<b>Sent:</b> Thursday, November 5, 2026 4:18 PM<br>
<b>Subject:</b> RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance</p>
<p>However, the name on AWS87654321 is recorded as &quot;Emily Jones&quot;. Because the names differ, I&#39;ll need a little more before I can go ahead.</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "_000_BY5PR04MB69139F8E7D6Cnamprd04prod_"),
    eol="\r\n")

add("auto_close_warning", "pass", "176612007400823", "en", "HTML-only; 'resolved because we did not receive a response'",
    [RCV("mx.google.com", "a8-61.smtp-out.amazonses.com", "54.240.8.61", D(2026, 11, 30, 8, 0, 4),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("w-f", "54.240.8.61"),
     *DK_AWS("w-f", _epoch(2026, 11, 30, 8, 0, 0)),
     ("Date", D(2026, 11, 30, 8, 0, 0)),
     ("From", AWS_TC),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", ses_mid("w-f")),
     ("Subject", "RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
<html><body>
<p>Hello Daniel,</p>
<p>Your case <strong>176612007400823</strong> has been resolved because we did not receive a response within 7 days.</p>
<p>Need more help? Simply reply to this message within <strong>14 days</strong> and your case will be reopened automatically. After 14 days, please <a href="https://aws.amazon.com/contact-us/">contact us</a> again.</p>
<p>Thank you,<br>AWS Training &amp; Certification</p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "unverified", "176620873500066", "en", "no Authentication-Results; terse reminder",
    [("Date", D(2026, 11, 11, 13, 0, 0)),
     ("From", AWS_TC),
     ("To", "lucas.moreau@outlook.com"),
     ("Message-ID", ses_mid("w-g")),
     ("Subject", "RE:[CASE 176620873500066] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
Hello,

This is a reminder about case 176620873500066.

We are waiting for your reply. Unless we hear from you, the case will be resolved automatically in 2 days.

AWS Training and Certification
""", cs="us-ascii", cte="7bit"))

add("auto_close_warning", "fail", "", "ja",
    "FORGERY: From @amazon.com, topmost EOP AR spf=fail dkim=fail dmarc=fail (compauth=fail); also Reply-To to a non-AWS address; "
    "threatens revocation",
    [AR(MX_NW, "spf=fail (sender IP is 45.137.21.9) smtp.mailfrom=amazon.com",
        "dkim=fail (signature did not verify) header.d=amazon.com",
        "dmarc=fail action=quarantine header.from=amazon.com", "compauth=fail reason=000"),
     RCV(MX_NW, "unknown-45-137-21-9.as-example.net", "45.137.21.9", D(2026, 11, 14, 22, 11, 9),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     DK("amazon.com", SEL_AMZ, "w-h", _epoch(2026, 11, 14, 22, 11, 5)),
     ("Date", D(2026, 11, 15, 7, 11, 5, 9)),
     ("From", AWS_TC),
     ("Reply-To", "aws-support-desk@outlook.jp"),
     ("To", KENJI),
     ("Message-ID", ses_mid("w-h")),
     ("Subject", SJ("", "【重要】ケースが自動的にクローズされます", "iso2022_jp"))],
    Leaf("""\
渡辺様

お客様のケースについて、ご返信が確認できておりません。
24時間以内にご対応いただけない場合、ケースは自動的にクローズされ、保有中の認定資格はすべて失効します。

失効を防ぐには、下記より認定アカウントにサインインしてください。
https://aws-certification-login.com/ja/reactivate

AWS トレーニングと認定
""", cs="iso2022_jp", cte="7bit"))

add("auto_close_warning", "pass", "176540311900264", "en", "notification from no-reply-aws@amazon.com; utf-8 qp",
    [RCV(MX_EC, "a8-33.smtp-out.amazonses.com", "54.240.8.33", D(2026, 11, 10, 22, 0, 4),
         "priya.raman@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("w-i", _epoch(2026, 11, 10, 22, 0, 0)),
     ("Date", D(2026, 11, 10, 22, 0, 0)),
     ("From", AWS_NOREPLY),
     ("To", "priya.raman@example-corp.co.jp"),
     ("Message-ID", ses_mid("w-i")),
     ("Subject", "Action needed: your case 176540311900264 is awaiting your response")],
    Leaf("""\
Hello Priya,

Your AWS Training and Certification case 176540311900264 is awaiting your response.

Case status: Pending customer action
Last update from support: November 10, 2026

If we don’t hear from you within 72 hours, the case will be resolved automatically. To keep it open, reply to the latest message from our support team (not to this notification).

— AWS Training and Certification
"""))

add("auto_close_warning", "pass", "176612007400823", "en",
    "Gmail inline forward (---------- Forwarded message ---------) by the user to his work mailbox; outer sender gmail.com "
    "(DMARC pass at Exchange Online); HTML part uses gmail_quote",
    [AR("DM6NAM12FT021.mail.protection.outlook.com",
        "spf=pass (sender IP is 209.85.220.41) smtp.mailfrom=gmail.com",
        "dkim=pass (signature was verified) header.d=gmail.com",
        "dmarc=pass action=none header.from=gmail.com", "compauth=pass reason=100"),
     RCV("DM6NAM12FT021.mail.protection.outlook.com", "mail-sor-f41.google.com", "209.85.220.41",
         D(2026, 11, 16, 12, 20, 40), "daniel.novak@woodgrovebank.com", "Microsoft SMTP Server"),
     DK("gmail.com", "20230601", "w-j", _epoch(2026, 11, 16, 12, 20, 36)),
     ("Date", D(2026, 11, 16, 13, 20, 36, 1)),
     ("From", DANIEL),
     ("To", "daniel.novak@woodgrovebank.com"),
     ("Message-ID", gmail_mid("w-j")),
     ("Subject", "Fwd: RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Note to self - reply to AWS tonight, don't let it close.

---------- Forwarded message ---------
From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
Date: Mon, Nov 16, 2026 at 4:05 AM
Subject: RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance
To: <daniel.novak83@gmail.com>


Hi Daniel,

We're still waiting on the validation number for your Machine Learning - Specialty certification.

If we don't hear from you in the next 3 days, this case will be automatically resolved. You can reopen it by replying within 14 days.

Arjun
AWS Training and Certification
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<div dir="ltr">Note to self - reply to AWS tonight, don&#39;t let it close.<br><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>
From: <b class="gmail_sendername" dir="auto">AWS Training and Certification</b> <span dir="auto">&lt;<a href="mailto:aws-cs-trainingcertification-form@amazon.com">aws-cs-trainingcertification-form@amazon.com</a>&gt;</span><br>
Date: Mon, Nov 16, 2026 at 4:05 AM<br>
Subject: RE:[CASE 176612007400823] [AWS Training and Certification Form Submission] - account-assistance<br>
To: &lt;<a href="mailto:daniel.novak83@gmail.com">daniel.novak83@gmail.com</a>&gt;<br></div><br><br>
<p>Hi Daniel,</p>
<p>We&#39;re still waiting on the validation number for your Machine Learning - Specialty certification.</p>
<p>If we don&#39;t hear from you in the next 3 days, this case will be automatically resolved. You can reopen it by replying within 14 days.</p>
<p>Arjun<br>AWS Training and Certification</p>
</div></div>
""", sub="html", cs="us-ascii", cte="7bit")], "0000000000000612a7f3c9e15b4d82"))

# --------------------------------------------------------------------------
# unrelated
# --------------------------------------------------------------------------

add("unrelated", "pass", "", "en", "HARD NEGATIVE: colleague about a git merge conflict; says 'merge' and 'please confirm'",
    [RCV(MX_EC, "mail-out1.example-corp.co.jp", "198.51.100.7", D(2026, 11, 12, 1, 22, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-1", _epoch(2026, 11, 12, 1, 22, 36)),
     ("Date", D(2026, 11, 12, 10, 22, 36, 9)),
     ("From", "Kenta Ito <kenta.ito@example-corp.co.jp>"),
     ("To", TARO),
     ("Message-ID", "<20261112102236.91f0aa@example-corp.co.jp>"),
     ("Subject", "Re: merge conflict in feature/account-merge")],
    Leaf("""\
Hi Taro,

I tried to merge feature/account-merge into main this morning, but git stopped with a conflict in src/accounts/merge.py (both of us changed the merge_accounts() signature).

I didn't want to resolve it blindly. Could you take a look and either rebase your branch or resolve the conflict on the PR? Once the checks pass I'll approve and squash-merge it.

Also, please confirm you want the old merge_legacy() helper deleted - it's still referenced in two tests.

Thanks,
Kenta
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "ja", "HARD NEGATIVE: colleague asking to merge a pull request (マージ, 統合); ISO-2022-JP",
    [ar_dom(MX_EC, "example-corp.co.jp"),
     RCV(MX_EC, "mail-out1.example-corp.co.jp", "198.51.100.7", D(2026, 11, 13, 6, 2, 10),
         "taro.yamada@example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-2", _epoch(2026, 11, 13, 6, 2, 6)),
     ("Date", D(2026, 11, 13, 15, 2, 6, 9)),
     ("From", A("伊藤 健太", "kenta.ito@example-corp.co.jp", "iso2022_jp")),
     ("To", TARO_JA),
     ("Message-ID", "<20261113150206.2b7e11@example-corp.co.jp>"),
     ("Subject", SJ("", "プルリクエスト #128 のマージについて", "iso2022_jp"))],
    Leaf("""\
山田さん

お疲れさまです。伊藤です。

#128（アカウント統合処理のリファクタリング）のプルリクエスト、レビュー完了しました。
指摘事項は対応済みのようなので、main へのマージをお願いします。

マージ後、develop ブランチとの統合も必要になるので、
完了したら Slack で一声かけてもらえると助かります。

よろしくお願いします。
伊藤
""", cs="iso2022_jp", cte="7bit"))

add("unrelated", "pass", "", "en",
    "HARD NEGATIVE: GitHub PR notification about this very project (mentions confirmation_request, merging)",
    [RCV(MX_EC, "out-21.smtp.github.com", "192.30.252.204", D(2026, 11, 14, 2, 40, 12),
         "taro.yamada@example-corp.co.jp"),
     AR(MX_EC, "dkim=pass header.d=github.com header.s=pf2023", "spf=pass smtp.mailfrom=github.com",
        "dmarc=pass header.from=github.com"),
     DK("github.com", "pf2023", "u-3", _epoch(2026, 11, 14, 2, 40, 8)),
     ("Date", D(2026, 11, 14, 2, 40, 8)),
     ("From", "Kenta Ito <notifications@github.com>"),
     ("Reply-To", "example-corp/certmerge <reply+ABCD1234EFGH5678IJKL@reply.github.com>"),
     ("To", "example-corp/certmerge <certmerge@noreply.github.com>"),
     ("Cc", "Taro Yamada <taro.yamada@example-corp.co.jp>, Author <author@noreply.github.com>"),
     ("Message-ID", "<example-corp/certmerge/pull/131/review/2448190@github.com>"),
     ("In-Reply-To", "<example-corp/certmerge/pull/131@github.com>"),
     ("References", "<example-corp/certmerge/pull/131@github.com>"),
     ("Subject", "Re: [example-corp/certmerge] Reply automatically to confirmation requests (PR #131)"),
     ("List-ID", "example-corp/certmerge <certmerge.example-corp.github.com>")],
    Multi("alternative", [
        Leaf("""\
@kenta-ito approved this pull request.

LGTM. Merging once CI is green.

> +    if kind == "confirmation_request":
> +        return Action.REPLY_CONFIRM

nit: maybe rename REPLY_CONFIRM to CONFIRM_MERGE for clarity.

—
Reply to this email directly, view it on GitHub, or unsubscribe.
You are receiving this because you authored the thread.
"""),
        Leaf("""\
<p><b>@kenta-ito</b> approved this pull request.</p>
<p>LGTM. Merging once CI is green.</p>
<pre>+    if kind == &quot;confirmation_request&quot;:
+        return Action.REPLY_CONFIRM</pre>
<p>nit: maybe rename <code>REPLY_CONFIRM</code> to <code>CONFIRM_MERGE</code> for clarity.</p>
<p style="font-size:small;color:#666">—<br>Reply to this email directly, <a href="https://github.com/example-corp/certmerge/pull/131#pullrequestreview-2448190">view it on GitHub</a>, or <a href="https://github.com/notifications/unsubscribe-auth/AAAA">unsubscribe</a>.<br>You are receiving this because you authored the thread.</p>
""", sub="html")], "--==_mimepart_6735a1b0c3f2e_7c1d2b8"))

add("unrelated", "pass", "", "en", "HARD NEGATIVE: AWS marketing (certification promotion) from amazon.com, display name like support; HTML-only",
    [RCV(MX_EC, "a8-120.smtp-out.amazonses.com", "54.240.8.120", D(2026, 11, 10, 17, 0, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC, "marketing.amazonses.com"),
     *DK_AWS("u-4", _epoch(2026, 11, 10, 17, 0, 36)),
     ("Date", D(2026, 11, 10, 17, 0, 36)),
     ("From", "AWS Training and Certification <aws-marketing-email-replies@amazon.com>"),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", ses_mid("u-4")),
     ("Subject", "Your next AWS Certification is closer than you think"),
     ("List-Unsubscribe", "<https://pages.awscloud.com/unsubscribe?e=abc123>")],
    Leaf("""\
<html><body>
<table width="600" align="center" style="font-family:Arial,sans-serif">
<tr><td><img src="https://d1.awsstatic.com/logos/aws-logo.png" alt="AWS" width="60"></td></tr>
<tr><td>
<h1 style="font-size:24px">Your next certification is closer than you think</h1>
<p>Get certified before December 31, 2026 and receive a free retake if you don&rsquo;t pass on the first try.*</p>
<ul>
<li>AWS Certified AI Practitioner</li>
<li>AWS Certified Machine Learning Engineer &ndash; Associate</li>
<li>AWS Certified Data Engineer &ndash; Associate</li>
</ul>
<p><a href="https://aws.amazon.com/certification/">Schedule your exam &raquo;</a></p>
<p style="font-size:10px;color:#666">*Terms apply. You are receiving this email because you opted in to AWS Training and Certification communications.
Amazon Web Services, Inc., 410 Terry Avenue North, Seattle, WA 98109.</p>
<p style="font-size:10px"><a href="https://pages.awscloud.com/unsubscribe?e=abc123">Unsubscribe</a></p>
</td></tr>
</table>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "en", "HARD NEGATIVE: AWS re:Invent marketing mentioning certification and badges",
    [RCV("mx.google.com", "a8-121.smtp-out.amazonses.com", "54.240.8.121", D(2026, 11, 18, 16, 0, 3),
         "daniel.novak83@gmail.com", "Google"),
     ar_aws_google("u-5", "54.240.8.121"),
     *DK_AWS("u-5", _epoch(2026, 11, 18, 15, 59, 59)),
     ("Date", D(2026, 11, 18, 15, 59, 59)),
     ("From", "AWS re:Invent <aws-reinvent@amazon.com>"),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", ses_mid("u-5")),
     ("Subject", "re:Invent 2026: visit the AWS Certification Lounge")],
    Multi("alternative", [
        Leaf("""\
Hi Daniel,

re:Invent 2026 is almost here (November 30 – December 4, Las Vegas).

As an AWS Certified individual, you have access to the AWS Certification Lounge:
  • Grab a coffee and recharge between sessions
  • Pick up exclusive certified swag (bring your digital badge!)
  • Meet other certified builders

Not certified yet? Take an exam onsite at the re:Invent testing center – seats are limited.

See you in Vegas,
The AWS re:Invent team

Unsubscribe: https://pages.awscloud.com/unsubscribe
"""),
        Leaf("""\
<html><body style="font-family:Arial">
<p>Hi Daniel,</p>
<p><b>re:Invent 2026</b> is almost here (November 30 – December 4, Las Vegas).</p>
<p>As an AWS Certified individual, you have access to the AWS Certification Lounge:</p>
<ul><li>Grab a coffee and recharge between sessions</li>
<li>Pick up exclusive certified swag (bring your digital badge!)</li>
<li>Meet other certified builders</li></ul>
<p>Not certified yet? Take an exam onsite at the re:Invent testing center – seats are limited.</p>
<p>See you in Vegas,<br>The AWS re:Invent team</p>
<p style="font-size:10px"><a href="https://pages.awscloud.com/unsubscribe">Unsubscribe</a></p>
</body></html>
""", sub="html")], "b1_6e2d0a9c7f4b3185"))

add("unrelated", "pass", "", "ja", "HARD NEGATIVE: AWS Japan certification campaign (marketing); HTML-only utf-8 base64; CRLF",
    [ar_eop(MX_NW, ip="54.240.8.122", mailfrom="marketing.amazonses.com"),
     RCV(MX_NW, "a8-122.smtp-out.amazonses.com", "54.240.8.122", D(2026, 11, 16, 1, 0, 3),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("u-6", _epoch(2026, 11, 16, 0, 59, 59)),
     ("Date", D(2026, 11, 16, 0, 59, 59)),
     ("From", A("アマゾン ウェブ サービス ジャパン", "aws-apj-marketing@amazon.com")),
     ("To", "kenji.watanabe@northwind-trading.co.jp"),
     ("Message-ID", ses_mid("u-6")),
     ("Subject", SJ("", "【AWS 認定】年末の受験応援キャンペーンのご案内"))],
    Leaf("""\
<html><body>
<div style="max-width:600px;font-family:'Hiragino Sans',Meiryo,sans-serif">
<h2>AWS 認定 受験応援キャンペーン実施中</h2>
<p>いつも AWS をご利用いただきありがとうございます。</p>
<p>2026年12月31日までに AWS 認定試験を受験された方の中から抽選で、<br>
次回の受験に使える 100% 割引バウチャーをプレゼントいたします。</p>
<table border="0" cellpadding="4">
<tr><td>対象試験</td><td>アソシエイト・プロフェッショナル・専門知識の全試験</td></tr>
<tr><td>応募方法</td><td>キャンペーンページからエントリー</td></tr>
</table>
<p><a href="https://aws.amazon.com/jp/certification/">キャンペーンの詳細を見る</a></p>
<p style="font-size:11px;color:#666">配信停止をご希望の方は<a href="https://pages.awscloud.com/unsubscribe">こちら</a>。<br>
アマゾン ウェブ サービス ジャパン合同会社</p>
</div>
</body></html>
""", sub="html", cte="base64"),
    eol="\r\n")

add("unrelated", "pass", "", "en",
    "HARD NEGATIVE: newsletter explaining the whole merge procedure step by step (received case, confirm, merged, auto-resolve)",
    [RCV(MX_EC, "mail.cloudweekly.dev", "203.0.113.90", D(2026, 11, 19, 13, 0, 8),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "cloudweekly.dev"),
     DK("cloudweekly.dev", "sel2026", "u-7", _epoch(2026, 11, 19, 13, 0, 4)),
     ("Date", D(2026, 11, 19, 13, 0, 4)),
     ("From", "Cloud Weekly <digest@cloudweekly.dev>"),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", plain_mid("u-7", "cloudweekly.dev")),
     ("Subject", "Cloud Weekly #212: How to merge two AWS Certification accounts"),
     ("List-Unsubscribe", "<https://cloudweekly.dev/u/8f2a>")],
    Leaf("""\
CLOUD WEEKLY — Issue #212

In this issue
1. How to merge two AWS Certification accounts (step by step)
2. S3 lifecycle rules you probably forgot about
3. Reader question: is the SysOps exam still worth it?

----------------------------------------------------------------------

1. HOW TO MERGE TWO AWS CERTIFICATION ACCOUNTS

Ended up with two certification profiles after changing jobs? You're not alone. Here's how the merge works in practice:

  Step 1 - Open a case with AWS Training and Certification using the support form (category "account assistance").
  Step 2 - You'll get an automatic email saying "We have received your case", with a 15-digit case ID in the subject.
  Step 3 - An agent asks for details: the notification email on the other account, validation numbers, sometimes an ID.
  Step 4 - The agent asks you to confirm the merge. Read it carefully: it cannot be undone.
  Step 5 - You receive "the accounts have been merged". Credly badges follow within a day or two.

Tip: reply within a few days, otherwise the case is resolved automatically (you can reopen it within 14 days).

Read the full article: https://cloudweekly.dev/posts/merge-aws-certification-accounts

2. S3 LIFECYCLE RULES YOU PROBABLY FORGOT ABOUT

Incomplete multipart uploads cost money too. One rule fixes it.
https://cloudweekly.dev/posts/s3-lifecycle

3. READER QUESTION

"Is the SysOps exam still worth it?" Short answer: if you run workloads, yes.
https://cloudweekly.dev/posts/sysops-worth-it

----------------------------------------------------------------------
You are receiving Cloud Weekly because you subscribed at cloudweekly.dev.
Unsubscribe: https://cloudweekly.dev/u/8f2a
"""))

add("unrelated", "pass", "", "ja",
    "HARD NEGATIVE: Japanese blog digest retelling a merge case (受け付けました / 統合してよろしいか / 統合が完了しました / 自動的にクローズ); "
    "charset=Shift_JIS with CP932-only ① ② ③; CRLF",
    [RCV(MX_EC, "mail.devnote.jp", "203.0.113.140", D(2026, 11, 20, 23, 0, 12),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "devnote.jp"),
     DK("devnote.jp", "sel2026", "u-8", _epoch(2026, 11, 20, 23, 0, 8)),
     ("Date", D(2026, 11, 21, 8, 0, 8, 9)),
     ("From", A("devnote 週刊ダイジェスト", "digest@devnote.jp", "cp932")),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", plain_mid("u-8", "devnote.jp")),
     ("Subject", SJ("", "【週刊ダイジェスト】AWS認定アカウントを統合する手順 ほか", "cp932"))],
    Leaf("""\
━━━━━━━━━━━━━━━━━━━━━━━━
　devnote 週刊ダイジェスト　2026年11月第3週
━━━━━━━━━━━━━━━━━━━━━━━━

■今週の人気記事

① AWS認定アカウントを統合する手順（サポートケースの流れ）
　転職で認定アカウントが2つになってしまった筆者が、サポートに統合を依頼した体験談です。
　フォーム送信後すぐに「お問い合わせを受け付けました」というメールが届き、
　数日後に担当者から統合元アカウントの情報を求められました。
　最後に「統合してよろしいかご確認ください」と聞かれ、返信して2日後に「統合が完了しました」との連絡。
　返信を放置すると自動的にクローズされるので注意、とのことです。
　https://devnote.jp/articles/aws-cert-merge

② 会社のGitリポジトリを統合したときにやったこと
　https://devnote.jp/articles/monorepo-migration

③ Pythonでメールの文字コードを正しく扱う
　https://devnote.jp/articles/python-mail-charset

━━━━━━━━━━━━━━━━━━━━━━━━
配信停止：https://devnote.jp/mypage/mail
""", cs="cp932", label="Shift_JIS", cte="8bit"),
    eol="\r\n",
    known="① ② ③ are CP932-only: Python's shift_jis codec returns U+FFFD plus a stray byte")

add("unrelated", "pass", "177104562300915", "en",
    "HARD NEGATIVE: another AWS support case (Billing) with [CASE n] subject from no-reply-aws; ends with a feedback ask",
    [RCV(MX_EC, "a8-35.smtp-out.amazonses.com", "54.240.8.35", D(2026, 11, 18, 3, 12, 30),
         "taro.yamada@example-corp.co.jp"),
     ar_aws(MX_EC),
     *DK_AWS("u-9", _epoch(2026, 11, 18, 3, 12, 26)),
     ("Date", D(2026, 11, 18, 3, 12, 26)),
     ("From", AWS_NOREPLY),
     ("To", "taro.yamada@example-corp.co.jp"),
     ("Message-ID", ses_mid("u-9")),
     ("Subject", "RE:[CASE 177104562300915] Billing inquiry - unexpected charges on November invoice")],
    Leaf("""\
Hello,

Thank you for contacting AWS Billing and Account support.

I reviewed your November invoice for account 123456789012. The unexpected charge of USD 86.40 comes from an Elastic IP address that was allocated but not attached to a running instance in ap-northeast-1.

I've applied a one-time courtesy credit of USD 86.40, which will appear on your next bill. To avoid further charges, please release the address in the EC2 console.

We value your feedback. Please share your experience by rating this correspondence using the links below.
https://console.aws.amazon.com/support/feedback?caseId=177104562300915

Best regards,
Hiroshi K.
Amazon Web Services
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "177089234100678", "ja",
    "HARD NEGATIVE: another AWS support case (EC2 quota) in Japanese; contains 7日間ご返信がない場合…自動的にクローズ",
    [ar_eop(MX_NW, ip="54.240.8.46"),
     RCV(MX_NW, "a8-46.smtp-out.amazonses.com", "54.240.8.46", D(2026, 11, 17, 4, 30, 2),
         "kenji.watanabe@northwind-trading.co.jp", "Microsoft SMTP Server"),
     *DK_AWS("u-10", _epoch(2026, 11, 17, 4, 29, 58)),
     ("Date", D(2026, 11, 17, 4, 29, 58)),
     ("From", AWS_NOREPLY),
     ("To", KENJI),
     ("Message-ID", ses_mid("u-10")),
     ("Subject", SJ("RE:[CASE 177089234100678]", "EC2 インスタンスのサービスクォータ引き上げについて"))],
    Leaf("""\
渡辺様

AWS サポートの松本です。
サービスクォータ（東京リージョンの On-Demand Standard インスタンスの vCPU 上限）を 256 に引き上げました。
反映まで最大30分ほどかかる場合があります。

引き上げ後の値は、Service Quotas コンソールでご確認いただけます。
本件はこれで解決とさせていただきますが、ご不明な点があればこのケースに返信してください。
7日間ご返信がない場合、ケースは自動的にクローズされます。

松本
Amazon Web Services サポート
"""))

add("unrelated", "pass", "", "en", "HARD NEGATIVE: Credly marketing from admin@credly.com, not about the user's badge",
    [RCV(MX_EC, "o3.email.credly.com", "167.89.100.14", D(2026, 11, 24, 15, 30, 1),
         "priya.raman@example-corp.co.jp"),
     AR(MX_EC, "dkim=pass header.d=credly.com header.s=%s" % SEL_CREDLY, "spf=pass smtp.mailfrom=em.credly.com",
        "dmarc=pass header.from=credly.com"),
     DK("credly.com", SEL_CREDLY, "u-11", _epoch(2026, 11, 24, 15, 29, 57)),
     ("Date", D(2026, 11, 24, 15, 29, 57)),
     ("From", CREDLY),
     ("To", "priya.raman@example-corp.co.jp"),
     ("Message-ID", plain_mid("u-11", "mailer.credly.com")),
     ("Subject", "Your 2026 skills snapshot: the most in-demand cloud badges"),
     ("List-Unsubscribe", "<https://www.credly.com/settings/notifications>")],
    Multi("alternative", [
        Leaf("""\
Hi Priya,

What's trending in cloud skills? We looked at millions of badges earned on Credly this year. Here are the top five cloud credentials employers searched for in 2026:

1. AWS Certified Solutions Architect – Associate
2. Microsoft Certified: Azure Administrator Associate
3. Google Cloud Professional Cloud Architect
4. AWS Certified AI Practitioner
5. Certified Kubernetes Administrator (CKA)

Explore learning paths and see which badges fit your career goals:
https://www.credly.com/skills-report-2026

You're receiving this email because you have a Credly account. Manage your email preferences: https://www.credly.com/settings/notifications

Credly by Pearson
"""),
        Leaf("""\
<html><body style="font-family:Helvetica,Arial">
<p>Hi Priya,</p>
<p>What&#39;s trending in cloud skills? We looked at millions of badges earned on Credly this year. Here are the top five cloud credentials employers searched for in 2026:</p>
<ol><li>AWS Certified Solutions Architect – Associate</li>
<li>Microsoft Certified: Azure Administrator Associate</li>
<li>Google Cloud Professional Cloud Architect</li>
<li>AWS Certified AI Practitioner</li>
<li>Certified Kubernetes Administrator (CKA)</li></ol>
<p><a href="https://www.credly.com/skills-report-2026">Explore learning paths</a></p>
<p style="font-size:11px;color:#888">You&#39;re receiving this email because you have a Credly account. <a href="https://www.credly.com/settings/notifications">Manage your email preferences</a><br>Credly by Pearson</p>
</body></html>
""", sub="html")], "8a3e6f5b2c1d09f2e1b7c4d0"))

add("unrelated", "pass", "", "ja",
    "HARD NEGATIVE: company merger announcement (経営統合); labelled ISO-2022-JP but CP50220-style with ㈱ ① ② ③",
    [ar_dom(MX_EC, "example-corp.co.jp"),
     RCV(MX_EC, "mail-out2.example-corp.co.jp", "198.51.100.8", D(2026, 11, 9, 0, 30, 5),
         "all-staff@example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-12", _epoch(2026, 11, 9, 0, 30, 1)),
     ("Date", D(2026, 11, 9, 9, 30, 1, 9)),
     ("From", A("経営企画部", "corp-planning@example-corp.co.jp", "iso2022_jp")),
     ("To", A("全社員", "all-staff@example-corp.co.jp", "iso2022_jp")),
     ("Message-ID", "<20261109093001.corp-planning.5a1e@example-corp.co.jp>"),
     ("Subject", SJ("", "【重要】経営統合に関するお知らせ", "iso2022_jp"))],
    Leaf("""\
社員各位

経営企画部です。

すでに報道等でご存じの方もいらっしゃるかと思いますが、
当社と㈱ミナト精工は、2027年4月1日付で経営統合することで基本合意いたしました。

① 統合の形式：共同持株会社の設立
② 統合後の社名：未定（決まり次第お知らせします）
③ 社員の皆さまの雇用条件：現行どおり

統合に伴うメールアドレスやアカウントの変更については、
情報システム部から別途ご案内いたします。

ご不明な点は経営企画部までお問い合わせください。
""", cs="iso2022_jp", cte="7bit", encoder=jis_windows),
    known="㈱ ① ② ③ are outside ISO-2022-JP: Python's iso-2022-jp decoder yields U+FFFD")

add("unrelated", "pass", "", "ja",
    "HARD NEGATIVE: department merger notice (部署の統合が完了しました); Shift_JIS without CP932-only characters",
    [RCV(MX_EC, "mail-out2.example-corp.co.jp", "198.51.100.8", D(2026, 11, 16, 2, 0, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-13", _epoch(2026, 11, 16, 2, 0, 36)),
     ("Date", D(2026, 11, 16, 11, 0, 36, 9)),
     ("From", A("情報システム部 ヘルプデスク", "it-helpdesk@example-corp.co.jp", "cp932")),
     ("To", "dev@example-corp.co.jp"),
     ("Message-ID", "<20261116110036.helpdesk.0c77@example-corp.co.jp>"),
     ("Subject", SJ("", "部署統合に伴うメーリングリスト変更のお知らせ", "shift_jis"))],
    Leaf("""\
関係各位

情報システム部の高橋です。

11月16日付で、第一開発部と第二開発部の統合が完了しました。
これに伴い、部署のメーリングリストを以下のとおり変更しましたのでお知らせします。

　旧：dev1@example-corp.co.jp、dev2@example-corp.co.jp
　新：dev@example-corp.co.jp

旧アドレス宛てのメールは 12月31日まで新アドレスへ自動転送されます。
転送期間終了後、旧アドレスは削除されます。

また、共有フォルダのアクセス権も統合後の部署単位に変更済みです。
問題がありましたらヘルプデスク（内線 4410）までご連絡ください。
""", cs="shift_jis", cte="8bit"),
    eol="\r\n")

add("unrelated", "pass", "", "ja",
    "HARD NEGATIVE: Amazon.co.jp order confirmation (Amazon, a certification textbook); subject Q-encoded utf-8",
    [RCV("mx.google.com", "a27-190.smtp-out.us-west-2.amazonses.com", "54.240.27.190", D(2026, 11, 14, 3, 22, 10),
         "hanako.suzuki.0312@gmail.com", "Google"),
     AR("mx.google.com", "dkim=pass header.i=@amazon.co.jp header.s=rjbc2vo5 header.b=Zk3sW1xY",
        "dkim=pass header.i=@amazonses.com header.s=%s header.b=Hq2oT8vE" % SEL_SES,
        "spf=pass (google.com: domain of 0101019a2f3e@bounces.amazon.co.jp designates 54.240.27.190 as permitted sender) "
        "smtp.mailfrom=0101019a2f3e@bounces.amazon.co.jp",
        "dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=amazon.co.jp"),
     DK("amazon.co.jp", "rjbc2vo5", "u-14", _epoch(2026, 11, 14, 3, 22, 6)),
     ("Date", D(2026, 11, 14, 3, 22, 6)),
     ("From", "\"Amazon.co.jp\" <auto-confirm@amazon.co.jp>"),
     ("To", "hanako.suzuki.0312@gmail.com"),
     ("Message-ID", "<0101019a2f3e4d5c-%s-000000@us-west-2.amazonses.com>" % _hex("u-14", 12)),
     ("Subject", SJ("", "Amazon.co.jp ご注文の確認「AWS認定ソリューションアーキテクト－アソシエイト 教科書…」", mode="Q"))],
    Multi("alternative", [
        Leaf("""\
鈴木 花子 様

Amazon.co.jp をご利用いただき、ありがとうございます。
ご注文の確認をお知らせします。商品が発送されましたら、改めてメールでお知らせいたします。

注文番号：250-3948127-5501846
注文日：2026年11月14日

AWS認定ソリューションアーキテクト－アソシエイト 教科書 第3版
数量：1
価格：￥3,080

USB-C 充電ケーブル 1m
数量：2
価格：￥1,598

お届け予定日：2026年11月16日(月)
お届け先：鈴木 花子 様

注文内容の確認・変更は、アカウントサービスの「注文履歴」から行えます。
https://www.amazon.co.jp/your-orders

Amazon.co.jp
"""),
        Leaf("""\
<html><body style="font-family:sans-serif">
<p>鈴木 花子 様</p>
<p>Amazon.co.jp をご利用いただき、ありがとうございます。<br>
ご注文の確認をお知らせします。商品が発送されましたら、改めてメールでお知らせいたします。</p>
<table border="0" cellpadding="4">
<tr><td>注文番号</td><td>250-3948127-5501846</td></tr>
<tr><td>注文日</td><td>2026年11月14日</td></tr>
</table>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>商品</th><th>数量</th><th>価格</th></tr>
<tr><td>AWS認定ソリューションアーキテクト－アソシエイト 教科書 第3版</td><td>1</td><td>￥3,080</td></tr>
<tr><td>USB-C 充電ケーブル 1m</td><td>2</td><td>￥1,598</td></tr>
</table>
<p>お届け予定日：2026年11月16日(月)</p>
<p><a href="https://www.amazon.co.jp/your-orders">注文履歴を見る</a></p>
<p>Amazon.co.jp</p>
</body></html>
""", sub="html")], "----=_Part_2291034_8815532.1763090926"))

add("unrelated", "unverified", "", "en", "colleague's team offsite agenda; no Authentication-Results; CRLF",
    [("Date", D(2026, 11, 24, 17, 45, 0, 9)),
     ("From", PRIYA),
     ("To", "dev@example-corp.co.jp"),
     ("Message-ID", "<20261124174500.priya.7e21@example-corp.co.jp>"),
     ("Subject", "Team offsite on Dec 3 - agenda")],
    Leaf("""\
Hi all,

Quick reminder that the team offsite is on Thursday, Dec 3. Agenda:

09:30  Coffee
10:00  2027 roadmap (Taro)
11:30  Security review results
12:30  Lunch (vegetarian options ordered)
14:00  Workshop: cleaning up our AWS accounts

Please let me know by Friday if you can't make it.

Priya
""", cs="us-ascii", cte="7bit"),
    eol="\r\n")

add("unrelated", "pass", "176488120300557", "en",
    "HARD NEGATIVE: colleague's Gmail reply; quoted part (gmail_quote/blockquote) is the AWS confirmation request; "
    "new text is advice; subject keeps the case ID",
    [AR(MX_FB, "spf=pass (sender IP is 209.85.220.41) smtp.mailfrom=fabrikam.com",
        "dkim=pass (signature was verified) header.d=fabrikam.com",
        "dmarc=pass action=none header.from=fabrikam.com", "compauth=pass reason=100"),
     RCV(MX_FB, "mail-sor-f41.google.com", "209.85.220.41", D(2026, 11, 13, 16, 2, 13),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     DK("fabrikam.com", "google", "u-16", _epoch(2026, 11, 13, 16, 2, 9)),
     ("Date", D(2026, 11, 13, 11, 2, 9, -5)),
     ("From", "Yuki Tanaka <yuki.tanaka@fabrikam.com>"),
     ("To", EMILY),
     ("Message-ID", gmail_mid("u-16")),
     ("In-Reply-To", gmail_mid("emily-fwd")),
     ("References", gmail_mid("emily-fwd")),
     ("Subject", "Re: Fwd: RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance")],
    Multi("alternative", [
        Leaf("""\
Hi Emily,

Looks legit to me - the headers say it came from amazon.com and DKIM passed. Just reply "I confirm" from your own mailbox, not from here.

And yes, the badge will follow, mine took about a day.

Yuki

On Fri, Nov 13, 2026 at 10:41 AM Emily Carter <emily.carter@fabrikam.com> wrote:
> Is this for real? Can you check before I reply?
>
> ---------- Forwarded message ---------
> From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
> Date: Thu, Nov 12, 2026 at 6:02 PM
> Subject: RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance
>
> Before I proceed, please confirm the following by replying "I confirm":
> Merge AWS87654321 (emily.c.dev@yahoo.com) into AWS90123456 (emily.carter@fabrikam.com).
> This action is permanent.
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<div dir="ltr">Hi Emily,<div><br></div><div>Looks legit to me - the headers say it came from amazon.com and DKIM passed. Just reply &quot;I confirm&quot; from your own mailbox, not from here.</div><div><br></div><div>And yes, the badge will follow, mine took about a day.</div><div><br></div><div>Yuki</div></div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Fri, Nov 13, 2026 at 10:41 AM Emily Carter &lt;<a href="mailto:emily.carter@fabrikam.com">emily.carter@fabrikam.com</a>&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
<div dir="ltr">Is this for real? Can you check before I reply?<br><br>
---------- Forwarded message ---------<br>
From: <b class="gmail_sendername">AWS Training and Certification</b> &lt;aws-cs-trainingcertification-form@amazon.com&gt;<br>
Date: Thu, Nov 12, 2026 at 6:02 PM<br>
Subject: RE:[CASE 176488120300557] [AWS Training and Certification Form Submission] - account-assistance<br><br>
Before I proceed, please confirm the following by replying &quot;I confirm&quot;:<br>
Merge AWS87654321 (emily.c.dev@yahoo.com) into AWS90123456 (emily.carter@fabrikam.com).<br>
This action is permanent.</div>
</blockquote></div>
""", sub="html", cs="us-ascii", cte="7bit")], "000000000000a1b2c3d4e5f60718293a"))

add("unrelated", "pass", "176530418200731", "ja",
    "HARD NEGATIVE: colleague congratulating; quoted part (JA Gmail quote header) is the AWS completion notice; utf-8 8bit",
    [RCV(MX_EC, "mail-out1.example-corp.co.jp", "198.51.100.7", D(2026, 11, 16, 3, 30, 22),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-17", _epoch(2026, 11, 16, 3, 30, 18)),
     ("Date", D(2026, 11, 16, 12, 30, 18, 9)),
     ("From", A("伊藤 健太", "kenta.ito@example-corp.co.jp")),
     ("To", TARO_JA),
     ("Message-ID", "<20261116123018.c4e9@example-corp.co.jp>"),
     ("In-Reply-To", "<20261116110211.9d0f@example-corp.co.jp>"),
     ("Subject", "Re: Fwd: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance")],
    Leaf("""\
山田さん

統合完了おめでとうございます！
これで会社の受験補助の申請も1つのアカウントで済みますね。

ちなみに割引バウチャーが統合先に移っているか、念のため確認しておいたほうがいいと思います。
私のときは反映まで半日くらいかかりました。

伊藤

2026年11月16日(月) 11:02 山田 太郎 <taro.yamada@example-corp.co.jp>:
> 伊藤さん
>
> 例の件、ようやく終わりました。共有しておきます。
>
> ---------- Forwarded message ---------
> From: AWS Training and Certification <aws-cs-trainingcertification-form@amazon.com>
> Date: 2026年11月16日(月) 10:40
> Subject: RE:[CASE 176530418200731] [AWS Training and Certification Form Submission] - account-assistance
>
> 本日、アカウントの統合が完了しました。
> 統合後のアカウント：AWS02468135（taro.yamada@example-corp.co.jp）
""", cte="8bit"))

add("unrelated", "pass", "", "en", "HARD NEGATIVE: AWS Training and Certification newsletter from amazon.com (recertification, voucher)",
    [RCV(MX_TS, "a8-123.smtp-out.amazonses.com", "54.240.8.123", D(2026, 11, 12, 16, 0, 5),
         "misaki.sato@tailspin.co.jp"),
     ar_aws(MX_TS, "marketing.amazonses.com"),
     *DK_AWS("u-18", _epoch(2026, 11, 12, 16, 0, 1)),
     ("Date", D(2026, 11, 12, 16, 0, 1)),
     ("From", "AWS Training and Certification <aws-tc-newsletter@amazon.com>"),
     ("To", "misaki.sato@tailspin.co.jp"),
     ("Message-ID", ses_mid("u-18")),
     ("Subject", "AWS Training and Certification | November 2026")],
    Multi("alternative", [
        Leaf("""\
AWS Training and Certification | November 2026

Hi Misaki,

New this month
- Exam prep: new practice question sets for AWS Certified AI Practitioner
- Updated exam guide for AWS Certified Solutions Architect - Professional
- Free digital course: Generative AI Essentials on AWS

Recertification reminder
Your AWS Certified Solutions Architect - Associate expires in 2027. Recertify early and keep your certification active: use your 50% exam discount benefit on the recertification exam.

Manage your account at https://www.aws.training

You are receiving this newsletter because you opted in to AWS Training and Certification communications. Unsubscribe: https://pages.awscloud.com/communication-preferences
""", cs="us-ascii", cte="7bit"),
        Leaf("""\
<html><body style="font-family:Arial">
<h3>AWS Training and Certification | November 2026</h3>
<p>Hi Misaki,</p>
<p><b>New this month</b></p>
<ul><li>Exam prep: new practice question sets for AWS Certified AI Practitioner</li>
<li>Updated exam guide for AWS Certified Solutions Architect - Professional</li>
<li>Free digital course: Generative AI Essentials on AWS</li></ul>
<p><b>Recertification reminder</b><br>
Your AWS Certified Solutions Architect - Associate expires in 2027. Recertify early and keep your certification active: use your 50% exam discount benefit on the recertification exam.</p>
<p><a href="https://www.aws.training">Manage your account</a></p>
<p style="font-size:10px">You are receiving this newsletter because you opted in to AWS Training and Certification communications. <a href="https://pages.awscloud.com/communication-preferences">Unsubscribe</a></p>
</body></html>
""", sub="html", cs="us-ascii", cte="7bit")], "b1_d7c4a09e2f6b5381"))

add("unrelated", "pass", "", "en",
    "HARD NEGATIVE: AWS Free Tier alert from no-reply-aws@amazon.com (same sender as surveys); EOP AR without authserv-id",
    [ar_eop(None, ip="54.240.8.124"),
     RCV("AM4PEPF00027A6C.eurprd04.prod.outlook.com", "a8-124.smtp-out.amazonses.com", "54.240.8.124",
         D(2026, 11, 22, 7, 12, 40), "lucas.moreau@outlook.com", "Microsoft SMTP Server"),
     *DK_AWS("u-19", _epoch(2026, 11, 22, 7, 12, 36)),
     ("Date", D(2026, 11, 22, 7, 12, 36)),
     ("From", AWS_NOREPLY),
     ("To", "lucas.moreau@outlook.com"),
     ("Message-ID", ses_mid("u-19")),
     ("Subject", "AWS Free Tier limit alert")],
    Leaf("""\
Hello,

Your AWS account 210987654321 has exceeded 85% of the usage limit for one or more AWS Free Tier-eligible services for the month of November.

Product: Amazon Elastic Compute Cloud
Usage type: BoxUsage:t3.micro
Usage limit: 750 hours
Current usage: 642 hours

To learn more about your AWS Free Tier usage, visit the Billing and Cost Management console.

Sincerely,
Amazon Web Services

This message was produced and distributed by Amazon Web Services, Inc., 410 Terry Avenue North, Seattle, WA 98109.
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "ja",
    "HARD NEGATIVE: AWS event/seminar questionnaire (アンケート, 満足度) – a survey, but not about the support case",
    [ar_aws(MX_EC, "marketing.amazonses.com"),
     RCV(MX_EC, "a8-125.smtp-out.amazonses.com", "54.240.8.125", D(2026, 11, 20, 6, 0, 9),
         "taro.yamada@example-corp.co.jp"),
     *DK_AWS("u-20", _epoch(2026, 11, 20, 6, 0, 5)),
     ("Date", D(2026, 11, 20, 6, 0, 5)),
     ("From", A("AWS トレーニングと認定 イベント事務局", "aws-jp-events@amazon.com")),
     ("To", TARO_JA),
     ("Message-ID", ses_mid("u-20")),
     ("Subject", SJ("", "AWS 認定者限定オンラインセミナー ご参加アンケートのお願い"))],
    Multi("alternative", [
        Leaf("""\
山田 太郎 様

先日は「AWS 認定者限定 オンラインセミナー：生成AI時代のアーキテクチャ」にご参加いただき、誠にありがとうございました。

今後のセミナー改善のため、アンケートへのご協力をお願いいたします。
所要時間は3分ほどです。ご回答いただいた方には、セミナー資料（PDF）をお送りします。

▼アンケートに回答する
https://pages.awscloud.com/jp-certified-seminar-survey.html

満足度、今後聞きたいテーマなどをお聞かせください。

アマゾン ウェブ サービス ジャパン合同会社
AWS トレーニングと認定 イベント事務局
""", cte="base64"),
        Leaf("""\
<html><body>
<p>山田 太郎 様</p>
<p>先日は「AWS 認定者限定 オンラインセミナー：生成AI時代のアーキテクチャ」にご参加いただき、誠にありがとうございました。</p>
<p>今後のセミナー改善のため、アンケートへのご協力をお願いいたします。<br>
所要時間は3分ほどです。ご回答いただいた方には、セミナー資料（PDF）をお送りします。</p>
<p><a href="https://pages.awscloud.com/jp-certified-seminar-survey.html">▼アンケートに回答する</a></p>
<p>満足度、今後聞きたいテーマなどをお聞かせください。</p>
<p>アマゾン ウェブ サービス ジャパン合同会社<br>AWS トレーニングと認定 イベント事務局</p>
</body></html>
""", sub="html", cte="base64")], "b1_2b9f6e0d4c7a1358"))

add("unrelated", "unverified", "", "ja",
    "family mail; no Authentication-Results; labelled ISO-2022-JP-2004 (bytes from Python's iso2022_jp_2004, ESC $ ( Q for ① ②)",
    [("Date", D(2026, 11, 18, 20, 14, 0, 9)),
     ("From", A("山田 恵子", "keiko.yamada@example.ne.jp", "iso2022_jp")),
     ("To", "taro.personal@example.net"),
     ("Message-ID", "<20261118201400.keiko@example.ne.jp>"),
     ("Subject", SJ("", "土曜日の夕飯", "iso2022_jp"))],
    Leaf("""\
太郎へ

今度の土曜日、お父さんの誕生日なので夕飯を食べに来られますか？

① 17時ごろに来てくれたら助かります
② ケーキは駅前のお店で予約しておきました

返事待ってます。
母より
""", cs="iso2022_jp_2004", label="ISO-2022-JP-2004", cte="7bit"))

add("unrelated", "pass", "", "en", "exam appointment confirmation from Pearson VUE (certification context, not the case)",
    [RCV("mx.google.com", "mail3.pearsonvue.com", "159.182.16.40", D(2026, 11, 21, 9, 30, 2),
         "daniel.novak83@gmail.com", "Google"),
     ar_dom(None, "pearsonvue.com", google=True),
     DK("pearsonvue.com", "pvue1", "u-22", _epoch(2026, 11, 21, 9, 29, 58)),
     ("Date", D(2026, 11, 21, 9, 29, 58)),
     ("From", "Pearson VUE <noreply@pearsonvue.com>"),
     ("To", "daniel.novak83@gmail.com"),
     ("Message-ID", plain_mid("u-22", "pearsonvue.com")),
     ("Subject", "Confirmation of your AWS Certification exam appointment")],
    Leaf("""\
Dear Daniel Novak,

Thank you for scheduling your exam with Pearson VUE.

Exam: AWS Certified Security - Specialty
Date: Saturday, December 12, 2026
Time: 9:00 AM (Central European Time)
Location: Online (OnVUE)
Registration ID: 512884730

Please check in 30 minutes before your appointment. Make sure your ID matches the name on your AWS Certification account exactly.

To reschedule or cancel, visit https://home.pearsonvue.com/aws at least 24 hours before your appointment.

Pearson VUE
""", cs="us-ascii", cte="7bit"))

add("unrelated", "unverified", "", "ja",
    "study-group event mail mentioning someone's account merge story; EUC-JP 8bit; no Authentication-Results",
    [("Date", D(2026, 11, 26, 12, 0, 0, 9)),
     ("From", A("クラウド勉強会 事務局", "info@cloud-study.jp", "euc_jp")),
     ("To", "misaki.sato@tailspin.co.jp"),
     ("Message-ID", "<20261126120000.info@cloud-study.jp>"),
     ("Subject", SJ("", "12月のクラウド勉強会のご案内", "euc_jp"))],
    Leaf("""\
佐藤 美咲 様

クラウド勉強会 事務局です。
12月の勉強会のご案内をお送りします。

日時：2026年12月10日(木) 19:00〜21:00
会場：オンライン（Zoom）
テーマ：AWS 認定の取り方と、取った後の活かし方

登壇者の一人が、転職で2つになった認定アカウントを1つにまとめた話もしてくれる予定です。
参加をご希望の方は、下記フォームからお申し込みください。
https://cloud-study.jp/events/2026-12

ご参加をお待ちしております。
""", cs="euc_jp", cte="8bit"))

add("unrelated", "pass", "", "ja",
    "WRONG charset label: says us-ascii but the 8bit bytes are UTF-8 (Japanese turns into U+FFFD); colleague lunch mail",
    [RCV(MX_EC, "mail-out1.example-corp.co.jp", "198.51.100.7", D(2026, 11, 19, 2, 50, 40),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-24", _epoch(2026, 11, 19, 2, 50, 36)),
     ("Date", D(2026, 11, 19, 11, 50, 36, 9)),
     ("From", "Nakajima Sho <sho.nakajima@example-corp.co.jp>"),
     ("To", TARO),
     ("Message-ID", "<20261119115036.sho.1f@example-corp.co.jp>"),
     ("Subject", "Re: lunch next week"),
     ("X-Mailer", "LegacyGroupware 3.2")],
    Leaf("""\
山田さん

来週の水曜のランチ、12時に1階のロビー集合でどうでしょう。
新しくできたカレー屋さんに行ってみたいです。

中島
""", cs="utf-8", label="us-ascii", cte="8bit"),
    known="charset label us-ascii on UTF-8 bytes: every Japanese character decodes to U+FFFD")

add("unrelated", "pass", "", "en",
    "HARD NEGATIVE: a different vendor saying 'we merged your profiles' (Microsoft Learn), no case ID",
    [AR(MX_FB, "spf=pass (sender IP is 40.107.22.50) smtp.mailfrom=learn.microsoft.com",
        "dkim=pass (signature was verified) header.d=learn.microsoft.com",
        "dmarc=pass action=none header.from=learn.microsoft.com", "compauth=pass reason=100"),
     RCV(MX_FB, "mail-db8eur05.outbound.protection.outlook.com", "40.107.22.50", D(2026, 11, 9, 18, 40, 2),
         "emily.carter@fabrikam.com", "Microsoft SMTP Server"),
     DK("learn.microsoft.com", "selector1", "u-25", _epoch(2026, 11, 9, 18, 39, 58)),
     ("Date", D(2026, 11, 9, 18, 39, 58)),
     ("From", "Microsoft Learn <learn-noreply@learn.microsoft.com>"),
     ("To", "emily.carter@fabrikam.com"),
     ("Message-ID", plain_mid("u-25", "learn.microsoft.com")),
     ("Subject", "Your Microsoft Learn profiles have been merged")],
    Leaf("""\
Hi Emily,

As you requested, we merged your two Microsoft Learn profiles. Your achievements, training history and certifications now appear on the profile signed in with emily.carter@fabrikam.com.

If you didn't request this, contact Microsoft Learn support.

Thanks,
The Microsoft Learn team
""", cs="us-ascii", cte="7bit"))

add("unrelated", "pass", "", "ja",
    "year-end paperwork notice; charset=Windows-31J (IANA name Python does not know): get_content() raises LookupError",
    [RCV(MX_EC, "mail-out2.example-corp.co.jp", "198.51.100.8", D(2026, 11, 17, 0, 15, 30),
         "taro.yamada@example-corp.co.jp"),
     ar_dom(MX_EC, "example-corp.co.jp"),
     DK("example-corp.co.jp", "sel2026", "u-26", _epoch(2026, 11, 17, 0, 15, 26)),
     ("Date", D(2026, 11, 17, 9, 15, 26, 9)),
     ("From", A("総務部 岡田", "okada.m@example-corp.co.jp", "cp932")),
     ("To", "all-staff@example-corp.co.jp"),
     ("Message-ID", "<20261117091526.okada.3c@example-corp.co.jp>"),
     ("Subject", SJ("", "年末調整書類の提出について", "cp932"))],
    Leaf("""\
各位

総務部の岡田です。
年末調整の書類提出について、以下のとおりお願いします。

① 提出期限：11月27日(金)
② 提出先：総務部 岡田
③ 提出書類：扶養控除等申告書、保険料控除申告書

ご不明点は内線 2203 までどうぞ。
""", cs="cp932", label="Windows-31J", cte="8bit"),
    known="charset Windows-31J is unknown to Python's codecs: get_content() raises LookupError; decode as cp932")

# ==========================================================================
# writing and checking
# ==========================================================================

KINDS = ["acknowledgement", "ai_auto_answer", "info_request", "confirmation_request", "completion_notice",
         "credly_followup", "survey", "auto_close_warning", "unrelated"]
VENDOR_DOMAINS = ("amazon.com", "amazonses.com", "credly.com")
NAME_RE = re.compile(r"^m\d{3}\.eml$")


def render(m):
    raw = _message(m["hdr"], m["body"], m["eol"])
    if m["eol"] == "\r\n":
        assert b"\r" not in raw
        raw = raw.replace(b"\n", b"\r\n")
    return raw


def build():
    """Return [(filename, mail, raw_bytes)] in the shuffled, deterministic order."""
    for m in MAILS:
        assert m["kind"] in KINDS, m["kind"]
        assert m["auth"] in ("pass", "unverified", "fail"), m["auth"]
        assert m["lang"] in ("en", "ja"), m["lang"]
        assert m["case"] == "" or re.fullmatch(r"\d{15}", m["case"]), m["case"]
    order = list(range(len(MAILS)))
    random.Random(SHUFFLE_SEED).shuffle(order)
    out = []
    for n, i in enumerate(order, 1):
        m = MAILS[i]
        out.append(("m%03d.eml" % n, m, render(m)))
    return out


def _notes(m):
    desc = m["body"].describe()
    parts = [m["notes"], desc, "CRLF" if m["eol"] == "\r\n" else "LF"]
    if m["known"]:
        parts.append("decoder caveat: " + m["known"])
    return "; ".join(p for p in parts if p)


def write():
    items = build()
    for name in os.listdir(HERE):
        if NAME_RE.match(name):
            os.remove(os.path.join(HERE, name))
    for name, m, raw in items:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(raw)
    with open(os.path.join(HERE, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "kind", "authenticity", "case_id", "language", "notes"])
        for name, m, raw in items:
            w.writerow([name, m["kind"], m["auth"], m["case"], m["lang"], _notes(m)])
    print("wrote %d .eml files and labels.csv to %s" % (len(items), HERE))


def _norm(s):
    return s.replace("\r\n", "\n").rstrip("\n")


def _leaves(part):
    if isinstance(part, Leaf):
        yield part
    elif isinstance(part, Multi):
        for p in part.parts:
            yield from _leaves(p)
    elif isinstance(part, Rfc822):
        yield from _leaves(part.body)


def check():
    items = build()
    problems = []
    known_dev = []
    with open(os.path.join(HERE, "labels.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if [r["file"] for r in rows] != [n for n, _, _ in items]:
        problems.append("labels.csv does not match the generator (re-run without --check)")
    c_kind, c_lang, c_auth, c_ka, c_top, c_cs, c_cte, c_eol, c_subj = (Counter() for _ in range(9))
    for (name, m, raw), row in zip(items, rows):
        path = os.path.join(HERE, name)
        with open(path, "rb") as f:
            disk = f.read()
        if disk != raw:
            problems.append("%s: file on disk differs from generator output" % name)
        msg = email.message_from_bytes(disk, policy=email.policy.default)
        for col, key in (("kind", "kind"), ("authenticity", "auth"), ("case_id", "case"), ("language", "lang")):
            if row[col] != m[key]:
                problems.append("%s: labels.csv %s=%r, generator %r" % (name, col, row[col], m[key]))
        # body
        body = msg.get_body(("plain", "html"))
        got = None
        if body is None:
            problems.append("%s: get_body() returned None" % name)
        else:
            try:
                got = body.get_content()
            except Exception as e:  # noqa: BLE001 - we report it
                got = None
                if m["known"]:
                    known_dev.append("%s: get_content() raised %s: %s  [%s]" % (name, type(e).__name__, e, m["known"]))
                else:
                    problems.append("%s: get_content() raised %r" % (name, e))
        if got is not None:
            if _norm(got) == _norm(m["expect"]):
                if m["known"]:
                    problems.append("%s: marked as known deviation but decoded exactly" % name)
            elif m["known"]:
                g, e = _norm(got), _norm(m["expect"])
                known_dev.append("%s: decoded != written (U+FFFD x%d, %d positions differ, "
                                 "length %+d)  [%s]"
                                 % (name, g.count("\ufffd"), sum(1 for a, b in zip(g, e) if a != b),
                                    len(g) - len(e), m["known"]))
            else:
                problems.append("%s: decoded body differs from the written text" % name)
        # subject
        subj = str(msg["subject"])
        if subj != m["subject"]:
            problems.append("%s: subject decodes to %r, expected %r" % (name, subj, m["subject"]))
        rawsubj = re.search(rb"^Subject:(.*(?:\r?\n[ \t].*)*)", disk, re.M).group(1).decode()
        if "?B?" in rawsubj or "?b?" in rawsubj:
            enc = "B"
        elif "?Q?" in rawsubj or "?q?" in rawsubj:
            enc = "Q"
        else:
            enc = "plain"
        for cs_, mode_, data_ in re.findall(r"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", rawsubj):
            if mode_ in "Bb":
                chunk = base64.b64decode(data_)
            else:
                chunk = quopri.decodestring(data_.replace("_", " ").encode(), header=True)
            try:
                chunk.decode(cs_.lower().replace("shift_jis", "cp932"))
            except UnicodeDecodeError:
                enc += " (split mid-character)"
                break
        c_subj[enc] += 1
        # case id
        text_all = subj + "\n" + (got or "")
        if m["case"]:
            if m["case"] not in text_all:
                problems.append("%s: case_id %s not found in subject/body" % (name, m["case"]))
        else:
            found = re.search(r"\[CASE (\d{15})\]", subj)
            if found:
                problems.append("%s: case_id empty but subject carries %s" % (name, found.group(1)))
        # language
        if m["lang"] == "ja" and got is not None and not m["known"]:
            if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", got):
                problems.append("%s: labelled ja but no Japanese in decoded body" % name)
        # authenticity vs topmost Authentication-Results
        ars = msg.get_all("Authentication-Results") or []
        top = str(ars[0]) if ars else ""
        if m["auth"] == "unverified" and ars:
            problems.append("%s: unverified but has Authentication-Results" % name)
        if m["auth"] != "unverified" and not ars:
            problems.append("%s: %s but no Authentication-Results" % (name, m["auth"]))
        if m["auth"] == "pass" and not re.search(r"dmarc=pass|dkim=pass", top):
            problems.append("%s: pass but topmost AR has no dmarc/dkim pass" % name)
        from_dom = str(msg["from"].addresses[0].domain).lower()
        if m["auth"] == "fail":
            explicit = re.search(r"(dkim|dmarc|spf)=fail", top)
            lookalike = from_dom not in VENDOR_DOMAINS
            if not (explicit or lookalike):
                problems.append("%s: fail but neither explicit failure nor non-vendor From" % name)
        if m["auth"] == "pass" and from_dom in VENDOR_DOMAINS and "dmarc=pass" not in top:
            problems.append("%s: vendor pass without dmarc=pass" % name)
        # counters
        c_kind[m["kind"]] += 1
        c_lang[m["lang"]] += 1
        c_auth[m["auth"]] += 1
        c_ka[(m["kind"], m["auth"])] += 1
        c_top[msg.get_content_type()] += 1
        c_eol["CRLF" if m["eol"] == "\r\n" else "LF"] += 1
        for leaf in _leaves(m["body"]):
            c_cs[leaf.label.lower()] += 1
            c_cte[leaf.cte.lower()] += 1

    n = len(items)
    print("files: %d" % n)
    print("\nkind                    total  pass  unverified  fail")
    for k in KINDS:
        print("  %-21s %5d %5d %11d %5d" % (k, c_kind[k], c_ka[(k, "pass")], c_ka[(k, "unverified")],
                                           c_ka[(k, "fail")]))
    print("\nauthenticity: " + ", ".join("%s=%d" % kv for kv in sorted(c_auth.items())))
    print("language:     " + ", ".join("%s=%d (%.0f%%)" % (k, v, 100.0 * v / n) for k, v in sorted(c_lang.items())))
    print("line endings: " + ", ".join("%s=%d" % kv for kv in sorted(c_eol.items())))
    print("top-level content types: " + ", ".join("%s=%d" % kv for kv in c_top.most_common()))
    print("text-part charset labels: " + ", ".join("%s=%d" % kv for kv in c_cs.most_common()))
    print("text-part transfer encodings: " + ", ".join("%s=%d" % kv for kv in c_cte.most_common()))
    print("subject encodings: " + ", ".join("%s=%d" % kv for kv in c_subj.most_common()))
    print("distinct case IDs: %d" % len({m["case"] for _, m, _ in items if m["case"]}))
    print("\nknown decoder deviations (%d):" % len(known_dev))
    for d in known_dev:
        print("  " + d)
    print("\nproblems (%d):" % len(problems))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    write()
