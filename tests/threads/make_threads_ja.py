#!/usr/bin/env python3
"""Generate the Japanese blind test threads t05..t08 for certmerge.

Deterministic: every run writes byte-identical files.  Uses only the
standard library (base64/quopri for transfer encodings, email.utils for
addresses, hashlib for stable pseudo-random IDs).

    python3 tests/threads/make_threads_ja.py

Each thread folder gets case.toml, answers.toml, expect.toml and the
numbered .eml files, in arrival order, including the user's own replies
(Sent-folder copies).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))
JST = dt.timezone(dt.timedelta(hours=9), "JST")
UTC = dt.timezone.utc
SUPPORT = "aws-cs-trainingcertification-form@amazon.com"
SUPPORT_NAME = "AWS Training and Certification"
BASE_SUBJ = "[AWS Training and Certification Form Submission] - account-assistance"
WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
JWD = "月火水木金土日"


# ---------------------------------------------------------------- basics

def J(y, mo, d, h, mi, s=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=JST)


def U(y, mo, d, h, mi, s=0):
    return dt.datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def hexstream(seed: str, n: int) -> str:
    out, i = "", 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def b64stream(seed: str, n: int) -> str:
    raw = b""
    i = 0
    while len(raw) * 4 // 3 < n + 4:
        raw += hashlib.sha512(f"{seed}#{i}".encode()).digest()
        i += 1
    return base64.b64encode(raw).decode()[:n]


def uuidish(seed: str) -> str:
    h = hexstream(seed, 32)
    return f"{h[0:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:32]}"


def ses_id(when: dt.datetime, seed: str, regional=True) -> str:
    ms = int(when.timestamp() * 1000)
    if regional:
        return f"<0106{ms:012x}-{uuidish(seed)}-000000@ap-northeast-1.amazonses.com>"
    return f"<0100{ms:012x}-{uuidish(seed)}-000000@email.amazonses.com>"


def rfc_date(when: dt.datetime) -> str:
    off = when.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    return (f"{WD[when.weekday()]}, {when.day} {MON[when.month - 1]} {when.year} "
            f"{when:%H:%M:%S} {sign}{mins // 60:02d}{mins % 60:02d}")


def received_date(when: dt.datetime) -> str:
    w = when.astimezone(JST)
    return (f"{WD[w.weekday()]}, {w.day:>2} {MON[w.month - 1]} {w.year} "
            f"{w:%H:%M:%S} +0900 (JST)")


def jdate(when: dt.datetime, style="outlook") -> str:
    """Japanese date strings as mail clients write them in quote headers."""
    w = when.astimezone(JST)
    if style == "outlook":      # 2026年11月9日 8:52
        return f"{w.year}年{w.month}月{w.day}日 {w.hour}:{w.minute:02d}"
    if style == "gmail":        # 2026年11月5日(木) 10:12
        return f"{w.year}年{w.month}月{w.day}日({JWD[w.weekday()]}) {w.hour}:{w.minute:02d}"
    if style == "slash":        # 2026/11/06 14:20
        return f"{w.year}/{w.month:02d}/{w.day:02d} {w.hour:02d}:{w.minute:02d}"
    raise ValueError(style)


CODEC = {"ISO-2022-JP": "iso-2022-jp", "UTF-8": "utf-8", "Shift_JIS": "shift_jis"}


def ew(text: str, charset: str) -> list[str]:
    """RFC 2047 B encoded-words, each <= 75 chars and self-contained."""
    codec = CODEC[charset]

    def enc(s):
        return f"=?{charset}?B?{base64.b64encode(s.encode(codec)).decode()}?="

    words, cur = [], ""
    for ch in text:
        if cur and len(enc(cur + ch)) > 75:
            words.append(enc(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(enc(cur))
    return words


def fold_ascii(text: str, first: int) -> list[str]:
    """Split an ASCII header value at spaces so lines stay under 78."""
    lines, cur, limit = [], "", 78 - first
    for word in text.split(" "):
        cand = word if not cur else cur + " " + word
        if cur and len(cand) > limit:
            lines.append(cur)
            cur, limit = word, 77
        else:
            cur = cand
    lines.append(cur)
    return lines


def subject(ascii_part: str, jp_part: str | None = None, charset="ISO-2022-JP",
            whole=False) -> str:
    if whole:
        return "\n ".join(ew(" ".join(x for x in (ascii_part, jp_part) if x), charset))
    lines = fold_ascii(ascii_part, len("Subject: "))
    if jp_part:
        lines += ew(jp_part, charset)
    return "\n ".join(lines)


def addr(name: str, email: str, charset="UTF-8") -> str:
    if not name:
        return email
    if name.isascii():
        if any(c in name for c in ',.;:"()<>@[]'):
            return f'"{name}" <{email}>'
        return f"{name} <{email}>"
    return " ".join(ew(name, charset)) + f" <{email}>"


def encode_body(text: str, charset: str, cte: str) -> bytes:
    if not text.endswith("\n"):
        text += "\n"
    raw = text.encode(CODEC[charset])
    if cte in ("7bit", "8bit"):
        return raw
    if cte == "base64":
        return base64.encodebytes(raw)
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    raise ValueError(cte)


def leaf(text: str, charset: str, cte: str, subtype="plain") -> tuple[list, bytes]:
    label = charset if charset != "UTF-8" else "UTF-8"
    return ([("Content-Type", f"text/{subtype}; charset={label}"),
             ("Content-Transfer-Encoding", cte)],
            encode_body(text, charset, cte))


def alternative(boundary: str, parts: list[tuple[list, bytes]]) -> tuple[list, bytes]:
    body = b"This is a multi-part message in MIME format.\n\n"
    for hdrs, pbody in parts:
        body += f"--{boundary}\n".encode()
        body += "".join(f"{n}: {v}\n" for n, v in hdrs).encode("ascii") + b"\n"
        body += pbody
        if not pbody.endswith(b"\n"):
            body += b"\n"
    body += f"--{boundary}--\n".encode()
    return ([("Content-Type", f'multipart/alternative;\n boundary="{boundary}"')], body)


def to_html(text: str) -> str:
    out = []
    for line in text.rstrip("\n").split("\n"):
        out.append(html.escape(line) if line else "")
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>\n"
            "<body><div style=\"font-family: 'Meiryo', sans-serif; font-size: 14px;\">\n"
            + "<br>\n".join(out) + "\n</div></body></html>")


def assemble(headers: list[tuple[str, str]], content: tuple[list, bytes]) -> bytes:
    chdrs, body = content
    allh = headers + [("MIME-Version", "1.0")] + chdrs
    head = "".join(f"{n}: {v}\n" for n, v in allh)
    return head.encode("ascii") + b"\n" + body


def gt(text: str) -> str:
    return "\n".join((">" if not l else "> " + l) for l in text.rstrip("\n").split("\n"))


# ---------------------------------------------------------------- headers

def dkim(seed, when, d, s, hlist, body, keybits):
    t = int(when.timestamp())
    bh = base64.b64encode(hashlib.sha256(body).digest()).decode()
    b = b64stream(seed + d, 342 if keybits == 2048 else 170) + "=="
    blines = [b[i:i + 72] for i in range(0, len(b), 72)]
    value = (f"v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\n\ts={s}; d={d}; t={t};\n"
             f"\th={hlist};\n\tbh={bh};\n\tb=" + "\n\t ".join(blines))
    return value, b[:8]


class Thread:
    def __init__(self, slug, user_name, user_email, domain, case_id, created):
        self.slug = slug
        self.user_name = user_name
        self.user_email = user_email
        self.domain = domain
        self.case_id = case_id
        self.created = created
        self.form_id = ses_id(created, f"{slug}-form", regional=False)
        self.chain = [self.form_id]
        self.mails = []          # (filename, bytes, expect)
        self.bodies = {}         # filename -> plain text (for quoting)
        self.ids = {}            # filename -> Message-ID
        self.dates = {}

    # --- subject helpers
    def subj(self, prefix="RE:"):
        return f"{prefix}[CASE {self.case_id}] {BASE_SUBJ}"

    # --- support mail over SES
    def support(self, fname, when, subj_hdr, content, expect, *, regional=True,
                from_hdr=None, thread=True, msgid=None, extra=None, to=None):
        seed = f"{self.slug}/{fname}"
        msgid = msgid or ses_id(when, seed, regional)
        body = content[1]
        h1 = "Date:From:To:Message-ID:Subject:In-Reply-To:References:MIME-Version:Content-Type:Content-Transfer-Encoding"
        d1, b1 = dkim(seed, when, "amazon.com", "xplzuhjr4seloozmmorg7obwkhgc7ikj", h1, body, 2048)
        d2, b2 = dkim(seed, when, "amazonses.com", "zh4gjftm6etwoq6afzugpky45synznly",
                      h1 + ":Feedback-ID", body, 1024)
        if regional:
            octet = 50 + int(hexstream(seed, 2), 16) % 14
            host = f"e234-{octet}.smtp-out.ap-northeast-1.amazonses.com"
            ip = f"23.251.234.{octet}"
        else:
            octet = 100 + int(hexstream(seed, 2), 16) % 50
            host = f"a48-{octet}.smtp-out.amazonses.com"
            ip = f"54.240.48.{octet}"
        mailfrom = msgid.strip("<>")
        qid = b64stream(seed + "qid", 15).replace("+", "x").replace("/", "Q")
        arrival = when + dt.timedelta(seconds=2)
        headers = [
            ("Authentication-Results",
             f"mx.{self.domain};\n"
             f"\tdkim=pass (2048-bit key; unprotected) header.d=amazon.com header.i=@amazon.com header.s=xplzuhjr4seloozmmorg7obwkhgc7ikj header.b={b1};\n"
             f"\tdkim=pass (1024-bit key) header.d=amazonses.com header.i=@amazonses.com header.s=zh4gjftm6etwoq6afzugpky45synznly header.b={b2};\n"
             f"\tspf=pass smtp.mailfrom={mailfrom};\n"
             f"\tdmarc=pass header.from=amazon.com"),
            ("Received",
             f"from {host} ({host} [{ip}])\n"
             f"\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\n"
             f"\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
             f"\t(No client certificate requested)\n"
             f"\tby mx.{self.domain} (Postfix) with ESMTPS id {qid}\n"
             f"\tfor <{to or self.user_email}>; {received_date(arrival)}"),
            ("DKIM-Signature", d1),
            ("DKIM-Signature", d2),
            ("Date", rfc_date(when)),
            ("From", from_hdr or f"{SUPPORT_NAME} <{SUPPORT}>"),
            ("To", to or self.user_email),
            ("Message-ID", msgid),
            ("Subject", subj_hdr),
        ]
        if thread:
            headers.append(("In-Reply-To", self.chain[-1]))
            headers.append(("References", "\n ".join(self.chain)))
        headers += extra or []
        headers_tail = [
            ("X-SES-Outgoing", f"{when:%Y.%m.%d}-{ip}"),
            ("Feedback-ID", f"::1.{'ap-northeast-1' if regional else 'us-east-1'}."
                            f"{b64stream(seed + 'fb', 43)}=:AmazonSES"),
        ]
        raw = assemble(headers, content)
        # SES puts its own headers after the MIME headers
        head, _, rest = raw.partition(b"\n\n")
        head += b"\n" + "\n".join(f"{n}: {v}" for n, v in headers_tail).encode()
        raw = head + b"\n\n" + rest
        self._add(fname, raw, msgid, when, expect, thread)
        return msgid

    # --- the user's own mail (Sent folder copy)
    def own(self, fname, when, subj_hdr, content, msgid, expect, *, client_headers=(),
            from_hdr=None, to=None, in_reply_to=None):
        irt = in_reply_to or self.chain[-1]
        headers = [
            ("Date", rfc_date(when)),
            ("From", from_hdr or self.user_from),
            ("To", to or f"{SUPPORT_NAME} <{SUPPORT}>"),
            ("Subject", subj_hdr),
            ("Message-ID", msgid),
            ("In-Reply-To", irt),
            ("References", "\n ".join(self.chain)),
        ] + list(client_headers)
        raw = assemble(headers, content)
        self._add(fname, raw, msgid, when, expect, True)
        return msgid

    def raw(self, fname, when, raw, msgid, expect, thread=False):
        self._add(fname, raw, msgid, when, expect, thread)

    def _add(self, fname, raw, msgid, when, expect, thread):
        expect = dict(expect)
        expect["file"] = fname
        self.mails.append((fname, raw, expect))
        self.ids[fname] = msgid
        self.dates[fname] = when
        if thread:
            self.chain.append(msgid)

    def keep(self, fname, text):
        self.bodies[fname] = text
        return text


# ---------------------------------------------------------------- TOML out

def tq(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tarr(xs) -> str:
    return "[" + ", ".join(tq(x) for x in xs) + "]"


def write_case(path, c):
    L = [f'language = "ja"', f"reason = {tq(c['reason'])}", "", "[user]",
         f"name = {tq(c['name'])}"]
    if c.get("company"):
        L.append(f"company = {tq(c['company'])}")
    L += ["", "[support]", f"case_id = {tq(c['case_id'])}", f"created = {c['created']}"]
    for side in ("target", "source"):
        a = c[side]
        L += ["", f"[{side}]"]
        for k in ("account_id", "login_email", "training_email", "certification_email"):
            L.append(f"{k} = {tq(a[k])}")
        for cert in a.get("certifications", []):
            L += ["", f"[[{side}.certifications]]", f"name = {tq(cert[0])}",
                  f"passed = {cert[1]}", f"expires = {cert[2]}"]
        for ben in a.get("benefits", []):
            L += ["", f"[[{side}.benefits]]", f"name = {tq(ben[0])}", f"expires = {ben[1]}"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def write_answers(path, answers):
    L = ["[answers]"] + [f"{k} = {tq(v)}" for k, v in answers.items()]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def write_expect(path, mails):
    L = [f"# expected outcome per mail, in arrival order (generated by make_threads_ja.py)"]
    for fname, _, e in mails:
        L += ["", "[[mail]]", f"file = {tq(fname)}", f"kind = {tq(e['kind'])}",
              f"state = {tq(e['state'])}"]
        for k in ("deadline", "reopen_by"):
            if k in e:
                L.append(f"{k} = {e[k]}")
        if e.get("accept"):
            L.append("accept = true")
            L.append(f"state_after_accept = {tq(e['state_after_accept'])}")
        L.append(f"asks = {tarr(e.get('asks', []))}")
        if "phrase" in e:
            L.append(f"phrase = {tq(e['phrase'])}")
        if "draft" in e:
            d = e["draft"]
            L += ["[mail.draft]", f"purpose = {tq(d['purpose'])}", 'lang = "ja"',
                  f"must_contain = {tarr(d.get('must_contain', []))}",
                  f"must_not_contain = {tarr(d.get('must_not_contain', []))}"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L) + "\n")


def write_thread(th: Thread, case, answers):
    folder = os.path.join(HERE, th.slug)
    os.makedirs(folder, exist_ok=True)
    write_case(os.path.join(folder, "case.toml"), case)
    write_answers(os.path.join(folder, "answers.toml"), answers)
    write_expect(os.path.join(folder, "expect.toml"), th.mails)
    for fname, raw, _ in th.mails:
        with open(os.path.join(folder, fname), "wb") as f:
            f.write(raw)


def case_id_for(created: dt.datetime, seed: str) -> str:
    return f"{int(created.timestamp())}{int(hexstream(seed, 8), 16) % 100000:05d}"


def thunderbird_id(seed, domain):
    return f"<{uuidish(seed)}@{domain}>"


def outlook_id(seed):
    h = hexstream(seed, 40).upper()
    box = f"TYCPR01MB{int(h[:6], 16) % 100000:05d}"
    return f"<{box}{h[6:38]}@{box}.jpnprd01.prod.outlook.com>"


def gmail_id(seed):
    s = b64stream(seed, 44).replace("/", "_").replace("+", "-")
    return f"<CA{s[:2].upper()}{s[2:]}@mail.gmail.com>"


# ======================================================================
# t05: phrase confirmation, AI auto-answer, romaji profile name,
#      completion notice without 完了, thank-you, survey
# ======================================================================

def t05():
    created = J(2026, 11, 4, 9, 36, 18)
    cid = case_id_for(created, "t05")
    case = dict(
        reason="転職前に個人で取得した認定資格を、現在の勤務先で使用している認定アカウントにまとめたいため。両方のアカウントに認定資格があり、プロフィール画面からは統合できませんでした。",
        name="高橋 健一", company="株式会社ミナトシステムズ", case_id=cid,
        created=created.date().isoformat(),
        target=dict(account_id="AWS03581246",
                    login_email="kenichi.takahashi@minato-systems.co.jp",
                    training_email="kenichi.takahashi@minato-systems.co.jp",
                    certification_email="kenichi.takahashi@minato-systems.co.jp",
                    certifications=[("AWS Certified Solutions Architect - Associate", "2025-10-02", "2028-10-02")]),
        source=dict(account_id="AWS07192835",
                    login_email="k.takahashi.home@example.ne.jp",
                    training_email="k.takahashi.home@example.ne.jp",
                    certification_email="ktakahashi.cert@example.com",
                    certifications=[("AWS Certified Cloud Practitioner", "2024-02-17", "2027-02-17"),
                                    ("AWS Certified Developer - Associate", "2024-09-28", "2027-09-28")],
                    benefits=[("50% exam discount voucher", "2027-09-28")]),
    )
    answers = {"profile_name": "Kenichi Takahashi"}
    th = Thread("t05-ja-phrase", "高橋 健一", "kenichi.takahashi@minato-systems.co.jp",
                "minato-systems.co.jp", cid, created)
    th.user_from = addr("高橋 健一", th.user_email, "UTF-8")
    tb = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")]
    phrase = "AWS07192835 の認定資格および特典を AWS03581246 へ統合することに同意します"

    form = (
        "お問い合わせの種類: アカウントに関するお問い合わせ\n"
        "氏名: 高橋 健一\n"
        "連絡先メールアドレス: kenichi.takahashi@minato-systems.co.jp\n"
        "残すアカウントの ID: AWS03581246\n"
        "統合するアカウントの ID: AWS07192835\n"
        "統合するアカウントのログインメールアドレス: k.takahashi.home@example.ne.jp\n"
        "統合するアカウントの認定通知用メールアドレス: ktakahashi.cert@example.com\n"
        "詳細:\n"
        "転職前に個人で取得した認定資格を、現在の勤務先で使用しているアカウントにまとめたく、\n"
        "ご連絡いたしました。両方のアカウントに認定資格があるため、プロフィール画面からは\n"
        "統合できませんでした。お手数ですが、統合の手続きをお願いいたします。\n")

    # 01 acknowledgement: UTF-8 base64
    w = U(2026, 11, 4, 0, 37, 52)
    text = th.keep("01", f"""高橋 健一 様

AWS トレーニングと認定をご利用いただき、ありがとうございます。

以下の内容でお問い合わせを受け付けました。

ケース ID: {cid}
お問い合わせの種類: account-assistance

担当者が内容を確認のうえ、通常 2 営業日以内に本メールアドレス宛てにご連絡いたします。
お問い合わせについて追加の情報がある場合は、件名を変更せずに本メールへご返信ください。

※本メールはシステムにより自動送信されています。

AWS トレーニングと認定 カスタマーサポート
https://aws.amazon.com/jp/training/
""")
    th.support("01-acknowledgement.eml", w, subject(th.subj(""), None),
               leaf(text, "UTF-8", "base64"), dict(kind="acknowledgement", state="awaiting_support", asks=[]),
               regional=False)

    # 02 AI auto answer: ISO-2022-JP
    w = U(2026, 11, 4, 0, 39, 25)
    text = th.keep("02", """高橋 健一 様

お問い合わせいただきありがとうございます。

本メールは、お問い合わせ内容をもとに生成 AI を使用して自動で作成したご案内です。
担当者による確認前の一般的な情報となりますので、あらかじめご了承ください。

【認定アカウントの統合について】
AWS Certification のアカウントは、統合するアカウントのどちらか一方にのみ認定資格がある場合、
Certification アカウントのプロフィール画面から、お客様ご自身で統合していただけます。

  1. 残す側のアカウントでサインインします。
  2. 画面右上のメニューから「プロフィール」を開きます。
  3. 「アカウントを統合」を選択し、統合するアカウントの認証情報を入力します。

両方のアカウントに認定資格がある場合など、上記の手順で統合できない場合は、
このまま担当者が内容を確認のうえ、改めてご連絡いたします。
本メールへのご返信は不要です。

※本メールは AI により生成された内容を含みます。内容に誤りが含まれる可能性があります。

AWS トレーニングと認定 カスタマーサポート
""")
    th.support("02-ai-auto-answer.eml", w,
               subject(th.subj(), "【AI による自動回答】"),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="ai_auto_answer", state="awaiting_support", asks=[]))

    # 03 info request: profile name in romaji + training email; quotes the form
    w = U(2026, 11, 6, 5, 20, 41)
    text = th.keep("03", f"""高橋 健一 様

お問い合わせいただきありがとうございます。
AWS トレーニングと認定 カスタマーサポートの山口でございます。

認定アカウント AWS07192835 を AWS03581246 へ統合されたいとのご依頼、承知いたしました。
統合作業を進めるにあたり、恐れ入りますが以下の 2 点についてご教示いただけますでしょうか。

(1) 統合後の認定証およびデジタルバッジに表示するお名前のローマ字表記
    （パスポート等と同じ綴りでご記入ください。例：Taro Yamada）

(2) 統合元アカウント（AWS07192835）でご利用中の aws.training の通知用メールアドレス

なお、統合元アカウントの認定通知用メールアドレスにつきましては、フォームにご記入いただいた
内容で確認が取れておりますので、改めてお知らせいただく必要はございません。

お手数をおかけいたしますが、本メールへのご返信にてお知らせくださいますよう
お願い申し上げます。

何卒よろしくお願いいたします。

山口
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 高橋 健一
Sent: {jdate(created, 'slash')}
Subject: {BASE_SUBJ}

{form}""")
    th.support("03-agent-asks-romaji-name.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="info_request", state="info_requested", asks=["profile_name", "training_email"],
                    draft=dict(purpose="info_reply",
                               must_contain=["Kenichi Takahashi", "k.takahashi.home@example.ne.jp"],
                               must_not_contain=["上記の内容"])))

    # 04 own reply (Thunderbird, UTF-8 8bit)
    w = J(2026, 11, 9, 8, 52, 13)
    text = th.keep("04", f"""AWS トレーニングと認定 カスタマーサポート
山口様

お世話になっております。高橋です。
ご連絡いただきありがとうございます。ご質問の件、以下のとおり回答いたします。

(1) 認定証およびデジタルバッジに表示する氏名のローマ字表記
    Kenichi Takahashi

(2) 統合元アカウント（AWS07192835）の aws.training 通知用メールアドレス
    k.takahashi.home@example.ne.jp

以上、よろしくお願いいたします。

--
高橋 健一
株式会社ミナトシステムズ
kenichi.takahashi@minato-systems.co.jp

On {jdate(th.dates['03-agent-asks-romaji-name.eml'], 'slash')}, AWS Training and Certification wrote:
{gt(th.bodies['03'].split('-----Original Message-----')[0])}
""")
    th.own("04-own-reply-romaji.eml", w, subject("Re: " + th.subj()),
           leaf(text, "UTF-8", "8bit"), thunderbird_id("t05-04", th.domain),
           dict(kind="own_reply", state="awaiting_support", asks=[]), client_headers=tb)

    # 05 confirmation request with verbatim phrase (multipart: ISO-2022-JP plain + UTF-8 html)
    w = U(2026, 11, 10, 2, 31, 7)
    text = th.keep("05", f"""高橋 健一 様

ご返信いただきありがとうございます。
AWS トレーニングと認定 カスタマーサポートの山口でございます。

お知らせいただいた内容をもとに確認いたしましたところ、統合は以下の内容で実施する予定です。

■ 統合元アカウント（統合後はご利用いただけなくなります）
  AWS07192835 / k.takahashi.home@example.ne.jp
■ 統合先アカウント（引き続きご利用いただくアカウント）
  AWS03581246 / kenichi.takahashi@minato-systems.co.jp
■ 統合先へ移行する認定資格
  ・AWS Certified Cloud Practitioner（2024年2月17日 合格）
  ・AWS Certified Developer - Associate（2024年9月28日 合格）
■ 統合先へ移行する特典
  ・50% 割引バウチャー（有効期限：2027年9月28日）
■ 認定証に表示されるお名前
  Kenichi Takahashi

統合後は統合元アカウントにサインインできなくなり、統合を取り消すこともできかねます。
つきましては、誠に恐れ入りますが、ご本人様のご意思を確認させていただくため、
以下の文言をそのままコピーし、本メールにご返信いただけますでしょうか。

『{phrase}』

文言が異なる場合、お手続きを進められないことがございますので、あらかじめご了承ください。
ご確認くださいますようお願い申し上げます。

山口
AWS トレーニングと認定 カスタマーサポート

差出人: 高橋 健一 <kenichi.takahashi@minato-systems.co.jp>
送信日時: {jdate(th.dates['04-own-reply-romaji.eml'])}
宛先: AWS Training and Certification <{SUPPORT}>
件名: Re: {th.subj()}

{th.bodies['04'].split('--')[0].rstrip()}

差出人: AWS Training and Certification <{SUPPORT}>
送信日時: {jdate(th.dates['03-agent-asks-romaji-name.eml'])}
宛先: kenichi.takahashi@minato-systems.co.jp
件名: {th.subj()}

{th.bodies['03'].split('-----Original Message-----')[0].rstrip()}
""")
    content = alternative("----=_Part_4471_1873350241.1794277867001", [
        leaf(text, "ISO-2022-JP", "7bit"),
        leaf(to_html(text), "UTF-8", "quoted-printable", "html"),
    ])
    th.support("05-confirm-with-phrase.eml", w, subject(th.subj(), "【統合内容のご確認】", whole=True),
               content,
               dict(kind="confirmation_request", state="confirmation_requested", asks=["phrase"],
                    phrase=phrase,
                    draft=dict(purpose="confirm_merge", must_contain=[phrase], must_not_contain=[])))

    # 06 own reply with the phrase
    w = J(2026, 11, 10, 21, 14, 40)
    text = th.keep("06", f"""山口様

お世話になっております。高橋です。
統合内容を確認いたしました。ご記載いただいた内容で相違ございません。

{phrase}

お手数をおかけしますが、お手続きのほどよろしくお願いいたします。

--
高橋 健一
株式会社ミナトシステムズ

On {jdate(th.dates['05-confirm-with-phrase.eml'], 'slash')}, AWS Training and Certification wrote:
{gt(th.bodies['05'].split('差出人:')[0])}
""")
    th.own("06-own-reply-phrase.eml", w,
           subject("Re:", th.subj() + " 【統合内容のご確認】", "UTF-8", whole=True),
           leaf(text, "UTF-8", "8bit"), thunderbird_id("t05-06", th.domain),
           dict(kind="own_reply", state="awaiting_completion", asks=[]), client_headers=tb)

    # 07 completion notice, no 完了 anywhere in subject or new text
    w = U(2026, 11, 16, 6, 2, 55)
    text = th.keep("07", f"""高橋 健一 様

いつもお世話になっております。
AWS トレーニングと認定 カスタマーサポートの山口でございます。

ご依頼いただいておりました認定アカウントの統合作業が終わりましたので、ご連絡いたします。

統合元アカウント AWS07192835 に登録されていた認定資格 2 件と 50% 割引バウチャーは、
AWS03581246 へ移しております。今後は kenichi.takahashi@minato-systems.co.jp で
サインインのうえ、認定資格および特典をご確認ください。
なお、統合元アカウントのメールアドレスでは今後サインインできませんのでご注意ください。

Credly のデジタルバッジは、数日以内に統合先アカウントの情報で再発行されます。
お客様にお手続きいただく必要はございません。

このたびはご協力いただき、誠にありがとうございました。

山口
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 高橋 健一 <kenichi.takahashi@minato-systems.co.jp>
Sent: {jdate(th.dates['06-own-reply-phrase.eml'], 'slash')}
To: AWS Training and Certification
Subject: Re: {th.subj()} 【統合内容のご確認】

{th.bodies['06'].split('--')[0].rstrip()}

-----Original Message-----
From: AWS Training and Certification
Sent: {jdate(th.dates['05-confirm-with-phrase.eml'], 'slash')}
To: kenichi.takahashi@minato-systems.co.jp
Subject: {th.subj()} 【統合内容のご確認】

{th.bodies['05'].split('差出人:')[0].rstrip()}
""")
    th.support("07-merge-done-plain.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="completion_notice", state="completed", asks=[]))

    # 08 own thank-you after completion
    w = J(2026, 11, 16, 17, 40, 2)
    text = th.keep("08", f"""山口様

お世話になっております。高橋です。
統合のご対応をいただき、ありがとうございました。
統合先のアカウントで、認定資格 2 件と割引バウチャーが表示されていることを確認いたしました。

このたびは丁寧にご対応いただき、大変助かりました。
今後ともよろしくお願いいたします。

--
高橋 健一
株式会社ミナトシステムズ

On {jdate(th.dates['07-merge-done-plain.eml'], 'slash')}, AWS Training and Certification wrote:
{gt(th.bodies['07'].split('-----Original Message-----')[0])}
""")
    th.own("08-own-thanks.eml", w, subject("Re: " + th.subj()),
           leaf(text, "UTF-8", "8bit"), thunderbird_id("t05-08", th.domain),
           dict(kind="own_reply", state="completed", asks=[]), client_headers=tb)

    # 09 survey (UTF-8 quoted-printable, multipart)
    w = U(2026, 11, 17, 1, 0, 14)
    text = th.keep("09", f"""高橋 健一 様

先日は AWS トレーニングと認定 カスタマーサポートをご利用いただき、誠にありがとうございました。

サービス向上のため、ケース {cid} におけるサポートの対応について、
簡単なアンケートへのご協力をお願いしております。所要時間は 2 分ほどです。

▼アンケートはこちら
https://survey.aws-training.amazon.com/jfe/form/SV_3kPq8XmZ2tUa6aW?case={cid}&lang=ja

いただいたご意見は、今後のサポート品質の改善に活用させていただきます。
なお、本アンケートへのご回答は任意です。回答期限は 2026年11月30日 です。

※本メールは送信専用アドレスからお送りしております。ご返信いただいてもお答えできませんので、
  あらかじめご了承ください。

AWS トレーニングと認定
""")
    content = alternative("----=_Part_90210_55182734.1794358814322", [
        leaf(text, "UTF-8", "quoted-printable"),
        leaf(to_html(text), "UTF-8", "quoted-printable", "html"),
    ])
    th.support("09-survey-ja.eml", w,
               subject("", f"【アンケートのお願い】AWS トレーニングと認定 カスタマーサポートのご利用について [CASE {cid}]",
                       "UTF-8", whole=True),
               content, dict(kind="survey", state="completed", asks=[]),
               from_hdr=addr("AWS トレーニングと認定", "no-reply-tc-survey@amazon.com", "UTF-8"),
               thread=False)
    return th, case, answers


# ======================================================================
# t06: second info request (missing certification email), 3営業日 warning
#      over the 勤労感謝の日 weekend, confirmation with ①/② options
# ======================================================================

def t06():
    created = J(2026, 11, 12, 10, 8, 47)
    cid = case_id_for(created, "t06")
    case = dict(
        reason="以前個人のメールアドレスで作成したアカウントと、会社のメールアドレスで作成したアカウントに認定資格が分かれてしまったため、会社のアカウントに一本化したい。",
        name="中村 美咲", company="アオバデータ株式会社", case_id=cid,
        created=created.date().isoformat(),
        target=dict(account_id="AWS05274813",
                    login_email="misaki.nakamura@aoba-data.co.jp",
                    training_email="misaki.nakamura@aoba-data.co.jp",
                    certification_email="misaki.nakamura@aoba-data.co.jp",
                    certifications=[("AWS Certified Data Engineer - Associate", "2026-03-19", "2029-03-19")]),
        source=dict(account_id="AWS09316427",
                    login_email="misaki.n1990@example.com",
                    training_email="misaki.n1990@example.com",
                    certification_email="mnakamura.notify@example.org",
                    certifications=[("AWS Certified Solutions Architect - Associate", "2024-07-25", "2027-07-25"),
                                    ("AWS Certified AI Practitioner", "2025-08-21", "2028-08-21")],
                    benefits=[("50% exam discount voucher", "2027-01-31")]),
    )
    answers = {"choice": "①"}
    th = Thread("t06-ja-options", "中村 美咲", "misaki.nakamura@aoba-data.co.jp",
                "aoba-data.co.jp", cid, created)
    th.user_from = addr("中村 美咲", th.user_email, "ISO-2022-JP")
    ol = [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "ja"),
          ("Thread-Topic", f"[CASE {cid}] {BASE_SUBJ}")]

    # 01 acknowledgement (ISO-2022-JP)
    w = U(2026, 11, 12, 1, 9, 30)
    text = th.keep("01", f"""中村 美咲 様

この度は AWS トレーニングと認定へお問い合わせいただき、誠にありがとうございます。
お問い合わせ（ケース番号：{cid}）を受け付けました。

内容を確認のうえ、担当者より順次ご連絡いたします。
お問い合わせの状況によっては、ご回答までに数営業日ほどお時間をいただく場合がございます。
恐れ入りますが、今しばらくお待ちくださいますようお願い申し上げます。

本メールにご返信いただくと、同じケースに情報を追加することができます。
その際は件名の [CASE {cid}] を削除しないようにお願いいたします。

AWS トレーニングと認定 カスタマーサポート
""")
    th.support("01-acknowledgement.eml", w, subject(th.subj("")),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="acknowledgement", state="awaiting_support", asks=[]), regional=False)

    # 02 first info request: login email + certifications with pass dates
    w = U(2026, 11, 13, 6, 45, 19)
    text = th.keep("02", """中村 美咲 様

お問い合わせいただきありがとうございます。
AWS トレーニングと認定 カスタマーサポートの佐々木と申します。

認定アカウントの統合についてのご依頼を拝見いたしました。
お手続きを進めるにあたり、統合元アカウント（AWS09316427）について、
以下の情報を確認させていただけますでしょうか。

  ・統合元アカウントのサインインに使用しているメールアドレス
  ・統合元アカウントで取得されている認定資格の名称と、それぞれの合格日

いただいた情報をもとに、弊社で管理しているアカウント情報との照合を行います。
恐れ入りますが、ご確認くださいますようお願い申し上げます。

佐々木
AWS Training and Certification Customer Support
""")
    th.support("02-agent-asks-login-and-certs.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="info_request", state="info_requested", asks=["login_email", "certifications"],
                    draft=dict(purpose="info_reply",
                               must_contain=["misaki.n1990@example.com",
                                             "AWS Certified Solutions Architect - Associate", "2024-07-25",
                                             "AWS Certified AI Practitioner", "2025-08-21"],
                               must_not_contain=["AWS Certified Data Engineer - Associate", "上記の内容"])))

    # 03 own reply (Outlook, ISO-2022-JP) - gives login email and certs, no cert email
    w = J(2026, 11, 13, 18, 22, 51)
    text = th.keep("03", f"""AWS トレーニングと認定 カスタマーサポート
佐々木様

お世話になっております。アオバデータの中村です。
ご連絡ありがとうございます。統合元アカウント（AWS09316427）の情報をお送りいたします。

■サインイン用メールアドレス
misaki.n1990@example.com

■取得済みの認定資格と合格日
・AWS Certified Solutions Architect - Associate（2024年7月25日）
・AWS Certified AI Practitioner（2025年8月21日）

ご確認のほど、よろしくお願いいたします。

中村 美咲
アオバデータ株式会社 データ基盤部

差出人: AWS Training and Certification <{SUPPORT}>
送信日時: {jdate(th.dates['02-agent-asks-login-and-certs.eml'])}
宛先: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
件名: {th.subj()}

{th.bodies['02'].rstrip()}
""")
    th.own("03-own-reply-login-certs.eml", w, subject("RE: " + th.subj()),
           leaf(text, "ISO-2022-JP", "7bit"), outlook_id("t06-03"),
           dict(kind="own_reply", state="awaiting_support", asks=[]), client_headers=ol)

    # 04 second info request: the certification notification email is missing
    w = U(2026, 11, 16, 2, 10, 44)
    text = th.keep("04", f"""中村 美咲 様

ご返信いただきありがとうございます。佐々木でございます。

お知らせいただいたサインイン用メールアドレスと認定資格の情報で、
統合元アカウントを確認することができました。ご協力に感謝申し上げます。

一方で、統合元アカウントには、サインイン用とは別のメールアドレスが
認定に関するお知らせの送信先として登録されていることを確認いたしました。
ご本人確認のため、恐れ入りますが、統合元アカウントの「認定通知用メールアドレス」
（認定に関するお知らせを受け取っているメールアドレス）を、ご返信にてお知らせいただけますでしょうか。

こちらのメールアドレスが確認できませんと、統合のお手続きに進むことができかねます。
お手数をおかけいたしますが、どうぞよろしくお願いいたします。

佐々木
AWS Training and Certification Customer Support

差出人: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
送信日時: {jdate(th.dates['03-own-reply-login-certs.eml'])}
宛先: AWS Training and Certification <{SUPPORT}>
件名: RE: {th.subj()}

{th.bodies['03'].rstrip()}
""")
    th.support("04-agent-cert-email-missing.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="info_request", state="info_requested", asks=["certification_email"],
                    draft=dict(purpose="info_reply", must_contain=["mnakamura.notify@example.org"],
                               must_not_contain=["上記の内容"])))

    # 05 auto-close warning: 3営業日以内 on Fri 2026-11-20 (JST) -> 11-26
    w = U(2026, 11, 20, 2, 5, 33)
    text = th.keep("05", f"""中村 美咲 様

AWS トレーニングと認定 カスタマーサポートの佐々木です。

11月16日にお送りしたメールにて、統合元アカウント（AWS09316427）の認定通知用メールアドレスを
お知らせくださるようお願いしておりましたが、現時点でご返信を確認できておりません。

恐れ入りますが、本メールの送信から 3営業日以内にご返信がない場合、本ケースはいったん
クローズとさせていただきます。
引き続き統合をご希望の場合は、上記のメールアドレスを本メールへのご返信にてお知らせください。

なお、ケースがクローズされた後でも、件名を変更せずにご返信いただければ、
ケースを再開することが可能です。

佐々木
AWS Training and Certification Customer Support

差出人: AWS Training and Certification <{SUPPORT}>
送信日時: {jdate(th.dates['04-agent-cert-email-missing.eml'])}
宛先: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
件名: {th.subj()}

{th.bodies['04'].split('差出人:')[0].rstrip()}
""")
    th.support("05-auto-close-3-business-days.eml", w,
               subject(th.subj(), "【ご返信のお願い】"),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="auto_close_warning", state="info_requested", deadline="2026-11-26",
                    asks=["certification_email"],
                    draft=dict(purpose="info_reply", must_contain=["mnakamura.notify@example.org"],
                               must_not_contain=["上記の内容"])))

    # 06 own reply after the long weekend
    w = J(2026, 11, 24, 9, 3, 27)
    text = th.keep("06", f"""佐々木様

お世話になっております。アオバデータの中村です。
連休を挟んでしまい、ご返信が遅くなり申し訳ございません。

統合元アカウント（AWS09316427）の認定通知用メールアドレスは、以下のとおりです。
mnakamura.notify@example.org

引き続きどうぞよろしくお願いいたします。

中村 美咲
アオバデータ株式会社 データ基盤部

差出人: AWS Training and Certification <{SUPPORT}>
送信日時: {jdate(th.dates['05-auto-close-3-business-days.eml'])}
宛先: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
件名: {th.subj()} 【ご返信のお願い】

{th.bodies['05'].split('差出人:')[0].rstrip()}
""")
    th.own("06-own-reply-cert-email.eml", w,
           subject("RE: " + th.subj(), "【ご返信のお願い】"),
           leaf(text, "ISO-2022-JP", "7bit"), outlook_id("t06-06"),
           dict(kind="own_reply", state="awaiting_support", asks=[]), client_headers=ol)

    # 07 confirmation with ①/② options (UTF-8 base64: ① is not in JIS X 0208)
    w = U(2026, 11, 25, 5, 38, 2)
    text = th.keep("07", f"""中村 美咲 様

ご返信いただきありがとうございます。佐々木でございます。
統合元アカウントの認定通知用メールアドレスを確認いたしました。

以下の内容で統合のお手続きを進めさせていただく予定です。

  統合元アカウント：AWS09316427（misaki.n1990@example.com）
  統合先アカウント：AWS05274813（misaki.nakamura@aoba-data.co.jp）
  移行する認定資格：
    AWS Certified Solutions Architect - Associate（合格日：2024年7月25日）
    AWS Certified AI Practitioner（合格日：2025年8月21日）
  移行する特典：50% 割引バウチャー（有効期限：2027年1月31日）

上記の内容でお間違いがなければ、統合についてご承認いただけますでしょうか。

また、統合後に認定に関するお知らせをお送りするメールアドレスについて、
以下のいずれかをお選びください。

  ① 統合先アカウントの現在の通知先（misaki.nakamura@aoba-data.co.jp）を引き続き使用する
  ② 統合元アカウントの通知先（mnakamura.notify@example.org）に切り替える

ご返信の際は、ご承認の旨とあわせて、①または②の番号をご記載ください。
ご不明な点がございましたら、お気軽にお問い合わせください。

佐々木
AWS Training and Certification Customer Support

差出人: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
送信日時: {jdate(th.dates['06-own-reply-cert-email.eml'])}
宛先: AWS Training and Certification <{SUPPORT}>
件名: RE: {th.subj()} 【ご返信のお願い】

{th.bodies['06'].rstrip()}
""")
    th.support("07-confirm-with-options.eml", w,
               subject(th.subj(), "【統合内容のご確認とご選択のお願い】", "UTF-8"),
               leaf(text, "UTF-8", "base64"),
               dict(kind="confirmation_request", state="confirmation_requested", asks=["confirm", "choice"],
                    draft=dict(purpose="confirm_merge",
                               must_contain=["AWS09316427", "AWS05274813", "①", "引き続き使用する"],
                               must_not_contain=["切り替える"])))

    # 08 own reply choosing ① (Outlook, UTF-8 quoted-printable)
    w = J(2026, 11, 25, 17, 12, 9)
    text = th.keep("08", f"""佐々木様

お世話になっております。アオバデータの中村です。
統合内容を確認いたしました。ご提示いただいた内容（AWS09316427 を AWS05274813 へ統合）で、
統合を承認いたします。

通知先のメールアドレスは、①「統合先アカウントの現在の通知先（misaki.nakamura@aoba-data.co.jp）を
引き続き使用する」でお願いいたします。

よろしくお願いいたします。

中村 美咲
アオバデータ株式会社 データ基盤部

差出人: AWS Training and Certification <{SUPPORT}>
送信日時: {jdate(th.dates['07-confirm-with-options.eml'])}
宛先: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
件名: {th.subj()} 【統合内容のご確認とご選択のお願い】

{th.bodies['07'].split('差出人:')[0].rstrip()}
""")
    th.own("08-own-reply-choice.eml", w,
           subject("RE: " + th.subj(), "【統合内容のご確認とご選択のお願い】", "UTF-8"),
           leaf(text, "UTF-8", "quoted-printable"), outlook_id("t06-08"),
           dict(kind="own_reply", state="awaiting_completion", asks=[]), client_headers=ol)

    # 09 completion (UTF-8 quoted-printable; quotes the options mail)
    w = U(2026, 12, 1, 7, 20, 18)
    text = th.keep("09", f"""中村 美咲 様

お世話になっております。AWS トレーニングと認定 カスタマーサポートの岡田です。
佐々木に代わりましてご連絡いたします。

お待たせいたしました。ご依頼いただいた認定アカウントの統合処理が完了いたしました。

統合元アカウント（AWS09316427）の認定資格 2 件および 50% 割引バウチャーは、
統合先アカウント（AWS05274813）でご確認いただけます。
認定に関するお知らせは、ご指定のとおり misaki.nakamura@aoba-data.co.jp 宛てにお送りいたします。

なお、画面への反映には最大で 24 時間ほどかかる場合がございます。
24 時間以上経過しても反映されない場合は、お手数ですが本メールにご返信ください。

岡田
AWS Training and Certification Customer Support

差出人: 中村 美咲 <misaki.nakamura@aoba-data.co.jp>
送信日時: {jdate(th.dates['08-own-reply-choice.eml'])}
宛先: AWS Training and Certification <{SUPPORT}>
件名: RE: {th.subj()} 【統合内容のご確認とご選択のお願い】

{th.bodies['08'].rstrip()}
""")
    th.support("09-completion.eml", w,
               subject(th.subj(), "【アカウント統合完了のご連絡】"),
               leaf(text, "UTF-8", "quoted-printable"),
               dict(kind="completion_notice", state="completed", asks=[]))
    return th, case, answers


# ======================================================================
# t07: confirm + benefit plan, absolute-date auto-close, closed/reopen
#      notice, completion, Credly question after completion
# ======================================================================

def t07():
    created = J(2026, 11, 25, 13, 5, 2)
    cid = case_id_for(created, "t07")
    case = dict(
        reason="前職在籍中に個人のメールアドレスで取得した認定資格と、現職で取得した認定資格を、現職のアカウントにまとめたい。",
        name="伊藤 大輔", company="株式会社ツクモ工業", case_id=cid,
        created=created.date().isoformat(),
        target=dict(account_id="AWS06640917",
                    login_email="daisuke.ito@tsukumo-kogyo.co.jp",
                    training_email="daisuke.ito@tsukumo-kogyo.co.jp",
                    certification_email="daisuke.ito@tsukumo-kogyo.co.jp",
                    certifications=[("AWS Certified Security - Specialty", "2026-06-12", "2029-06-12")]),
        source=dict(account_id="AWS02957301",
                    login_email="d.ito.private@example.net",
                    training_email="d.ito.private@example.net",
                    certification_email="d.ito.private@example.net",
                    certifications=[("AWS Certified Solutions Architect - Professional", "2024-05-30", "2027-05-30"),
                                    ("AWS Certified Developer - Associate", "2025-01-22", "2028-01-22")],
                    benefits=[("50% exam discount voucher", "2026-12-20")]),
    )
    plan = "統合前には使用せず、統合後に統合先アカウントで使用する予定です。"
    answers = {"benefit_plan": plan, "credly_email": "ito.daisuke@example.org"}
    th = Thread("t07-ja-reopen-credly", "伊藤 大輔", "daisuke.ito@tsukumo-kogyo.co.jp",
                "tsukumo-kogyo.co.jp", cid, created)
    th.user_from = addr("伊藤 大輔", th.user_email, "UTF-8")

    def gmail(text, seed):
        return alternative(f"000000000000{hexstream(seed, 12)}", [
            leaf(text, "UTF-8", "base64"),
            leaf(to_html(text).replace("<div style=\"font-family: 'Meiryo', sans-serif; font-size: 14px;\">",
                                       '<div dir="ltr">'), "UTF-8", "quoted-printable", "html"),
        ])

    form = (
        "Case type: account-assistance\n"
        "氏名: 伊藤 大輔\n"
        "連絡先: daisuke.ito@tsukumo-kogyo.co.jp\n"
        "残したいアカウント: AWS06640917 (daisuke.ito@tsukumo-kogyo.co.jp)\n"
        "統合したいアカウント: AWS02957301 (d.ito.private@example.net)\n"
        "内容:\n"
        "前職在籍中に個人のアドレスで取得した認定資格を、現職のアカウントにまとめたいです。\n"
        "両方のアカウントに認定があり、画面からは統合できませんでした。\n"
        "また、統合後も Credly のバッジが引き続き使えるか教えてください。\n")

    # 01 acknowledgement (UTF-8 QP); its "48 時間以内" is support's promise, not a deadline
    w = U(2026, 11, 25, 4, 6, 11)
    text = th.keep("01", f"""伊藤 大輔 様

AWS トレーニングと認定 カスタマーサポートにお問い合わせいただき、ありがとうございます。
本メールは、お問い合わせを受け付けたことをお知らせする自動送信メールです。

ケース ID：{cid}
件名：account-assistance

担当者から 48 時間以内（土日祝日を除く）にご連絡いたします。
今しばらくお待ちくださいますようお願い申し上げます。

AWS トレーニングと認定 カスタマーサポート
""")
    th.support("01-acknowledgement.eml", w, subject(th.subj("")),
               leaf(text, "UTF-8", "quoted-printable"),
               dict(kind="acknowledgement", state="awaiting_support", asks=[]), regional=False)

    # 02 confirmation request with summary + benefit plan question
    w = U(2026, 11, 27, 1, 52, 40)
    text = th.keep("02", f"""伊藤 大輔 様

お問い合わせいただきありがとうございます。
AWS トレーニングと認定 カスタマーサポートの松本と申します。

フォームにご記入いただいた情報をもとに、両アカウントの登録内容を確認いたしました。
統合は以下の内容で承ります。

1. 統合元アカウント（統合後に閉鎖）：AWS02957301
   サインイン用メールアドレス：d.ito.private@example.net
2. 統合先アカウント（引き続きご利用）：AWS06640917
   サインイン用メールアドレス：daisuke.ito@tsukumo-kogyo.co.jp
3. 統合先へ移行する認定資格
   - AWS Certified Solutions Architect - Professional（2024年5月30日 合格）
   - AWS Certified Developer - Associate（2025年1月22日 合格）
4. 統合先へ移行する特典
   - 50% 割引バウチャー（有効期限：2026年12月20日）

恐れ入りますが、上記の内容で統合を進めてよろしいか、ご確認くださいますようお願い申し上げます。

また、統合作業中（通常 3 から 5 営業日）は、統合元アカウントの 50% 割引バウチャーを
ご利用いただけません。バウチャーの有効期限が近づいておりますので、統合前にご利用になる
ご予定があるかどうかも、あわせてお知らせいただけますでしょうか。

Credly のバッジにつきましては、統合完了後に改めてご案内いたします。

松本
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 伊藤 大輔 <daisuke.ito@tsukumo-kogyo.co.jp>
Sent: {jdate(created, 'slash')}
Subject: {BASE_SUBJ}

{form}""")
    th.support("02-confirm-and-voucher-plan.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="confirmation_request", state="confirmation_requested",
                    asks=["confirm", "benefit_plan"],
                    draft=dict(purpose="confirm_merge",
                               must_contain=["AWS02957301", "AWS06640917", plan],
                               must_not_contain=[])))

    # 03 auto-close warning with an absolute date (12月11日（金）)
    w = U(2026, 12, 4, 8, 15, 9)
    text = th.keep("03", f"""伊藤 大輔 様

AWS トレーニングと認定 カスタマーサポートの松本です。

11月27日にご案内いたしましたアカウント統合の内容のご確認と、バウチャーのご利用予定について、
まだご返信をいただけていないようでしたので、改めてご連絡いたしました。

12月11日（金）までにご返信がない場合、本ケースはクローズされますので、あらかじめご了承ください。
なお、統合元アカウントのバウチャーは 2026年12月20日に有効期限を迎えますので、
お早めにご確認いただけますと幸いです。

お手数ですが、ご確認くださいますようお願い申し上げます。

松本
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: AWS Training and Certification
Sent: {jdate(th.dates['02-confirm-and-voucher-plan.eml'], 'slash')}
To: daisuke.ito@tsukumo-kogyo.co.jp
Subject: {th.subj()}

{th.bodies['02'].split('-----Original Message-----')[0].rstrip()}
""")
    th.support("03-auto-close-dec11.eml", w, subject(th.subj(), "【ご確認のお願い】", whole=True),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="auto_close_warning", state="confirmation_requested", deadline="2026-12-11",
                    asks=["confirm", "benefit_plan"],
                    draft=dict(purpose="confirm_merge",
                               must_contain=["AWS02957301", "AWS06640917", plan],
                               must_not_contain=[])))

    # 04 closed as resolved; reply within 14 days to reopen (with account IDs)
    w = U(2026, 12, 14, 0, 30, 47)
    text = th.keep("04", """伊藤 大輔 様

AWS トレーニングと認定 カスタマーサポートです。

ご返信を確認できなかったため、お問い合わせいただいておりました本ケースは、
解決済みとしてクローズいたしました。

引き続きアカウントの統合をご希望の場合は、本日から 14 日以内に本メールへご返信いただければ、
ケースが再開されます。その際は、お手数ですが統合元アカウントと統合先アカウントの
アカウント ID を本文にご記載ください。
14 日を過ぎますと本ケースは再開できなくなり、改めてお問い合わせいただく必要がございます。

今後とも AWS トレーニングと認定をよろしくお願いいたします。

AWS トレーニングと認定 カスタマーサポート
""")
    th.support("04-closed-reopen-14-days.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="auto_close_warning", state="closed", reopen_by="2026-12-28",
                    asks=["account_id"],
                    draft=dict(purpose="reopen", must_contain=["AWS02957301", "AWS06640917"],
                               must_not_contain=[])))

    # 05 own reply: reopen + confirm + voucher plan (Gmail, multipart)
    w = J(2026, 12, 15, 8, 41, 26)
    text = th.keep("05", f"""AWS トレーニングと認定 カスタマーサポート
松本様

お世話になっております。ツクモ工業の伊藤です。
出張が続き、ご返信が大変遅くなってしまい申し訳ございません。
引き続きアカウントの統合をお願いしたく、ケースの再開をお願いいたします。

統合元アカウント：AWS02957301
統合先アカウント：AWS06640917

11月27日にご案内いただいた内容で、統合を進めていただいて問題ございません。
バウチャーは{plan}

お手数をおかけしますが、よろしくお願いいたします。

伊藤 大輔

{jdate(th.dates['04-closed-reopen-14-days.eml'], 'gmail')} AWS Training and Certification <{SUPPORT}>:

{gt(th.bodies['04'])}
""")
    th.own("05-own-reopen.eml", w, subject("Re: " + th.subj()),
           gmail(text, "t07-05"), gmail_id("t07-05"),
           dict(kind="own_reply", state="awaiting_support", asks=[]))

    # 06 completion ("統合いたしました")
    w = U(2026, 12, 17, 4, 48, 33)
    text = th.keep("06", f"""伊藤 大輔 様

ご返信いただきありがとうございます。松本でございます。
ケースを再開し、ご了承いただいた内容で統合の作業を行いました。

本日付で、統合元アカウント AWS02957301 を統合先アカウント AWS06640917 に統合いたしました。
認定資格 2 件と 50% 割引バウチャーは、統合先アカウントの「認定」および「特典」の画面から
ご確認いただけます。

Credly のデジタルバッジにつきましては、別途担当よりご連絡を差し上げます。

ご不明な点がございましたら、本メールにご返信ください。

松本
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 伊藤 大輔 <daisuke.ito@tsukumo-kogyo.co.jp>
Sent: {jdate(th.dates['05-own-reopen.eml'], 'slash')}
To: AWS Training and Certification
Subject: Re: {th.subj()}

{th.bodies['05'].split(jdate(th.dates['04-closed-reopen-14-days.eml'], 'gmail'))[0].rstrip()}

-----Original Message-----
From: AWS Training and Certification
Sent: {jdate(th.dates['04-closed-reopen-14-days.eml'], 'slash')}
To: daisuke.ito@tsukumo-kogyo.co.jp
Subject: {th.subj()}

{th.bodies['04'].rstrip()}
""")
    th.support("06-merged.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="completion_notice", state="completed", asks=[]))

    # 07 Credly question after completion
    w = U(2026, 12, 18, 2, 20, 5)
    text = th.keep("07", f"""伊藤 大輔 様

いつもお世話になっております。
AWS トレーニングと認定 カスタマーサポートの木村と申します。松本より本件を引き継ぎました。

アカウントの統合に伴い、統合元アカウントで取得された認定資格のデジタルバッジを、
統合先アカウントの情報で Credly にて再発行いたします。
つきましては、バッジを受け取る Credly アカウントにご登録のメールアドレスを
お知らせいただけますでしょうか。
Credly アカウントをまだお持ちでない場合は、バッジの受け取りにご利用になりたい
メールアドレスをお知らせください。

ご確認のほど、よろしくお願いいたします。

木村
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: AWS Training and Certification
Sent: {jdate(th.dates['06-merged.eml'], 'slash')}
To: daisuke.ito@tsukumo-kogyo.co.jp
Subject: {th.subj()}

{th.bodies['06'].rstrip()}
""")
    th.support("07-credly-which-email.eml", w, subject(th.subj(), "【Credly バッジについて】"),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="credly_followup", state="credly_requested", asks=["credly_email"],
                    draft=dict(purpose="credly_reply", must_contain=["ito.daisuke@example.org"],
                               must_not_contain=[])))

    # 08 own Credly reply
    w = J(2026, 12, 18, 12, 5, 44)
    text = th.keep("08", f"""木村様

お世話になっております。ツクモ工業の伊藤です。
ご連絡ありがとうございます。

Credly アカウントに登録しているメールアドレスは、以下のとおりです。
ito.daisuke@example.org

バッジの再発行について、どうぞよろしくお願いいたします。

伊藤 大輔

{jdate(th.dates['07-credly-which-email.eml'], 'gmail')} AWS Training and Certification <{SUPPORT}>:

{gt(th.bodies['07'].split('-----Original Message-----')[0])}
""")
    th.own("08-own-credly-reply.eml", w,
           subject("Re: " + th.subj(), "【Credly バッジについて】", "UTF-8"),
           gmail(text, "t07-08"), gmail_id("t07-08"),
           dict(kind="own_reply", state="completed", asks=[]))

    # 09 Credly done, asks nothing (UTF-8 base64)
    w = J(2026, 12, 21, 15, 33, 10)
    text = th.keep("09", f"""伊藤 大輔 様

木村でございます。ご返信いただきありがとうございます。

ito.daisuke@example.org 宛てに、以下のデジタルバッジを再発行いたしました。
  ・AWS Certified Solutions Architect - Professional
  ・AWS Certified Developer - Associate

Credly から「You've earned a badge」という件名のメールが届きますので、
メール内のリンクからバッジをお受け取りください。
数日経ってもメールが届かない場合は、迷惑メールフォルダもあわせてご確認ください。

本件について、ほかにご不明な点がなければ、ご返信いただく必要はございません。

木村
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 伊藤 大輔 <daisuke.ito@tsukumo-kogyo.co.jp>
Sent: {jdate(th.dates['08-own-credly-reply.eml'], 'slash')}
To: AWS Training and Certification
Subject: Re: {th.subj()} 【Credly バッジについて】

{th.bodies['08'].split(jdate(th.dates['07-credly-which-email.eml'], 'gmail'))[0].rstrip()}
""")
    th.support("09-credly-reissued.eml", w, subject(th.subj(), "【Credly バッジについて】", "UTF-8"),
               leaf(text, "UTF-8", "base64"),
               dict(kind="credly_followup", state="completed", asks=[]))
    return th, case, answers


# ======================================================================
# t08: no benefits, no summary; Builder ID email; ID mismatch second
#      request (Shift_JIS, 48時間以内); unrelated newsletter; forwarded
#      confirmation request (accept); completion
# ======================================================================

def t08():
    created = J(2026, 12, 1, 12, 20, 33)
    cid = case_id_for(created, "t08")
    case = dict(
        reason="個人で作成したアカウントと会社で作成したアカウントの両方で認定資格を取得してしまったため、会社のアカウントに一本化したい。",
        name="小林 由美", company="株式会社北斗ネットワークス", case_id=cid,
        created=created.date().isoformat(),
        target=dict(account_id="AWS08813264",
                    login_email="yumi.kobayashi@hokuto-nw.co.jp",
                    training_email="yumi.kobayashi@hokuto-nw.co.jp",
                    certification_email="yumi.kobayashi@hokuto-nw.co.jp",
                    certifications=[("AWS Certified Cloud Practitioner", "2025-11-20", "2028-11-20")]),
        source=dict(account_id="AWS04182753",
                    login_email="yumi.k.home@example.ne.jp",
                    training_email="yumi.k.home@example.ne.jp",
                    certification_email="yumi.k.home@example.ne.jp",
                    certifications=[("AWS Certified Machine Learning Engineer - Associate", "2025-04-09", "2028-04-09")]),
    )
    answers = {"builder_id_email": "ykobayashi.dev@example.com"}
    th = Thread("t08-ja-nobenefit", "小林 由美", "yumi.kobayashi@hokuto-nw.co.jp",
                "hokuto-nw.co.jp", cid, created)
    th.user_from = addr("小林 由美", th.user_email, "ISO-2022-JP")
    tb = [("User-Agent", "Mozilla Thunderbird"), ("Content-Language", "ja")]
    never = ["バウチャー", "上記の内容"]

    # 01 acknowledgement (UTF-8 base64 plain + html)
    w = U(2026, 12, 1, 3, 21, 45)
    text = th.keep("01", f"""小林 由美 様

お問い合わせありがとうございます。
AWS トレーニングと認定 カスタマーサポートにて、お問い合わせを受け付けました。

ケース番号: {cid}

内容を確認のうえ、担当者よりご連絡いたしますので、今しばらくお待ちください。
ケースの状況は、AWS トレーニングと認定のサポートページからもご確認いただけます。

※本メールは自動送信です。

AWS トレーニングと認定 カスタマーサポート
""")
    content = alternative("----=_Part_118833_1099512.1796095305411", [
        leaf(text, "UTF-8", "base64"),
        leaf(to_html(text), "UTF-8", "base64", "html"),
    ])
    th.support("01-acknowledgement.eml", w, subject(th.subj("")), content,
               dict(kind="acknowledgement", state="awaiting_support", asks=[]), regional=False)

    # 02 info request: both account IDs + Builder ID email
    w = U(2026, 12, 3, 5, 3, 29)
    text = th.keep("02", """小林 由美 様

お問い合わせいただきありがとうございます。
AWS トレーニングと認定 カスタマーサポートの林でございます。

認定アカウントの統合をご希望とのこと、承知いたしました。
恐れ入りますが、お手続きにあたり以下の点をご確認のうえ、ご返信くださいますようお願い申し上げます。

1. 統合元アカウントおよび統合先アカウントのアカウント ID
   （aws.training にサインインした後、プロフィール画面に表示される「AWS」から始まる ID です）

2. 統合先アカウントへのサインインに使用されている AWS Builder ID のメールアドレス
   （現在、AWS Certification アカウントへのサインインには AWS Builder ID をご利用いただいております）

上記 2 点を確認でき次第、統合が可能かどうかを確認いたします。

林
AWS トレーニングと認定 カスタマーサポート
""")
    th.support("02-agent-asks-ids-builder-id.eml", w, subject(th.subj()),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="info_request", state="info_requested", asks=["account_id", "builder_id_email"],
                    draft=dict(purpose="info_reply",
                               must_contain=["AWS08813264", "AWS04182753", "ykobayashi.dev@example.com"],
                               must_not_contain=never)))

    # 03 own reply with a typo in the source ID (AWS04182735)
    w = J(2026, 12, 3, 19, 47, 2)
    text = th.keep("03", f"""林様

お世話になっております。北斗ネットワークスの小林です。
ご連絡ありがとうございます。ご依頼の件、以下のとおりお知らせいたします。

1. アカウント ID
   統合元（個人で作成したアカウント）：AWS04182735
   統合先（会社のアカウント）：AWS08813264

2. AWS Builder ID のメールアドレス
   ykobayashi.dev@example.com

どうぞよろしくお願いいたします。

小林 由美
株式会社北斗ネットワークス

{jdate(th.dates['02-agent-asks-ids-builder-id.eml'], 'gmail')}, AWS Training and Certification wrote:
{gt(th.bodies['02'])}
""")
    th.own("03-own-reply-ids.eml", w, subject("Re: " + th.subj()),
           leaf(text, "ISO-2022-JP", "7bit"), thunderbird_id("t08-03", th.domain),
           dict(kind="own_reply", state="awaiting_support", asks=[]), client_headers=tb)

    # 04 second info request: ID does not match; Shift_JIS 8bit; 48時間以内
    w = U(2026, 12, 7, 6, 48, 10)
    text = th.keep("04", f"""小林 由美 様

ご返信いただきありがとうございます。林でございます。

AWS Builder ID のメールアドレス、および統合先アカウント（AWS08813264）は確認できました。
しかしながら、統合元アカウントとしてお知らせいただいた「AWS04182735」に該当するアカウントが
見つかりませんでした。

恐れ入りますが、統合元アカウントで aws.training にサインインいただき、プロフィール画面の
アカウント ID を改めてご確認のうえ、お知らせいただけますでしょうか。
あわせて、照合のため、統合元アカウントのサインインに使用しているメールアドレスも
ご記載いただけますと幸いです。

お手数をおかけして申し訳ございませんが、本メールの送信から 48 時間以内に
ご返信くださいますようお願い申し上げます。

林
AWS トレーニングと認定 カスタマーサポート

---- {jdate(th.dates['03-own-reply-ids.eml'], 'gmail')} 小林 由美 <yumi.kobayashi@hokuto-nw.co.jp> さんからのメッセージ ----
{gt(th.bodies['03'])}
""")
    th.support("04-agent-id-mismatch-sjis.eml", w,
               subject(th.subj(), "【アカウント ID のご確認】", "Shift_JIS"),
               leaf(text, "Shift_JIS", "8bit"),
               dict(kind="info_request", state="info_requested", deadline="2026-12-09",
                    asks=["account_id", "login_email"],
                    draft=dict(purpose="info_reply",
                               must_contain=["AWS04182753", "yumi.k.home@example.ne.jp"],
                               must_not_contain=["AWS04182735"] + never)))

    # 05 own reply with the right ID
    w = J(2026, 12, 8, 12, 31, 55)
    text = th.keep("05", f"""林様

お世話になっております。北斗ネットワークスの小林です。
大変失礼いたしました。アカウント ID の数字を取り違えておりました。
プロフィール画面で確認し直しましたので、改めてお知らせいたします。

統合元アカウント ID：AWS04182753
統合元アカウントのサインイン用メールアドレス：yumi.k.home@example.ne.jp

お手数をおかけして申し訳ございません。よろしくお願いいたします。

小林 由美
株式会社北斗ネットワークス

{jdate(th.dates['04-agent-id-mismatch-sjis.eml'], 'gmail')}, AWS Training and Certification wrote:
{gt(th.bodies['04'].split('---- ')[0])}
""")
    th.own("05-own-reply-correct-id.eml", w,
           subject("Re: " + th.subj(), "【アカウント ID のご確認】", "ISO-2022-JP"),
           leaf(text, "ISO-2022-JP", "7bit"), thunderbird_id("t08-05", th.domain),
           dict(kind="own_reply", state="awaiting_support", asks=[]), client_headers=tb)

    # 06 unrelated AWS newsletter (amazon.com, DKIM pass, mentions 認定/割引/アカウント)
    w = U(2026, 12, 9, 1, 0, 3)
    text = """AWS トレーニングと認定 ニュースレター 2026年12月号

いつも AWS トレーニングと認定をご利用いただき、ありがとうございます。
今月の新着情報をお届けします。

■ 新しい認定試験のベータ版を公開しました
2027 年に向けて、新しいアソシエイトレベルの認定試験のベータ版の受験予約を開始しました。
ベータ試験は通常の受験料から 50% 割引でご受験いただけます。

■ 年末年始のテストセンター営業について
12月29日から1月3日まで、一部のテストセンターが休業いたします。
受験予約の際は、各テストセンターの営業日をご確認ください。

■ AWS Skill Builder の新コース
生成 AI を活用したアプリケーション開発の入門コース（日本語字幕付き）を公開しました。

認定アカウントのプロフィールやメールアドレスの変更は、AWS Certification アカウントの
プロフィール画面から行えます。

配信停止をご希望の場合は、以下のリンクから手続きしてください。
https://pages.awscloud.com/communication-preferences.html

Amazon Web Services Japan G.K.
東京都品川区上大崎 3-1-1 目黒セントラルスクエア
"""
    th.keep("06", text)
    content = alternative("----=_Part_2271930_2090715.1796173203551", [
        leaf(text, "UTF-8", "quoted-printable"),
        leaf(to_html(text), "UTF-8", "quoted-printable", "html"),
    ])
    th.support("06-aws-newsletter.eml", w,
               subject("", "【AWS トレーニングと認定】12月の新着情報：新しい認定試験のベータ版を公開", "UTF-8",
                       whole=True),
               content, dict(kind="unrelated", state="awaiting_support", asks=[]),
               from_hdr=addr("Amazon Web Services", "aws-marketing-email-replies@amazon.com"),
               thread=False,
               extra=[("List-Unsubscribe", "<https://pages.awscloud.com/communication-preferences.html>"),
                      ("Precedence", "bulk")])

    # 07 the confirmation request went to the source address; the user forwards it
    orig_when = J(2026, 12, 10, 10, 5, 21)
    orig_id = ses_id(orig_when, "t08/orig-confirm")
    orig_text = """小林 由美 様

ご返信いただきありがとうございます。林でございます。

統合元アカウント AWS04182753 を確認することができました。
ご本人様確認のため、本メールは統合元アカウントにご登録のメールアドレス宛てにお送りしております。

統合元アカウント AWS04182753 を統合先アカウント AWS08813264 へ統合してよろしいでしょうか。
統合後は元に戻すことができませんので、ご了承いただける場合は、件名を変更せずに
本メールへご返信ください。ご返信は、どちらのメールアドレスからでも差し支えございません。

林
AWS トレーニングと認定 カスタマーサポート
"""
    th.chain.append(orig_id)           # support's message exists, just not in this mailbox
    w = J(2026, 12, 10, 20, 30, 12)
    fwd_id = f"<{uuidish('t08-fwd')}@webmail.example.ne.jp>"
    text = th.keep("07", f"""会社のアドレスに転送します。

---------- Forwarded message ---------
From: AWS Training and Certification <{SUPPORT}>
Date: {jdate(orig_when, 'gmail')}
Subject: {th.subj()}
To: <yumi.k.home@example.ne.jp>


{orig_text}""")
    fwd_body = leaf(text, "UTF-8", "base64")
    seed = "t08-fwd-dkim"
    dsig, db = dkim(seed, w, "example.ne.jp", "wm2026", "From:To:Subject:Date:Message-ID:MIME-Version:Content-Type",
                    fwd_body[1], 2048)
    headers = [
        ("Authentication-Results",
         f"mx.hokuto-nw.co.jp;\n\tdkim=pass (2048-bit key) header.d=example.ne.jp header.i=@example.ne.jp header.s=wm2026 header.b={db};\n"
         f"\tspf=pass smtp.mailfrom=yumi.k.home@example.ne.jp;\n\tdmarc=pass header.from=example.ne.jp"),
        ("Received",
         "from smtp-out3.example.ne.jp (smtp-out3.example.ne.jp [203.0.113.45])\n"
         "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n"
         "\t(No client certificate requested)\n"
         f"\tby mx.hokuto-nw.co.jp (Postfix) with ESMTPS id 4Y9kT2hHq8zFw1R\n"
         f"\tfor <yumi.kobayashi@hokuto-nw.co.jp>; {received_date(w + dt.timedelta(seconds=3))}"),
        ("DKIM-Signature", dsig),
        ("Date", rfc_date(w)),
        ("From", addr("小林 由美", "yumi.k.home@example.ne.jp", "UTF-8")),
        ("To", "yumi.kobayashi@hokuto-nw.co.jp"),
        ("Subject", subject("Fwd: " + th.subj())),
        ("Message-ID", fwd_id),
        ("X-Mailer", "example.ne.jp Webmail"),
    ]
    th.raw("07-forwarded-confirmation.eml", w, assemble(headers, fwd_body), fwd_id,
           dict(kind="confirmation_request", state="awaiting_support", accept=True,
                state_after_accept="confirmation_requested", asks=["confirm"],
                draft=dict(purpose="confirm_merge", must_contain=["AWS04182753", "AWS08813264"],
                           must_not_contain=never)))
    th.chain.append(fwd_id)

    # 08 own confirmation, from the work address, replying to the forward
    w = J(2026, 12, 10, 20, 48, 33)
    text = th.keep("08", f"""林様

お世話になっております。北斗ネットワークスの小林です。
統合元アカウントのメールアドレス宛てにお送りいただいたメールを確認いたしました。

統合元アカウント AWS04182753 を統合先アカウント AWS08813264 へ統合することを承認いたします。
統合後は元に戻せないことも承知しております。

お手数をおかけしますが、よろしくお願いいたします。

小林 由美
株式会社北斗ネットワークス

{jdate(orig_when, 'gmail')}, AWS Training and Certification wrote:
{gt(orig_text)}
""")
    th.own("08-own-confirm.eml", w, subject("Re: " + th.subj()),
           leaf(text, "ISO-2022-JP", "7bit"), thunderbird_id("t08-08", th.domain),
           dict(kind="own_reply", state="awaiting_completion", asks=[]), client_headers=tb)

    # 09 completion (ISO-2022-JP); quotes the ID-mismatch request
    w = U(2026, 12, 15, 2, 14, 50)
    text = th.keep("09", f"""小林 由美 様

いつもお世話になっております。林でございます。
ご承認いただき、ありがとうございました。

統合元アカウント AWS04182753 を、統合先アカウント AWS08813264 に統合いたしました。
AWS Certified Machine Learning Engineer - Associate は、統合先アカウントの認定資格として
表示されるようになっております。
今後は AWS Builder ID（ykobayashi.dev@example.com）で統合先アカウントにサインインしてご利用ください。

以上で本件の対応は完了となります。ご不明な点がございましたら、本メールにご返信ください。

林
AWS トレーニングと認定 カスタマーサポート

-----Original Message-----
From: 小林 由美 <yumi.kobayashi@hokuto-nw.co.jp>
Sent: {jdate(th.dates['08-own-confirm.eml'], 'slash')}
To: AWS Training and Certification
Subject: Re: {th.subj()}

{th.bodies['08'].split(jdate(orig_when, 'gmail'))[0].rstrip()}

-----Original Message-----
From: AWS Training and Certification
Sent: {jdate(th.dates['04-agent-id-mismatch-sjis.eml'], 'slash')}
To: yumi.kobayashi@hokuto-nw.co.jp
Subject: {th.subj()} 【アカウント ID のご確認】

{th.bodies['04'].split('---- ')[0].rstrip()}
""")
    th.support("09-completion.eml", w, subject(th.subj(), "統合処理完了のお知らせ"),
               leaf(text, "ISO-2022-JP", "7bit"),
               dict(kind="completion_notice", state="completed", asks=[]))
    return th, case, answers


def main():
    for build in (t05, t06, t07, t08):
        th, case, answers = build()
        write_thread(th, case, answers)
        print(f"{th.slug}: {len(th.mails)} mails, case {th.case_id}")


if __name__ == "__main__":
    main()
